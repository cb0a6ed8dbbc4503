/**
 * A strict in-memory Excel for tests: `run` gives a request context with Office.js semantics
 * (queued calls, load before read, sync, 5 MB payload limit, requirement sets), over a workbook
 * kept in memory. Every adapter path runs against it.
 */
import type { AddinHost, XlRequestContext } from '../../../addin/office/excel-api';
import { FakeContext, FakeExcelStats, FakeHostState, versionAtLeast } from './context';
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
}

export class FakeExcel implements FakeHostState {
  apiVersion: string;
  payloadLimit: number;
  refuse?: FakeHostState['refuse'];
  decodeXlsx?: XlsxDecoder;
  readonly events = new FakeEvents();
  stats: FakeExcelStats = { runs: 0, syncs: 0, log: [] };

  constructor(
    public workbook: FakeWorkbook,
    options: FakeExcelOptions = {},
  ) {
    this.apiVersion = options.apiVersion ?? '1.18';
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT;
    this.refuse = options.refuse;
    this.decodeXlsx = options.decodeXlsx;
  }

  static fromData(data: FakeWorkbookData, options?: FakeExcelOptions): FakeExcel {
    return new FakeExcel(FakeWorkbook.fromData(data), options);
  }

  /** Excel.run: a fresh context; every queued call must have been synced when the batch ends. */
  async run<T>(batch: (context: XlRequestContext) => Promise<T>): Promise<T> {
    const inner = new FakeContext(this);
    this.stats.runs++;
    try {
      const result = await batch(new FakeRequestContext(inner));
      if (inner.pending) throw new Error(`Excel.run terminato con ${inner.pending} operazioni in coda mai sincronizzate.`);
      return result;
    } finally {
      inner.close();
    }
  }

  /** Excel.run(object.context, batch): the batch runs in the request context of an earlier run. */
  async runIn<T>(context: unknown, batch: (context: XlRequestContext) => Promise<T>): Promise<T> {
    if (!(context instanceof FakeContext) || context.host !== this) throw new Error('Excel.run: contesto di un altro Excel.');
    context.reopen();
    this.stats.runs++;
    try {
      const result = await batch(new FakeRequestContext(context));
      if (context.pending) throw new Error(`Excel.run terminato con ${context.pending} operazioni in coda mai sincronizzate.`);
      return result;
    } finally {
      context.close();
    }
  }

  /**
   * The user types into cells (values as Excel stores them), then Excel fires the sheet's
   * onChanged handlers with the range's address; resolves when they have run.
   */
  async userEdit(sheetName: string, address: string, values: (string | number | boolean | null)[][], type?: FakeValueType): Promise<void> {
    const sheet = this.workbook.sheet(sheetName);
    if (!sheet) throw new Error(`foglio ${sheetName} assente`);
    const range = parseRange(address);
    values.forEach((row, r) => row.forEach((v, c) => sheet.setValue(range.top + r, range.left + c, v, v === null ? undefined : type)));
    await this.events.fire(sheet.id, address);
  }

  isSetSupported(name: string, minVersion: string): boolean {
    return name === 'ExcelApi' && versionAtLeast(this.apiVersion, minVersion);
  }

  /** What the adapter receives in place of Office.js. */
  host(): AddinHost {
    return {
      run: (batch) => this.run(batch),
      runIn: (context, batch) => this.runIn(context, batch),
      isSetSupported: (name, version) => this.isSetSupported(name, version),
      documentUrl: () => this.workbook.url,
    };
  }

  /** The workbook saved, closed and reopened in a new Excel session (same version). */
  reopen(): FakeExcel {
    return new FakeExcel(this.workbook.reopened(), { apiVersion: this.apiVersion, payloadLimit: this.payloadLimit, decodeXlsx: this.decodeXlsx });
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
