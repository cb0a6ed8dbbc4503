/**
 * «Inserisci modello»: inserts the sheets of the yearly templates (xlsx, bundled as base64) into the
 * open workbook with insertWorksheetsFromBase64 (ExcelApi 1.13). Excel renames a sheet whose name
 * is taken ("Personale AAAA (2)"). Without ExcelApi 1.13 nothing is written and the message says
 * how to copy the sheets by hand.
 */
import { AddinError, capabilitiesOf } from './actions';
import { AddinHost } from './excel-api';
import { runExcel } from './run';
import { assertSheetsCanBeAdded, changingSheets } from './workbook-protection';

export interface TemplateFile {
  /** What the user picked, as the pane shows it. */
  label: string;
  /** The xlsx file, base64. */
  base64: string;
  /** Where the file is served, for copying by hand on an older Excel. */
  url?: string;
}

export interface InsertOutcome {
  /** The sheets added, with the names Excel gave them. */
  sheets: string[];
}

export function missingInsertMessage(files: readonly TemplateFile[]): string {
  const where = files.filter((f) => f.url).map((f) => `${f.label}: ${f.url}`);
  return (
    'Questa versione di Excel non può inserire fogli da un file (serve ExcelApi 1.13: Microsoft 365, Excel 2021 o Excel sul web). ' +
    'Apri il modello, fai clic destro sulla linguetta del foglio, «Sposta o copia…» e scegli questa cartella di lavoro.' +
    (where.length ? ` Modelli: ${where.join('; ')}.` : '')
  );
}

/** Inserts the sheets of the chosen templates at the end of the workbook and activates the first. Three syncs (one to check the structure is not protected, ExcelApi 1.7). */
export async function insertTemplates(host: AddinHost, files: readonly TemplateFile[]): Promise<InsertOutcome> {
  if (files.length === 0) throw new AddinError('Scegli almeno un modello da inserire.');
  const caps = capabilitiesOf(host);
  if (!caps.insertSheets) throw new AddinError(missingInsertMessage(files));
  return runExcel(host, async (context) => {
    await assertSheetsCanBeAdded(context, caps);
    const results = files.map((f) => context.workbook.insertWorksheetsFromBase64(f.base64, { positionType: 'End' }));
    await changingSheets(() => context.sync());
    const ids = results.flatMap((r) => r.value);
    const sheets = ids.map((id) => {
      const ws = context.workbook.worksheets.getItem(id);
      ws.load('name');
      return ws;
    });
    sheets[0]?.activate();
    await context.sync();
    return { sheets: sheets.map((ws) => ws.name) };
  });
}
