/**
 * Comune di Colle Alto (invented): table 1.1 of the CUG annual report ("Ripartizione del personale
 * per genere ed età nei livelli di inquadramento", format of the portale CUG, Direttiva 2/2019):
 * "Uomini" and "Donne" merged over the age bands, "Tipologia di personale" written once and left
 * blank below, "Totale personale" and "Totale % sul personale complessivo" (percentage points with
 * two decimals). As in the published tables, it mixes old and new category names, leaves some cells
 * empty, lists the Segretario generale twice (counted twice in the totals too) and has a row of
 * fixed-term staff no category fits.
 */
import ExcelJS from 'exceljs';
import { newWorkbook, styleHeader } from '../workbook';

type Body = [string | null, string, number[], number[]];

const BODY: Body[] = [
  ['Dirigente di livello generale', 'Segretario generale', [0, 0, 0, 0, 0], [0, 0, 0, 1, 0]],
  ['Dirigente di livello non generale', 'Dirigente a tempo indeterminato', [0, 0, 1, 1, 0], [0, 0, 1, 0, 0]],
  [null, 'Dirigente a T.D. art. 110', [0, 0, 0, 1, 0], [0, 0, 0, 0, 0]],
  ['Personale non dirigente', 'Categoria D', [0, 2, 3, 4, 1], [1, 4, 6, 5, 2]],
  [null, 'Area degli Istruttori', [1, 3, 5, 6, 2], [2, 5, 8, 9, 3]],
  [null, 'CATEGORIA B-BS', [0, 1, 2, 4, 3], [0, 1, 2, 3, 1]],
  [null, 'Cat. A', [0, 0, 1, 1, 1], [0, 0, 0, 1, 0]],
  [null, 'Dipendenti tempo determinato', [1, 1, 0, 0, 0], [2, 1, 0, 0, 0]],
  ['Dirigente di livello generale', 'Segretario generale', [0, 0, 0, 0, 0], [0, 0, 0, 1, 0]],
];

export function cugWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sezione 1 - Personale');
  ws.columns = [{ width: 34 }, { width: 34 }, ...Array.from({ length: 10 }, () => ({ width: 9 }))];
  ws.addRow(['Relazione del CUG - anno 2023']).font = { bold: true, size: 13 };
  ws.addRow(['1.1 Ripartizione del personale per genere ed età nei livelli di inquadramento']).font = { bold: true };
  const h1 = ws.addRow([null, null, 'Uomini', null, null, null, null, 'Donne']);
  ws.mergeCells(h1.number, 3, h1.number, 7);
  ws.mergeCells(h1.number, 8, h1.number, 12);
  const bands = ['< 30', 'da 31 a 40', 'da 41 a 50', 'da 51 a 60', '> 60'];
  const h2 = ws.addRow(['Tipologia di personale', 'Inquadramento', ...bands, ...bands]);
  styleHeader(h1);
  styleHeader(h2);
  for (const [tip, inq, men, women] of BODY) {
    // the published tables leave zero cells out now and then
    const cells = [...men, ...women].map((n, i) => (n === 0 && i % 3 === 1 ? null : n));
    ws.addRow([tip, inq, ...cells]);
  }
  const totals = Array.from({ length: 10 }, (_, i) => BODY.reduce((n, b) => n + [...b[2], ...b[3]][i], 0));
  const all = totals.reduce((a, b) => a + b, 0);
  ws.addRow(['Totale personale', null, ...totals]).font = { bold: true };
  const pct = ws.addRow(['Totale % sul personale complessivo', null, ...totals.map((t) => Math.round((t / all) * 10000) / 100)]);
  for (let c = 3; c <= 12; c++) pct.getCell(c).numFmt = '0.00';
  return wb;
}
