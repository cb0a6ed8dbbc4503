import { Grid } from '../grid/grid';
import { readNumber } from '../normalise/numbers';
import { ColumnMapping } from './table';
import { Vocabulary } from './vocabulary';

/** True when a cell reads as a number (so it is body, not header). */
export function looksNumeric(grid: Grid, row: number, col: number): boolean {
  const v = grid.value(row, col);
  if (typeof v === 'number') return true;
  return readNumber(v, grid.text(row, col)).kind === 'number';
}

export interface HeaderCandidate {
  row: number;
  columns: ColumnMapping[];
  mapped: number;
  filled: number;
}

/** Maps the cells of one row through a vocabulary. */
export function mapRow(grid: Grid, row: number, vocabulary: Vocabulary): HeaderCandidate {
  const columns: ColumnMapping[] = [];
  let mapped = 0;
  for (const col of grid.filledColumns(row)) {
    const label = grid.text(row, col);
    const m = looksNumeric(grid, row, col) ? undefined : vocabulary.match(label);
    if (m) mapped++;
    columns.push({ col, label, row, role: m?.role ?? null, how: m?.how ?? null });
  }
  return { row, columns, mapped, filled: columns.length };
}

/**
 * mapRow for a scan looking for header rows: gives up (undefined) as soon as the row can no longer
 * have `minMapped` mapped labels making `minShare` of its filled cells, so that the body rows of a
 * 100,000-row sheet cost a few lookups each instead of one per cell.
 */
export function mapRowIfHeader(grid: Grid, row: number, vocabulary: Vocabulary, minMapped: number, minShare: number): HeaderCandidate | undefined {
  const filled = grid.filledColumns(row);
  const needed = Math.max(minMapped, minShare * filled.length);
  let mapped = 0;
  for (let i = 0; i < filled.length; i++) {
    if (mapped + (filled.length - i) < needed) return undefined;
    const col = filled[i];
    // the vocabulary first: its answers are remembered, while telling a number costs a parse per cell
    if (typeof grid.value(row, col) !== 'number' && vocabulary.match(grid.text(row, col)) && !looksNumeric(grid, row, col)) mapped++;
  }
  return mapped < needed ? undefined : mapRow(grid, row, vocabulary);
}

/**
 * Reads a second header row under `first` when there is one: its cells sit under a header cell
 * merged across columns ("Target" over "2024 | 2025") or they name roles the first row does not.
 * Returns the merged columns, or undefined when the next row is body.
 */
export function mergeSubHeader(grid: Grid, first: HeaderCandidate, vocabulary: Vocabulary): ColumnMapping[] | undefined {
  const next = first.row + 1;
  if (next >= grid.rowCount) return undefined;
  const sub = mapRow(grid, next, vocabulary);
  if (sub.filled === 0) return undefined;
  const underMerge = sub.columns.filter((c) => {
    const m = grid.mergeAt(first.row, c.col);
    return m !== undefined && m.right > m.left;
  });
  const underEmpty = sub.columns.filter((c) => grid.isEmpty(first.row, c.col) && !grid.mergeAt(first.row, c.col));
  const allShort = sub.columns.every((c) => c.label.length <= 40);
  const anyNumericBody = sub.columns.some((c) => looksNumeric(grid, next, c.col) && !/^(19|20)\d{2}$/.test(c.label));
  if (!allShort || anyNumericBody) return undefined;
  if (underMerge.length === 0 && !(underEmpty.length > 0 && sub.mapped >= underEmpty.length)) return undefined;
  const byCol = new Map<number, ColumnMapping>();
  for (const c of first.columns) byCol.set(c.col, c);
  for (const c of sub.columns) {
    const m = grid.mergeAt(first.row, c.col);
    const above = m ? grid.text(m.top, m.left) : grid.text(first.row, c.col);
    const joined = above ? `${above} / ${c.label}` : c.label;
    const own = vocabulary.match(c.label);
    const both = vocabulary.match(`${above} ${c.label}`);
    const parent = above ? vocabulary.match(above) : undefined;
    const pick = both ?? own ?? parent;
    byCol.set(c.col, { col: c.col, label: joined, row: next, role: pick?.role ?? null, how: pick?.how ?? null });
  }
  // a merged header cell whose columns all got their own labels is no longer a column of its own
  return [...byCol.values()].sort((a, b) => a.col - b.col);
}
