import { FakeOfficeError, fail, notLoaded } from './errors';
import { FakeSheet, FakeWorkbook } from './workbook';
import type { FakeEvents, XlsxDecoder } from './structure';
import { CellRange } from '../../../importer/engine/grid/address';

/**
 * Request bytes. Excel on the web refuses a request over 5 MB, and "the payload size of a request
 * combines the number of API calls, the number of objects, such as Range objects, and the length
 * of the value to set or get" (Microsoft, "Performance optimization using the Excel JavaScript
 * API", payload size limit best practices): so every proxy object an add-in creates costs bytes
 * (Office.js sends its object path and the action that instantiates it), and so does every call,
 * property write and load, besides its arguments. The figures are an estimate of the JSON that
 * Office.js builds, not a documented number; what matters is that the bytes grow with objects and
 * calls as they do in Excel, so an adapter that creates an object per cell meets the limit where
 * a real one would. (Microsoft's example: 10,000 single-cell writes with their Range objects
 * "would likely exceed the 5MB payload size limit".)
 */
export const OBJECT_BYTES = 200;
export const ACTION_BYTES = 120;

/** Stages a loaded value, to be visible once the whole sync succeeds. */
export type Stage = (obj: FakeObject<unknown>, prop: string, value: unknown) => void;

export interface Action {
  /** Bytes this action adds to the request. */
  bytes: number;
  run(stage: Stage): void | Promise<void>;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
}

export interface FakeExcelStats {
  runs: number;
  syncs: number;
  log: SyncRecord[];
}

/** A cell the user is typing into (cell edit mode). */
export interface FakeCellEdit {
  sheet: string;
  address: string;
  /** Resolves when the user presses Enter or Esc. */
  ended: Promise<void>;
}

/** A range an add-in's own writes changed in a sync (values or formats): Excel fires onChanged for it. */
export interface FakeChange {
  sheet: FakeSheet;
  range: CellRange;
  /** For a single cell: its value and type before the write. */
  before?: { value: unknown; type: string };
}

/** What a context needs from its Excel: the workbook, the API version, the limits and the counters. */
export interface FakeHostState {
  workbook: FakeWorkbook;
  apiVersion: string;
  payloadLimit: number;
  stats: FakeExcelStats;
  /** The user is editing a cell: batches fail, or wait when run with delayForCellEdit. */
  cellEdit: FakeCellEdit | null;
  /** Fault injection: error codes the next syncs fail with, one per sync (a transient failure). */
  failNextSyncs: string[];
  /** How getMergedAreasOrNullObject picks areas: all that overlap the range, or only those whose top-left cell is in it. */
  mergedAreas: 'overlapping' | 'top-left';
  /** Fault injection: an error code for a call Excel should refuse (say, on too large a range). */
  refuse?: (api: string, range?: CellRange) => string | undefined;
  /** Event handlers registered on the sheets (they outlive the Excel.run that added them). */
  events: FakeEvents;
  /** How insertWorksheetsFromBase64 reads a file (exceljs in Node, a table of known files in the browser). */
  decodeXlsx?: XlsxDecoder;
}

const encoder = new TextEncoder();
export const byteLength = (value: unknown) => encoder.encode(JSON.stringify(value) ?? 'null').length;

export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/**
 * A request context with Office.js semantics: calls and property writes are queued, and happen at
 * `sync()`; loaded properties become readable only after the sync that loaded them; a sync over
 * 5 MB of request or response is refused; a context cannot be used after its `run` ended.
 */
export class FakeContext {
  private queue: Action[] = [];
  private closed = false;
  /** Bytes of the proxy objects created since the last sync. */
  private objectBytes = 0;
  /** True while a sync runs its actions (objects made then are Excel's answers, not requests). */
  private executing = false;
  private changes: FakeChange[] = [];

  constructor(
    readonly host: FakeHostState,
    /** Excel.RunOptions.delayForCellEdit of the run this context belongs to. */
    public delayForCellEdit = false,
  ) {}

  /** A proxy object was created: its object path travels with the next request. */
  objectCreated(): void {
    if (!this.executing) this.objectBytes += OBJECT_BYTES;
  }

  /** An action of this sync changed values or formats of a range (Excel will fire onChanged). */
  changed(change: FakeChange): void {
    this.changes.push(change);
  }

  /** The workbook's state (the API objects are in proxies.ts). */
  get model(): FakeWorkbook {
    return this.host.workbook;
  }

  check(): void {
    if (this.closed) throw fail('InvalidRequestContext', 'Oggetto usato fuori dal suo Excel.run: il contesto della richiesta è chiuso.');
  }

  enqueue(action: Action): void {
    this.check();
    this.queue.push(action);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Throws the error the test asked Excel to give for this call, if any. */
  fault(api: string, range?: CellRange): void {
    const code = this.host.refuse?.(api, range);
    if (code) throw fail(code, `${api}: rifiutato da Excel (simulazione).`);
  }

  require(version: string, what: string): void {
    if (!versionAtLeast(this.host.apiVersion, version)) throw fail('ApiNotFound', `${what} richiede ExcelApi ${version}; questo Excel ha ${this.host.apiVersion}.`);
  }

  async sync(): Promise<void> {
    this.check();
    const actions = this.queue;
    this.queue = [];
    const requestBytes = this.objectBytes + actions.reduce((n, a) => n + a.bytes, 0);
    this.objectBytes = 0;
    const record: SyncRecord = { requestBytes, responseBytes: 0, actions: actions.length };
    this.host.stats.syncs++;
    this.host.stats.log.push(record);
    await Promise.resolve();
    const injected = this.host.failNextSyncs.shift();
    if (injected) throw fail(injected, `Sincronizzazione rifiutata da Excel (simulazione: ${injected}).`);
    if (this.host.cellEdit) {
      // Excel.RunOptions.delayForCellEdit: "When false, if the user is in cell edit when the batch
      // request is processed by the host, the batch automatically fails" (RunOptions reference in
      // @types/office-js; the code is InvalidOperationInCellEditMode, see Microsoft's "Error
      // handling with the application-specific JavaScript APIs" and OfficeDev/office-js#625,
      // #3388); when true the batch waits until the user leaves the cell.
      if (!this.delayForCellEdit) throw fail('InvalidOperationInCellEditMode', 'Excel è in modalità di modifica della cella: premi Invio o Esc e riprova.');
      while (this.host.cellEdit) await this.host.cellEdit.ended;
    }
    if (requestBytes > this.host.payloadLimit) throw fail('RequestPayloadSizeLimitExceeded', `Richiesta di ${requestBytes} byte oltre il limite di ${this.host.payloadLimit}.`);
    const staged: [FakeObject<unknown>, string, unknown][] = [];
    let responseBytes = 0;
    const stage: Stage = (obj, prop, value) => {
      staged.push([obj, prop, value]);
      responseBytes += byteLength(value) + prop.length + 4;
    };
    this.executing = true;
    try {
      for (const a of actions) await a.run(stage);
    } finally {
      this.executing = false;
      // what was applied before a failing action stays applied, and Excel tells the handlers
      const changes = this.changes;
      this.changes = [];
      if (changes.length) this.host.events.afterSync(changes);
    }
    record.responseBytes = responseBytes;
    // Excel on the web limits requests and responses to 5 MB, every read included (Microsoft,
    // "Resource limits and performance optimization for Office Add-ins", Excel add-ins)
    if (responseBytes > this.host.payloadLimit) throw fail('ResponsePayloadSizeLimitExceeded', `Risposta di ${responseBytes} byte oltre il limite di ${this.host.payloadLimit}.`);
    for (const [obj, prop, value] of staged) obj.commit(prop, value);
  }

  close(): void {
    this.closed = true;
  }

  /** Excel.run(object.context, ...): the context of an earlier run, usable again for this batch. */
  reopen(): void {
    this.closed = false;
  }
}

export type LoadArg = string | string[] | { select?: string; expand?: string } | undefined;

export function loadPaths(option: LoadArg): string[] {
  if (option === undefined) return [];
  if (typeof option === 'string') return option.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(option)) return option.flatMap((o) => loadPaths(o));
  return [...loadPaths(option.select), ...loadPaths(option.expand)];
}

export interface Scalar<T> {
  get(target: T): unknown;
  /** ExcelApi version the property needs. */
  since?: string;
}

/**
 * A proxy for one API object. Its target is found at the first sync that touches it (and kept):
 * `null` makes it a null object (the *OrNullObject methods), an error fails that sync.
 */
export abstract class FakeObject<T> {
  private resolved?: { value: T | null };
  private readonly loaded = new Map<string, unknown>();

  constructor(
    readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
    readonly className: string,
  ) {
    ctx.objectCreated();
  }

  protected abstract scalars(): Record<string, Scalar<T>>;

  /** Child objects that can be loaded through a path ("format/fill/color"). */
  protected navs(): Record<string, FakeObject<unknown>> {
    return {};
  }

  resolveNow(): T | null {
    if (!this.resolved) this.resolved = { value: this.resolver() };
    return this.resolved.value;
  }

  /** Looks the target up again (a collection loaded again lists its items as they are now). */
  protected resolveAgain(): T | null {
    this.resolved = undefined;
    return this.resolveNow();
  }

  /** The target, for an action that needs one: a null object cannot be acted on. */
  target(): T {
    const t = this.resolveNow();
    if (t === null) throw fail('InvalidOperation', `${this.className}: operazione su un oggetto nullo (isNullObject è true).`);
    return t;
  }

  commit(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  protected read<V>(prop: string): V {
    this.ctx.check();
    if (!this.loaded.has(prop)) throw notLoaded(prop, this.className);
    return this.loaded.get(prop) as V;
  }

  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }

  /** Queues a check that the target exists (getItem) or a probe that tells whether it does (OrNullObject). */
  probe(nullable: boolean): this {
    this.ctx.enqueue({
      bytes: 0, // the object's own bytes were counted when it was made
      run: (stage) => {
        const t = this.resolveNow();
        if (t === null && !nullable) throw fail('ItemNotFound', `${this.className}: elemento non trovato.`);
        stage(this as FakeObject<unknown>, 'isNullObject', t === null);
      },
    });
    return this;
  }

  /** Queues a write or a call on the target. */
  protected act(name: string, args: unknown, run: (target: T) => void): void {
    this.ctx.enqueue({ bytes: ACTION_BYTES + name.length + byteLength(args), run: () => run(this.target()) });
  }

  load(option?: LoadArg): this {
    const paths = loadPaths(option);
    this.ctx.enqueue({ bytes: ACTION_BYTES + byteLength(paths), run: (stage) => this.loadNow(paths, stage) });
    return this;
  }

  loadNow(paths: string[], stage: Stage): void {
    const t = this.resolveNow();
    stage(this as FakeObject<unknown>, 'isNullObject', t === null);
    if (t === null) return;
    const scalars = this.scalars();
    const wanted = paths.length ? paths : Object.keys(scalars).filter((k) => !scalars[k].since || versionAtLeast(this.ctx.host.apiVersion, scalars[k].since!));
    const nested = new Map<string, string[]>();
    for (const p of wanted) {
      const [head, ...rest] = p.split('/');
      const s = scalars[head];
      if (s && rest.length === 0) {
        if (s.since) this.ctx.require(s.since, `${this.className}.${head}`);
        stage(this as FakeObject<unknown>, head, structuredClone(s.get(t)));
        continue;
      }
      if (!(head in this.navs())) throw fail('InvalidArgument', `${this.className}: proprietà "${head}" sconosciuta in load().`);
      const list = nested.get(head) ?? [];
      if (rest.length) list.push(rest.join('/'));
      nested.set(head, list);
    }
    const navs = this.navs();
    for (const [head, sub] of nested) navs[head].loadNow(sub, stage);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection proxy: `items` is readable after a load, each item loaded with the paths given. */
export abstract class FakeCollection<T, I extends FakeObject<unknown>> extends FakeObject<T[]> {
  protected abstract item(target: T): I;

  protected scalars(): Record<string, Scalar<T[]>> {
    return { count: { get: (t) => t.length } };
  }

  get items(): I[] {
    return this.read<I[]>('items');
  }

  override loadNow(paths: string[], stage: Stage): void {
    const list = this.resolveAgain();
    stage(this as FakeObject<unknown>, 'isNullObject', list === null);
    if (list === null) return;
    const wanted = paths.map((p) => (p === 'items' ? '' : p.startsWith('items/') ? p.slice(6) : p)).filter(Boolean);
    const items = list.map((t) => this.item(t));
    for (const it of items) it.loadNow(wanted, stage);
    stage(this as FakeObject<unknown>, 'items', items);
  }
}

export { FakeOfficeError };
