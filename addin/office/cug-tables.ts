/**
 * «Tabelle CUG»: reads the workbook (leaving out the sheets the add-in wrote), runs the engine and
 * writes the Relazione CUG tables into a new sheet, laid out as in PIAO.xlsx. Never over a sheet
 * of the user's: the sheet takes a free name, and only the sheet an earlier «Tabelle CUG» wrote is
 * replaced (the task pane asks first). Two steps, as «Normalizza»: prepare (read, plan), apply.
 */
import { SourceInput, analyse } from '../../importer/engine/analyse';
import { a1, rangeA1 } from '../../importer/engine/grid/address';
import { CugSection } from '../../importer/engine/schema/cug';
import { CUG_KEY, CugAddinPlan, cugAddinPlan, cugSheetName } from '../cug/plan';
import { hasCugTables } from '../../importer/write/cug-layout';
import { AddinError, capabilitiesOf, workbookFileName } from './actions';
import { AddinHost, XlRequestContext } from './excel-api';
import { recordOwned, surveyOwned } from './owned-store';
import { readWorkbook } from './read-workbook';
import { runExcel } from './run';
import { assertSheetsCanBeAdded, changingSheets } from './workbook-protection';

const KEYS: ReadonlySet<string> = new Set([CUG_KEY]);

export interface CugPrepared {
  file: string;
  cug: CugSection;
  plan: CugAddinPlan;
  /** Name (now) of the sheet an earlier «Tabelle CUG» wrote, which applying replaces. */
  replacing: string[];
}

export interface CugOutcome {
  sheet: string;
  tables: number;
  movements: boolean;
  missing: { table: string; needs: string }[];
  replaced: string[];
}

const NOTHING = 'Nella cartella di lavoro non ci sono un’anagrafica del personale (una riga per dipendente) né una tabella 1.1 del CUG: non c’è niente da cui calcolare le tabelle CUG. «Controlla» mostra come sono stati letti i fogli.';

/** Reads and analyses the workbook, and plans the sheet. Writes nothing. */
export async function prepareCugTables(host: AddinHost): Promise<CugPrepared> {
  const caps = capabilitiesOf(host);
  const file = workbookFileName(host.documentUrl());
  return runExcel(host, async (context) => {
    const s = await surveyOwned(context, KEYS);
    const read = await readWorkbook(context, { file, scope: 'workbook', caps, skipSheetIds: s.ownedIds });
    const input: SourceInput = { file, grids: read.sheets.map((x) => x.grid) };
    const { dossier } = analyse([input]);
    const cug = dossier.cug;
    if (!hasCugTables(cug)) throw new AddinError(NOTHING);
    return { file, cug, plan: cugAddinPlan(cug, cugSheetName(s.otherNames)), replacing: s.mine.map((ws) => ws.name) };
  });
}

/**
 * Writes the planned sheet. The sheet of an earlier «Tabelle CUG» (by id, whatever its name now)
 * is deleted first; no other sheet is touched. Syncs: a few for the survey, one to delete, one to
 * add the sheet with its cells, merges and looks, one for the record.
 */
export async function applyCugTables(host: AddinHost, prepared: CugPrepared): Promise<CugOutcome> {
  const caps = capabilitiesOf(host);
  return runExcel(host, async (context: XlRequestContext) => {
    await assertSheetsCanBeAdded(context, caps);
    const s = await surveyOwned(context, KEYS);
    if (s.otherNames.some((n) => n.toLowerCase() === prepared.plan.name.toLowerCase())) throw new AddinError(`Nel frattempo è comparso un foglio «${prepared.plan.name}»: premi di nuovo «Tabelle CUG».`);
    const replaced = s.mine.map((ws) => ws.name);
    for (const ws of s.mine) ws.delete();
    if (s.mine.length) await changingSheets(() => context.sync());

    const p = prepared.plan;
    const ws = context.workbook.worksheets.add(p.name);
    ws.load('id,name');
    const rows = p.values.length;
    const cols = p.values[0].length;
    const block = ws.getRange(rangeA1({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 }));
    // formats first: a share lands in a cell that already shows two decimals
    block.numberFormat = p.formats;
    block.values = p.values;
    for (const { address, look } of p.looks) {
      const r = ws.getRange(address);
      if (look.bold) r.format.font.bold = true;
      if (look.italic) r.format.font.italic = true;
      if (look.size) r.format.font.size = look.size;
      if (look.color) r.format.font.color = look.color;
      if (look.fill) r.format.fill.color = look.fill;
      if (look.wrap) r.format.wrapText = true;
    }
    for (const m of p.merges) ws.getRange(m).merge(false);
    p.widths.forEach((w, c) => {
      ws.getRange(a1(0, c)).format.columnWidth = w;
    });
    ws.activate();
    await changingSheets(() => context.sync());

    await recordOwned(context, s, KEYS, [{ key: CUG_KEY, id: ws.id }]);
    return { sheet: p.name, tables: p.tables, movements: p.movements, missing: p.missing, replaced };
  });
}
