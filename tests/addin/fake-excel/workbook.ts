/**
 * The state of an in-memory Excel workbook: cells (value, type, number format, fill), merged
 * areas, notes, threaded comments, custom XML parts, the active sheet and the selection. Plain
 * data in and out (`toData` / `fromData`), so "save, close and reopen" is a round trip through
 * JSON, and the same workbook can be handed to a browser page.
 */
import { CellRange, a1, parseA1, parseRange, rangeA1 } from '../../../importer/engine/grid/address';

export type FakeValueType = 'String' | 'Double' | 'Boolean' | 'Error';

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

/** A cell without fill, as the in-memory workbook keeps it. */
export const NO_FILL: Readonly<FakeFill> = Object.freeze({ color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 });

/**
 * What Excel reports for a cell without fill: white, and no pattern or tint. "They both [no fill
 * and a white fill] have null for format.fill.pattern, and they both have #FFFFFF for
 * format.fill.color" (OfficeDev/office-js#4900); "If you are setting 'No Fill', you will get
 * 'null'" for tintAndShade, a number for a white fill (Microsoft's answer there); #6218 reports
 * #FFFFFF for no fill in current builds. A white fill the user set reads white with a tint of 0.
 */
export const NO_FILL_READ: Readonly<Record<keyof FakeFill, string | number | null>> = Object.freeze({ color: '#FFFFFF', pattern: null, patternColor: null, tintAndShade: null, patternTintAndShade: null });

/** What a protected sheet still allows (WorksheetProtectionOptions); all false unless set. */
export interface FakeProtectionOptions {
  allowFormatCells?: boolean;
  allowEditObjects?: boolean;
}

export interface FakeFont {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
}

export interface FakeCell {
  value?: string | number | boolean;
  type?: FakeValueType;
  format?: string;
  fill?: FakeFill;
  font?: FakeFont;
  wrap?: boolean;
}

/** An Excel table (ListObject): a name unique in the workbook, a range, a style; the first row holds the headers. */
export interface FakeTableData {
  id: string;
  name: string;
  range: string;
  style: string;
}

export interface FakeNote {
  content: string;
  author?: string;
}

export interface FakeComment {
  id: string;
  content: string;
}

export interface FakeSheetData {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected?: boolean;
  protectionOptions?: FakeProtectionOptions;
  cells: [string, FakeCell][];
  merges: string[];
  notes: [string, FakeNote][];
  comments: [string, FakeComment][];
  tables?: FakeTableData[];
  /** Column widths in points, by 0-based column. */
  columnWidths?: [number, number][];
  frozenRows?: number;
}

export interface FakeWorkbookData {
  url?: string;
  sheets: FakeSheetData[];
  activeSheetId: string;
  selection: { sheetId: string; address: string } | null;
  customXmlParts: { id: string; xml: string }[];
  counter: number;
  /** Workbook structure protection: no sheet can be added, deleted, moved or renamed. */
  structureProtected?: boolean;
}

const KEY_COLS = 16384;
export const cellKeyOf = (row: number, col: number) => row * KEY_COLS + col;
export const rowOfKey = (key: number) => Math.floor(key / KEY_COLS);
export const colOfKey = (key: number) => key % KEY_COLS;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  readonly notes = new Map<number, FakeNote>();
  readonly comments = new Map<number, FakeComment>();
  merges: CellRange[] = [];
  tables: FakeTableData[] = [];
  protectionOptions: FakeProtectionOptions = {};
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;

  constructor(
    public id: string,
    public name: string,
    public visibility: FakeSheetData['visibility'] = 'Visible',
    public protected_ = false,
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(cellKeyOf(row, col));
  }

  /** The cell, created when missing, to be changed. */
  edit(row: number, col: number): FakeCell {
    const key = cellKeyOf(row, col);
    let c = this.cells.get(key);
    if (!c) {
      c = {};
      this.cells.set(key, c);
    }
    return c;
  }

  setValue(row: number, col: number, value: string | number | boolean | null, type?: FakeValueType): void {
    const c = this.edit(row, col);
    if (value === null) {
      delete c.value;
      delete c.type;
    } else {
      c.value = value;
      c.type = type ?? (typeof value === 'number' ? 'Double' : typeof value === 'boolean' ? 'Boolean' : 'String');
    }
    this.tidy(row, col);
  }

  fill(row: number, col: number): FakeFill {
    return this.cell(row, col)?.fill ?? { ...NO_FILL };
  }

  setFill(row: number, col: number, fill: FakeFill): void {
    const c = this.edit(row, col);
    if (fill.pattern === 'None') delete c.fill;
    else c.fill = { ...fill };
    this.tidy(row, col);
  }

  /** Drops a cell entry that holds nothing. */
  private tidy(row: number, col: number): void {
    const key = cellKeyOf(row, col);
    const c = this.cells.get(key);
    if (c && c.type === undefined && c.format === undefined && c.fill === undefined && c.font === undefined && c.wrap === undefined) this.cells.delete(key);
  }

  /** The used range: cells holding a value (and, unless valuesOnly, a format or a fill). */
  usedRange(valuesOnly: boolean): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, c] of this.cells) {
      if (c.type === undefined && (valuesOnly || (c.format === undefined && c.fill === undefined))) continue;
      const r = rowOfKey(key);
      const col = colOfKey(key);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  toData(): FakeSheetData {
    return {
      id: this.id,
      name: this.name,
      visibility: this.visibility,
      protected: this.protected_,
      ...(Object.keys(this.protectionOptions).length ? { protectionOptions: { ...this.protectionOptions } } : {}),
      cells: [...this.cells].map(([k, c]) => [a1(rowOfKey(k), colOfKey(k)), clone(c)]),
      merges: this.merges.map(rangeA1),
      notes: [...this.notes].map(([k, n]) => [a1(rowOfKey(k), colOfKey(k)), { ...n }]),
      comments: [...this.comments].map(([k, n]) => [a1(rowOfKey(k), colOfKey(k)), { ...n }]),
      // only when set, so a workbook read from a file and one written back compare equal
      ...(this.tables.length ? { tables: this.tables.map((t) => ({ ...t })) } : {}),
      ...(this.columnWidths.size ? { columnWidths: [...this.columnWidths] } : {}),
      ...(this.frozenRows ? { frozenRows: this.frozenRows } : {}),
    };
  }

  static fromData(d: FakeSheetData): FakeSheet {
    const s = new FakeSheet(d.id, d.name, d.visibility, d.protected ?? false);
    const key = (ref: string) => {
      const p = parseA1(ref);
      return cellKeyOf(p.row, p.col);
    };
    for (const [ref, c] of d.cells) s.cells.set(key(ref), clone(c));
    for (const [ref, n] of d.notes) s.notes.set(key(ref), { ...n });
    for (const [ref, n] of d.comments) s.comments.set(key(ref), { ...n });
    s.merges = d.merges.map(parseRange);
    s.protectionOptions = { ...(d.protectionOptions ?? {}) };
    s.tables = (d.tables ?? []).map((t) => ({ ...t }));
    for (const [c, w] of d.columnWidths ?? []) s.columnWidths.set(c, w);
    s.frozenRows = d.frozenRows ?? 0;
    return s;
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeSheetId = '';
  selection: { sheetId: string; address: string } | null = null;
  customXmlParts: { id: string; xml: string }[] = [];
  counter = 0;
  url?: string;
  structureProtected = false;

  nextId(prefix: string): string {
    this.counter++;
    return `${prefix}${this.counter}`;
  }

  addSheet(name: string, visibility: FakeSheetData['visibility'] = 'Visible'): FakeSheet {
    const s = new FakeSheet(`{${this.nextId('sheet-')}}`, name, visibility);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  /** The table of that name anywhere in the workbook (names are case-insensitive). */
  table(name: string): { sheet: FakeSheet; table: FakeTableData } | undefined {
    for (const sheet of this.sheets) {
      const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (table) return { sheet, table };
    }
    return undefined;
  }

  sheet(nameOrId: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === nameOrId) ?? this.sheets.find((s) => s.name.toLowerCase() === nameOrId.toLowerCase());
  }

  toData(): FakeWorkbookData {
    return {
      url: this.url,
      sheets: this.sheets.map((s) => s.toData()),
      activeSheetId: this.activeSheetId,
      selection: this.selection ? { ...this.selection } : null,
      customXmlParts: this.customXmlParts.map((p) => ({ ...p })),
      counter: this.counter,
      ...(this.structureProtected ? { structureProtected: true } : {}),
    };
  }

  static fromData(d: FakeWorkbookData): FakeWorkbook {
    const wb = new FakeWorkbook();
    wb.url = d.url;
    wb.sheets = d.sheets.map(FakeSheet.fromData);
    wb.activeSheetId = d.activeSheetId;
    wb.selection = d.selection ? { ...d.selection } : null;
    wb.customXmlParts = d.customXmlParts.map((p) => ({ ...p }));
    wb.counter = d.counter;
    wb.structureProtected = d.structureProtected === true;
    return wb;
  }

  /** Saved, closed and reopened: nothing survives but what a file keeps. */
  reopened(): FakeWorkbook {
    return FakeWorkbook.fromData(JSON.parse(JSON.stringify(this.toData())) as FakeWorkbookData);
  }
}
