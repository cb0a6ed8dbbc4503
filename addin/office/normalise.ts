/**
 * «Normalizza»: reads the workbook (leaving out the sheets an earlier run wrote), runs the engine,
 * and writes the objectives cascade and the PAP statistics into new sheets as Excel tables with
 * number formats, the same rows as the importer's PIAO.xlsx. Two steps, so the task pane can ask
 * before replacing: `prepareNormalise` reads and plans, `applyNormalise` writes.
 */
import { a1, rangeA1 } from '../../importer/engine/grid/address';
import { SourceInput, analyse } from '../../importer/engine/analyse';
import { Dossier } from '../../importer/engine/schema/dossier';
import { OwnedSheet } from '../normalise/owned';
import { NORMALISED_SHEETS, SheetPlan, TablePlan, normalisePlan, pickSheetNames, tableNamer } from '../normalise/plan';
import { batchByWeight } from '../sheet/blocks';
import { textValue } from '../sheet/office-values';
import { AddinError, capabilitiesOf, workbookFileName } from './actions';
import { XlRequestContext, XlWorksheet, AddinHost } from './excel-api';
import { recordOwned, surveyOwned } from './owned-store';
import { readWorkbook } from './read-workbook';
import { runExcel } from './run';
import { assertSheetsCanBeAdded, changingSheets } from './workbook-protection';

export interface NormalisePrepared {
  file: string;
  dossier: Dossier;
  plan: SheetPlan[];
  /** Names (now) of the sheets an earlier «Normalizza» wrote, which applying replaces. */
  replacing: string[];
}

export interface NormaliseOutcome {
  /** Names of the sheets written, in tab order. */
  written: { name: string; rows: number }[];
  /** Sheets of an earlier run that were replaced. */
  replaced: string[];
  notices: string[];
}

/** The keys of the sheets «Normalizza» writes (the other writers' sheets are not its own). */
const KEYS: ReadonlySet<string> = new Set(NORMALISED_SHEETS.map((s) => s.key));

const survey = (context: XlRequestContext) => surveyOwned(context, KEYS);

/** Reads and analyses the workbook, and plans the sheets to write. Writes nothing. */
export async function prepareNormalise(host: AddinHost): Promise<NormalisePrepared> {
  const caps = capabilitiesOf(host);
  const file = workbookFileName(host.documentUrl());
  return runExcel(host, async (context) => {
    const s = await survey(context);
    const read = await readWorkbook(context, { file, scope: 'workbook', caps, skipSheetIds: s.ownedIds });
    const input: SourceInput = { file, grids: read.sheets.map((x) => x.grid) };
    const { dossier } = analyse([input]);
    const plan = normalisePlan(dossier, { sheets: pickSheetNames(s.otherNames), table: tableNamer(s.otherTables) });
    return { file, dossier, plan, replacing: s.mine.map((ws) => ws.name) };
  });
}

/** Request bytes per sync for cell values and formats (well under the 5 MB of Excel on the web). */
export const NORMALISE_BYTES_PER_SYNC = 1_500_000;

interface Block {
  sheet: number;
  table: TablePlan;
  /** First row of `table.rows` in the block; -1 includes the header. */
  from: number;
  to: number;
}

const rowBytes = (row: readonly unknown[], formats: readonly string[]) => JSON.stringify(row).length + JSON.stringify(formats).length + 8;

/** Rows of every table cut into blocks that fit a request, header first. */
function blocks(plan: readonly SheetPlan[], budget: number): Block[][] {
  const parts: (Block & { bytes: number })[] = [];
  plan.forEach((sheet, i) => {
    for (const table of sheet.tables) {
      parts.push({ sheet: i, table, from: -1, to: -1, bytes: rowBytes(table.header, []) });
      table.rows.forEach((row, r) => parts.push({ sheet: i, table, from: r, to: r, bytes: rowBytes(row, table.formats[r]) }));
    }
  });
  // consecutive rows of one table in one batch become one range write
  return batchByWeight(parts, (p) => p.bytes, budget).map((batch) => {
    const merged: Block[] = [];
    for (const p of batch) {
      const last = merged[merged.length - 1];
      if (last && last.table === p.table && last.to === p.from - 1) last.to = p.to;
      else merged.push({ sheet: p.sheet, table: p.table, from: p.from, to: p.to });
    }
    return merged;
  });
}

function writeBlock(ws: XlWorksheet, b: Block): void {
  const t = b.table;
  let first = b.from;
  if (first === -1) {
    const header = ws.getRange(rangeA1({ top: t.top, left: t.left, bottom: t.top, right: t.left + t.header.length - 1 }));
    header.values = [t.header.map(textValue)];
    first = 0;
    if (b.to === -1) return;
  }
  const range = ws.getRange(rangeA1({ top: t.top + 1 + first, left: t.left, bottom: t.top + 1 + b.to, right: t.left + t.header.length - 1 }));
  // formats first: a date serial lands in a cell that already shows it as a date
  range.numberFormat = t.formats.slice(first, b.to + 1);
  range.values = t.rows.slice(first, b.to + 1);
}

/**
 * Writes the planned sheets. The sheets of an earlier run (by id, whatever their name now) are
 * deleted first; a sheet of the user's is never touched. Syncs: a few for the survey, one to delete,
 * one to add the sheets and titles, one per block of cells (about 1.5 MB), one for the tables,
 * widths and panes, one for the record.
 */
export async function applyNormalise(host: AddinHost, prepared: NormalisePrepared, bytesPerSync = NORMALISE_BYTES_PER_SYNC): Promise<NormaliseOutcome> {
  const caps = capabilitiesOf(host);
  if (prepared.plan.length === 0) {
    throw new AddinError('Nella cartella di lavoro non ci sono tabelle degli obiettivi o del personale riconosciute: non c\'è niente da normalizzare. "Controlla" mostra come sono stati letti i fogli.');
  }
  return runExcel(host, async (context) => {
    await assertSheetsCanBeAdded(context, caps);
    const s = await survey(context);
    const planned = new Set(prepared.plan.map((p) => p.name.toLowerCase()));
    const clash = s.otherNames.find((n) => planned.has(n.toLowerCase()));
    if (clash) throw new AddinError(`Nel frattempo è comparso un foglio «${clash}»: premi di nuovo «Normalizza».`);

    const replaced = s.mine.map((ws) => ws.name);
    for (const ws of s.mine) ws.delete();
    if (s.mine.length) await changingSheets(() => context.sync());

    const sheets = prepared.plan.map((p) => {
      const ws = context.workbook.worksheets.add(p.name);
      ws.load('id,name');
      for (const t of p.texts) {
        const cell = ws.getRange(a1(t.row, t.col));
        if (t.numberFormat) cell.numberFormat = [[t.numberFormat]];
        cell.values = [[t.value]];
        if (t.bold) cell.format.font.bold = true;
        if (t.italic) cell.format.font.italic = true;
        if (t.size) cell.format.font.size = t.size;
      }
      return ws;
    });
    await changingSheets(() => context.sync());

    for (const batch of blocks(prepared.plan, bytesPerSync)) {
      for (const b of batch) writeBlock(sheets[b.sheet], b);
      await context.sync();
    }

    prepared.plan.forEach((p, i) => {
      const ws = sheets[i];
      for (const t of p.tables) {
        const table = ws.tables.add(rangeA1({ top: t.top, left: t.left, bottom: t.top + t.rows.length, right: t.left + t.header.length - 1 }), true);
        table.name = t.name;
        table.style = 'TableStyleMedium2';
      }
      // a width set on one cell is the width of its whole column
      p.widths.forEach((w, c) => {
        ws.getRange(a1(0, c)).format.columnWidth = w;
      });
      if (caps.events) ws.freezePanes.freezeRows(p.freezeRows);
    });
    sheets[0].activate();
    await context.sync();

    const owned: OwnedSheet[] = prepared.plan.map((p, i) => ({ key: p.key, id: sheets[i].id }));
    await recordOwned(context, s, KEYS, owned);
    return {
      written: prepared.plan.map((p) => ({ name: p.name, rows: p.tables.reduce((n, t) => n + t.rows.length, 0) })),
      replaced,
      notices: caps.events ? [] : ['I riquadri bloccati (titolo e intestazione) richiedono ExcelApi 1.7: i fogli sono stati scritti senza.'],
    };
  });
}
