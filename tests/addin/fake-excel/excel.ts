/**
 * A strict in-memory Excel for tests: `run` gives a request context with Office.js semantics
 * (queued calls, load before read, sync, 5 MB payload limit, requirement sets), over a workbook
 * kept in memory. Every adapter path runs against it.
 */
import type { AddinHost, XlRequestContext } from '../../../addin/office/excel-api';
import { FakeContext, FakeExcelStats, FakeHostState, versionAtLeast } from './context';
import { FakeWorkbookProxy } from './proxies';
import { FakeWorkbook, FakeWorkbookData } from './workbook';

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
}

export class FakeExcel implements FakeHostState {
  apiVersion: string;
  payloadLimit: number;
  refuse?: FakeHostState['refuse'];
  stats: FakeExcelStats = { runs: 0, syncs: 0, log: [] };

  constructor(
    public workbook: FakeWorkbook,
    options: FakeExcelOptions = {},
  ) {
    this.apiVersion = options.apiVersion ?? '1.18';
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT;
    this.refuse = options.refuse;
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

  isSetSupported(name: string, minVersion: string): boolean {
    return name === 'ExcelApi' && versionAtLeast(this.apiVersion, minVersion);
  }

  /** What the adapter receives in place of Office.js. */
  host(): AddinHost {
    return {
      run: (batch) => this.run(batch),
      isSetSupported: (name, version) => this.isSetSupported(name, version),
      documentUrl: () => this.workbook.url,
    };
  }

  /** The workbook saved, closed and reopened in a new Excel session (same version). */
  reopen(): FakeExcel {
    return new FakeExcel(this.workbook.reopened(), { apiVersion: this.apiVersion, payloadLimit: this.payloadLimit });
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
