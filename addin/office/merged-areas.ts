/**
 * Merged areas (ExcelApi 1.13), read as the xlsx reader sees them. `getMergedAreasOrNullObject`
 * "will fail to return the result" when a range holds more than 512 merged areas (its reference in
 * @types/office-js), so a range is first asked for whole and, when Excel refuses, in pieces: eight
 * bands at a time, down to pieces of at most 512 cells, which can never hold more than 512 areas
 * (areas do not overlap, and each has a cell, its top-left one at least, in the piece that returns
 * it). Every sheet's pieces of one round go in one sync; an area found by two pieces counts once.
 * Excel has been reported to return only the areas whose top-left cell is in the range
 * (OfficeDev/office-js#3611): pieces that tile the range find every area either way.
 */
import { CellRange, rangeA1 } from '../../importer/engine/grid/address';
import { parseSheetAddress } from '../sheet/address';
import { XlRangeAreas, XlRequestContext, XlWorksheet } from './excel-api';

/** Excel's limit of merged areas per call. */
export const MERGED_AREAS_PER_CALL = 512;
/** Pieces no larger than this always succeed (see above). */
const SAFE_CELLS = MERGED_AREAS_PER_CALL;
const WAYS = 8;

export interface MergeRequest {
  sheet: XlWorksheet;
  /** The range to look in; undefined for the whole sheet (then `fallback` is looked in, in pieces, if Excel refuses). */
  range?: CellRange;
  /** Where the merged areas that matter lie when the whole sheet cannot be read at once: its used range. */
  fallback?: CellRange;
}

const cells = (r: CellRange) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** A range cut into up to WAYS bands of rows (of columns, for a single row). */
export function splitForMerges(r: CellRange): CellRange[] {
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  const out: CellRange[] = [];
  if (rows > 1) {
    const step = Math.ceil(rows / Math.min(WAYS, rows));
    for (let top = r.top; top <= r.bottom; top += step) out.push({ ...r, top, bottom: Math.min(r.bottom, top + step - 1) });
  } else {
    const step = Math.ceil(cols / Math.min(WAYS, cols));
    for (let left = r.left; left <= r.right; left += step) out.push({ ...r, left, right: Math.min(r.right, left + step - 1) });
  }
  return out;
}

/** Splits the pieces too large to be safe; a safe piece stays as it is. */
function refine(pieces: readonly (CellRange | undefined)[], fallback: CellRange | undefined): CellRange[] {
  return pieces.flatMap((p) => {
    if (p === undefined) return fallback ? [fallback] : [];
    return cells(p) <= SAFE_CELLS ? [p] : splitForMerges(p);
  });
}

/**
 * The merged areas of each request, in request order. Syncs: one when every range holds few
 * enough areas; one more per round of splitting otherwise (a few even for a sheet of a million
 * cells). Throws only when a safe piece fails, which is not about the number of areas.
 */
export async function readMergedAreas(context: XlRequestContext, requests: readonly MergeRequest[]): Promise<CellRange[][]> {
  let pieces: (CellRange | undefined)[][] = requests.map((r) => [r.range]);
  for (;;) {
    const asked: XlRangeAreas[][] = requests.map((req, i) =>
      pieces[i].map((p) => {
        const areas = (p === undefined ? req.sheet.getRange() : req.sheet.getRange(rangeA1(p))).getMergedAreasOrNullObject();
        areas.load('address');
        return areas;
      }),
    );
    try {
      await context.sync();
    } catch (err) {
      const next = pieces.map((list, i) => refine(list, requests[i].fallback));
      const same = next.every((list, i) => list.length === pieces[i].length && list.every((p, j) => p === pieces[i][j]));
      if (same) throw err;
      pieces = next;
      continue;
    }
    return asked.map((list) => {
      const found = new Map<string, CellRange>();
      for (const areas of list) {
        if (areas.isNullObject) continue;
        for (const part of splitAreas(areas.address)) {
          const range = parseSheetAddress(part).range;
          found.set(rangeA1(range), range);
        }
      }
      return [...found.values()];
    });
  }
}

/** Splits a RangeAreas address ("A!A1:B2, 'x, y'!C3") at the commas that are not inside a quoted sheet name. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === ',' && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
