import { Finding } from '../../importer/engine/schema/dossier';
import { AddinError, CheckOutcome, ClearOutcome, capabilitiesOf, checkWorkbook, clearFlags, forgetSheetMapping, goToCell, mapSheetFromHeaderRow, saveSheetMapping } from '../office/actions';
import { withColumnRole } from '../../importer/engine/mapping/edit';
import { AddinHost } from '../office/excel-api';
import { italianError } from '../office/errors';
import { InsertOutcome, TemplateFile, insertTemplates } from '../office/insert-templates';
import { LiveRecheck, LiveStart, liveNotSupported } from '../office/live';
import { NormaliseOutcome, NormalisePrepared, applyNormalise, prepareNormalise } from '../office/normalise';
import { Scope } from '../office/read-workbook';
import { Timers } from '../live/scheduler';
import { OfficeTemplate } from '../templates/catalog';

export type Busy = 'checking' | 'clearing' | 'normalising' | 'inserting' | 'mapping' | null;

export interface LiveState {
  on: boolean;
  /** Sheets watched. */
  watching: string[];
  /** Sheets left out for their size (when the option came on by itself). */
  tooLarge: { name: string; cells: number }[];
  /** Sheets re-checked last, after an edit. */
  rechecked?: string[];
  /** Why the option cannot be used in this Excel. */
  unsupported?: string;
}

export interface PaneState {
  scope: Scope;
  busy: Busy;
  check?: CheckOutcome;
  clear?: ClearOutcome;
  /** The Italian sentence of the last failure. */
  error?: string;
  /** The finding whose cell was selected last. */
  selected?: Finding;
  /** «Normalizza» waiting for the user's yes before replacing its earlier sheets. */
  confirmNormalise?: NormalisePrepared;
  normalised?: NormaliseOutcome;
  inserted?: InsertOutcome;
  live: LiveState;
}

export interface ControllerOptions {
  /** The yearly templates «Inserisci modello» offers (the build bundles them). */
  templates?: ReadonlyMap<OfficeTemplate['key'], TemplateFile>;
  /** Timers of the live re-check (tests drive them). */
  timers?: Timers;
}

/**
 * The task pane's state and the commands that change it. The ribbon buttons call the same
 * commands, so in a shared runtime the pane shows what a button did.
 */
export class PaneController {
  private state: PaneState = { scope: 'workbook', busy: null, live: { on: false, watching: [], tooLarge: [] } };
  private readonly listeners = new Set<() => void>();
  private live?: LiveRecheck;
  /** The user's own choice for the live re-check, once made; before, it follows the sheet sizes. */
  private liveWanted?: boolean;

  constructor(
    private readonly host: AddinHost,
    private readonly options: ControllerOptions = {},
  ) {}

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
    this.set({ busy: 'checking', error: undefined, clear: undefined, selected: undefined, normalised: undefined, inserted: undefined, scope });
    try {
      await this.stopLive();
      const check = await checkWorkbook(this.host, scope);
      // the results show at once; the commands wait until the live re-check is set up (no command runs beside it)
      this.set({ check });
      await this.startLive(check);
      this.set({ busy: null });
    } catch (err) {
      this.set({ busy: null, error: this.message(err) });
    }
  }

  async clear(): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: 'clearing', error: undefined });
    try {
      // the grid is as before: nothing left to keep up to date
      await this.stopLive();
      this.set({ clear: await clearFlags(this.host), busy: null, live: { ...this.state.live, on: false, watching: [], rechecked: undefined } });
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

  // ------------------------------------------------------------ «Come sono stati letti i fogli»

  /**
   * The officer gives a column of a sheet another role: the sheet's reading, so corrected, is kept
   * in the workbook, and the workbook is checked again with it (the flags follow the new reading).
   */
  async setColumnRole(sheet: string, table: number, column: string, choice: string): Promise<void> {
    const entry = this.state.check?.mapping.sheets.find((e) => e.sheet === sheet);
    if (!entry) return;
    await this.remap(() => saveSheetMapping(this.host, withColumnRole(entry, table, column, choice)));
  }

  /** Back to the program's own reading of a sheet. */
  async resetSheet(sheet: string): Promise<void> {
    await this.remap(() => forgetSheetMapping(this.host, sheet));
  }

  /** A sheet not recognised, read as a table of objectives with its header on `row` (1 = the first row). */
  async readSheetFrom(sheet: string, row: number): Promise<void> {
    await this.remap(() => mapSheetFromHeaderRow(this.host, sheet, row));
  }

  private async remap(save: () => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: 'mapping', error: undefined });
    try {
      await save();
    } catch (err) {
      this.set({ busy: null, error: this.message(err) });
      return;
    }
    this.set({ busy: null });
    await this.check(this.state.check?.scope ?? this.state.scope);
  }

  // ------------------------------------------------------------ «Normalizza»

  /** Reads and plans; writes at once unless sheets of an earlier run would be replaced (then asks). */
  async normalise(): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: 'normalising', error: undefined, normalised: undefined, inserted: undefined, confirmNormalise: undefined });
    try {
      const prepared = await prepareNormalise(this.host);
      if (prepared.plan.length && prepared.replacing.length) {
        this.set({ busy: null, confirmNormalise: prepared });
        return;
      }
      this.set({ normalised: await applyNormalise(this.host, prepared), busy: null });
    } catch (err) {
      this.set({ busy: null, error: this.message(err) });
    }
  }

  /** The answer to «Sostituire i fogli...?». */
  async confirmNormalise(replace: boolean): Promise<void> {
    const prepared = this.state.confirmNormalise;
    this.set({ confirmNormalise: undefined });
    if (!prepared || !replace || this.state.busy) return;
    this.set({ busy: 'normalising' });
    try {
      this.set({ normalised: await applyNormalise(this.host, prepared), busy: null });
    } catch (err) {
      this.set({ busy: null, error: this.message(err) });
    }
  }

  // ------------------------------------------------------------ «Inserisci modello»

  get templates(): ReadonlyMap<OfficeTemplate['key'], TemplateFile> {
    return this.options.templates ?? new Map();
  }

  async insert(keys: readonly OfficeTemplate['key'][]): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: 'inserting', error: undefined, inserted: undefined, normalised: undefined });
    try {
      const files = keys.map((k) => this.templates.get(k)).filter((f): f is TemplateFile => f !== undefined);
      this.set({ inserted: await insertTemplates(this.host, files), busy: null });
    } catch (err) {
      this.set({ busy: null, error: this.message(err) });
    }
  }

  // ------------------------------------------------------------ «Ricontrollo automatico»

  /** The user turns the live re-check on or off (on: every checked sheet, large ones too). */
  async setLive(on: boolean): Promise<void> {
    this.liveWanted = on;
    await this.stopLive();
    if (on && this.state.check) await this.startLive(this.state.check);
    else this.set({ live: { ...this.state.live, on: false, watching: [], rechecked: undefined } });
  }

  private async startLive(check: CheckOutcome): Promise<void> {
    const missing = liveNotSupported(capabilitiesOf(this.host));
    if (missing) {
      this.set({ live: { on: false, watching: [], tooLarge: [], unsupported: missing } });
      return;
    }
    const eligible = LiveRecheck.eligible(check);
    // off by default when a sheet is too large; the user's own choice wins
    const wanted = this.liveWanted ?? eligible.tooLarge.length === 0;
    if (!wanted) {
      this.set({ live: { on: false, watching: [], tooLarge: eligible.tooLarge } });
      return;
    }
    const live = new LiveRecheck(
      this.host,
      check,
      {
        update: (updated, sheets) => this.set({ check: updated, live: { ...this.state.live, rechecked: sheets } }),
        error: (message) => this.set({ error: message }),
      },
      this.options.timers,
    );
    const started: LiveStart = await live.start(this.liveWanted === true);
    this.live = live;
    this.set({ live: { on: true, watching: started.watching, tooLarge: started.tooLarge } });
  }

  private async stopLive(): Promise<void> {
    const live = this.live;
    this.live = undefined;
    if (live) await live.stop();
  }
}
