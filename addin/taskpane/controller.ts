import { Finding } from '../../importer/engine/schema/dossier';
import { AddinError, CheckOutcome, ClearOutcome, checkWorkbook, clearFlags, goToCell } from '../office/actions';
import { AddinHost } from '../office/excel-api';
import { italianError } from '../office/errors';
import { Scope } from '../office/read-workbook';

export type Busy = 'checking' | 'clearing' | null;

export interface PaneState {
  scope: Scope;
  busy: Busy;
  check?: CheckOutcome;
  clear?: ClearOutcome;
  /** The Italian sentence of the last failure. */
  error?: string;
  /** The finding whose cell was selected last. */
  selected?: Finding;
}

/**
 * The task pane's state and the commands that change it. The ribbon buttons call the same
 * commands, so in a shared runtime the pane shows what a button did.
 */
export class PaneController {
  private state: PaneState = { scope: 'workbook', busy: null };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly host: AddinHost) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): PaneState => this.state;

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  setScope(scope: Scope): void {
    this.set({ scope });
  }

  private message(err: unknown): string {
    return err instanceof AddinError ? err.message : italianError(err);
  }

  async check(scope: Scope = this.state.scope): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: 'checking', error: undefined, clear: undefined, selected: undefined, scope });
    try {
      this.set({ check: await checkWorkbook(this.host, scope), busy: null });
    } catch (err) {
      this.set({ busy: null, error: this.message(err) });
    }
  }

  async clear(): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: 'clearing', error: undefined });
    try {
      this.set({ clear: await clearFlags(this.host), busy: null });
    } catch (err) {
      this.set({ busy: null, error: this.message(err) });
    }
  }

  async goTo(finding: Finding): Promise<void> {
    this.set({ selected: finding });
    try {
      await goToCell(this.host, finding.sheet, finding.cell);
    } catch (err) {
      this.set({ error: this.message(err) });
    }
  }
}
