/**
 * The live re-check («Ricontrollo automatico»): after a check, edits to the checked sheets
 * (worksheet onChanged, ExcelApi 1.7) are collected and, once the user stops typing, the engine
 * re-runs on the tables the edits touched; their findings and flags are replaced, the rest of the
 * check stays. Sheets over LIVE_MAX_CELLS are left out unless asked for: re-reading them would make
 * Excel wait (see bench/addin-live.md).
 */
import { CellRange, parseRange, rangeA1, rangesOverlap as overlaps } from '../../importer/engine/grid/address';
import { Grid } from '../../importer/engine/grid/grid';
import { analyse } from '../../importer/engine/analyse';
import { Finding, SheetInfo } from '../../importer/engine/schema/dossier';
import { RecheckArea, recheckAreas, within } from '../live/areas';
import { Changes, Edit, LiveScheduler, Timers, realTimers, LIVE_DELAY_MS } from '../live/scheduler';
import { CheckOutcome, capabilitiesOf, markFindings } from './actions';
import { Capabilities } from './capabilities';
import { AddinHost, XlEventHandlerResult, XlRequestContext, XlWorksheetChangedEventArgs } from './excel-api';
import { italianError } from './errors';
import { WriteMode, readBlocks, writeMode } from './read-workbook';
import { readMergedAreas } from './merged-areas';
import { runExcel, runExcelIn } from './run';

/**
 * Cells of a sheet (rows x columns of its used range) above which the live re-check is off by
 * default. bench/addin-live.ts on the in-memory Excel (the add-in's own cost, a lower bound of what
 * Excel takes): a re-check grows by about 4-5 ms per thousand cells, about 0.2 s at 48,000 cells and
 * over 0.5 s at 96,000 (bench/addin-live.md).
 */
export const LIVE_MAX_CELLS = 50_000;

export interface LiveListener {
  /** A re-check ended: the check as it is now. */
  update(check: CheckOutcome, resheets: string[]): void;
  /** A re-check failed: the Italian sentence to show. */
  error(message: string): void;
}

export interface LiveStart {
  /** Sheets now watched. */
  watching: string[];
  /** Sheets left out for their size (cells), unless `includeLarge`. */
  tooLarge: { name: string; cells: number }[];
}

export function liveNotSupported(caps: Capabilities): string | undefined {
  return caps.events ? undefined : 'Il ricontrollo automatico richiede ExcelApi 1.7 (eventi del foglio): usa «Controlla» dopo le modifiche.';
}

/** Reads some areas of a sheet into a grid (as «Controlla» reads, see readBlocks), merged cells included. */
async function readAreas(context: XlRequestContext, sheetId: string, file: string, areas: readonly CellRange[], caps: Capabilities): Promise<{ grid: Grid; name: string; protected: boolean; write: WriteMode }> {
  const ws = context.workbook.worksheets.getItem(sheetId);
  ws.load('name');
  ws.protection.load('protected,options');
  await context.sync();
  const grid = new Grid(file, ws.name);
  await readBlocks(context, areas.map((block) => ({ sheet: ws, grid, block })));
  if (caps.merges && areas.length) {
    // in pieces when an area holds more merged areas than Excel returns at once (merged-areas.ts)
    const found = await readMergedAreas(
      context,
      areas.map((range) => ({ sheet: ws, range })),
    );
    const seen = new Set<string>();
    for (const m of found.flat()) {
      const key = rangeA1(m);
      if (!seen.has(key)) grid.addMerge(m);
      seen.add(key);
    }
  }
  return { grid, name: ws.name, protected: ws.protection.protected, write: writeMode(ws.protection) };
}

function remoteNotice(sheets: readonly string[]): string {
  const list = sheets.map((n) => `«${n}»`).join(', ');
  return `Un altro autore ha modificato ${sheets.length === 1 ? 'il foglio' : 'i fogli'} ${list}: le segnalazioni nel riquadro sono aggiornate; la griglia si aggiorna con «Controlla» (o dall'Excel di chi ha modificato).`;
}

/** Failed re-checks in a row whose edits are tried again before the failure is shown. */
export const LIVE_RETRIES = 3;

/** The value of the one cell an event names did not change: a change of format (or the add-in's own fill). */
function valueUnchanged(args: XlWorksheetChangedEventArgs): boolean {
  const d = args.details;
  return d !== undefined && d.valueTypeBefore === d.valueTypeAfter && JSON.stringify(d.valueBefore) === JSON.stringify(d.valueAfter);
}

/** Rules that compare a table with other tables: a re-check of one table cannot decide them. */
export const BETWEEN_TABLES = new Set(['cross-table-mismatch']);


export class LiveRecheck {
  private handlers: XlEventHandlerResult[] = [];
  private readonly scheduler: LiveScheduler;
  private watched = new Set<string>();
  /** Re-checks that failed in a row. */
  private failures = 0;

  constructor(
    private readonly host: AddinHost,
    private check: CheckOutcome,
    private readonly listener: LiveListener,
    timers: Timers = realTimers,
    delayMs = LIVE_DELAY_MS,
  ) {
    this.scheduler = new LiveScheduler((changes) => this.recheck(changes), timers, delayMs);
  }

  /** Sheets the re-check would watch, and those too large for it. */
  static eligible(check: CheckOutcome, includeLarge = false): LiveStart {
    const tooLarge = check.checked.filter((s) => s.cells > LIVE_MAX_CELLS);
    return {
      watching: check.checked.filter((s) => includeLarge || s.cells <= LIVE_MAX_CELLS).map((s) => s.name),
      tooLarge: includeLarge ? [] : tooLarge.map((s) => ({ name: s.name, cells: s.cells })),
    };
  }

  /** Registers onChanged on the checked sheets (one Excel.run, one sync). */
  async start(includeLarge = false): Promise<LiveStart> {
    const caps = capabilitiesOf(this.host);
    const missing = liveNotSupported(caps);
    if (missing) throw new Error(missing);
    const plan = LiveRecheck.eligible(this.check, includeLarge);
    const sheets = this.check.checked.filter((s) => plan.watching.includes(s.name));
    if (!sheets.length) return plan;
    this.handlers = await runExcel(this.host, async (context) => {
      const results = sheets.map((s) => context.workbook.worksheets.getItem(s.id).onChanged.add((args) => this.onChanged(args)));
      await context.sync();
      return results;
    });
    this.watched = new Set(sheets.map((s) => s.id));
    return plan;
  }

  /** Removes the handlers (in the context that added them, as Office.js requires); waiting edits are dropped. */
  async stop(): Promise<void> {
    await this.scheduler.stop();
    const handlers = this.handlers;
    this.handlers = [];
    this.watched.clear();
    if (!handlers.length) return;
    await runExcelIn(this.host, handlers[0].context, async (context) => {
      for (const h of handlers) h.remove();
      await context.sync();
    });
  }

  /** Runs what is waiting now (the tests use it instead of waiting for the quiet time). */
  flush(): Promise<void> {
    return this.scheduler.flush();
  }

  private onChanged(args: XlWorksheetChangedEventArgs): Promise<void> {
    if (!this.watched.has(args.worksheetId)) return Promise.resolve();
    // Excel fires onChanged for the add-in's own writes too, fills included ("onChanged fires when
    // either the format or value of the data changes"): ExcelApi 1.14 says which are ours
    // (triggerSource); before it, on 1.9, a single cell whose value did not change is ours or a
    // format. On an older Excel our flags cost one more re-check, which writes nothing.
    if (args.triggerSource === 'ThisLocalAddin') return Promise.resolve();
    if (args.triggerSource === undefined && valueUnchanged(args)) return Promise.resolve();
    // inserted or deleted rows and columns move the tables, and an address we cannot read (whole
    // columns "C:C", whole rows "3:3") names no cell range: the used range is read again
    let edit: Edit = 'whole-sheet';
    if (args.changeType === 'RangeEdited') {
      try {
        edit = parseRange(args.address.replace(/\$/g, '').split('!').pop()!);
      } catch {
        edit = 'whole-sheet';
      }
    }
    // a co-author's edit (source "Remote") updates the pane only: the grid is shared, and their
    // Excel, or the next «Controlla», flags it (Microsoft, "Coauthoring in Excel add-ins": use
    // events to update the add-in's state and passive displays)
    this.scheduler.notify(args.worksheetId, edit, args.source !== 'Remote');
    return Promise.resolve();
  }

  /**
   * Re-checks the sheets edited. When it fails (Excel refused a sync, a sheet was busy), the edits
   * are handed back to the scheduler and tried again after the next quiet time, so the flags are
   * never left stale; the pane shows the failure only when it repeats (LIVE_RETRIES).
   */
  private async recheck(changes: Changes): Promise<Changes | void> {
    try {
      const caps = capabilitiesOf(this.host);
      const check = this.check;
      const resheets: string[] = [];
      const outcome = await runExcel(this.host, async (context) => {
        let findings = [...check.dossier.findings];
        let sheetsInfo = check.dossier.sources[0]?.sheets ?? [];
        let marked = check.marked;
        let cleared = check.cleared;
        const notices: string[] = [];
        const remote: string[] = [];
        let allSheets: { name: string; id: string }[] | undefined;
        for (const [sheetId, { edits, local }] of changes) {
          const known = check.checked.find((s) => s.id === sheetId);
          if (!known) continue;
          const info = sheetsInfo.find((s) => s.name === known.name);
          const plan = recheckAreas((info?.tables ?? []).map((t) => t.range), edits);
          let areas: RecheckArea[];
          if (plan.whole) {
            const used = context.workbook.worksheets.getItem(sheetId).getUsedRangeOrNullObject(true);
            used.load('rowIndex,columnIndex,rowCount,columnCount');
            await context.sync();
            const all = used.isNullObject ? [] : [{ top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 }];
            areas = all.map((a) => ({ read: a, owns: { top: 0, left: 0, bottom: 1_048_575, right: 16_383 } }));
            if (!areas.length) areas = [{ read: { top: 0, left: 0, bottom: 0, right: 0 }, owns: { top: 0, left: 0, bottom: 1_048_575, right: 16_383 } }];
          } else areas = plan.areas;
          const read = await readAreas(context, sheetId, check.file, areas.map((a) => a.read), caps);
          const { dossier } = analyse([{ file: check.file, grids: [read.grid] }], { mapping: check.workbookMapping });
          const owns = areas.map((a) => a.owns);
          // comparisons between tables need the other tables: those findings wait for the next «Controlla»
          const fresh = dossier.findings.filter((f) => f.sheet === read.name && within(f.cell, owns) && !BETWEEN_TABLES.has(f.rule));
          const kept = findings.filter((f) => f.sheet === known.name && (!within(f.cell, owns) || BETWEEN_TABLES.has(f.rule)));
          const sheetFindings: Finding[] = [...kept, ...fresh];
          findings = [...findings.filter((f) => f.sheet !== known.name), ...sheetFindings];
          // the tables as they are now replace the ones the edited areas covered
          const newInfo = dossier.sources[0]?.sheets.find((s) => s.name === read.name);
          const newTables = (newInfo?.tables ?? []).filter((t) => owns.some((o) => overlaps(parseRange(t.range), o)));
          const oldTables = (info?.tables ?? []).filter((t) => !owns.some((o) => overlaps(parseRange(t.range), o)));
          const merged: SheetInfo = { ...(info ?? { name: read.name, kind: newInfo?.kind ?? 'unknown' }), name: read.name, tables: [...oldTables, ...newTables] };
          if (plan.whole && newInfo) Object.assign(merged, { kind: newInfo.kind, referenceDate: newInfo.referenceDate });
          sheetsInfo = info ? sheetsInfo.map((s) => (s === info ? merged : s)) : [...sheetsInfo, merged];
          resheets.push(read.name);
          if (!local) {
            remote.push(read.name);
            continue;
          }

          // the workbook's sheets, loaded once for every edited sheet of this re-check
          if (!allSheets) {
            const all = context.workbook.worksheets;
            all.load('items/name,items/id');
            await context.sync();
            allSheets = all.items.map((w) => ({ name: w.name, id: w.id }));
          }
          const mark = await markFindings(
            context,
            { activeSheet: read.name, sheets: [{ name: read.name, id: sheetId, visibility: 'Visible', protected: read.protected, write: read.write, grid: read.grid }], allSheets },
            sheetFindings,
            caps,
          );
          // the flagged cells of the whole check: this sheet's count replaced
          const bySheet = { ...(marked.bySheet ?? {}), [read.name]: mark.marked.cells };
          marked = { ...mark.marked, bySheet, cells: Object.values(bySheet).reduce((n, c) => n + c, 0) };
          cleared = mark.cleared;
          notices.push(...mark.notices);
        }
        if (remote.length) notices.push(remoteNotice(remote));
        const sources = check.dossier.sources.map((s, i) => (i === 0 ? { ...s, sheets: sheetsInfo } : s));
        return { ...check, dossier: { ...check.dossier, findings, sources }, marked, cleared, notices };
      });
      this.check = outcome;
      this.failures = 0;
      this.listener.update(outcome, resheets);
    } catch (err) {
      this.failures++;
      if (this.failures < LIVE_RETRIES) return changes;
      this.failures = 0;
      this.listener.error(`Ricontrollo automatico non riuscito: ${italianError(err)} Le segnalazioni si aggiornano con «Controlla».`);
    }
  }
}
