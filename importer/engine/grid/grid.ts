import { CellRange, a1 } from './address';

/** An Excel error value such as `#REF!` or `#RIF!`. */
export interface ErrorValue {
  readonly error: string;
}

export type CellValue = string | number | boolean | Date | ErrorValue | null;

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as ErrorValue).error === 'string';
}

/** What a reader hands over for one cell. `text` defaults to the plain rendering of `value`. */
export interface CellInput {
  value: CellValue;
  text?: string;
  numFmt?: string;
}

export function plainText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'VERO' : 'FALSO';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value.error;
}

/**
 * One sheet as a plain grid of cells: values, display texts, number formats and merged ranges.
 * Nothing here knows exceljs, papaparse or Office.js: readers build it, the engine reads it.
 * Storage is row-major and sparse; a merged range keeps its value in the top-left cell only.
 */
export class Grid {
  private readonly values: CellValue[][] = [];
  private readonly texts: (string | undefined)[][] = [];
  private readonly formats: (string | undefined)[][] = [];
  private readonly mergeIndex = new Map<number, CellRange>();
  readonly merges: CellRange[] = [];
  private maxCol = 0;

  constructor(
    readonly file: string,
    readonly sheet: string,
  ) {}

  get rowCount(): number {
    return this.values.length;
  }

  get colCount(): number {
    return this.maxCol;
  }

  set(row: number, col: number, input: CellInput): void {
    if (input.value === null && !input.text && !input.numFmt) return;
    while (this.values.length <= row) {
      this.values.push([]);
      this.texts.push([]);
      this.formats.push([]);
    }
    this.values[row][col] = input.value;
    if (input.text !== undefined && input.text !== plainText(input.value)) this.texts[row][col] = input.text;
    if (input.numFmt && input.numFmt !== 'General') this.formats[row][col] = input.numFmt;
    if (col + 1 > this.maxCol) this.maxCol = col + 1;
  }

  /**
   * Records a merged range. Call after the cells are set: the index is clipped to the used area,
   * so a merge drawn over a whole sheet costs no more than the cells that hold something.
   */
  addMerge(range: CellRange): void {
    this.merges.push(range);
    const bottom = Math.min(range.bottom, Math.max(range.top, this.rowCount - 1));
    const right = Math.min(range.right, Math.max(range.left, this.maxCol - 1));
    for (let r = range.top; r <= bottom; r++) {
      for (let c = range.left; c <= right; c++) this.mergeIndex.set(this.key(r, c), range);
    }
  }

  /** The raw value of a cell (null when empty or covered by a merge). */
  value(row: number, col: number): CellValue {
    const v = this.values[row]?.[col];
    return v === undefined ? null : v;
  }

  /** The value a user sees at a cell: for a cell covered by a merge, the merge's top-left value. */
  shownValue(row: number, col: number): CellValue {
    const m = this.mergeAt(row, col);
    return m ? this.value(m.top, m.left) : this.value(row, col);
  }

  /** Display text of a cell, trimmed; merged cells show nothing except at their top-left. */
  text(row: number, col: number): string {
    const t = this.texts[row]?.[col];
    if (t !== undefined) return t.trim();
    return plainText(this.value(row, col)).trim();
  }

  /** Display text a user sees at a cell, merges resolved. */
  shownText(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    return m ? this.text(m.top, m.left) : this.text(row, col);
  }

  numFmt(row: number, col: number): string | undefined {
    return this.formats[row]?.[col];
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    if (this.mergeIndex.size === 0) return undefined;
    return this.mergeIndex.get(this.key(row, col));
  }

  isEmpty(row: number, col: number): boolean {
    return this.text(row, col) === '';
  }

  /** Columns of a row that hold something, left to right. */
  filledColumns(row: number): number[] {
    const out: number[] = [];
    const vals = this.values[row];
    if (!vals) return out;
    for (let c = 0; c < vals.length; c++) {
      const v = vals[c];
      if (v === undefined) continue;
      // numbers, dates and booleans always show something: no need to render them (a register has 100,000 dates)
      if ((typeof v === 'string' || v === null) && this.text(row, c) === '') continue;
      out.push(c);
    }
    return out;
  }

  isBlankRow(row: number): boolean {
    return this.filledColumns(row).length === 0;
  }

  address(row: number, col: number): string {
    return a1(row, col);
  }

  private key(row: number, col: number): number {
    return row * 65536 + col;
  }
}
