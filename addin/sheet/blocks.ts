import { CellRange } from '../../importer/engine/grid/address';

/**
 * How a large used range is read: in blocks of whole rows (or of columns too, for very wide
 * sheets), each at most `maxCells` cells, so that no single request or response nears the 5 MB
 * payload limit of Excel on the web.
 */
export function splitRange(range: CellRange, maxCells: number, maxCols = 2048): CellRange[] {
  const budget = Math.max(1, Math.floor(maxCells));
  const width = range.right - range.left + 1;
  const colsPerBlock = Math.max(1, Math.min(width, maxCols, budget));
  const rowsPerBlock = Math.max(1, Math.floor(budget / colsPerBlock));
  const out: CellRange[] = [];
  for (let top = range.top; top <= range.bottom; top += rowsPerBlock) {
    const bottom = Math.min(range.bottom, top + rowsPerBlock - 1);
    for (let left = range.left; left <= range.right; left += colsPerBlock) {
      out.push({ top, bottom, left, right: Math.min(range.right, left + colsPerBlock - 1) });
    }
  }
  return out;
}

/** Groups items into batches whose summed weight stays within `budget` (an item heavier than the budget goes alone). */
export function batchByWeight<T>(items: readonly T[], weight: (item: T) => number, budget: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length && used + w > budget) {
      out.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += w;
  }
  if (current.length) out.push(current);
  return out;
}
