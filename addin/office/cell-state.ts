import { a1 } from '../../importer/engine/grid/address';
import { valueFingerprint } from '../flags/hash';
import { fillFromRead } from '../flags/fill';
import { CellState, FillState, cellKey } from '../flags/records';
import { parseSheetAddress } from '../sheet/address';
import { batchByWeight } from '../sheet/blocks';
import { Capabilities } from './capabilities';
import { XlComment, XlNote, XlRange, XlRequestContext, XlWorksheet } from './excel-api';
import { isPayloadError } from './errors';

export interface CellRef {
  sheet: string;
  cell: string;
}

/**
 * Cells whose state is read per sync. Each costs a Range, its format, its fill and its note in the
 * request (about 1.5 KB with their loads, see payload.ts) and a few hundred bytes of answer (a long
 * note more: then the batch is split).
 */
export const CELLS_PER_STATE_SYNC = 1_000;

const FILL_PROPS_BASIC = 'color';
const FILL_PROPS_FULL = 'color,pattern,patternColor,tintAndShade,patternTintAndShade';

function fillOf(fill: XlRange['format']['fill'], full: boolean): FillState {
  if (!full) return fillFromRead({ color: fill.color }, false);
  return fillFromRead({ color: fill.color, pattern: fill.pattern, patternColor: fill.patternColor, tintAndShade: fill.tintAndShade, patternTintAndShade: fill.patternTintAndShade }, true);
}

/** The threaded comments of some sheets, by cell: two syncs (comments, then where each one is). */
async function readComments(context: XlRequestContext, sheets: Map<string, XlWorksheet>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (sheets.size === 0) return out;
  for (const ws of sheets.values()) ws.comments.load('items/content');
  await context.sync();
  const located: [string, XlComment, XlRange][] = [];
  for (const [name, ws] of sheets) {
    for (const c of ws.comments.items) {
      const where = c.getLocation();
      where.load('address');
      located.push([name, c, where]);
    }
  }
  if (located.length === 0) return out;
  await context.sync();
  for (const [name, c, where] of located) {
    const { range } = parseSheetAddress(where.address);
    out.set(cellKey(name, a1(range.top, range.left)), c.content);
  }
  return out;
}

/**
 * Reads what cells look like now (fill, note, comment, value) so that pure code can decide what to
 * write. The syncs grow with the number of batches of cells, never one per cell. On a sheet where
 * `texts` says notes and comments are not to be touched (protected, formatting allowed), they are
 * not read: to the plan they are unknown, as on an Excel without notes, and stay as they are.
 */
export async function readCellStates(context: XlRequestContext, refs: readonly CellRef[], caps: Capabilities, perSync = CELLS_PER_STATE_SYNC, texts: (sheet: string) => boolean = () => true): Promise<Map<string, CellState>> {
  const states = new Map<string, CellState>();
  if (refs.length === 0) return states;
  const sheets = new Map<string, XlWorksheet>();
  for (const r of refs) if (!sheets.has(r.sheet)) sheets.set(r.sheet, context.workbook.worksheets.getItem(r.sheet));
  const withTexts = new Map([...sheets].filter(([name]) => texts(name)));
  const comments = caps.comments ? await readComments(context, withTexts) : undefined;

  let budget = perSync;
  let queue = [...refs];
  while (queue.length) {
    const [batch] = batchByWeight(queue, () => 1, budget);
    const reads: [CellRef, XlRange, XlNote | undefined][] = batch.map((ref) => {
      const ws = sheets.get(ref.sheet)!;
      const range = ws.getRange(ref.cell);
      range.load('values,valueTypes');
      range.format.fill.load(caps.fillPattern ? FILL_PROPS_FULL : FILL_PROPS_BASIC);
      let note: XlNote | undefined;
      if (caps.notes && withTexts.has(ref.sheet)) {
        note = ws.notes.getItemOrNullObject(ref.cell);
        note.load('content');
      }
      return [ref, range, note];
    });
    try {
      await context.sync();
    } catch (err) {
      if (!isPayloadError(err) || budget <= 1) throw err;
      budget = Math.max(1, Math.floor(budget / 2));
      continue;
    }
    queue = queue.slice(batch.length);
    for (const [ref, range, note] of reads) {
      const key = cellKey(ref.sheet, ref.cell);
      const state: CellState = {
        fill: fillOf(range.format.fill, caps.fillPattern),
        value: valueFingerprint(range.values[0][0], range.valueTypes[0][0]),
      };
      if (note) state.note = note.isNullObject ? null : note.content;
      if (comments && withTexts.has(ref.sheet)) state.comment = comments.get(key) ?? null;
      states.set(key, state);
    }
  }
  return states;
}
