/**
 * Comune di Valle Serena (invented): the HR office's staff workbook for the PIAO, one sheet per
 * year (the sheet name is the year, the captions give the date). Categories as rows with the new
 * CCNL areas (2024) or the old categories (2023), genders as columns with "% donne" as a percentage
 * cell; part-time by regime; smart working with its share of the staff; hires and terminations
 * with years as rows under a two-row header. Every figure adds up: no error, no warning.
 */
import ExcelJS from 'exceljs';
import { newWorkbook, styleHeader } from '../workbook';

type Cell = string | number | null;

interface Year {
  year: number;
  categories: [string, number, number][];
  regimes: [string, number, number][];
  smart: [string, number, number][];
  turnover?: [number, number, number, number, number][];
}

const YEARS: Year[] = [
  {
    year: 2023,
    categories: [
      ['Segretario comunale', 1, 0],
      ['Cat. D', 5, 4],
      ['Cat. C', 12, 8],
      ['Cat. B', 3, 6],
      ['Cat. A', 1, 2],
    ],
    regimes: [
      ['Tempo pieno', 18, 19],
      ['Part-time orizzontale fino al 50%', 1, 0],
      ['Part-time orizzontale oltre il 50%', 2, 1],
      ['Part-time verticale oltre il 50%', 1, 0],
    ],
    smart: [
      ['Lavoro agile ordinario', 9, 4],
      ['Lavoro agile al 100% (lavoratori fragili)', 1, 0],
    ],
  },
  {
    year: 2024,
    categories: [
      ['Segretario comunale', 1, 0],
      ["Area dei Funzionari e dell'Elevata Qualificazione", 6, 4],
      ['Area degli Istruttori', 12, 7],
      ['Area degli Operatori esperti', 3, 6],
      ['Area degli Operatori', 1, 2],
    ],
    regimes: [
      ['Tempo pieno', 19, 18],
      ['Part-time orizzontale fino al 50%', 1, 0],
      ['Part-time orizzontale oltre il 50%', 2, 1],
      ['Part-time verticale oltre il 50%', 1, 0],
    ],
    smart: [
      ['Lavoro agile ordinario', 10, 5],
      ['Lavoro agile al 100% (lavoratori fragili)', 1, 0],
    ],
    turnover: [
      [2022, 2, 1, 1, 2],
      [2023, 1, 2, 2, 1],
      [2024, 3, 1, 2, 2],
    ],
  },
];

function percent(cell: ExcelJS.Cell): void {
  cell.numFmt = '0.0%';
}

export function cleanStaffWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  for (const y of YEARS) {
    const ws = wb.addWorksheet(String(y.year));
    ws.columns = [{ width: 48 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
    const add = (cells: Cell[]) => ws.addRow(cells);
    ws.addRow([`Comune di Valle Serena - Personale in servizio al 31/12/${y.year}`]).font = { bold: true, size: 13 };
    add([]);

    styleHeader(add(['Categoria', 'Donne', 'Uomini', 'Totale', '% donne']));
    for (const [label, f, m] of y.categories) {
      const row = add([label, f, m, f + m, f / (f + m)]);
      percent(row.getCell(5));
    }
    const f = y.categories.reduce((n, c) => n + c[1], 0);
    const m = y.categories.reduce((n, c) => n + c[2], 0);
    percent(add(['Totale', f, m, f + m, f / (f + m)]).getCell(5));
    add([]);

    add(['Personale per regime orario']).font = { bold: true };
    styleHeader(add(['Regime orario', 'Donne', 'Uomini', 'Totale']));
    for (const [label, rf, rm] of y.regimes) add([label, rf, rm, rf + rm]);
    add(['Totale', y.regimes.reduce((n, r) => n + r[1], 0), y.regimes.reduce((n, r) => n + r[2], 0), y.regimes.reduce((n, r) => n + r[1] + r[2], 0)]);
    add([]);

    add(['Lavoro agile']).font = { bold: true };
    styleHeader(add(['Modalità', 'Donne', 'Uomini', 'Totale']));
    for (const [label, sf, sm] of y.smart) add([label, sf, sm, sf + sm]);
    const sf = y.smart.reduce((n, s) => n + s[1], 0);
    const sm = y.smart.reduce((n, s) => n + s[2], 0);
    add(['Totale in lavoro agile', sf, sm, sf + sm]);
    const share = add(['% sul personale in servizio', sf / f, sm / m, (sf + sm) / (f + m)]);
    for (const c of [2, 3, 4]) percent(share.getCell(c));

    if (y.turnover) {
      add([]);
      add([`Assunzioni e cessazioni ${y.turnover[0][0]}-${y.year}`]).font = { bold: true };
      const h1 = add(['Anno', 'Assunzioni', null, 'Cessazioni', null]);
      const h2 = add([null, 'Donne', 'Uomini', 'Donne', 'Uomini']);
      ws.mergeCells(h1.number, 1, h2.number, 1);
      ws.mergeCells(h1.number, 2, h1.number, 3);
      ws.mergeCells(h1.number, 4, h1.number, 5);
      styleHeader(h1);
      styleHeader(h2);
      for (const t of y.turnover) add(t);
    }
  }
  return wb;
}
