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
import { parseSheetAddress } from '../sheet/address';
import { CheckOutcome, capabilitiesOf, markFindings } from './actions';
import { Capabilities } from './capabilities';
import { AddinHost, XlEventHandlerResult, XlRangeAreas, XlRequestContext, XlWorksheetChangedEventArgs } from './excel-api';
import { italianError } from './errors';
import { readBlocks, splitAreas } from './read-workbook';

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
async function readAreas(context: XlRequestContext, sheetId: string, file: string, areas: readonly CellRange[], caps: Capabilities): Promise<{ grid: Grid; name: string; protected: boolean }> {
  const ws = context.workbook.worksheets.getItem(sheetId);
  ws.load('name');
  ws.protection.load('protected');
  await context.sync();
  const grid = new Grid(file, ws.name);
  await readBlocks(context, areas.map((block) => ({ sheet: ws, grid, block })));
  if (caps.merges && areas.length) {
    const found: XlRangeAreas[] = areas.map((a) => {
      const m = ws.getRange(rangeA1(a)).getMergedAreasOrNullObject();
      m.load('address');
      return m;
    });
    await context.sync();
    for (const m of found) if (!m.isNullObject) for (const part of splitAreas(m.address)) grid.addMerge(parseSheetAddress(part).range);
  }
  return { grid, name: ws.name, protected: ws.protection.protected };
}

/** Rules that compare a table with other tables: a re-check of one table cannot decide them. */
export const BETWEEN_TABLES = new Set(['cross-table-mismatch']);


export class LiveRecheck {
  private handlers: XlEventHandlerResult[] = [];
  private readonly scheduler: LiveScheduler;
  private watched = new Set<string>();

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
    this.handlers = await this.host.run(async (context) => {
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
    await this.host.runIn(handlers[0].context, async (context) => {
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
    this.scheduler.notify(args.worksheetId, edit);
    return Promise.resolve();
  }

  private async recheck(changes: Changes): Promise<void> {
    try {
      const caps = capabilitiesOf(this.host);
      const check = this.check;
      const resheets: string[] = [];
      const outcome = await this.host.run(async (context) => {
        let findings = [...check.dossier.findings];
        let sheetsInfo = check.dossier.sources[0]?.sheets ?? [];
        let marked = check.marked;
        let cleared = check.cleared;
        const notices: string[] = [];
        for (const [sheetId, edits] of changes) {
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
          const { dossier } = analyse([{ file: check.file, grids: [read.grid] }]);
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

          const all = context.workbook.worksheets;
          all.load('items/name,items/id');
          await context.sync();
          const mark = await markFindings(
            context,
            { activeSheet: read.name, sheets: [{ name: read.name, id: sheetId, visibility: 'Visible', protected: read.protected, grid: read.grid }], allSheets: all.items.map((w) => ({ name: w.name, id: w.id })) },
            sheetFindings,
            caps,
          );
          // the flagged cells of the whole check: this sheet's count replaced
          const bySheet = { ...(marked.bySheet ?? {}), [read.name]: mark.marked.cells };
          marked = { ...mark.marked, bySheet, cells: Object.values(bySheet).reduce((n, c) => n + c, 0) };
          cleared = mark.cleared;
          notices.push(...mark.notices);
          resheets.push(read.name);
        }
        const sources = check.dossier.sources.map((s, i) => (i === 0 ? { ...s, sheets: sheetsInfo } : s));
        return { ...check, dossier: { ...check.dossier, findings, sources }, marked, cleared, notices };
      });
      this.check = outcome;
      this.listener.update(outcome, resheets);
    } catch (err) {
      this.listener.error(`Ricontrollo automatico non riuscito: ${italianError(err)}`);
    }
  }
}
