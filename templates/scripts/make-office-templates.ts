/**
 * Writes the yearly templates of templates/modelli/ (npm run modelli): one sheet each, the layout
 * the importer reads with no mapping step (objectives by level and code, staff by CCNL area and
 * gender, part-time by regime, smart working by mode, hires and terminations by year). Code cells
 * are formatted as text, so "01.02" stays a code; totals are formulas. «Inserisci modello» inserts
 * these sheets into the open workbook.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { CATEGORY_IT, LEVEL_IT, LEVELS } from '../../importer/write/labels';
import { OFFICE_TEMPLATES, OfficeTemplate } from '../../addin/templates/catalog';
import { newWorkbook, saveWorkbook, styleHeader } from './workbook';

export const MODELS_DIR = join(__dirname, '..', 'modelli');

const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 13 };
const NOTE_FONT: Partial<ExcelJS.Font> = { italic: true, size: 9, color: { argb: 'FF595959' } };
const COUNT = '#,##0';
/** Rows left for objectives and years. */
const OBJECTIVE_ROWS = 200;
const YEAR_ROWS = 5;

function sheetFor(wb: ExcelJS.Workbook, t: OfficeTemplate, title: string, note: string, widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = widths.map((width) => ({ width }));
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = TITLE_FONT;
  ws.getCell('A2').value = note;
  ws.getCell('A2').font = NOTE_FONT;
  return ws;
}

function list(cell: ExcelJS.Cell, values: readonly string[]): void {
  cell.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`], showErrorMessage: true, errorStyle: 'warning', errorTitle: 'Valore non previsto', error: `Valori previsti: ${values.join(', ')}.` };
}

function whole(cell: ExcelJS.Cell): void {
  cell.numFmt = COUNT;
  cell.dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: 'Numero di persone', error: 'Scrivi un numero intero di persone (0 o più).' };
}

function objectives(t: OfficeTemplate): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = sheetFor(wb, t, 'Obiettivi del PIAO AAAA-AAAA: albero della performance', 'Una riga per obiettivo. Il codice ha due cifre per livello (01.02.03); il codice padre è quello del livello superiore. Missione e programma secondo il D.Lgs 118/2011.', [24, 13, 13, 60, 30, 36, 24, 9, 10, 11]);
  const header = ['Livello', 'Codice', 'Codice padre', 'Titolo', 'Struttura responsabile', 'Indicatore', 'Target', 'Peso %', 'Missione', 'Programma'];
  styleHeader(ws.getRow(3));
  header.forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  styleHeader(ws.getRow(3));
  for (let r = 4; r < 4 + OBJECTIVE_ROWS; r++) {
    list(ws.getCell(r, 1), LEVELS.map((l) => LEVEL_IT[l]));
    for (const c of [2, 3, 9, 10]) ws.getCell(r, c).numFmt = '@';
    ws.getCell(r, 4).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(r, 8).numFmt = '0';
  }
  return wb;
}

/** A cross table: labels down column A, Donne and Uomini, a Totale column and a Totale row (formulas). */
function crossTable(ws: ExcelJS.Worksheet, first: string, labels: readonly string[], totalLabel: string): void {
  const header = ws.getRow(3);
  [first, 'Donne', 'Uomini', 'Totale'].forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeader(header);
  labels.forEach((label, i) => {
    const r = 4 + i;
    ws.getCell(r, 1).value = label;
    whole(ws.getCell(r, 2));
    whole(ws.getCell(r, 3));
    ws.getCell(r, 4).value = { formula: `B${r}+C${r}`, result: 0 };
    ws.getCell(r, 4).numFmt = COUNT;
  });
  const last = 3 + labels.length;
  const total = ws.getRow(last + 1);
  total.getCell(1).value = totalLabel;
  for (const [c, col] of [[2, 'B'], [3, 'C'], [4, 'D']] as const) {
    total.getCell(c).value = { formula: `SUM(${col}4:${col}${last})`, result: 0 };
    total.getCell(c).numFmt = COUNT;
  }
  total.font = { bold: true };
}

function headcount(t: OfficeTemplate): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = sheetFor(wb, t, 'Personale in servizio al 31/12/AAAA', 'Persone in servizio per area del CCNL Funzioni Locali 2019-2021 e genere, comprese quelle a tempo determinato.', [44, 12, 12, 12]);
  const areas = [CATEGORY_IT.dirigente, CATEGORY_IT.segretario, "Area dei Funzionari e dell'Elevata Qualificazione", 'Area degli Istruttori', 'Area degli Operatori esperti', 'Area degli Operatori'];
  crossTable(ws, 'Categoria', areas, 'Totale');
  return wb;
}

function workTime(t: OfficeTemplate): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = sheetFor(wb, t, 'Personale per regime orario al 31/12/AAAA', 'Persone a tempo pieno e in part-time per genere; il totale è il personale in servizio.', [44, 12, 12, 12]);
  crossTable(ws, 'Regime orario', ['Tempo pieno', 'Part-time verticale fino al 50%', 'Part-time verticale oltre il 50%', 'Part-time orizzontale fino al 50%', 'Part-time orizzontale oltre il 50%'], 'Totale');
  return wb;
}

function smartWorking(t: OfficeTemplate): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = sheetFor(wb, t, 'Lavoro agile al 31/12/AAAA', 'Persone con un accordo di lavoro agile, per modalità e genere.', [44, 12, 12, 12]);
  crossTable(ws, 'Modalità', ['Lavoro agile parziale', 'Lavoro agile al 100% (lavoratori fragili)'], 'Totale in lavoro agile');
  return wb;
}

function turnover(t: OfficeTemplate): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = sheetFor(wb, t, 'Assunzioni e cessazioni AAAA', 'Una riga per anno: persone assunte e cessate nell’anno, comprese quelle a tempo determinato.', [12, 12, 12, 12, 12]);
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  const h1 = ws.getRow(3);
  const h2 = ws.getRow(4);
  ['Anno', 'Assunzioni', null, 'Cessazioni', null].forEach((v, i) => (h1.getCell(i + 1).value = v));
  [null, 'Donne', 'Uomini', 'Donne', 'Uomini'].forEach((v, i) => (h2.getCell(i + 1).value = v));
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:C3');
  ws.mergeCells('D3:E3');
  styleHeader(h1);
  styleHeader(h2);
  for (let r = 5; r < 5 + YEAR_ROWS; r++) {
    ws.getCell(r, 1).numFmt = '0';
    for (let c = 2; c <= 5; c++) whole(ws.getCell(r, c));
  }
  return wb;
}

const MAKERS: Record<OfficeTemplate['key'], (t: OfficeTemplate) => ExcelJS.Workbook> = {
  objectives,
  headcount,
  'work-time': workTime,
  'smart-working': smartWorking,
  turnover,
};

export function officeTemplateWorkbook(t: OfficeTemplate): ExcelJS.Workbook {
  return MAKERS[t.key](t);
}

async function main(): Promise<void> {
  for (const t of OFFICE_TEMPLATES) {
    await saveWorkbook(officeTemplateWorkbook(t), join(MODELS_DIR, t.file));
    console.log(`scritto templates/modelli/${t.file}`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
