import { CellRange, rangeA1 } from '../../importer/engine/grid/address';
import { Grid } from '../../importer/engine/grid/grid';
import { batchByWeight, splitRange } from '../sheet/blocks';
import { addBlock } from '../sheet/excel-cells';
import { Capabilities } from './capabilities';
import { XlRange, XlRequestContext, XlWorksheet, XlWorksheetProtection } from './excel-api';
import { readMergedAreas } from './merged-areas';
import { isPayloadError } from './errors';

export type Scope = 'active' | 'workbook';

export interface SheetRead {
  name: string;
  id: string;
  visibility: string;
  protected: boolean;
  /** What the add-in may change on it. */
  write: WriteMode;
  grid: Grid;
}

export interface WorkbookRead {
  activeSheet: string;
  /** The sheets read (the active one, or all). */
  sheets: SheetRead[];
  /** Every sheet of the workbook, in tab order. */
  allSheets: { name: string; id: string }[];
}

export interface ReadOptions {
  /** The name findings carry as `file`. */
  file: string;
  scope: Scope;
  caps: Capabilities;
  /** Cells loaded per sync before any payload error; halved on each payload error. */
  maxCellsPerSync?: number;
  /** Sheets not to read (by id): the sheets «Normalizza» wrote, which are outputs, not sources. */
  skipSheetIds?: ReadonlySet<string>;
  /** With scope 'workbook': only these sheets (by name). */
  sheetNames?: ReadonlySet<string>;
}

/** Cells per sync: with values, types and formats about 40 bytes a cell, some 1.6 MB, well under 5 MB. */
export const DEFAULT_CELLS_PER_SYNC = 40_000;
const MIN_CELLS_PER_SYNC = 64;

export { splitAreas } from './merged-areas';

/** What the add-in may change on a sheet: anything; only fills (protected, formatting allowed); nothing (protected). */
export type WriteMode = 'all' | 'fill' | 'none';

/** A sheet's write mode from its protection (loaded with `protected,options`, ExcelApi 1.2). */
export function writeMode(protection: XlWorksheetProtection): WriteMode {
  if (!protection.protected) return 'all';
  return protection.options?.allowFormatCells ? 'fill' : 'none';
}

/** The cells of a used range (loaded with rowIndex, columnIndex, rowCount, columnCount); undefined when empty. */
export function usedRange(u: XlRange): CellRange | undefined {
  if (u.isNullObject || u.rowCount === 0 || u.columnCount === 0) return undefined;
  return { top: u.rowIndex, left: u.columnIndex, bottom: u.rowIndex + u.rowCount - 1, right: u.columnIndex + u.columnCount - 1 };
}

/** A range of a sheet to read into a grid. */
export interface BlockJob {
  sheet: XlWorksheet;
  grid: Grid;
  block: CellRange;
}

const cells = (r: CellRange) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/**
 * Reads ranges into their grids: blocks of about `budget` cells, batched up to `budget` cells a
 * sync; a batch Excel refuses for its size (Excel on the web: 5 MB) is split with half the budget
 * and retried, down to MIN_CELLS_PER_SYNC.
 */
export async function readBlocks(context: XlRequestContext, jobs: readonly BlockJob[], budget = DEFAULT_CELLS_PER_SYNC): Promise<void> {
  let queue: BlockJob[] = jobs.flatMap((j) => splitRange(j.block, budget).map((block) => ({ ...j, block })));
  while (queue.length) {
    const [batch] = batchByWeight(queue, (j) => cells(j.block), budget);
    const ranges: XlRange[] = batch.map((j) => {
      const r = j.sheet.getRange(rangeA1(j.block));
      r.load('values,valueTypes,numberFormat');
      return r;
    });
    try {
      await context.sync();
    } catch (err) {
      if (!isPayloadError(err) || budget <= MIN_CELLS_PER_SYNC) throw err;
      budget = Math.max(MIN_CELLS_PER_SYNC, Math.floor(budget / 2));
      queue = [...batch.flatMap((j) => splitRange(j.block, budget).map((block) => ({ ...j, block }))), ...queue.slice(batch.length)];
      continue;
    }
    queue = queue.slice(batch.length);
    batch.forEach((j, i) => {
      const r = ranges[i];
      addBlock(j.grid, { top: j.block.top, left: j.block.left, values: r.values, valueTypes: r.valueTypes, numberFormat: r.numberFormat });
    });
  }
}

/**
 * Reads the active sheet or every sheet (hidden ones too, as the command line does) into the
 * engine's grids. Syncs: one for the sheet list, one for the used ranges, one for the merged
 * areas, then one per batch of blocks (about 40,000 cells each); a batch refused for its size is
 * split and retried.
 */
export async function readWorkbook(context: XlRequestContext, options: ReadOptions): Promise<WorkbookRead> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id,items/visibility');
  const active = sheets.getActiveWorksheet();
  active.load('name');
  await context.sync();

  const readable = options.skipSheetIds ? sheets.items.filter((s) => !options.skipSheetIds!.has(s.id)) : sheets.items;
  const named = options.sheetNames ? readable.filter((s) => options.sheetNames!.has(s.name)) : readable;
  const chosen: XlWorksheet[] = options.scope === 'active' ? readable.filter((s) => s.name === active.name) : named;
  const used = chosen.map((ws) => {
    ws.protection.load('protected,options');
    const range = ws.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return range;
  });
  await context.sync();
  // merged areas over the whole sheet (an empty merged cell too), as the xlsx reader sees them; in
  // pieces of the used range when there are too many for one call
  const merges = options.caps.merges
    ? await readMergedAreas(
        context,
        chosen.map((ws, i) => ({ sheet: ws, fallback: usedRange(used[i]) })),
      )
    : chosen.map(() => []);

  const grids = chosen.map((ws) => new Grid(options.file, ws.name));
  const jobs: BlockJob[] = [];
  used.forEach((u, i) => {
    const block = usedRange(u);
    if (block) jobs.push({ sheet: chosen[i], grid: grids[i], block });
  });
  await readBlocks(context, jobs, options.maxCellsPerSync ?? DEFAULT_CELLS_PER_SYNC);
  merges.forEach((list, sheet) => list.forEach((m) => grids[sheet].addMerge(m)));

  return {
    activeSheet: active.name,
    allSheets: sheets.items.map((ws) => ({ name: ws.name, id: ws.id })),
    sheets: chosen.map((ws, i) => ({ name: ws.name, id: ws.id, visibility: ws.visibility, protected: ws.protection.protected, write: writeMode(ws.protection), grid: grids[i] })),
  };
}
