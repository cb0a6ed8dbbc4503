import { FakeOfficeError, fail, notLoaded } from './errors';
import { FakeWorkbook } from './workbook';
import type { FakeEvents, XlsxDecoder } from './structure';
import { CellRange } from '../../../importer/engine/grid/address';

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

/** What a context needs from its Excel: the workbook, the API version, the limits and the counters. */
export interface FakeHostState {
  workbook: FakeWorkbook;
  apiVersion: string;
  payloadLimit: number;
  stats: FakeExcelStats;
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

  constructor(readonly host: FakeHostState) {}

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
    const requestBytes = actions.reduce((n, a) => n + a.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, actions: actions.length };
    this.host.stats.syncs++;
    this.host.stats.log.push(record);
    await Promise.resolve();
    if (requestBytes > this.host.payloadLimit) throw fail('RequestPayloadSizeLimitExceeded', `Richiesta di ${requestBytes} byte oltre il limite di ${this.host.payloadLimit}.`);
    const staged: [FakeObject<unknown>, string, unknown][] = [];
    let responseBytes = 0;
    const stage: Stage = (obj, prop, value) => {
      staged.push([obj, prop, value]);
      responseBytes += byteLength(value) + prop.length + 4;
    };
    for (const a of actions) await a.run(stage);
    record.responseBytes = responseBytes;
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
  ) {}

  protected abstract scalars(): Record<string, Scalar<T>>;

  /** Child objects that can be loaded through a path ("format/fill/color"). */
  protected navs(): Record<string, FakeObject<unknown>> {
    return {};
  }

  resolveNow(): T | null {
    if (!this.resolved) this.resolved = { value: this.resolver() };
    return this.resolved.value;
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
      bytes: 40,
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
    this.ctx.enqueue({ bytes: 40 + name.length + byteLength(args), run: () => run(this.target()) });
  }

  load(option?: LoadArg): this {
    const paths = loadPaths(option);
    this.ctx.enqueue({ bytes: 40 + byteLength(paths), run: (stage) => this.loadNow(paths, stage) });
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
    const list = this.resolveNow();
    stage(this as FakeObject<unknown>, 'isNullObject', list === null);
    if (list === null) return;
    const wanted = paths.map((p) => (p === 'items' ? '' : p.startsWith('items/') ? p.slice(6) : p)).filter(Boolean);
    const items = list.map((t) => this.item(t));
    for (const it of items) it.loadNow(wanted, stage);
    stage(this as FakeObject<unknown>, 'items', items);
  }
}

export { FakeOfficeError };
