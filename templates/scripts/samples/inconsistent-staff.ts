/**
 * Comune di Roccanera (invented): a staff workbook as it often arrives, with one inconsistency of
 * every kind the importer checks, each at a known cell:
 * - sum-mismatch: the row total of "Cat. C" (21, parts 20), the women's total (34, parts 33), the
 *   grand total of terminations;
 * - duplicate-row: "Cat. B" listed twice with the same figures;
 * - percentage-mismatch: "% donne" of "Cat. A" (50% where 1 of 3 is 33,3%), the share of smart
 *   workers beside the staff column;
 * - value-out-of-range: "% donne" 120%, a negative count of terminations, more smart workers than
 *   staff in one row;
 * - cross-table-mismatch: the women of the part-time table (35) against the headcount (33), more men
 *   in smart working (32) than in service (30), more women in part-time than in service;
 * - missing-value: a count written "n.d."; value-unparseable: a count written "dodici";
 * - an unplaceable category ("Collaboratore art. 90"): counted as altro, with a note.
 */
import ExcelJS from 'exceljs';
import { newWorkbook, styleHeader } from '../workbook';

type Cell = string | number | null;

export function inconsistentStaffWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Personale 2024');
  ws.columns = [{ width: 40 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
  const add = (cells: Cell[]) => ws.addRow(cells);
  ws.addRow(['Comune di Roccanera - Personale in servizio al 31/12/2024']).font = { bold: true, size: 13 };
  add([]);
  styleHeader(add(['Categoria', 'Donne', 'Uomini', 'Totale', '% donne']));
  add(['Segretario generale', 1, 0, 1, '100,0%']);
  add(['Cat. D', 8, 6, 14, '57,1%']);
  add(['Cat. C', 12, 8, 21, '60,0%']);
  add(['Cat. B', 5, 7, 12, '41,7%']);
  add(['Cat. B', 5, 7, 12, '41,7%']);
  add(['Cat. A', 1, 2, 3, '50,0%']);
  add(['Collaboratore art. 90', 1, 0, 1, '120,0%']);
  add(['Totale', 34, 30, 63, '53,1%']);
  add([]);
  add(['Personale per regime orario']).font = { bold: true };
  styleHeader(add(['Regime orario', 'Donne', 'Uomini', 'Totale']));
  add(['Tempo pieno', 28, 27, 55]);
  add(['Part-time orizzontale fino al 50%', 3, 1, 4]);
  add(['Part-time verticale oltre il 50%', 4, 2, 6]);
  add(['Totale', 35, 30, 65]);
  add([]);
  add(['Lavoro agile']).font = { bold: true };
  styleHeader(add(['Modalità', 'Donne', 'Uomini', 'Totale']));
  add(['Lavoro agile ordinario', 20, 31, 51]);
  add(['Lavoro agile 100% (fragili)', 1, 1, 2]);
  add(['Totale', 21, 32, 53]);
  add([]);
  add(['Assunzioni e cessazioni 2022-2024']).font = { bold: true };
  styleHeader(add(['Cessati', 2022, 2023, 2024, 'Totale']));
  add(['Uomo', 2, -2, 1, 1]);
  add(['Donna', 1, 3, 2, 6]);
  add(['Totale per anno', 3, 1, 3, 9]);
  styleHeader(add(['Assunti', 2022, 2023, 2024, 'Totale']));
  add(['Uomo', 1, 'n.d.', 2, null]);
  add(['Donna', 2, 'dodici', 3, null]);

  const pt = wb.addWorksheet('Part-time 2024');
  pt.columns = [{ width: 30 }, { width: 22 }, { width: 22 }, { width: 10 }];
  pt.addRow(['Dipendenti in part-time al 31/12/2024']).font = { bold: true };
  styleHeader(pt.addRow([null, 'Part-time fino al 50%', 'Part-time oltre il 50%', 'Totale']));
  pt.addRow(['Donne', 20, 20, 40]);
  pt.addRow(['Uomini', 1, 2, 3]);
  pt.addRow(['Totale', 21, 22, 43]);
  pt.addRow([]);
  pt.addRow(['Lavoro agile sul personale']).font = { bold: true };
  styleHeader(pt.addRow([null, 'In lavoro agile', 'Personale in servizio', '% in lavoro agile']));
  pt.addRow(['Donne', 21, 33, '50%']);
  pt.addRow(['Uomini', 32, 30, '100%']);
  return wb;
}
