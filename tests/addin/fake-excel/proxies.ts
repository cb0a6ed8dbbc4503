/* Proxies for the Excel API objects the add-in uses, over the in-memory workbook. */
import { CellRange, a1, parseA1, parseRange, rangeA1 } from '../../../importer/engine/grid/address';
import type {
  XlWorkbookProtection,
  XlWorksheetProtectionOptions,
  XlComment,
  XlCommentCollection,
  XlCustomXmlPart,
  XlCustomXmlPartCollection,
  XlCustomXmlPartScopedCollection,
  XlNote,
  XlNoteCollection,
  XlRange,
  XlRangeAreas,
  XlRangeFill,
  XlRangeFormat,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
  XlWorksheetProtection,
  XlClientResult,
} from '../../../addin/office/excel-api';
import { ACTION_BYTES, FakeChange, FakeCollection, FakeContext, FakeObject, LoadArg, Scalar, byteLength } from './context';

/** More merged areas than this in one call and getMergedAreasOrNullObject fails (see there). */
export const MERGED_AREAS_LIMIT = 512;
import { fail } from './errors';
import { FakeChangedHandlers, FakeRangeFont, FakeTableCollection, assertStructureWritable, assertWritable, checkSheetName, columnWidthScalar, deleteSheet, freeSheetName, mergeRange, setColumnWidth, setWrap } from './structure';
import { FakeFill, FakeSheet, FakeWorkbook, NO_FILL, NO_FILL_READ, cellKeyOf } from './workbook';

interface RangeTarget {
  sheet: FakeSheet;
  range: CellRange;
}

const quote = (name: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

function parseAddress(address: string): CellRange {
  try {
    return parseRange(address.replace(/\$/g, ''));
  } catch {
    throw fail('InvalidArgument', `Indirizzo non valido: "${address}".`);
  }
}


const HEX = /^#[0-9A-Fa-f]{6}$/;
const NAMED: Record<string, string> = { white: '#FFFFFF', black: '#000000', red: '#FF0000', yellow: '#FFFF00', green: '#008000', blue: '#0000FF', orange: '#FFA500' };
function colour(value: unknown): string {
  if (typeof value === 'string' && HEX.test(value)) return value.toUpperCase();
  if (typeof value === 'string' && NAMED[value.toLowerCase()]) return NAMED[value.toLowerCase()];
  throw fail('InvalidArgument', `Colore non valido: ${JSON.stringify(value)}.`);
}
const PATTERNS = ['None', 'Solid', 'Gray50', 'Gray75', 'Gray25', 'Horizontal', 'Vertical', 'Down', 'Up', 'Checker', 'SemiGray75', 'LightHorizontal', 'LightVertical', 'LightDown', 'LightUp', 'Grid', 'CrissCross', 'Gray16', 'Gray8'];
function shade(value: unknown): number {
  if (typeof value !== 'number' || value < -1 || value > 1) throw fail('InvalidArgument', `Tinta non valida: ${JSON.stringify(value)}.`);
  return value;
}

function cellsOf(t: RangeTarget, f: (row: number, col: number) => void): void {
  for (let r = t.range.top; r <= t.range.bottom; r++) for (let c = t.range.left; c <= t.range.right; c++) f(r, c);
}

function grid<V>(t: RangeTarget, f: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = t.range.top; r <= t.range.bottom; r++) {
    const row: V[] = [];
    for (let c = t.range.left; c <= t.range.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

/** The value of a property over a range: the common value, or null when cells differ. */
function uniform<V>(t: RangeTarget, f: (row: number, col: number) => V): V | null {
  let first: { v: V } | undefined;
  let same = true;
  cellsOf(t, (r, c) => {
    const v = f(r, c);
    if (!first) first = { v };
    else if (first.v !== v) same = false;
  });
  return same && first ? first.v : null;
}

function checkShape(t: RangeTarget, value: unknown, what: string): unknown[][] | undefined {
  if (!Array.isArray(value)) return undefined; // a single value fills the range
  const rows = t.range.bottom - t.range.top + 1;
  const cols = t.range.right - t.range.left + 1;
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw fail('InvalidArgument', `${what}: la matrice deve essere di ${rows} righe per ${cols} colonne.`);
  }
  return value as unknown[][];
}

export class FakeRangeFill extends FakeObject<RangeTarget> implements XlRangeFill {
  protected scalars(): Record<string, Scalar<RangeTarget>> {
    // a cell without fill reads as Excel reports it (NO_FILL_READ: white, pattern and tints null)
    const f = (t: RangeTarget, key: keyof FakeFill) => uniform(t, (r, c) => t.sheet.cell(r, c)?.fill?.[key] ?? NO_FILL_READ[key]);
    return {
      color: { get: (t) => f(t, 'color') },
      pattern: { get: (t) => f(t, 'pattern'), since: '1.9' },
      patternColor: { get: (t) => f(t, 'patternColor'), since: '1.9' },
      tintAndShade: { get: (t) => f(t, 'tintAndShade'), since: '1.9' },
      patternTintAndShade: { get: (t) => f(t, 'patternTintAndShade'), since: '1.9' },
    };
  }

  private change(prop: string, value: unknown, since: string | undefined, update: (fill: FakeFill) => FakeFill): void {
    this.act(`fill.${prop}`, value, (t) => {
      if (since) this.ctx.require(since, `RangeFill.${prop}`);
      assertWritable(t.sheet, 'format');
      cellsOf(t, (r, c) => t.sheet.setFill(r, c, update({ ...t.sheet.fill(r, c) })));
      this.ctx.changed(changeOf(t));
    });
  }

  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.change('color', v, undefined, (f) => ({ ...f, color: colour(v), pattern: f.pattern === 'None' ? 'Solid' : f.pattern, tintAndShade: 0 }));
  }
  get pattern(): string {
    return this.read('pattern');
  }
  set pattern(v: string) {
    this.change('pattern', v, '1.9', (f) => {
      if (!PATTERNS.includes(v)) throw fail('InvalidArgument', `Motivo non valido: ${v}.`);
      return v === 'None' ? { ...NO_FILL } : { ...f, pattern: v };
    });
  }
  get patternColor(): string {
    return this.read('patternColor');
  }
  set patternColor(v: string) {
    this.change('patternColor', v, '1.9', (f) => ({ ...f, patternColor: colour(v) }));
  }
  get tintAndShade(): number {
    return this.read('tintAndShade');
  }
  set tintAndShade(v: number) {
    this.change('tintAndShade', v, '1.9', (f) => ({ ...f, tintAndShade: shade(v) }));
  }
  get patternTintAndShade(): number {
    return this.read('patternTintAndShade');
  }
  set patternTintAndShade(v: number) {
    this.change('patternTintAndShade', v, '1.9', (f) => ({ ...f, patternTintAndShade: shade(v) }));
  }
  clear(): void {
    this.act('fill.clear', null, (t) => {
      this.ctx.fault('RangeFill.clear', t.range);
      assertWritable(t.sheet, 'format');
      cellsOf(t, (r, c) => t.sheet.setFill(r, c, { ...NO_FILL }));
      this.ctx.changed(changeOf(t));
    });
  }
}

export class FakeRangeFormat extends FakeObject<RangeTarget> implements XlRangeFormat {
  private fillProxy?: FakeRangeFill;
  private fontProxy?: FakeRangeFont;
  constructor(
    ctx: FakeContext,
    private readonly target_: () => RangeTarget | null,
  ) {
    super(ctx, target_, 'RangeFormat');
  }
  // navigation properties are objects made on first use, as in Office.js
  get fill(): FakeRangeFill {
    this.ctx.check();
    this.fillProxy ??= new FakeRangeFill(this.ctx, this.target_, 'RangeFill');
    return this.fillProxy;
  }
  get font(): FakeRangeFont {
    this.ctx.check();
    this.fontProxy ??= new FakeRangeFont(this.ctx, this.target_, 'RangeFont');
    return this.fontProxy;
  }
  protected scalars(): Record<string, Scalar<RangeTarget>> {
    return {
      columnWidth: { ...columnWidthScalar(), since: '1.2' },
      wrapText: { get: (t) => uniform(t, (r, c) => t.sheet.cell(r, c)?.wrap ?? false), since: '1.2' },
    };
  }
  protected override navs(): Record<string, FakeObject<unknown>> {
    return { fill: this.fill as FakeObject<unknown>, font: this.font as FakeObject<unknown> };
  }
  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set columnWidth(v: number) {
    setColumnWidth(this.ctx, this, v);
  }
  get wrapText(): boolean {
    return this.read('wrapText');
  }
  set wrapText(v: boolean) {
    setWrap(this.ctx, this, v);
  }
}

const NUMBER_TEXT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?$/;
const DATE_TEXT = /^\d{1,4}[./-]\d{1,2}([./-]\d{1,4})?$/;

/**
 * What Excel makes of a text written into `values`, as if typed: a leading apostrophe keeps the
 * rest as text; a number-looking or date-looking text becomes a number (so a code "01.02" written
 * without the apostrophe is lost, as in Excel); "=", "+", "-" and "@" start a formula.
 */
function typed(x: string): { value: string | number | boolean; type: 'String' | 'Double' | 'Boolean' } | null {
  if (x.startsWith("'")) return x.length > 1 ? { value: x.slice(1), type: 'String' } : null;
  const t = x.trim();
  if (NUMBER_TEXT.test(t)) {
    const pct = t.endsWith('%');
    const n = Number(t.replace('%', '').replace(',', '.'));
    return { value: pct ? n / 100 : n, type: 'Double' };
  }
  if (DATE_TEXT.test(t)) return { value: 45000, type: 'Double' }; // some date: the text is gone either way
  if (/^(true|false|vero|falso)$/i.test(t)) return { value: /^(true|vero)$/i.test(t), type: 'Boolean' };
  if (/^[=+\-@]/.test(t)) throw fail('NotImplemented', `Formule non simulate: «${x}» sarebbe letto come formula.`);
  return { value: x, type: 'String' };
}

export class FakeRangeAreas extends FakeObject<{ sheet: FakeSheet; areas: CellRange[] }> implements XlRangeAreas {
  protected scalars(): Record<string, Scalar<{ sheet: FakeSheet; areas: CellRange[] }>> {
    return {
      address: { get: (t) => t.areas.map((a) => `${quote(t.sheet.name)}!${rangeA1(a)}`).join(', '), since: '1.9' },
      areaCount: { get: (t) => t.areas.length },
    };
  }
  get address(): string {
    return this.read('address');
  }
}

function valueOf(sheet: FakeSheet, r: number, c: number): string | number | boolean {
  const cell = sheet.cell(r, c);
  return cell?.type === undefined || cell.value === undefined ? '' : cell.value;
}

function textOf(sheet: FakeSheet, r: number, c: number): string {
  const cell = sheet.cell(r, c);
  if (!cell?.type) return '';
  if (cell.type === 'Boolean') return cell.value ? 'VERO' : 'FALSO';
  return String(cell.value);
}

/** A change of values or formats over a range, for the onChanged event Excel fires after the sync. */
function changeOf(t: RangeTarget): FakeChange {
  const single = t.range.top === t.range.bottom && t.range.left === t.range.right;
  const cell = single ? t.sheet.cell(t.range.top, t.range.left) : undefined;
  return { sheet: t.sheet, range: t.range, ...(single ? { before: { value: cell?.type === undefined ? '' : cell.value, type: cell?.type ?? 'Empty' } } : {}) };
}

export class FakeRange extends FakeObject<RangeTarget> implements XlRange {
  private formatProxy?: FakeRangeFormat;
  constructor(ctx: FakeContext, resolver: () => RangeTarget | null) {
    super(ctx, resolver, 'Range');
  }

  get format(): FakeRangeFormat {
    this.ctx.check();
    this.formatProxy ??= new FakeRangeFormat(this.ctx, () => this.resolveNow());
    return this.formatProxy;
  }

  protected scalars(): Record<string, Scalar<RangeTarget>> {
    return {
      address: { get: (t) => `${quote(t.sheet.name)}!${rangeA1(t.range)}` },
      rowIndex: { get: (t) => t.range.top },
      columnIndex: { get: (t) => t.range.left },
      rowCount: { get: (t) => t.range.bottom - t.range.top + 1 },
      columnCount: { get: (t) => t.range.right - t.range.left + 1 },
      values: { get: (t) => grid(t, (r, c) => valueOf(t.sheet, r, c)) },
      valueTypes: { get: (t) => grid(t, (r, c) => t.sheet.cell(r, c)?.type ?? 'Empty') },
      numberFormat: { get: (t) => grid(t, (r, c) => t.sheet.cell(r, c)?.format ?? 'General') },
      text: { get: (t) => grid(t, (r, c) => textOf(t.sheet, r, c)) },
    };
  }

  protected override navs(): Record<string, FakeObject<unknown>> {
    return { format: this.format as FakeObject<unknown> };
  }

  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get values(): (string | number | boolean)[][] {
    return this.read('values');
  }
  set values(v: (string | number | boolean)[][]) {
    this.act('values', v, (t) => {
      assertWritable(t.sheet);
      const m = checkShape(t, v, 'values');
      this.ctx.changed(changeOf(t));
      cellsOf(t, (r, c) => {
        const x: unknown = m ? m[r - t.range.top][c - t.range.left] : v;
        if (x === null) return;
        if (typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean') throw fail('InvalidArgument', `Valore non valido: ${JSON.stringify(x)}.`);
        if (typeof x === 'number' && !Number.isFinite(x)) throw fail('InvalidArgument', `Numero non valido: ${x}.`);
        if (typeof x !== 'string') return t.sheet.setValue(r, c, x);
        if (x.length > 32767) throw fail('InvalidArgument', 'Testo oltre 32.767 caratteri.');
        const input = x === '' ? null : typed(x); // writing "" clears the cell
        t.sheet.setValue(r, c, input ? input.value : null, input?.type);
      });
    });
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.act('numberFormat', v, (t) => {
      assertWritable(t.sheet, 'format');
      const m = checkShape(t, v, 'numberFormat');
      this.ctx.changed(changeOf(t));
      cellsOf(t, (r, c) => {
        const x = m ? m[r - t.range.top][c - t.range.left] : v;
        if (x === null) return;
        if (typeof x !== 'string') throw fail('InvalidArgument', `Formato non valido: ${JSON.stringify(x)}.`);
        const cell = t.sheet.edit(r, c);
        if (x === 'General') delete cell.format;
        else cell.format = x;
      });
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(
      this.ctx,
      () => {
        this.ctx.require('1.13', 'Range.getMergedAreasOrNullObject');
        const t = this.target();
        this.ctx.fault('Range.getMergedAreasOrNullObject', t.range);
        const inside = (m: CellRange) => m.top >= t.range.top && m.top <= t.range.bottom && m.left >= t.range.left && m.left <= t.range.right;
        const overlaps = (m: CellRange) => !(m.bottom < t.range.top || m.top > t.range.bottom || m.right < t.range.left || m.left > t.range.right);
        // "only ... merged areas whose top left cell originates in the range passed ... are
        // returned" (OfficeDev/office-js#3611, desktop and web): the Excel can be set to either
        const found = t.sheet.merges.filter(this.ctx.host.mergedAreas === 'top-left' ? inside : overlaps);
        // "if the merged areas count in this range is more than 512, then this method will fail
        // to return the result" (Range.getMergedAreasOrNullObject in @types/office-js); the code
        // is not documented: GeneralException, Excel's "internal error while processing the request"
        if (found.length > MERGED_AREAS_LIMIT) throw fail('GeneralException', `getMergedAreasOrNullObject: ${found.length} aree unite, oltre ${MERGED_AREAS_LIMIT}.`);
        return found.length ? { sheet: t.sheet, areas: found } : null;
      },
      'RangeAreas',
    );
    return areas.probe(true);
  }

  merge(across = false): void {
    mergeRange(this.ctx, this, across);
  }

  select(): void {
    this.act('select', null, (t) => {
      const wb = this.ctx.model;
      if (wb.activeSheetId !== t.sheet.id) throw fail('InvalidOperation', `Range.select: il foglio "${t.sheet.name}" non è attivo.`);
      wb.selection = { sheetId: t.sheet.id, address: rangeA1(t.range) };
    });
  }
}

/** Every option of WorksheetProtectionOptions (ExcelApi 1.2), false unless the sheet allows it. */
const PROTECTION_OPTIONS = ['allowAutoFilter', 'allowDeleteColumns', 'allowDeleteRows', 'allowEditObjects', 'allowEditScenarios', 'allowFormatCells', 'allowFormatColumns', 'allowFormatRows', 'allowInsertColumns', 'allowInsertHyperlinks', 'allowInsertRows', 'allowPivotTables', 'allowSort'];

class FakeProtection extends FakeObject<FakeSheet> implements XlWorksheetProtection {
  protected scalars(): Record<string, Scalar<FakeSheet>> {
    return {
      protected: { get: (s) => s.protected_, since: '1.2' },
      options: { get: (s) => Object.fromEntries(PROTECTION_OPTIONS.map((k) => [k, (s.protectionOptions as Record<string, boolean | undefined>)[k] === true])), since: '1.2' },
    };
  }
  get protected(): boolean {
    return this.read('protected');
  }
  get options(): XlWorksheetProtectionOptions {
    return this.read('options');
  }
}

class FakeWorkbookProtection extends FakeObject<FakeWorkbook> implements XlWorkbookProtection {
  protected scalars(): Record<string, Scalar<FakeWorkbook>> {
    return { protected: { get: (wb) => wb.structureProtected, since: '1.7' } };
  }
  get protected(): boolean {
    return this.read('protected');
  }
}

interface CellTarget {
  sheet: FakeSheet;
  row: number;
  col: number;
}

/**
 * A cell given as a Range proxy of this context or an address string. `badCell` is the code Excel
 * gives for an address that is not one cell: notes.add throws InvalidCellAddress ("If the string
 * is invalid, or the range is not a single cell, an `InvalidCellAddress` error is thrown",
 * NoteCollection.add in @types/office-js), comments.add InvalidArgument ("An `InvalidArgument`
 * error is thrown if the provided range is larger than one cell", CommentCollection.add).
 */
function cellTarget(ctx: FakeContext, sheet: FakeSheet, where: XlRange | string, needSheetName: boolean, badCell = 'InvalidArgument'): CellTarget {
  let target: RangeTarget;
  if (typeof where === 'string') {
    const bang = where.lastIndexOf('!');
    if (needSheetName && bang < 0) throw fail('InvalidArgument', `L'indirizzo "${where}" deve contenere il nome del foglio.`);
    try {
      target = { sheet, range: parseRange((bang >= 0 ? where.slice(bang + 1) : where).replace(/\$/g, '')) };
    } catch {
      throw fail(badCell, `Indirizzo non valido: "${where}".`);
    }
  } else {
    if (!(where instanceof FakeRange) || where.ctx !== ctx) throw fail('InvalidObjectPath', 'Intervallo di un altro contesto.');
    target = where.target();
  }
  if (target.sheet !== sheet) throw fail('InvalidArgument', 'La cella è su un altro foglio.');
  if (target.range.top !== target.range.bottom || target.range.left !== target.range.right) throw fail(badCell, 'Serve una sola cella.');
  return { sheet, row: target.range.top, col: target.range.left };
}

export class FakeNote extends FakeObject<CellTarget> implements XlNote {
  protected scalars(): Record<string, Scalar<CellTarget>> {
    const note = (t: CellTarget) => t.sheet.notes.get(cellKeyOf(t.row, t.col));
    return {
      content: { get: (t) => note(t)?.content ?? null },
      authorName: { get: (t) => note(t)?.author ?? '' },
    };
  }
  get content(): string {
    return this.read('content');
  }
  set content(v: string) {
    this.act('note.content', v, (t) => {
      this.ctx.require('1.18', 'Note.content');
      assertWritable(t.sheet);
      const n = t.sheet.notes.get(cellKeyOf(t.row, t.col));
      if (!n) throw fail('ItemNotFound', 'La nota non esiste più.');
      n.content = String(v);
    });
  }
  delete(): void {
    this.act('note.delete', null, (t) => {
      this.ctx.require('1.18', 'Note.delete');
      assertWritable(t.sheet);
      if (!t.sheet.notes.delete(cellKeyOf(t.row, t.col))) throw fail('ItemNotFound', 'La nota non esiste più.');
    });
  }
}

export class FakeNoteCollection implements XlNoteCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    ctx.objectCreated();
  }

  private find(key: string, nullable: boolean): FakeNote {
    const note = new FakeNote(
      this.ctx,
      () => {
        this.ctx.require('1.18', 'NoteCollection');
        const sheet = this.sheet.target();
        const p = parseA1(key.slice(key.lastIndexOf('!') + 1).replace(/\$/g, ''));
        return sheet.notes.has(cellKeyOf(p.row, p.col)) ? { sheet, row: p.row, col: p.col } : null;
      },
      'Note',
    );
    return note.probe(nullable);
  }

  add(cellAddress: XlRange | string, content: string): FakeNote {
    let made: CellTarget | undefined;
    this.ctx.enqueue({
      bytes: ACTION_BYTES + byteLength(content),
      run: () => {
        this.ctx.require('1.18', 'NoteCollection.add');
        const sheet = this.sheet.target();
        const t = cellTarget(this.ctx, sheet, cellAddress, false, 'InvalidCellAddress');
        this.ctx.fault('NoteCollection.add', { top: t.row, left: t.col, bottom: t.row, right: t.col });
        assertWritable(sheet);
        const key = cellKeyOf(t.row, t.col);
        if (sheet.notes.has(key)) throw fail('InvalidOperation', `La cella ${a1(t.row, t.col)} ha già una nota.`);
        if (sheet.comments.has(key)) throw fail('InvalidOperation', `La cella ${a1(t.row, t.col)} ha un commento: non può avere anche una nota.`);
        sheet.notes.set(key, { content: String(content), author: 'PIAO' });
        made = t;
      },
    });
    return new FakeNote(this.ctx, () => made ?? null, 'Note');
  }
  getItem(key: string): FakeNote {
    return this.find(key, false);
  }
  getItemOrNullObject(key: string): FakeNote {
    return this.find(key, true);
  }
}

interface CommentTarget {
  sheet: FakeSheet;
  id: string;
}

function commentCell(t: CommentTarget): number {
  for (const [key, c] of t.sheet.comments) if (c.id === t.id) return key;
  throw fail('ItemNotFound', 'Il commento non esiste più.');
}

export class FakeComment extends FakeObject<CommentTarget> implements XlComment {
  protected scalars(): Record<string, Scalar<CommentTarget>> {
    return {
      id: { get: (t) => t.id },
      content: { get: (t) => t.sheet.comments.get(commentCell(t))!.content },
    };
  }
  get id(): string {
    return this.read('id');
  }
  get content(): string {
    return this.read('content');
  }
  set content(v: string) {
    this.act('comment.content', v, (t) => {
      assertWritable(t.sheet);
      t.sheet.comments.get(commentCell(t))!.content = String(v);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.target();
        const key = commentCell(t);
        const row = Math.floor(key / 16384);
        const col = key % 16384;
        return { sheet: t.sheet, range: { top: row, left: col, bottom: row, right: col } };
      },
    );
  }
  delete(): void {
    this.act('comment.delete', null, (t) => {
      assertWritable(t.sheet);
      t.sheet.comments.delete(commentCell(t));
    });
  }
}

export class FakeCommentCollection extends FakeCollection<CommentTarget, FakeComment> implements XlCommentCollection {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(
      ctx,
      () => {
        ctx.require('1.10', 'CommentCollection');
        const s = sheet.target();
        return [...s.comments.values()].map((c) => ({ sheet: s, id: c.id }));
      },
      'CommentCollection',
    );
  }
  protected item(t: CommentTarget): FakeComment {
    return new FakeComment(this.ctx, () => t, 'Comment');
  }
  add(cellAddress: XlRange | string, content: string): FakeComment {
    let made: CommentTarget | undefined;
    this.ctx.enqueue({
      bytes: ACTION_BYTES + byteLength(content),
      run: () => {
        this.ctx.require('1.10', 'CommentCollection.add');
        const sheet = this.sheet.target();
        const t = cellTarget(this.ctx, sheet, cellAddress, true);
        assertWritable(sheet);
        const key = cellKeyOf(t.row, t.col);
        if (sheet.comments.has(key)) throw fail('InvalidOperation', `La cella ${a1(t.row, t.col)} ha già un commento.`);
        if (sheet.notes.has(key)) throw fail('InvalidOperation', `La cella ${a1(t.row, t.col)} ha una nota: non può avere anche un commento.`);
        const id = this.ctx.model.nextId('comment-');
        sheet.comments.set(key, { id, content: String(content) });
        made = { sheet, id };
      },
    });
    return new FakeComment(this.ctx, () => made ?? null, 'Comment');
  }
  getItemByCell(cellAddress: XlRange | string): FakeComment {
    const comment = new FakeComment(
      this.ctx,
      () => {
        this.ctx.require('1.10', 'CommentCollection.getItemByCell');
        const sheet = this.sheet.target();
        const t = cellTarget(this.ctx, sheet, cellAddress, false);
        const c = sheet.comments.get(cellKeyOf(t.row, t.col));
        if (!c) throw fail('ItemNotFound', `Nessun commento in ${a1(t.row, t.col)}.`);
        return { sheet, id: c.id };
      },
      'Comment',
    );
    return comment.probe(false);
  }
}

export class FakeWorksheet extends FakeObject<FakeSheet> implements XlWorksheet {
  readonly onChanged: FakeChangedHandlers;
  private protectionProxy?: FakeProtection;
  private tablesProxy?: FakeTableCollection;
  private notesProxy?: FakeNoteCollection;
  private commentsProxy?: FakeCommentCollection;

  constructor(ctx: FakeContext, resolver: () => FakeSheet | null) {
    super(ctx, resolver, 'Worksheet');
    this.onChanged = new FakeChangedHandlers(ctx, this, ctx.host.events);
  }

  get protection(): FakeProtection {
    this.ctx.check();
    this.protectionProxy ??= new FakeProtection(this.ctx, () => this.resolveNow(), 'WorksheetProtection');
    return this.protectionProxy;
  }

  get tables(): FakeTableCollection {
    this.ctx.check();
    this.tablesProxy ??= new FakeTableCollection(this.ctx, () => this.target());
    return this.tablesProxy;
  }

  readonly freezePanes = {
    freezeRows: (count = 1) => {
      this.act('freezePanes.freezeRows', count, (s) => {
        this.ctx.require('1.7', 'WorksheetFreezePanes.freezeRows');
        if (!Number.isInteger(count) || count < 0) throw fail('InvalidArgument', `Righe da bloccare non valide: ${count}.`);
        s.frozenRows = count;
      });
    },
  };

  delete(): void {
    this.act('delete', null, (s) => deleteSheet(this.ctx.model, s));
  }

  protected scalars(): Record<string, Scalar<FakeSheet>> {
    return {
      name: { get: (s) => s.name },
      id: { get: (s) => s.id },
      visibility: { get: (s) => s.visibility },
      position: { get: (s) => this.ctx.model.sheets.indexOf(s) },
    };
  }
  protected override navs(): Record<string, FakeObject<unknown>> {
    return { protection: this.protection as FakeObject<unknown> };
  }

  get name(): string {
    return this.read('name');
  }
  get id(): string {
    return this.read('id');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  get notes(): FakeNoteCollection {
    this.ctx.check();
    this.notesProxy ??= new FakeNoteCollection(this.ctx, this);
    return this.notesProxy;
  }
  get comments(): FakeCommentCollection {
    this.ctx.check();
    this.commentsProxy ??= new FakeCommentCollection(this.ctx, this);
    return this.commentsProxy;
  }

  getRange(address?: string): FakeRange {
    this.ctx.check();
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      const range = address === undefined ? { top: 0, left: 0, bottom: 1048575, right: 16383 } : parseAddress(address);
      return { sheet, range };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const range = new FakeRange(this.ctx, () => {
      this.ctx.require('1.4', 'Worksheet.getUsedRangeOrNullObject');
      const sheet = this.target();
      const used = sheet.usedRange(valuesOnly === true);
      return used ? { sheet, range: used } : null;
    });
    return range.probe(true);
  }

  activate(): void {
    this.act('activate', null, (s) => {
      if (s.visibility !== 'Visible') throw fail('InvalidOperation', `Il foglio "${s.name}" è nascosto e non può essere attivato.`);
      this.ctx.model.activeSheetId = s.id;
    });
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeSheet, FakeWorksheet> implements XlWorksheetCollection {
  constructor(ctx: FakeContext) {
    super(ctx, () => [...ctx.model.sheets], 'WorksheetCollection');
  }
  protected item(s: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => s);
  }
  getActiveWorksheet(): FakeWorksheet {
    this.ctx.check();
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.model.sheets.find((x) => x.id === this.ctx.model.activeSheetId);
      if (!s) throw fail('ItemNotFound', 'Nessun foglio attivo.');
      return s;
    });
  }
  private byKey(key: string, nullable: boolean): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => {
      if (nullable) this.ctx.require('1.4', 'WorksheetCollection.getItemOrNullObject');
      return this.ctx.model.sheet(key) ?? null;
    });
    return ws.probe(nullable);
  }
  getItem(key: string): FakeWorksheet {
    return this.byKey(key, false);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return this.byKey(key, true);
  }
  add(name?: string): FakeWorksheet {
    let made: FakeSheet | undefined;
    this.ctx.enqueue({
      bytes: ACTION_BYTES + byteLength(name ?? ''),
      run: () => {
        const wb = this.ctx.model;
        let n = wb.sheets.length + 1;
        while (name === undefined && wb.sheet(`Foglio${n}`)) n++;
        const chosen = name ?? `Foglio${n}`;
        assertStructureWritable(wb);
        checkSheetName(wb, chosen);
        made = wb.addSheet(chosen);
      },
    });
    return new FakeWorksheet(this.ctx, () => made ?? null);
  }
}

/** The root element's namespace, or an error for text that is not one XML element. */
function xmlNamespace(xml: string): string {
  const body = xml.replace(/^\s*<\?xml[^>]*\?>/, '').trim();
  const open = /^<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(body);
  if (!open) throw fail('InvalidArgument', 'XML non valido: manca l\'elemento radice.');
  const selfClosing = open[2].endsWith('/');
  if (!selfClosing && !body.endsWith(`</${open[1]}>`)) throw fail('InvalidArgument', `XML non valido: l'elemento ${open[1]} non è chiuso.`);
  const ns = /\sxmlns(?::[\w.-]+)?="([^"]*)"/.exec(open[2]);
  return ns ? ns[1] : '';
}

/** The value of a call (getXml): readable after the sync that ran it succeeded. */
export class FakeClientResult<T> extends FakeObject<null> implements XlClientResult<T> {
  constructor(ctx: FakeContext) {
    super(ctx, () => null, 'ClientResult');
  }
  protected scalars(): Record<string, Scalar<null>> {
    return {};
  }
  get value(): T {
    return this.read<T>('value');
  }
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export class FakeCustomXmlPart extends FakeObject<{ id: string }> implements XlCustomXmlPart {
  private part(t: { id: string }) {
    const p = this.ctx.model.customXmlParts.find((x) => x.id === t.id);
    if (!p) throw fail('ItemNotFound', 'La parte XML non esiste più.');
    return p;
  }
  protected scalars(): Record<string, Scalar<{ id: string }>> {
    return {
      id: { get: (t) => t.id },
      namespaceUri: { get: (t) => xmlNamespace(this.part(t).xml) },
    };
  }
  get id(): string {
    return this.read('id');
  }
  get namespaceUri(): string {
    return this.read('namespaceUri');
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>(this.ctx);
    this.ctx.enqueue({
      bytes: ACTION_BYTES,
      run: (stage) => {
        const xml = this.part(this.target()).xml;
        stage(result as FakeObject<unknown>, 'value', xml.startsWith('<?xml') ? xml : XML_DECLARATION + xml);
      },
    });
    return result;
  }
  setXml(xml: string): void {
    this.act('setXml', xml, (t) => {
      xmlNamespace(xml);
      this.part(t).xml = xml;
    });
  }
  delete(): void {
    this.act('delete', null, (t) => {
      const wb = this.ctx.model;
      const i = wb.customXmlParts.findIndex((x) => x.id === t.id);
      if (i < 0) throw fail('ItemNotFound', 'La parte XML non esiste più.');
      wb.customXmlParts.splice(i, 1);
    });
  }
}

class FakeScopedParts extends FakeCollection<{ id: string }, FakeCustomXmlPart> implements XlCustomXmlPartScopedCollection {
  protected item(t: { id: string }): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, () => t, 'CustomXmlPart');
  }
}

/** The workbook's custom XML parts (ExcelApi 1.5): a collection whose items give id and namespace without the XML. */
export class FakeCustomXmlParts extends FakeCollection<{ id: string }, FakeCustomXmlPart> implements XlCustomXmlPartCollection {
  constructor(ctx: FakeContext) {
    super(
      ctx,
      () => {
        ctx.require('1.5', 'CustomXmlPartCollection');
        return ctx.model.customXmlParts.map((p) => ({ id: p.id }));
      },
      'CustomXmlPartCollection',
    );
  }
  protected item(t: { id: string }): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, () => t, 'CustomXmlPart');
  }
  getItem(id: string): FakeCustomXmlPart {
    const part = new FakeCustomXmlPart(
      this.ctx,
      () => {
        this.ctx.require('1.5', 'CustomXmlPartCollection.getItem');
        return this.ctx.model.customXmlParts.some((p) => p.id === id) ? { id } : null;
      },
      'CustomXmlPart',
    );
    return part.probe(false);
  }
  add(xml: string): FakeCustomXmlPart {
    let made: { id: string } | undefined;
    this.ctx.enqueue({
      bytes: ACTION_BYTES + byteLength(xml),
      run: () => {
        this.ctx.require('1.5', 'CustomXmlPartCollection.add');
        xmlNamespace(xml);
        const id = `{${this.ctx.model.nextId('part-')}}`;
        this.ctx.model.customXmlParts.push({ id, xml });
        made = { id };
      },
    });
    return new FakeCustomXmlPart(this.ctx, () => made ?? null, 'CustomXmlPart');
  }
  getByNamespace(namespaceUri: string): FakeScopedParts {
    return new FakeScopedParts(
      this.ctx,
      () => {
        this.ctx.require('1.5', 'CustomXmlPartCollection.getByNamespace');
        return this.ctx.model.customXmlParts.filter((p) => xmlNamespace(p.xml) === namespaceUri).map((p) => ({ id: p.id }));
      },
      'CustomXmlPartScopedCollection',
    );
  }
}

export class FakeWorkbookProxy implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly customXmlParts: FakeCustomXmlParts;
  private protectionProxy?: FakeWorkbookProtection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.customXmlParts = new FakeCustomXmlParts(ctx);
  }

  /** ExcelApi 1.7 */
  get protection(): FakeWorkbookProtection {
    this.ctx.check();
    this.protectionProxy ??= new FakeWorkbookProtection(this.ctx, () => this.ctx.model, 'WorkbookProtection');
    return this.protectionProxy;
  }

  insertWorksheetsFromBase64(base64File: string, options: { sheetNamesToInsert?: string[]; positionType?: string; relativeTo?: string } = {}): FakeClientResult<string[]> {
    const ctx = this.ctx;
    ctx.check();
    const result = new FakeClientResult<string[]>(ctx);
    ctx.enqueue({
      bytes: ACTION_BYTES + base64File.length,
      run: async (stage) => {
        ctx.require('1.13', 'Workbook.insertWorksheetsFromBase64');
        assertStructureWritable(ctx.model);
        const decode = ctx.host.decodeXlsx;
        if (!decode) throw fail('NotImplemented', 'Nessun decodificatore xlsx nel simulatore.');
        let sheets;
        try {
          sheets = await decode(base64File);
        } catch {
          throw fail('InvalidArgument', 'Il file base64 non è una cartella di lavoro xlsx valida.');
        }
        const wanted = options.sheetNamesToInsert?.length ? options.sheetNamesToInsert : sheets.map((x) => x.name);
        for (const w of wanted) if (!sheets.some((x) => x.name === w)) throw fail('ItemNotFound', `Il file non ha il foglio "${w}".`);
        if (options.positionType && !['None', 'End'].includes(options.positionType)) throw fail('NotImplemented', `Posizione ${options.positionType} non simulata.`);
        const wb = ctx.model;
        const ids: string[] = [];
        for (const data of sheets.filter((x) => wanted.includes(x.name))) {
          const sheet = FakeSheet.fromData({ ...data, id: `{${wb.nextId('sheet-')}}`, name: freeSheetName(wb, data.name), protected: false });
          sheet.tables = [];
          wb.sheets.push(sheet);
          ids.push(sheet.id);
        }
        stage(result as FakeObject<unknown>, 'value', ids);
      },
    });
    return result;
  }
}

export type { FakeWorkbook, LoadArg };
