/**
 * Workbook structure protection "prevents users from adding, deleting, moving, or renaming
 * worksheets" (Microsoft, "Manage Excel workbooks with the Excel JavaScript API"): «Normalizza» and
 * «Inserisci modello», which add sheets, say so before trying (Workbook.protection, ExcelApi 1.7),
 * and turn Excel's refusal into the same sentence on an older Excel.
 */
import { AddinError } from './addin-error';
import { Capabilities } from './capabilities';
import { XlRequestContext } from './excel-api';
import { errorCode } from './errors';

export const STRUCTURE_PROTECTED =
  'La struttura della cartella di lavoro è protetta: non si possono aggiungere né sostituire fogli. Togli la protezione (scheda Revisione, «Proteggi cartella di lavoro») e riprova.';

/** Throws the Italian sentence when the workbook structure is protected (one sync; none before ExcelApi 1.7). */
export async function assertSheetsCanBeAdded(context: XlRequestContext, caps: Capabilities): Promise<void> {
  if (!caps.workbookProtection) return;
  context.workbook.protection.load('protected');
  await context.sync();
  if (context.workbook.protection.protected) throw new AddinError(STRUCTURE_PROTECTED);
}

/** Runs a step that adds or deletes sheets: Excel's AccessDenied (the structure is protected) becomes the sentence. */
export async function changingSheets<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (errorCode(err) === 'AccessDenied') throw new AddinError(STRUCTURE_PROTECTED);
    throw err;
  }
}
