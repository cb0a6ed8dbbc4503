/**
 * The staff tables of the Provincia di Prato PIAO 2024-2026 (section 2.2, "Pari opportunità",
 * MONITORAGGIO DATI), as published and pasted into one sheet: organico by category and gender with
 * "28 di cui 1 a T.D", the part-time table under the caption "Di cui:" with "1 (TD)" and
 * "2 (di cui 1 TD)", the hires and terminations by year with "5 (+ 5 TD)" as two stacked tables whose
 * second one lost the header of its "Totale complessivo" column, the smart-working table, and the
 * share of staff in smart working the text gives (43 of 69, "62%"). Figures as in the plan.
 */
import ExcelJS from 'exceljs';
import { newWorkbook, styleHeader } from '../workbook';

type Cell = string | number | null;

export function pratoStaffWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Monitoraggio dati PAP');
  ws.columns = [{ width: 18 }, { width: 16 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 10 }];
  const add = (cells: Cell[]) => ws.addRow(cells);
  const caption = (text: string) => {
    const row = add([text]);
    row.font = { bold: true };
    return row;
  };

  ws.addRow(['MONITORAGGIO DATI']).font = { bold: true, size: 13 };
  add([]);
  caption('➤ Organico complessivo al 31.12.2023');
  add([]);
  styleHeader(add([null, 'Dirigente', 'Cat. D', 'Cat. C', 'Cat. B', 'Cat. A', 'Tot.']));
  add(['Uomo', null, 10, 9, 2, 2, 23]);
  add(['Donna', 1, '28 di cui 1 a T.D', 11, 6, null, 46]);
  add(['Tot.', 1, 38, 20, 8, 2, 69]);
  add([]);
  caption('Di cui:');
  add([]);
  styleHeader(add([null, 'FULL TIME', 'PT verticale 50%', 'PT verticale >50%', 'PT orizzontale 50%', 'PT orizzontale >50%', 'Tot.']));
  add(['Uomo', 21, 1, null, null, 1, 23]);
  add(['Donna', 40, '1 (TD)', 4, null, 1, 46]);
  add(['Tot.', 61, '2 (di cui 1 TD)', 4, null, 2, 69]);
  add([]);
  add([
    "Si dà atto pertanto che, internamente, non occorre favorire il riequilibrio della presenza femminile, ai sensi dell'art. 48, comma 1, del D.lgs. 198/2006.",
  ]);
  add(['Si denota comunque un maggior ricorso al part time da parte della componente femminile.']);
  add([]);
  caption('➤ Assunzioni e cessazioni nel periodo 01.01.2023-31.12.2023');
  add([]);
  styleHeader(add(['Cessati', 2021, 2022, 2023, 'Totale complessivo']));
  add(['Uomo', 3, '5 (+ 5 TD)', 3, '11 (+ 5 TD)']);
  add(['Donna', '5 (+ 3 TD)', '6 (+ 3 TD)', '4 (+ 2 TD)', '15 (+ 8 TD)']);
  add(['Totale per anno', '8 (+3 TD)', '11 (+ 8 TD)', '7 (+2 TD)', '26 (+ 13 TD)']);
  styleHeader(add(['Assunti', 2021, 2022, 2023, null]));
  add(['Uomo', '2 (+ 2 TD)', '6 (+ 3 TD)', 5, '13 (+ 5 TD)']);
  add(['Donna', '3 (+ 4 TD)', '10 (+ 2 TD)', '8 (+ 2 TD)', '21 (+ 8 TD)']);
  add(['Totale per anno', '5 (+ 6 TD)', '16 (+ 5 TD)', '13 (+ 2 TD)', '34 (+ 13 TD)']);
  add([]);
  add(['Anche per quanto concerne le cessazioni intervenute e le nuove assunzioni si dà atto del rispetto della parità di genere.']);
  add([]);
  caption('➤ Smart working');
  add([]);
  styleHeader(add([null, 'SMART WORKING PARZIALE', 'SMART 100% (fragili)', 'Tot.']));
  add(['Uomo', 7, 1, 8]);
  add(['Donna', 32, 3, 35]);
  add(['Tot.', 39, 4, 43]);
  add([]);
  caption('In Provincia il lavoro agile è utilizzato dal 62% del personale, sia maschile che femminile');
  styleHeader(add([null, 'In lavoro agile', 'Personale in servizio', '% in lavoro agile']));
  add(['Uomo', 8, 23, '35%']);
  add(['Donna', 35, 46, '76%']);
  add(['Tot.', 43, 69, '62%']);
  return wb;
}
