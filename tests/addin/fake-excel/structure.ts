/**
 * The parts of the in-memory Excel that change a workbook's structure: fonts and column widths,
 * tables, frozen panes, new and deleted sheets, sheets inserted from an xlsx file, and the
 * worksheet onChanged event. Same strictness as the rest: requirement sets, name rules, load
 * before read, calls that happen at sync.
 */
import { CellRange, parseRange, rangeA1 } from '../../../importer/engine/grid/address';
import type { XlChangedEventDetail, XlEventHandlerResult, XlEventHandlers, XlRange, XlRangeFont, XlTable, XlTableCollection, XlWorksheetChangedEventArgs } from '../../../addin/office/excel-api';
import { ACTION_BYTES, FakeChange, FakeCollection, FakeContext, FakeObject, Scalar, versionAtLeast } from './context';
import { fail } from './errors';
import { FakeFont, FakeSheet, FakeSheetData, FakeTableData, FakeWorkbook } from './workbook';

export interface RangeTarget {
  sheet: FakeSheet;
  range: CellRange;
}

function eachCell(t: RangeTarget, f: (row: number, col: number) => void): void {
  for (let r = t.range.top; r <= t.range.bottom; r++) for (let c = t.range.left; c <= t.range.right; c++) f(r, c);
}

function uniform<V>(t: RangeTarget, f: (row: number, col: number) => V): V | null {
  let first: { v: V } | undefined;
  let same = true;
  eachCell(t, (r, c) => {
    const v = f(r, c);
    if (!first) first = { v };
    else if (first.v !== v) same = false;
  });
  return same && first ? first.v : null;
}

/**
 * A protected sheet refuses changes (AccessDenied), except formats when its protection allows
 * formatting cells (WorksheetProtectionOptions.allowFormatCells, ExcelApi 1.2: "the worksheet
 * protection option allowing formatting of cells"). Notes and comments are refused on any
 * protected sheet: the add-in never relies on a protection option to write them.
 */
export function assertWritable(sheet: FakeSheet, what: 'content' | 'format' = 'content'): void {
  if (!sheet.protected_) return;
  if (what === 'format' && sheet.protectionOptions.allowFormatCells) return;
  throw fail('AccessDenied', `Il foglio "${sheet.name}" è protetto.`);
}

/**
 * Workbook structure protection: "prevent users from adding, deleting, moving, or renaming
 * worksheets" (Microsoft, "Manage Excel workbooks with the Excel JavaScript API", protect workbook
 * structure). Excel's code for the refusal is not documented; AccessDenied is its code for a
 * refused change ("You cannot perform the requested operation").
 */
export function assertStructureWritable(wb: FakeWorkbook): void {
  if (wb.structureProtected) throw fail('AccessDenied', 'La struttura della cartella di lavoro è protetta: non si possono aggiungere, eliminare o rinominare fogli.');
}

const DEFAULT_FONT: Required<FakeFont> = { bold: false, italic: false, size: 11, color: '#000000' };

export class FakeRangeFont extends FakeObject<RangeTarget> implements XlRangeFont {
  protected scalars(): Record<string, Scalar<RangeTarget>> {
    const f = (t: RangeTarget, key: keyof FakeFont) => uniform(t, (r, c) => t.sheet.cell(r, c)?.font?.[key] ?? DEFAULT_FONT[key]);
    return { bold: { get: (t) => f(t, 'bold') }, italic: { get: (t) => f(t, 'italic') }, size: { get: (t) => f(t, 'size') }, color: { get: (t) => f(t, 'color') } };
  }
  private change<K extends keyof FakeFont>(key: K, value: FakeFont[K], valid: boolean): void {
    this.act(`font.${key}`, value, (t) => {
      if (!valid) throw fail('InvalidArgument', `Valore non valido per font.${key}: ${JSON.stringify(value)}.`);
      assertWritable(t.sheet, 'format');
      eachCell(t, (r, c) => {
        const cell = t.sheet.edit(r, c);
        cell.font = { ...cell.font, [key]: value };
      });
    });
  }
  get bold(): boolean {
    return this.read('bold');
  }
  set bold(v: boolean) {
    this.change('bold', v, typeof v === 'boolean');
  }
  get italic(): boolean {
    return this.read('italic');
  }
  set italic(v: boolean) {
    this.change('italic', v, typeof v === 'boolean');
  }
  get size(): number {
    return this.read('size');
  }
  set size(v: number) {
    this.change('size', v, typeof v === 'number' && v >= 1 && v <= 409);
  }
  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.change('color', typeof v === 'string' ? v.toUpperCase() : v, typeof v === 'string' && /^#[0-9A-Fa-f]{6}$/.test(v));
  }
}

/** Column width in points of a range (all its columns), as format.columnWidth reads and writes it. */
export function columnWidthScalar(): Scalar<RangeTarget> {
  return { get: (t) => uniform(t, (_r, c) => t.sheet.columnWidths.get(c) ?? 48) };
}

export function setColumnWidth(ctx: FakeContext, obj: FakeObject<RangeTarget>, width: number): void {
  ctx.enqueue({
    bytes: ACTION_BYTES,
    run: () => {
      ctx.require('1.2', 'RangeFormat.columnWidth');
      const t = obj.target();
      if (typeof width !== 'number' || width < 0 || width > 1800) throw fail('InvalidArgument', `Larghezza di colonna non valida: ${width}.`);
      assertWritable(t.sheet, 'format');
      for (let c = t.range.left; c <= t.range.right; c++) t.sheet.columnWidths.set(c, width);
    },
  });
}

export function setWrap(ctx: FakeContext, obj: FakeObject<RangeTarget>, wrap: boolean): void {
  ctx.enqueue({
    bytes: ACTION_BYTES,
    run: () => {
      ctx.require('1.2', 'RangeFormat.wrapText');
      const t = obj.target();
      assertWritable(t.sheet, 'format');
      eachCell(t, (r, c) => {
        t.sheet.edit(r, c).wrap = wrap;
      });
    },
  });
}

/**
 * Range.merge (ExcelApi 1.2): the range becomes one merged area; "only the upper-left value" is kept
 * (Excel's own words when it merges cells). A merged area crossing the range's edge is refused
 * (Excel cannot merge part of a merged area); merged areas inside it become part of the new one.
 */
export function mergeRange(ctx: FakeContext, obj: FakeObject<RangeTarget>, across: boolean): void {
  ctx.enqueue({
    bytes: ACTION_BYTES,
    run: () => {
      ctx.require('1.2', 'Range.merge');
      const t = obj.target();
      assertWritable(t.sheet, 'format');
      const { top, left, bottom, right } = t.range;
      const inside = (m: CellRange) => m.top >= top && m.bottom <= bottom && m.left >= left && m.right <= right;
      if (t.sheet.merges.some((m) => rangesOverlap(m, t.range) && !inside(m))) throw fail('InvalidOperation', `Range.merge: ${rangeA1(t.range)} taglia un'area già unita.`);
      if (t.sheet.tables.some((tb) => rangesOverlap(parseRange(tb.range), t.range))) throw fail('InvalidOperation', 'Range.merge: non si uniscono celle di una tabella.');
      const areas = across ? Array.from({ length: bottom - top + 1 }, (_, i) => ({ top: top + i, left, bottom: top + i, right })) : [t.range];
      t.sheet.merges = t.sheet.merges.filter((m) => !inside(m));
      for (const a of areas) {
        if (a.top === a.bottom && a.left === a.right) continue;
        eachCell({ sheet: t.sheet, range: a }, (r, c) => {
          if (r !== a.top || c !== a.left) t.sheet.setValue(r, c, null);
        });
        t.sheet.merges.push(a);
      }
    },
  });
}

// ---------------------------------------------------------------- tables

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return !(a.bottom < b.top || a.top > b.bottom || a.right < b.left || a.left > b.right);
}

/** Excel's own rule for the header row of a new table: blanks become "ColonnaN", repeats get a number. */
function fixHeaders(sheet: FakeSheet, range: CellRange): void {
  const seen = new Set<string>();
  for (let c = range.left; c <= range.right; c++) {
    const cell = sheet.cell(range.top, c);
    let text = cell?.type ? String(cell.value) : '';
    if (!text) text = `Colonna${c - range.left + 1}`;
    let unique = text;
    for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${text}${n}`;
    seen.add(unique.toLowerCase());
    if (!cell?.type || String(cell.value) !== unique) sheet.setValue(range.top, c, unique, 'String');
  }
}

interface TableTarget {
  sheet: FakeSheet;
  table: FakeTableData;
}

export class FakeTable extends FakeObject<TableTarget> implements XlTable {
  protected scalars(): Record<string, Scalar<TableTarget>> {
    return { id: { get: (t) => t.table.id }, name: { get: (t) => t.table.name }, style: { get: (t) => t.table.style } };
  }
  get id(): string {
    return this.read('id');
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.act('table.name', v, (t) => {
      if (typeof v !== 'string' || !TABLE_NAME.test(v) || CELL_LIKE.test(v) || v.length > 255) throw fail('InvalidArgument', `Nome di tabella non valido: "${v}".`);
      const other = this.ctx.model.table(v);
      if (other && other.table !== t.table) throw fail('InvalidArgument', `Esiste già una tabella di nome "${v}".`);
      t.table.name = v;
    });
  }
  get style(): string {
    return this.read('style');
  }
  set style(v: string) {
    this.act('table.style', v, (t) => {
      if (typeof v !== 'string' || !/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(v)) throw fail('InvalidArgument', `Stile di tabella non valido: "${v}".`);
      t.table.style = v;
    });
  }
}

export class FakeTableCollection extends FakeCollection<TableTarget, FakeTable> implements XlTableCollection {
  constructor(
    ctx: FakeContext,
    private readonly sheetOf: () => FakeSheet,
  ) {
    super(ctx, () => sheetOf().tables.map((table) => ({ sheet: sheetOf(), table })), 'TableCollection');
  }
  protected item(t: TableTarget): FakeTable {
    return new FakeTable(this.ctx, () => t, 'Table');
  }
  add(address: string | XlRange, hasHeaders: boolean): FakeTable {
    let made: TableTarget | undefined;
    this.ctx.enqueue({
      bytes: ACTION_BYTES,
      run: () => {
        const sheet = this.sheetOf();
        let range: CellRange;
        if (typeof address === 'string') {
          const bang = address.lastIndexOf('!');
          try {
            range = parseRange(address.slice(bang + 1).replace(/\$/g, ''));
          } catch {
            throw fail('InvalidArgument', `Indirizzo non valido: "${address}".`);
          }
        } else {
          const proxy = address as unknown as FakeObject<RangeTarget>;
          if (!(proxy instanceof FakeObject) || proxy.ctx !== this.ctx) throw fail('InvalidObjectPath', 'Intervallo di un altro contesto.');
          const t = proxy.target();
          if (t.sheet !== sheet) throw fail('InvalidArgument', 'La tabella deve stare sul foglio della collezione.');
          range = t.range;
        }
        assertWritable(sheet);
        // "MergedRangeConflict: Cannot complete the operation. A table can't overlap with another
        // table, a PivotTable report, query results, merged cells, or an XML Map" (Microsoft,
        // "Error handling with the application-specific JavaScript APIs", Excel-specific codes)
        if (sheet.tables.some((x) => rangesOverlap(parseRange(x.range), range))) throw fail('MergedRangeConflict', `L'intervallo ${rangeA1(range)} si sovrappone a un'altra tabella.`);
        if (sheet.merges.some((m) => rangesOverlap(m, range))) throw fail('MergedRangeConflict', 'Una tabella non può contenere celle unite.');
        if (hasHeaders) fixHeaders(sheet, range);
        else throw fail('NotImplemented', 'Tabelle senza intestazione non simulate.');
        const wb = this.ctx.model;
        let n = 1;
        while (wb.table(`Tabella${n}`)) n++;
        const table: FakeTableData = { id: wb.nextId('table-'), name: `Tabella${n}`, range: rangeA1(range), style: 'TableStyleMedium2' };
        sheet.tables.push(table);
        made = { sheet, table };
      },
    });
    return new FakeTable(this.ctx, () => made ?? null, 'Table');
  }
}

// ---------------------------------------------------------------- events

type ChangedHandler = (args: XlWorksheetChangedEventArgs) => Promise<unknown>;

/** What a change adds to the event's arguments besides the sheet, address and type. */
export interface FakeChangeInfo {
  source?: 'Local' | 'Remote';
  details?: XlChangedEventDetail;
  triggerSource?: 'Unknown' | 'ThisLocalAddin';
}

/**
 * The handlers registered on the workbook's sheets: they outlive the Excel.run that added them.
 * Excel fires a sheet's onChanged for a user's edit, for a co-author's edit (source "Remote") and
 * for the add-in's own writes, formats included: "Events within an Excel workbook can be
 * triggered by ... Office Add-in (JavaScript) code that changes the workbook" (Microsoft, "Work
 * with Events using the Excel JavaScript API", event triggers) and "onChanged fires when either
 * the format or value of the data changes" (Microsoft, "Work with worksheets", detect data
 * changes). The arguments carry what the requirement set gives: `source` (ExcelApi 1.7),
 * `details` only for a single cell (1.9), `triggerSource` (1.14), as in WorksheetChangedEventArgs.
 */
export class FakeEvents {
  private readonly handlers = new Map<string, { sheetId: string; handler: ChangedHandler }>();
  private counter = 0;
  private chain: Promise<void> = Promise.resolve();
  /** Every event fired, in order (what a test may look at). */
  readonly fired: XlWorksheetChangedEventArgs[] = [];

  constructor(private readonly apiVersion: () => string = () => '1.18') {}

  register(sheetId: string, handler: ChangedHandler): string {
    const id = `handler-${++this.counter}`;
    this.handlers.set(id, { sheetId, handler });
    return id;
  }

  remove(id: string): void {
    if (!this.handlers.delete(id)) throw fail('InvalidOperation', 'Gestore di evento già rimosso.');
  }

  count(sheetId?: string): number {
    return [...this.handlers.values()].filter((h) => sheetId === undefined || h.sheetId === sheetId).length;
  }

  private args(sheetId: string, address: string, changeType: string, info: FakeChangeInfo): XlWorksheetChangedEventArgs {
    const api = this.apiVersion();
    const single = !address.includes(':') && /^[A-Z]+\d+$/.test(address.replace(/\$/g, '').split('!').pop()!);
    return {
      type: 'WorksheetChanged',
      worksheetId: sheetId,
      address,
      changeType,
      source: info.source ?? 'Local',
      ...(versionAtLeast(api, '1.9') && single && info.details ? { details: info.details } : {}),
      ...(versionAtLeast(api, '1.14') ? { triggerSource: info.triggerSource ?? 'Unknown' } : {}),
    } as XlWorksheetChangedEventArgs;
  }

  /** Fires onChanged on a sheet, as Excel does after an edit: handlers run one after the other. */
  async fire(sheetId: string, address: string, changeType: XlWorksheetChangedEventArgs['changeType'] = 'RangeEdited', info: FakeChangeInfo = {}): Promise<void> {
    const args = this.args(sheetId, address, changeType, info);
    this.fired.push(args);
    for (const h of [...this.handlers.values()]) {
      if (h.sheetId === sheetId) await h.handler(args);
    }
  }

  /** After a sync: the add-in's own writes fire onChanged (asynchronously, as notifications do). */
  afterSync(changes: readonly FakeChange[]): void {
    for (const c of changes) {
      const address = rangeA1(c.range);
      let details: XlChangedEventDetail | undefined;
      if (c.before) {
        const now = c.sheet.cell(c.range.top, c.range.left);
        details = { valueBefore: c.before.value, valueTypeBefore: c.before.type, valueAfter: now?.value ?? '', valueTypeAfter: now?.type ?? 'Empty' };
      }
      const sheetId = c.sheet.id;
      this.chain = this.chain.then(() => this.fire(sheetId, address, 'RangeEdited', { source: 'Local', triggerSource: 'ThisLocalAddin', details }).catch(() => undefined));
    }
  }

  /** Resolves once the events fired by earlier syncs have been handled. */
  async settled(): Promise<void> {
    for (;;) {
      const chain = this.chain;
      await chain;
      await new Promise((r) => setTimeout(r, 0));
      if (chain === this.chain) return;
    }
  }
}

export class FakeChangedHandlers implements XlEventHandlers<XlWorksheetChangedEventArgs> {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeObject<FakeSheet>,
    private readonly events: FakeEvents,
  ) {}

  add(handler: ChangedHandler): XlEventHandlerResult {
    const ctx = this.ctx;
    let id: string | undefined;
    ctx.enqueue({
      bytes: ACTION_BYTES,
      run: () => {
        ctx.require('1.7', 'Worksheet.onChanged');
        id = this.events.register(this.sheet.target().id, handler);
      },
    });
    const events = this.events;
    return {
      context: ctx,
      remove() {
        ctx.enqueue({
          bytes: ACTION_BYTES,
          run: () => {
            if (id === undefined) throw fail('InvalidOperation', 'Gestore mai registrato (manca una sincronizzazione dopo add).');
            events.remove(id);
          },
        });
      },
    };
  }
}

// ---------------------------------------------------------------- sheets

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

export function checkSheetName(wb: FakeWorkbook, name: string, except?: FakeSheet): void {
  if (typeof name !== 'string' || !name || name.length > 31 || BAD_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw fail('InvalidArgument', `Nome di foglio non valido: "${name}".`);
  }
  const other = wb.sheet(name);
  if (other && other !== except && other.name.toLowerCase() === name.toLowerCase()) throw fail('ItemAlreadyExists', `Esiste già un foglio di nome "${name}".`);
}

/** Excel's name for an inserted sheet whose name is taken: "Nome (2)", "Nome (3)"... */
export function freeSheetName(wb: FakeWorkbook, name: string): string {
  const taken = (n: string) => wb.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase());
  if (!taken(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

/** Decodes an xlsx file given in base64 into sheets, as Excel would open it (see from-xlsx.ts). */
export type XlsxDecoder = (base64: string) => Promise<FakeSheetData[]> | FakeSheetData[];

export function deleteSheet(wb: FakeWorkbook, sheet: FakeSheet): void {
  assertStructureWritable(wb);
  const visible = wb.sheets.filter((s) => s.visibility === 'Visible');
  if (visible.length === 1 && visible[0] === sheet) throw fail('InvalidOperation', "Non si può eliminare l'unico foglio visibile.");
  wb.sheets.splice(wb.sheets.indexOf(sheet), 1);
  if (wb.activeSheetId === sheet.id) wb.activeSheetId = wb.sheets.find((s) => s.visibility === 'Visible')!.id;
  if (wb.selection?.sheetId === sheet.id) wb.selection = null;
}
