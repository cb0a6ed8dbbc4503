import { CellRange, a1 } from './address';

/** An Excel error value such as `#REF!` or `#RIF!`. */
export interface ErrorValue {
  readonly error: string;
}

export type CellValue = string | number | boolean | Date | ErrorValue | null;

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as ErrorValue).error === 'string';
}

/**
 * How a CSV was read: its delimiter, the encoding of its characters and its line endings (one kind,
 * or several mixed in one file). Recorded in mappatura.json, where the officer can correct it.
 */
export interface CsvReading {
  delimiter: ';' | ',' | '\t' | '|';
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'windows-1252' | 'mixed';
  lineEnding: 'CRLF' | 'LF' | 'CR' | 'mixed';
}

/** A formula cell without a value computed by a spreadsheet program (see Grid.setUncomputedFormula). */
export interface UncomputedFormula {
  row: number;
  col: number;
  /** The formula as the file stores it, without the leading `=` ("SUM(B3:B7)"). */
  formula: string;
  /** A value the file holds but marks as not to be trusted (recalculate on opening). */
  cached?: CellValue;
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

const NON_BLANK = /\S/;
/** Excel's limit of characters in a cell (engine/grid/long-texts.ts says what is done beyond it). */
const LONG_TEXT = 32_767;
const EMPTY_ROW: readonly number[] = Object.freeze([]);

/** Whether plainText(value).trim() is not empty, without building the text. */
function hasText(value: CellValue): boolean {
  if (value === null) return false;
  if (typeof value === 'string') return NON_BLANK.test(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return true;
  return NON_BLANK.test(value.error);
}

/**
 * One sheet as a plain grid of cells: values, display texts, number formats and merged ranges.
 * Nothing here knows exceljs, papaparse or Office.js: readers build it, the engine reads it.
 * Storage is row-major and sparse: a row with nothing in it allocates nothing, and texts and
 * formats are kept only for the rows that have some. A merged range keeps its value in the
 * top-left cell only.
 */
export class Grid {
  private readonly values: (CellValue[] | undefined)[] = [];
  private readonly texts: ((string | undefined)[] | undefined)[] = [];
  private readonly formats: ((string | undefined)[] | undefined)[] = [];
  /** Merged ranges by row, each row's list sorted by left column. */
  private readonly rowMerges: (CellRange[] | undefined)[] = [];
  readonly merges: CellRange[] = [];
  private rows = 0;
  private maxCol = 0;
  private cells = 0;
  /** filledColumns of each row once asked (every detector walks every row): dropped when the row changes. */
  private filled: (readonly number[] | undefined)[] = [];
  /** Cells whose text is longer than Excel accepts (32,767 characters), found as cells are set: no scan needed later. */
  private readonly long: { row: number; col: number }[] = [];
  /** Formulas the file holds without a value computed by a spreadsheet program, by row and column. */
  private readonly formulas = new Map<number, Map<number, UncomputedFormula>>();

  /** For a CSV: how it was read (the reader sets it). */
  csv?: CsvReading;
  /**
   * Cells whose formula refers to another workbook that the file holds no link to (`[2]` with one
   * link part, or a workbook named in brackets): Excel would repair such a file. Their value is the
   * one stored; the copies keep the value, without the formula.
   */
  danglingLinks?: { row: number; col: number; formula: string }[];

  constructor(
    readonly file: string,
    readonly sheet: string,
  ) {}

  get rowCount(): number {
    return this.rows;
  }

  get colCount(): number {
    return this.maxCol;
  }

  /** Cells holding something (a value, a text or a number format). */
  get cellCount(): number {
    return this.cells;
  }

  set(row: number, col: number, input: CellInput): void {
    if (input.value === null && !input.text && !input.numFmt) return;
    let vals = this.values[row];
    if (vals === undefined) vals = this.values[row] = [];
    this.filled[row] = undefined;
    if (vals[col] === undefined) this.cells++;
    vals[col] = input.value;
    if (typeof input.value === 'string' && input.value.length > LONG_TEXT) this.long.push({ row, col });
    if (input.text !== undefined && (input.value instanceof Date || input.text !== plainText(input.value))) (this.texts[row] ??= [])[col] = input.text;
    if (input.numFmt && input.numFmt !== 'General') (this.formats[row] ??= [])[col] = input.numFmt;
    if (row + 1 > this.rows) this.rows = row + 1;
    if (col + 1 > this.maxCol) this.maxCol = col + 1;
  }

  /**
   * Sets a whole row of plain values at once (a CSV record), keeping the array given rather than
   * copying it cell by cell: empty strings become empty cells. Replaces what the row held.
   */
  setRow(row: number, values: (CellValue | undefined)[]): void {
    this.filled[row] = undefined;
    const old = this.values[row];
    if (old) for (const v of old) if (v !== undefined) this.cells--;
    let last = -1;
    let filled = 0;
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      if (v === '' || v === null || v === undefined) values[c] = undefined;
      else {
        filled++;
        last = c;
        if (typeof v === 'string' && v.length > LONG_TEXT) this.long.push({ row, col: c });
      }
    }
    if (last < 0) {
      this.values[row] = undefined;
      return;
    }
    values.length = last + 1;
    this.values[row] = values as CellValue[];
    this.texts[row] = undefined;
    this.formats[row] = undefined;
    this.cells += filled;
    if (row + 1 > this.rows) this.rows = row + 1;
    if (last + 1 > this.maxCol) this.maxCol = last + 1;
  }

  /** Cells set with a text longer than Excel accepts in a cell (some may have been emptied since). */
  longTextCells(): readonly { row: number; col: number }[] {
    return this.long;
  }

  /**
   * Records that the cell holds a formula whose value the file does not give (a writer that does not
   * calculate: openpyxl, exceljs without results, the .NET OpenXML SDK), or gives but asks to be
   * recalculated on opening (`cached`, as XlsxWriter's 0). The engine computes the simple ones and
   * says so at the cell (engine/formulas/).
   */
  setUncomputedFormula(row: number, col: number, formula: string, cached?: CellValue): void {
    let cols = this.formulas.get(row);
    if (!cols) this.formulas.set(row, (cols = new Map()));
    cols.set(col, cached === undefined || cached === null ? { row, col, formula } : { row, col, formula, cached });
    if (row + 1 > this.rows) this.rows = row + 1;
    if (col + 1 > this.maxCol) this.maxCol = col + 1;
  }

  /** The formulas without a computed value, in reading order. */
  uncomputedFormulas(): UncomputedFormula[] {
    const out: UncomputedFormula[] = [];
    for (const row of [...this.formulas.keys()].sort((a, b) => a - b)) {
      const cols = this.formulas.get(row)!;
      for (const col of [...cols.keys()].sort((a, b) => a - b)) out.push(cols.get(col)!);
    }
    return out;
  }

  uncomputedFormula(row: number, col: number): UncomputedFormula | undefined {
    return this.formulas.get(row)?.get(col);
  }

  /**
   * How many row entries a merge would add to the index: its height within the used rows. Readers
   * check this against their limits before calling addMerge.
   */
  mergeCost(range: CellRange): number {
    return Math.max(0, Math.min(range.bottom, this.rows - 1) - range.top + 1);
  }

  /**
   * Records a merged range. Call after the cells are set. The index holds one entry per used row
   * of the range, so a merge drawn over a whole sheet costs no more than the rows in use; a value
   * left in a covered cell is dropped, as Excel does.
   */
  addMerge(range: CellRange): void {
    this.merges.push(range);
    const bottom = Math.min(range.bottom, this.rows - 1);
    let cleared = false;
    for (let r = range.top; r <= bottom; r++) {
      cleared = this.clearCovered(r, range) || cleared;
      const list = (this.rowMerges[r] ??= []);
      let i = list.length;
      while (i > 0 && list[i - 1].left > range.left) i--;
      list.splice(i, 0, range);
    }
    if (cleared) this.recomputeExtent();
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
    const list = this.rowMerges[row];
    if (list === undefined) return undefined;
    if (list.length <= 8) {
      for (const m of list) if (col >= m.left && col <= m.right) return m;
      return undefined;
    }
    // the last range starting at or before col
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].left <= col) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && col <= list[found].right ? list[found] : undefined;
  }

  isEmpty(row: number, col: number): boolean {
    return this.text(row, col) === '';
  }

  /** Columns of a row that hold something, left to right (the same frozen list until the row changes). */
  filledColumns(row: number): readonly number[] {
    const known = this.filled[row];
    if (known) return known;
    const out: number[] = [];
    const vals = this.values[row];
    if (!vals) return EMPTY_ROW;
    const texts = this.texts[row];
    for (let c = 0; c < vals.length; c++) {
      const v = vals[c];
      if (v === undefined) continue;
      const t = texts?.[c];
      if (t !== undefined ? NON_BLANK.test(t) : hasText(v)) out.push(c);
    }
    if (row < this.rows) this.filled[row] = Object.freeze(out);
    return out;
  }

  isBlankRow(row: number): boolean {
    return this.filledColumns(row).length === 0;
  }

  address(row: number, col: number): string {
    return a1(row, col);
  }

  private clearCovered(row: number, range: CellRange): boolean {
    const vals = this.values[row];
    if (!vals) return false;
    let cleared = false;
    const right = Math.min(range.right, vals.length - 1);
    for (let c = range.left; c <= right; c++) {
      if (vals[c] === undefined || (row === range.top && c === range.left)) continue;
      vals[c] = undefined as unknown as CellValue;
      this.filled[row] = undefined;
      const t = this.texts[row];
      if (t) t[c] = undefined;
      const f = this.formats[row];
      if (f) f[c] = undefined;
      this.cells--;
      cleared = true;
    }
    return cleared;
  }

  /** After covered cells were dropped: the used area is where cells remain. */
  private recomputeExtent(): void {
    let rows = 0;
    let maxCol = 0;
    for (let r = 0; r < this.values.length; r++) {
      const vals = this.values[r];
      if (!vals) continue;
      for (let c = vals.length - 1; c >= 0; c--) {
        if (vals[c] !== undefined) {
          rows = r + 1;
          if (c + 1 > maxCol) maxCol = c + 1;
          break;
        }
      }
    }
    this.rows = rows;
    this.maxCol = maxCol;
  }
}
