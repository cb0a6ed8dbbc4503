import { Grid, isErrorValue } from '../grid/grid';
import { isCountLike } from '../normalise/counts';
import { minOf } from '../grid/spread';
import { classifyLabel, isClassified } from './labels';
import { isPageMarker } from './page-marks';
import { isDatedCaption } from './titles';

/** Reading a sheet row by row: what each row is (blank, body, a row of years, text), blocks of body rows, their header and captions. */

const MAX_LABEL_COLS = 3;
const MAX_HEADER_ROWS = 3;

type RowKind = 'blank' | 'body' | 'years' | 'text';
export interface RowProfile {
  kind: RowKind;
  filled: readonly number[];
  /** Label cells at the start of a body row. */
  leading: number[];
  /** The other cells. */
  data: number[];
}

export function isYearValue(grid: Grid, row: number, col: number): boolean {
  const v = grid.value(row, col);
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1950 && v <= 2100;
  return typeof v === 'string' && /^\s*(19[5-9]\d|20\d\d)\s*$/.test(v);
}

function yearOf(grid: Grid, row: number, col: number): number {
  const v = grid.value(row, col);
  return typeof v === 'number' ? v : Number(String(v).trim());
}

/** Reads rows once; cell texts that repeat (registers, long tables) are judged once. */
export class RowReader {
  private readonly profiles: (RowProfile | undefined)[] = [];
  private readonly valueText = new Map<string, boolean>();

  constructor(private readonly grid: Grid) {}

  /** A body value: a count, a count notation, `-`, `n.d.`, a percentage or a number. */
  isValueCell(row: number, col: number): boolean {
    const v = this.grid.value(row, col);
    if (typeof v === 'number') return true;
    if (v instanceof Date || typeof v === 'boolean') return false;
    if (isErrorValue(v)) return true;
    const t = this.grid.text(row, col);
    let known = this.valueText.get(t);
    if (known === undefined) {
      // a text with a leading zero («01», «04.02») is a code (missione, programma, objective), never a count
      known = !/^\s*0\d/.test(t) && (isCountLike(v, t) || /^[-+]?\d[\d.,]*\s*%$/.test(t));
      if (this.valueText.size < 50_000) this.valueText.set(t, known);
    }
    return known;
  }

  /**
   * False when the row cannot be a body row, told without building (and keeping) its profile: none
   * of its first cells is a value, so its labels run past MAX_LABEL_COLS. The rows of a long list
   * (an attendance export) cost a few look-ups each this way.
   */
  mayBeBody(row: number): boolean {
    const filled = this.grid.filledColumns(row);
    const n = Math.min(filled.length, MAX_LABEL_COLS + 1);
    for (let i = 0; i < n; i++) if (this.isValueCell(row, filled[i])) return true;
    return false;
  }

  profile(row: number): RowProfile {
    const cached = this.profiles[row];
    if (cached) return cached;
    const p = this.compute(row);
    this.profiles[row] = p;
    return p;
  }

  private compute(row: number): RowProfile {
    const grid = this.grid;
    const filled = grid.filledColumns(row);
    if (filled.length === 0) return { kind: 'blank', filled, leading: [], data: [] };
    let leading: number[] = [];
    let i = 0;
    while (i < filled.length && !this.isValueCell(row, filled[i])) leading.push(filled[i++]);
    let data = filled.slice(i);
    // a row of years under a corner label ("Cessati | 2021 | 2022 | 2023 | Totale complessivo") is a header
    const numeric = data.filter((c) => typeof grid.value(row, c) === 'number' || isYearValue(grid, row, c));
    if (numeric.length >= 2 && leading.length <= 2 && numeric.every((c) => isYearValue(grid, row, c))) {
      const years = numeric.map((c) => yearOf(grid, row, c));
      const steps = years.slice(1).map((y, k) => y - years[k]);
      if (steps.every((s) => s >= 1 && s <= 5) || steps.every((s) => s <= -1 && s >= -5)) return { kind: 'years', filled, leading, data };
    }
    // a year written as the label of a body row ("2022 | 30 | 20 | 50")
    if (leading.length === 0 && data.length >= 2 && isYearValue(grid, row, data[0])) {
      leading = [data[0]];
      data = data.slice(1);
    }
    if (leading.length > MAX_LABEL_COLS || data.length === 0) return { kind: 'text', filled, leading, data };
    let values = 0;
    for (const c of data) if (this.isValueCell(row, c)) values++;
    if (values >= 1 && values / data.length >= 0.5) return { kind: 'body', filled, leading, data };
    return { kind: 'text', filled, leading, data };
  }
}

export interface Block {
  rows: number[];
  /** Last label column (the header may move it left: see `settleLabelColumns`). */
  labelMax: number;
}

/** The most common last label column of the rows (a stray text in a figure cell does not move it). */
function commonLabelMax(reader: RowReader, rows: number[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) {
    const p = reader.profile(r);
    const m = p.leading.length ? Math.max(...p.leading) : -1;
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  let best = -1;
  let bestN = 0;
  for (const [m, n] of counts) if (n > bestN || (n === bestN && m > best)) [best, bestN] = [m, n];
  return best;
}

export function growBlock(reader: RowReader, start: number, last: number): Block {
  const first = reader.profile(start);
  const startCol = first.leading.length ? first.leading[0] : -1;
  const fits = (p: RowProfile) => p.kind === 'body' && (p.leading.length === 0 ? startCol < 0 : startCol >= 0 && p.leading[0] <= startCol + 1 && p.leading[0] >= startCol - 1);
  const rows = [start];
  let labelMax = first.leading.length ? Math.max(...first.leading) : -1;
  let x = start + 1;
  while (x < last) {
    const p = reader.profile(x);
    if (fits(p)) {
      rows.push(x);
      if (p.leading.length) labelMax = Math.max(labelMax, ...p.leading);
    } else if (p.kind === 'text' && p.data.length === 0 && labelMax >= 0 && p.leading.every((c) => c <= labelMax) && x + 1 < last && fits(reader.profile(x + 1))) {
      rows.push(x); // a row with its label only: every figure empty
    } else break;
    x++;
  }
  return { rows, labelMax: commonLabelMax(reader, rows) };
}

/**
 * The label columns end at the first column that holds figures: most of its body cells are values,
 * or as many as are texts under a header naming a value ("Donne"). A stray text in a figure cell
 * ("dodici") does not make a column of labels of it.
 */
export function settleLabelColumns(grid: Grid, reader: RowReader, block: Block, headerRows: number[], maxLabel: number): void {
  const start = minOf(block.rows.map((r) => reader.profile(r).leading[0] ?? Infinity));
  if (!Number.isFinite(start)) return;
  for (let c = start; c <= maxLabel; c++) {
    let values = 0;
    let texts = 0;
    for (const r of block.rows) {
      if (grid.isEmpty(r, c)) continue;
      // a year written as the row's label ("2022 | 30 | 20") is a label
      if (reader.isValueCell(r, c) && !(isYearValue(grid, r, c) && reader.profile(r).leading.includes(c))) values++;
      else texts++;
    }
    const headed = headerRows.some((h) => {
      const m = classifyLabel(grid.shownValue(h, c), grid.shownText(h, c));
      return m !== undefined && !m.axisName && isClassified(m) && values > 0;
    });
    if (values > texts || (values > 0 && values === texts && headed)) {
      block.labelMax = c - 1;
      return;
    }
  }
  block.labelMax = maxLabel;
}

function isMergedAcross(grid: Grid, row: number, col: number): boolean {
  const m = grid.mergeAt(row, col);
  return m !== undefined && m.right > m.left;
}

export function headerRowsAbove(grid: Grid, reader: RowReader, block: Block, floor: number): number[] {
  const rows: number[] = [];
  let h = block.rows[0] - 1;
  while (h > floor && rows.length < MAX_HEADER_ROWS) {
    const p = reader.profile(h);
    if (p.kind === 'blank' || p.kind === 'body') break;
    const over = p.filled.filter((c) => c > block.labelMax);
    if (over.length === 0) break;
    if (rows.length > 0 && over.length === 1 && p.filled.length === 1 && !isMergedAcross(grid, h, over[0])) break;
    rows.unshift(h);
    h--;
  }
  return rows;
}

/** The data columns of a table: every column right of the labels with a header or a figure. */
export function dataColumns(grid: Grid, reader: RowReader, block: Block, headerRows: number[]): number[] {
  const cols = new Set<number>();
  for (const r of block.rows) for (const c of reader.profile(r).filled) if (c > block.labelMax) cols.add(c);
  for (const h of headerRows) {
    for (const c of grid.filledColumns(h)) {
      if (c <= block.labelMax) continue;
      cols.add(c);
      const m = grid.mergeAt(h, c);
      // the columns a merged header spans, as far as the sheet holds anything (a merge may run into empty columns)
      if (m) for (let x = m.left; x <= Math.min(m.right, grid.colCount - 1); x++) if (x > block.labelMax) cols.add(x);
    }
  }
  const right = Math.max(...cols);
  const out: number[] = [];
  for (let c = block.labelMax + 1; c <= right; c++) if (cols.has(c)) out.push(c);
  return out;
}

/** Caption rows above a header: single texts, nearest first, up to a blank gap of two rows. */
export function captionRows(grid: Grid, reader: RowReader, headerTop: number, floor: number): number[] {
  const out: number[] = [];
  let blanks = 0;
  for (let t = headerTop - 1; t > floor && out.length < 3; t--) {
    const p = reader.profile(t);
    if (p.kind === 'blank') {
      if (++blanks > 2) break;
      continue;
    }
    // a page mark («Pag. 2», «- 2 -») names no table
    if (isPageMarker(grid, t)) continue;
    blanks = 0;
    if (!(p.kind === 'text' && p.filled.length === 1) && !isDatedCaption(grid, t)) break;
    out.push(t);
  }
  return out;
}

