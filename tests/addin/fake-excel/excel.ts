/**
 * A strict in-memory Excel for tests: `run` gives a request context with Office.js semantics
 * (queued calls, load before read, sync, 5 MB payload limit, requirement sets), over a workbook
 * kept in memory. Every adapter path runs against it.
 */
import type { AddinHost, XlRequestContext, XlRunOptions } from '../../../addin/office/excel-api';
import { FakeCellEdit, FakeContext, FakeExcelStats, FakeHostState, versionAtLeast } from './context';
import { FakeWorkbookProxy } from './proxies';
import { FakeEvents, XlsxDecoder } from './structure';
import { FakeValueType, FakeWorkbook, FakeWorkbookData } from './workbook';
import { parseRange } from '../../../importer/engine/grid/address';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

class FakeRequestContext implements XlRequestContext {
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly inner: FakeContext) {
    this.workbook = new FakeWorkbookProxy(inner);
  }
  sync(): Promise<void> {
    return this.inner.sync();
  }
}

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set supported ("1.18" by default). */
  apiVersion?: string;
  payloadLimit?: number;
  refuse?: FakeHostState['refuse'];
  decodeXlsx?: XlsxDecoder;
  mergedAreas?: FakeHostState['mergedAreas'];
}

export class FakeExcel implements FakeHostState {
  apiVersion: string;
  payloadLimit: number;
  refuse?: FakeHostState['refuse'];
  decodeXlsx?: XlsxDecoder;
  mergedAreas: FakeHostState['mergedAreas'];
  cellEdit: FakeCellEdit | null = null;
  private endCellEdit?: () => void;
  failNextSyncs: string[] = [];
  readonly events: FakeEvents;
  stats: FakeExcelStats = { runs: 0, syncs: 0, log: [] };

  constructor(
    public workbook: FakeWorkbook,
    options: FakeExcelOptions = {},
  ) {
    this.apiVersion = options.apiVersion ?? '1.18';
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT;
    this.refuse = options.refuse;
    this.decodeXlsx = options.decodeXlsx;
    this.mergedAreas = options.mergedAreas ?? 'overlapping';
    this.events = new FakeEvents(() => this.apiVersion);
  }

  static fromData(data: FakeWorkbookData, options?: FakeExcelOptions): FakeExcel {
    return new FakeExcel(FakeWorkbook.fromData(data), options);
  }

  /**
   * Excel.run(options, batch): a fresh context, or the context of an earlier run when
   * `previousObjects` names one (an event handler's); every queued call must have been synced when
   * the batch ends. `delayForCellEdit` makes its syncs wait while the user edits a cell.
   */
  async run<T>(batch: (context: XlRequestContext) => Promise<T>, options: XlRunOptions = {}): Promise<T> {
    let inner: FakeContext;
    if (options.previousObjects !== undefined) {
      if (!(options.previousObjects instanceof FakeContext) || options.previousObjects.host !== this) throw new Error('Excel.run: contesto di un altro Excel.');
      inner = options.previousObjects;
      inner.reopen();
      inner.delayForCellEdit = options.delayForCellEdit === true;
    } else inner = new FakeContext(this, options.delayForCellEdit === true);
    this.stats.runs++;
    try {
      const result = await batch(new FakeRequestContext(inner));
      if (inner.pending) throw new Error(`Excel.run terminato con ${inner.pending} operazioni in coda mai sincronizzate.`);
      return result;
    } finally {
      inner.close();
    }
  }

  /**
   * The user types into cells (values as Excel stores them), then Excel fires the sheet's
   * onChanged handlers with the range's address; resolves when they have run.
   */
  async userEdit(sheetName: string, address: string, values: (string | number | boolean | null)[][], type?: FakeValueType): Promise<void> {
    await this.edit(sheetName, address, values, type, 'Local');
  }

  /**
   * A co-author changes cells (the workbook is shared): Excel fires onChanged with source "Remote"
   * (Microsoft, "Work with Events using the Excel JavaScript API", events and coauthoring).
   */
  async coauthorEdit(sheetName: string, address: string, values: (string | number | boolean | null)[][], type?: FakeValueType): Promise<void> {
    await this.edit(sheetName, address, values, type, 'Remote');
  }

  private async edit(sheetName: string, address: string, values: (string | number | boolean | null)[][], type: FakeValueType | undefined, source: 'Local' | 'Remote'): Promise<void> {
    const sheet = this.workbook.sheet(sheetName);
    if (!sheet) throw new Error(`foglio ${sheetName} assente`);
    const range = parseRange(address);
    const single = range.top === range.bottom && range.left === range.right;
    const before = single ? { value: sheet.cell(range.top, range.left)?.value ?? '', type: sheet.cell(range.top, range.left)?.type ?? 'Empty' } : undefined;
    values.forEach((row, r) => row.forEach((v, c) => sheet.setValue(range.top + r, range.left + c, v, v === null ? undefined : type)));
    const after = single ? { value: sheet.cell(range.top, range.left)?.value ?? '', type: sheet.cell(range.top, range.left)?.type ?? 'Empty' } : undefined;
    const details = before && after ? { valueBefore: before.value, valueAfter: after.value, valueTypeBefore: before.type, valueTypeAfter: after.type } : undefined;
    await this.events.fire(sheet.id, address, 'RangeEdited', { source, details });
  }

  /**
   * The user starts typing into a cell (cell edit mode): until `finishCellEdit`, a batch fails with
   * InvalidOperationInCellEditMode, or waits when it was run with delayForCellEdit.
   */
  startCellEdit(sheetName: string, address: string): void {
    if (this.cellEdit) throw new Error('una cella è già in modifica');
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.cellEdit = { sheet: sheetName, address, ended };
    this.endCellEdit = end;
  }

  /** The user presses Enter (with the value typed, which fires onChanged) or Esc (no value). */
  async finishCellEdit(value?: string | number | boolean, type?: FakeValueType): Promise<void> {
    const edit = this.cellEdit;
    if (!edit) throw new Error('nessuna cella in modifica');
    this.cellEdit = null;
    const end = this.endCellEdit!;
    this.endCellEdit = undefined;
    if (value !== undefined) {
      const sheet = this.workbook.sheet(edit.sheet)!;
      const at = parseRange(edit.address);
      sheet.setValue(at.top, at.left, value, type);
    }
    end();
    if (value !== undefined) await this.events.fire(this.workbook.sheet(edit.sheet)!.id, edit.address, 'RangeEdited', { source: 'Local' });
  }

  isSetSupported(name: string, minVersion: string): boolean {
    return name === 'ExcelApi' && versionAtLeast(this.apiVersion, minVersion);
  }

  /** What the adapter receives in place of Office.js. */
  host(): AddinHost {
    return {
      run: (options, batch) => this.run(batch, options),
      isSetSupported: (name, version) => this.isSetSupported(name, version),
      documentUrl: () => this.workbook.url,
    };
  }

  /** The workbook saved, closed and reopened in a new Excel session (same version). */
  reopen(): FakeExcel {
    return new FakeExcel(this.workbook.reopened(), { apiVersion: this.apiVersion, payloadLimit: this.payloadLimit, decodeXlsx: this.decodeXlsx, mergedAreas: this.mergedAreas });
  }

  resetStats(): void {
    this.stats = { runs: 0, syncs: 0, log: [] };
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.stats.log.map((l) => l.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.stats.log.map((l) => l.responseBytes));
  }
}
