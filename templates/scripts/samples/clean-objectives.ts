/**
 * Comune di Valle Serena (invented): a clean objectives workbook in the code-only layout (the
 * parent of each row is the nearest row above with a shorter code). No error and no warning.
 */
import ExcelJS from 'exceljs';
import { newWorkbook, styleHeader } from '../workbook';

export function cleanObjectivesWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Obiettivi 2024');
  ws.columns = [{ width: 13 }, { width: 60 }, { width: 28 }, { width: 34 }, { width: 12 }, { width: 8 }];
  ws.addRow(['Comune di Valle Serena - Albero della performance 2024-2026']).font = { bold: true, size: 13 };
  ws.addRow([]);
  styleHeader(ws.addRow(['Codice', 'Obiettivo', 'Responsabile', 'Indicatore', 'Target 2024', 'Peso %']));
  const rows: (string | number | null)[][] = [
    ['01', 'Un Comune vicino ai cittadini', null, null, null, null],
    ['01.01', 'Servizi demografici accessibili', null, null, null, null],
    ['01.01.01', 'Ridurre i tempi di attesa allo sportello', null, null, null, null],
    ['01.01.01.01', 'Prenotazione on line degli appuntamenti', 'Servizi demografici', 'Appuntamenti prenotati on line', '70%', 60],
    ['01.01.01.02', 'Apertura pomeridiana dello sportello', 'Servizi demografici', 'Ore di apertura settimanali', '30', 40],
    ['01.02', 'Trasparenza e partecipazione', null, null, null, null],
    ['01.02.01', 'Bilancio partecipativo', null, null, null, null],
    ['01.02.01.01', 'Assemblee pubbliche di quartiere', 'Segreteria generale', 'Assemblee svolte', '6', 50],
    ['01.02.01.02', 'Aggiornare la sezione Amministrazione trasparente', 'Segreteria generale', 'Obblighi pubblicati nei termini', '100%', 50],
    ['02', 'Territorio e ambiente', null, null, null, null],
    ['02.01', 'Manutenzione del territorio', null, null, null, null],
    ['02.01.01', 'Strade e illuminazione sicure', null, null, null, null],
    ['02.01.01.01', 'Piano asfaltature 2024', 'Lavori pubblici', 'Km di strade asfaltate', '5', 55],
    ['02.01.01.02', 'Illuminazione pubblica a LED', 'Lavori pubblici', 'Punti luce sostituiti', '400', 45],
  ];
  for (const r of rows) ws.addRow(r);
  return wb;
}
