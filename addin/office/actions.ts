import { SourceInput, analyse } from '../../importer/engine/analyse';
import { Dossier, Finding } from '../../importer/engine/schema/dossier';
import { marksFromFindings } from '../flags/marks';
import { ClearReport, TextVia, planClear, planMarks, reconcile } from '../flags/plan';
import { FlagRecord, cellKey, refOfKey } from '../flags/records';
import { applyWrites } from './apply-writes';
import { Capabilities, capabilityNotices, detectCapabilities } from './capabilities';
import { CellRef, readCellStates } from './cell-state';
import { AddinHost, XlRequestContext } from './excel-api';
import { italianError } from './errors';
import { loadFlagStore, saveFlagStore } from './flag-store';
import { loadOwnedSheets } from './owned-store';
import { Scope, WorkbookRead, readWorkbook } from './read-workbook';

/** An error whose message is already the Italian sentence to show. */
export class AddinError extends Error {}

export const DEFAULT_FILE_LABEL = 'cartella di lavoro';

/** The name findings carry as `file`: the workbook's file name when Excel tells it. */
export function workbookFileName(url: string | undefined): string {
  if (!url) return DEFAULT_FILE_LABEL;
  const path = url.split(/[?#]/)[0];
  const last = path.split(/[\\/]/).filter(Boolean).pop();
  if (!last) return DEFAULT_FILE_LABEL;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export interface CheckOutcome {
  file: string;
  scope: Scope;
  activeSheet: string;
  /** What the engine made of the sheets read: sheet kinds, tables, column mapping, findings. */
  dossier: Dossier;
  marked: { cells: number; texts: number; via: TextVia; fillOnly: number; bySheet?: Record<string, number> };
  /** Flags of an earlier check removed because their cells are clean now. */
  cleared: ClearReport;
  /** Italian lines on what could not be done (missing requirement sets, protected sheets, refusals). */
  notices: string[];
  /** The sheets read, with their id and size (rows x columns of the used range): what the live re-check watches. */
  checked: { name: string; id: string; cells: number }[];
}

export interface ClearOutcome {
  report: ClearReport;
  notices: string[];
}

export function capabilitiesOf(host: AddinHost): Capabilities {
  const caps = detectCapabilities((name, version) => host.isSetSupported(name, version));
  if (!caps.base) throw new AddinError(capabilityNotices(caps)[0]);
  return caps;
}

/** Records point at sheets by id (survives renaming) and name; records of deleted sheets are dropped. */
function resolveSheets(records: readonly FlagRecord[], sheets: readonly { name: string; id: string }[]): FlagRecord[] {
  const byId = new Map(sheets.map((s) => [s.id, s.name]));
  const names = new Set(sheets.map((s) => s.name));
  const out: FlagRecord[] = [];
  for (const r of records) {
    const name = r.sheetId !== undefined && byId.has(r.sheetId) ? byId.get(r.sheetId)! : names.has(r.sheet) ? r.sheet : undefined;
    if (name !== undefined) out.push({ ...r, sheet: name });
  }
  return out;
}

function uniqueRefs(refs: readonly CellRef[]): CellRef[] {
  const seen = new Map<string, CellRef>();
  for (const r of refs) seen.set(cellKey(r.sheet, r.cell), { sheet: r.sheet, cell: r.cell });
  return [...seen.values()];
}

function protectedNotice(names: readonly string[]): string[] {
  if (!names.length) return [];
  const list = names.map((n) => `"${n}"`).join(', ');
  return [`${names.length === 1 ? 'Il foglio' : 'I fogli'} ${list} ${names.length === 1 ? 'è protetto' : 'sono protetti'}: le segnalazioni sono solo nel riquadro, la griglia non è stata modificata.`];
}

function refusedNotice(refused: number, firstError: unknown): string[] {
  const out: string[] = [];
  if (refused) out.push(`Excel ha rifiutato ${refused} note o commenti: quelle celle sono solo colorate.`);
  if (firstError !== undefined) out.push(`Alcune modifiche non sono riuscite: ${italianError(firstError)}`);
  return out;
}

export interface MarkOutcome {
  marked: CheckOutcome['marked'];
  cleared: ClearReport;
  notices: string[];
}

/**
 * Flags findings in the grid of the sheets read. Prior fills and notes are recorded in the
 * workbook before anything is written; flags of an earlier check on those sheets whose cells are
 * clean now are removed. Protected sheets are left alone.
 */
export async function markFindings(context: XlRequestContext, read: WorkbookRead, findings: readonly Finding[], caps: Capabilities): Promise<MarkOutcome> {
  const locked = read.sheets.filter((s) => s.protected).map((s) => s.name);
  const writable = new Set(read.sheets.filter((s) => !s.protected).map((s) => s.name));
  const ids = new Map(read.allSheets.map((s) => [s.name, s.id]));
  const grids = new Map(read.sheets.map((s) => [s.name, s.grid]));
  const marks = marksFromFindings(
    findings.filter((f) => writable.has(f.sheet)),
    grids,
  );

  const store = await loadFlagStore(context);
  const all = resolveSheets(store.records, read.allSheets);
  const existing = all.filter((r) => writable.has(r.sheet));
  const others = all.filter((r) => !writable.has(r.sheet));
  const now = await readCellStates(context, uniqueRefs([...existing, ...marks]), caps);
  const plan = planMarks(marks, existing, now, caps.via);
  const records = plan.records.map((r) => ({ ...r, sheetId: ids.get(r.sheet) }));

  const parts = await saveFlagStore(context, [...others, ...records], store.parts);
  const applied = await applyWrites(context, plan.writes);
  if (applied.failed.size) {
    // A batch failed halfway: rebuild the records of its cells from what they hold now.
    const failed = [...applied.failed];
    const after = await readCellStates(context, failed.map((k) => refOfKey(k)), caps);
    const planned = new Map(records.map((r) => [cellKey(r.sheet, r.cell), r]));
    const old = new Map(existing.map((r) => [cellKey(r.sheet, r.cell), r]));
    const fixed = records.filter((r) => !applied.failed.has(cellKey(r.sheet, r.cell)));
    for (const k of failed) {
      const state = after.get(k);
      const r = state && reconcile(planned.get(k), old.get(k), state);
      if (r) fixed.push({ ...r, sheetId: ids.get(r.sheet) });
    }
    await saveFlagStore(context, [...others, ...fixed], parts);
  }

  const texts = plan.writes.filter((w) => w.op === 'addNote' || w.op === 'setNote' || w.op === 'addComment' || w.op === 'setComment').length;
  return {
    marked: {
      cells: marks.length,
      texts: Math.max(0, texts - applied.textsRefused),
      via: caps.via,
      fillOnly: plan.fillOnly,
      bySheet: marks.reduce<Record<string, number>>((acc, m) => ((acc[m.sheet] = (acc[m.sheet] ?? 0) + 1), acc), {}),
    },
    cleared: plan.cleared,
    notices: [...protectedNotice(locked), ...refusedNotice(applied.textsRefused, applied.firstError)],
  };
}

/**
 * "Controlla": reads the active sheet or the whole workbook, runs the same engine as the command
 * line (same grid, same findings), and flags every finding's cell.
 */
export async function checkWorkbook(host: AddinHost, scope: Scope): Promise<CheckOutcome> {
  const caps = capabilitiesOf(host);
  const file = workbookFileName(host.documentUrl());
  return host.run(async (context: XlRequestContext) => {
    // the sheets «Normalizza» wrote are outputs, not sources: never read nor flagged
    const owned = await loadOwnedSheets(context);
    const read = await readWorkbook(context, { file, scope, caps, skipSheetIds: new Set(owned.sheets.map((s) => s.id)) });
    const input: SourceInput = { file, grids: read.sheets.map((s) => s.grid) };
    const { dossier } = analyse([input]);
    const mark = await markFindings(context, read, dossier.findings, caps);
    return {
      file,
      scope,
      activeSheet: read.activeSheet,
      dossier,
      marked: mark.marked,
      cleared: mark.cleared,
      notices: [...capabilityNotices(caps), ...mark.notices],
      checked: read.sheets.map((s) => ({ name: s.name, id: s.id, cells: s.grid.rowCount * s.grid.colCount })),
    };
  });
}

/**
 * "Pulisci segnalazioni": puts back every fill and note we changed, in the whole workbook, except
 * where the user changed them after the check (then the user's version stays). Values are never
 * touched. Works after the workbook was saved, closed and reopened: the records live in it.
 */
export async function clearFlags(host: AddinHost): Promise<ClearOutcome> {
  const caps = capabilitiesOf(host);
  return host.run(async (context: XlRequestContext) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/id');
    await context.sync();
    for (const ws of sheets.items) ws.protection.load('protected');
    await context.sync();
    const list = sheets.items.map((ws) => ({ name: ws.name, id: ws.id, locked: ws.protection.protected }));
    const lockedNames = new Set(list.filter((s) => s.locked).map((s) => s.name));

    const store = await loadFlagStore(context);
    const all = resolveSheets(store.records, list);
    const locked = all.filter((r) => lockedNames.has(r.sheet));
    const open = all.filter((r) => !lockedNames.has(r.sheet));
    const now = await readCellStates(context, uniqueRefs(open), caps);
    const plan = planClear(open, now);
    const applied = await applyWrites(context, plan.writes);
    const retry = open.filter((r) => applied.failed.has(cellKey(r.sheet, r.cell)));
    const left = [...locked, ...plan.left.filter((r) => !applied.failed.has(cellKey(r.sheet, r.cell))), ...retry];
    await saveFlagStore(context, left, store.parts);
    const lockedSheets = [...new Set(locked.map((r) => r.sheet))];
    return {
      report: plan.report,
      notices: [
        ...capabilityNotices(caps),
        ...(lockedSheets.length ? [`Segnalazioni lasciate su ${lockedSheets.map((n) => `"${n}"`).join(', ')}: il foglio è protetto. Togli la protezione e ripeti "Pulisci segnalazioni".`] : []),
        ...refusedNotice(0, applied.firstError),
      ],
    };
  });
}

/** Shows a finding's cell: activates its sheet and selects the cell (or range). */
export async function goToCell(host: AddinHost, sheet: string, cell: string): Promise<void> {
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}
