import { SourceInput, analyse } from '../../importer/engine/analyse';
import { Dossier, Finding } from '../../importer/engine/schema/dossier';
import { entryFromHeaderRow, removeEntry, replaceEntry } from '../../importer/engine/mapping/edit';
import { ParsedMapping } from '../../importer/engine/mapping/parse';
import { Mapping, MappingSheet } from '../../importer/engine/mapping/schema';
import { marksFromFindings } from '../flags/marks';
import { ClearReport, TextVia, planClear, planMarks, reconcile, settleReport } from '../flags/plan';
import { FlagRecord, cellKey, refOfKey } from '../flags/records';
import { AddinError } from './addin-error';
import { applyWrites } from './apply-writes';
import { Capabilities, capabilityNotices, detectCapabilities } from './capabilities';
import { CellRef, readCellStates } from './cell-state';
import { AddinHost, XlRequestContext } from './excel-api';
import { italianError } from './errors';
import { loadFlagStore, saveFlagStore } from './flag-store';
import { loadOwnedSheets } from './owned-store';
import { loadWorkbookMapping, saveWorkbookMapping } from './mapping-store';
import { Scope, WorkbookRead, readWorkbook, writeMode } from './read-workbook';
import { runExcel } from './run';

export { AddinError } from './addin-error';

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
  /** How every sheet read was read (the entries of mappatura.json): what «Come sono stati letti i fogli» shows and edits. */
  mapping: Mapping;
  /** The mapping kept in the workbook, applied to this check (and to the live re-check). */
  workbookMapping: ParsedMapping;
  /** Sheets read as the workbook's mapping says (the officer's corrections), not by detection. */
  mapped: string[];
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
  const byName = new Map(sheets.map((s) => [s.name, s.id]));
  const out: FlagRecord[] = [];
  for (const r of records) {
    if (r.sheetId !== undefined && byId.has(r.sheetId)) out.push({ ...r, sheet: byId.get(r.sheetId)! });
    else if (byName.has(r.sheet)) out.push({ ...r, sheetId: byName.get(r.sheet) });
  }
  return out;
}

function uniqueRefs(refs: readonly CellRef[]): CellRef[] {
  const seen = new Map<string, CellRef>();
  for (const r of refs) seen.set(cellKey(r.sheet, r.cell), { sheet: r.sheet, cell: r.cell });
  return [...seen.values()];
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

function protectedNotice(locked: readonly string[], fillOnly: readonly string[]): string[] {
  const out: string[] = [];
  if (locked.length) out.push(`${locked.length === 1 ? 'Il foglio' : 'I fogli'} ${quoted(locked)} ${locked.length === 1 ? 'è protetto' : 'sono protetti'}: le segnalazioni sono solo nel riquadro, la griglia non è stata modificata.`);
  if (fillOnly.length) {
    out.push(
      `${fillOnly.length === 1 ? 'Il foglio' : 'I fogli'} ${quoted(fillOnly)} ${fillOnly.length === 1 ? 'è protetto ma consente' : 'sono protetti ma consentono'} di formattare le celle: le celle sono colorate, i messaggi sono solo nel riquadro.`,
    );
  }
  return out;
}

function refusedNotice(refused: number, firstError: unknown): string[] {
  const out: string[] = [];
  if (refused) out.push(`Excel ha rifiutato ${refused === 1 ? '1 nota o commento: quella cella è solo colorata' : `${refused} note o commenti: quelle celle sono solo colorate`}.`);
  if (firstError !== undefined) out.push(`Alcune modifiche non sono riuscite: ${italianError(firstError)}`);
  return out;
}

function unreadableNotice(n: number): string[] {
  if (!n) return [];
  return [`${n === 1 ? 'Una parte' : `${n} parti`} della registrazione delle segnalazioni non si ${n === 1 ? 'può' : 'possono'} leggere (troppo grandi per Excel sul web o danneggiate): le loro celle non sono state toccate. Riprova con Excel per Windows o Mac.`];
}

export interface MarkOutcome {
  marked: CheckOutcome['marked'];
  cleared: ClearReport;
  notices: string[];
}

/**
 * Flags findings in the grid of the sheets read. Prior fills and notes are recorded in the
 * workbook before anything is written; flags of an earlier check on those sheets whose cells are
 * clean now are removed. A protected sheet is left alone, or only coloured when its protection
 * allows formatting cells. The counts come from what Excel applied.
 */
export async function markFindings(context: XlRequestContext, read: WorkbookRead, findings: readonly Finding[], caps: Capabilities): Promise<MarkOutcome> {
  const locked = read.sheets.filter((s) => s.write === 'none').map((s) => s.name);
  const fillOnly = read.sheets.filter((s) => s.write === 'fill').map((s) => s.name);
  const writable = new Set(read.sheets.filter((s) => s.write !== 'none').map((s) => s.name));
  const texts = new Set(read.sheets.filter((s) => s.write === 'all').map((s) => s.name));
  const grids = new Map(read.sheets.map((s) => [s.name, s.grid]));
  const marks = marksFromFindings(
    findings.filter((f) => writable.has(f.sheet)),
    grids,
  );

  // the records of the sheets read (their flags are redone); the others' are not even read
  const readIds = new Set(read.sheets.map((s) => s.id));
  const store = await loadFlagStore(context, readIds);
  const all = resolveSheets(store.records, read.allSheets);
  const inScope = store.all ? all : all.filter((r) => readIds.has(r.sheetId!));
  const existing = inScope.filter((r) => writable.has(r.sheet));
  const others = inScope.filter((r) => !writable.has(r.sheet));
  const now = await readCellStates(context, uniqueRefs([...existing, ...marks]), caps, undefined, (sheet) => texts.has(sheet));
  const plan = planMarks(marks, existing, now, caps.via);
  const ids = new Map(read.allSheets.map((s) => [s.name, s.id]));
  const records = plan.records.map((r) => ({ ...r, sheetId: ids.get(r.sheet) }));

  const saved = await saveFlagStore(context, store, [...others, ...records]);
  const applied = await applyWrites(context, plan.writes, caps);
  if (applied.failed.size) {
    // A batch failed halfway: rebuild the records of its cells from what they hold now.
    const failed = [...applied.failed];
    const after = await readCellStates(context, failed.map((k) => refOfKey(k)), caps, undefined, (sheet) => texts.has(sheet));
    const planned = new Map(records.map((r) => [cellKey(r.sheet, r.cell), r]));
    const old = new Map(existing.map((r) => [cellKey(r.sheet, r.cell), r]));
    const fixed = records.filter((r) => !applied.failed.has(cellKey(r.sheet, r.cell)));
    for (const k of failed) {
      const state = after.get(k);
      const r = state && reconcile(planned.get(k), old.get(k), state);
      if (r) fixed.push({ ...r, sheetId: ids.get(r.sheet) });
    }
    await saveFlagStore(context, saved, [...others, ...fixed]);
  }

  // what the pane says is what Excel did: a cell whose fill was refused is not counted as flagged
  const flagged = marks.filter((m) => !applied.fillsFailed.has(cellKey(m.sheet, m.cell)));
  const textWrites = plan.writes.filter((w) => w.op === 'addNote' || w.op === 'setNote' || w.op === 'addComment' || w.op === 'setComment').length;
  return {
    marked: {
      cells: flagged.length,
      texts: Math.max(0, textWrites - applied.textsRefused),
      via: caps.via,
      fillOnly: plan.fillOnly,
      bySheet: flagged.reduce<Record<string, number>>((acc, m) => ((acc[m.sheet] = (acc[m.sheet] ?? 0) + 1), acc), {}),
    },
    cleared: settleReport(plan.cleared, plan.undone, applied),
    notices: [...protectedNotice(locked, fillOnly), ...refusedNotice(applied.textsRefused, applied.firstError), ...unreadableNotice(store.unreadable)],
  };
}

/**
 * "Controlla": reads the active sheet or the whole workbook, runs the same engine as the command
 * line (same grid, same findings), and flags every finding's cell.
 */
export async function checkWorkbook(host: AddinHost, scope: Scope): Promise<CheckOutcome> {
  const caps = capabilitiesOf(host);
  const file = workbookFileName(host.documentUrl());
  return runExcel(host, async (context: XlRequestContext) => {
    // the sheets «Normalizza» wrote are outputs, not sources: never read nor flagged
    const owned = await loadOwnedSheets(context);
    const read = await readWorkbook(context, { file, scope, caps, skipSheetIds: new Set(owned.sheets.map((s) => s.id)) });
    const input: SourceInput = { file, grids: read.sheets.map((s) => s.grid) };
    // the officer's corrections of how sheets are read, kept in this workbook
    const stored = await loadWorkbookMapping(context, file);
    const workbookMapping: ParsedMapping = { sheets: stored.sheets, problems: stored.problems };
    const { dossier, mapping, mappingNotes } = analyse([input], { mapping: workbookMapping });
    const unusable = new Set(dossier.findings.filter((f) => f.rule === 'mapping-unusable').map((f) => f.sheet));
    const mapped = read.sheets.map((s) => s.name).filter((name) => !unusable.has(name) && stored.sheets.some((e) => e.sheet === name));
    const mark = await markFindings(context, read, dossier.findings, caps);
    return {
      file,
      scope,
      activeSheet: read.activeSheet,
      dossier,
      marked: mark.marked,
      cleared: mark.cleared,
      notices: [...capabilityNotices(caps), ...mark.notices, ...mappingNotes.map((n) => n.message)],
      checked: read.sheets.map((s) => ({ name: s.name, id: s.id, cells: s.grid.rowCount * s.grid.colCount })),
      mapping,
      workbookMapping,
      mapped,
    };
  });
}

/**
 * Keeps in the workbook the reading of one sheet as the officer corrected it (an entry of
 * mappatura.json, in place of the one it had); the next «Controlla» reads the sheet that way.
 */
export async function saveSheetMapping(host: AddinHost, entry: MappingSheet): Promise<void> {
  const file = workbookFileName(host.documentUrl());
  await runExcel(host, async (context) => {
    const stored = await loadWorkbookMapping(context, file);
    await saveWorkbookMapping(context, replaceEntry(stored.sheets, { ...entry, file }), stored.parts);
  });
}

/** Forgets the officer's reading of a sheet: the next «Controlla» recognises its columns by itself again. */
export async function forgetSheetMapping(host: AddinHost, sheet: string): Promise<void> {
  const file = workbookFileName(host.documentUrl());
  await runExcel(host, async (context) => {
    const stored = await loadWorkbookMapping(context, file);
    await saveWorkbookMapping(context, removeEntry(stored.sheets, sheet), stored.parts);
  });
}

/**
 * A sheet the program did not recognise, read as a table of objectives whose header is on row
 * `headerRow` (1 = the first row): its columns take the role their label suggests, which the
 * officer then corrects. Kept in the workbook like any correction.
 */
export async function mapSheetFromHeaderRow(host: AddinHost, sheet: string, headerRow: number): Promise<void> {
  const caps = capabilitiesOf(host);
  const file = workbookFileName(host.documentUrl());
  await runExcel(host, async (context) => {
    const read = await readWorkbook(context, { file, scope: 'workbook', caps, sheetNames: new Set([sheet]) });
    const grid = read.sheets[0]?.grid;
    if (!grid) throw new AddinError(`Il foglio «${sheet}» non c'è più nella cartella di lavoro.`);
    const entry = entryFromHeaderRow(grid, file, headerRow - 1);
    if (!entry) throw new AddinError(`La riga ${headerRow} del foglio «${sheet}» è vuota: indica la riga con le intestazioni delle colonne.`);
    const stored = await loadWorkbookMapping(context, file);
    await saveWorkbookMapping(context, replaceEntry(stored.sheets, entry), stored.parts);
  });
}

/**
 * "Pulisci segnalazioni": puts back every fill and note we changed, in the whole workbook, except
 * where the user changed them after the check (then the user's version stays). Values are never
 * touched. Works after the workbook was saved, closed and reopened: the records live in it.
 */
export async function clearFlags(host: AddinHost): Promise<ClearOutcome> {
  const caps = capabilitiesOf(host);
  return runExcel(host, async (context: XlRequestContext) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/id');
    await context.sync();
    for (const ws of sheets.items) ws.protection.load('protected,options');
    await context.sync();
    const list = sheets.items.map((ws) => ({ name: ws.name, id: ws.id, write: writeMode(ws.protection) }));
    const mode = new Map(list.map((s) => [s.name, s.write]));

    const store = await loadFlagStore(context);
    const all = resolveSheets(store.records, list);
    const locked = all.filter((r) => mode.get(r.sheet) === 'none');
    const open = all.filter((r) => mode.get(r.sheet) !== 'none');
    const now = await readCellStates(context, uniqueRefs(open), caps, undefined, (sheet) => mode.get(sheet) === 'all');
    const plan = planClear(open, now);
    const applied = await applyWrites(context, plan.writes, caps);
    const retry = open.filter((r) => applied.failed.has(cellKey(r.sheet, r.cell)));
    const left = [...locked, ...plan.left.filter((r) => !applied.failed.has(cellKey(r.sheet, r.cell))), ...retry];
    await saveFlagStore(context, store, left);
    const lockedSheets = [...new Set(locked.map((r) => r.sheet))];
    const fillOnlySheets = [...new Set(open.filter((r) => mode.get(r.sheet) === 'fill' && (r.note || r.comment)).map((r) => r.sheet))];
    return {
      report: settleReport(plan.report, plan.undone, applied),
      notices: [
        ...capabilityNotices(caps),
        ...(lockedSheets.length ? [`Segnalazioni lasciate su ${quoted(lockedSheets)}: il foglio è protetto. Togli la protezione e ripeti "Pulisci segnalazioni".`] : []),
        ...(fillOnlySheets.length ? [`Su ${quoted(fillOnlySheets)} (protetto, ma con la formattazione consentita) i colori sono stati ripristinati; le note restano finché non togli la protezione e ripeti "Pulisci segnalazioni".`] : []),
        ...refusedNotice(0, applied.firstError),
        ...unreadableNotice(store.unreadable),
      ],
    };
  });
}

/** Shows a finding's cell: activates its sheet and selects the cell (or range). */
export async function goToCell(host: AddinHost, sheet: string, cell: string): Promise<void> {
  await runExcel(host, async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}
