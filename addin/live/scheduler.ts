/**
 * When the live re-check runs: edits are collected per sheet and run together once the user has
 * stopped typing for `delayMs`; an edit arriving while a re-check runs is kept for the next one
 * (never two at once, never lost), and so are the edits of a re-check that failed, which the run
 * hands back. Timers are injected, so the tests drive them.
 */
import { CellRange } from '../../importer/engine/grid/address';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Quiet time after the last edit before re-checking: long enough not to run between two keystrokes of a cell. */
export const LIVE_DELAY_MS = 800;

/**
 * One change to re-check: the range edited, or the whole sheet when the change moved its cells
 * (rows or columns inserted or deleted) or named no range we can read.
 */
export type Edit = CellRange | 'whole-sheet';

/** A sheet's changes to re-check: the edits, and whether any was this user's (not only a co-author's). */
export interface SheetChanges {
  edits: Edit[];
  local: boolean;
}

/** The changes to re-check: by sheet id. */
export type Changes = Map<string, SheetChanges>;

/** Adds `more` to `into`, sheet by sheet (edits in order, local if either is). */
export function mergeChanges(into: Changes, more: Changes): Changes {
  for (const [sheet, c] of more) {
    const had = into.get(sheet);
    into.set(sheet, had ? { edits: [...had.edits, ...c.edits], local: had.local || c.local } : { edits: [...c.edits], local: c.local });
  }
  return into;
}

export class LiveScheduler {
  private pending: Changes = new Map();
  private timer: unknown;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    /** Runs a re-check; resolves with the changes to try again (a failed re-check's), if any. */
    private readonly run: (changes: Changes) => Promise<Changes | void>,
    private readonly timers: Timers = realTimers,
    private readonly delayMs = LIVE_DELAY_MS,
  ) {}

  /** An edit (this user's, or a co-author's when `local` is false): (re)starts the quiet-time wait. */
  notify(sheetId: string, edit: Edit, local = true): void {
    if (this.stopped) return;
    mergeChanges(this.pending, new Map([[sheetId, { edits: [edit], local }]]));
    this.arm();
  }

  private arm(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      void this.flush();
    }, this.delayMs);
  }

  /** Runs the collected changes now (after the running re-check, if any). */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      this.timers.clear(this.timer);
      this.timer = undefined;
    }
    if (this.running) {
      await this.running;
      if (this.timer !== undefined || this.isRunning()) return; // a newer wait or run took over
    }
    if (this.stopped || this.pending.size === 0) return;
    const changes = this.pending;
    this.pending = new Map();
    let retry: Changes | undefined;
    this.running = this.run(changes)
      .then((r) => {
        retry = r || undefined;
      })
      .catch(() => undefined) // the run reports its own errors
      .finally(() => {
        this.running = null;
      });
    await this.running;
    // a failed re-check's edits go back in front of the newer ones: the flags are redone next time
    const back = retry as Changes | undefined;
    if (back && back.size && !this.stopped) this.pending = mergeChanges(back, this.pending);
    if (this.pending.size && this.timer === undefined && !this.stopped) this.arm();
  }

  private isRunning(): boolean {
    return this.running !== null;
  }

  /** True while edits wait or a re-check runs. */
  get busy(): boolean {
    return this.timer !== undefined || this.running !== null || this.pending.size > 0;
  }

  /** Drops waiting edits; a running re-check finishes. */
  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.pending.clear();
    return this.running ?? Promise.resolve();
  }
}
