import ExcelJS from 'exceljs';

/**
 * A workbook with what trips a reader: a table that starts at C5, dates and times with date
 * formats, percentages, formats on text, booleans, error values, formulas with cached results,
 * rich text, hyperlinks, merges (one empty, outside the values), a sheet name with a quote and a
 * comma, hidden and very hidden sheets, an empty sheet. It also holds an objectives table with
 * errors, so findings come out of it.
 */
export function trickyWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const objectives = wb.addWorksheet("L'ufficio, 2023");
  objectives.getCell('C3').value = 'PEG 2023 - Obiettivi esecutivi al 31/12/2023';
  objectives.mergeCells('C3:F3');
  const header = ['Codice', 'Obiettivo esecutivo', 'Responsabile', 'Peso %'];
  header.forEach((h, i) => (objectives.getCell(5, 3 + i).value = h));
  const rows: [string, string, string, number | string][] = [
    ['01.01.01.01', 'Ridurre i tempi di pagamento', 'Ragioneria', 40],
    ['1.01.01.02', 'Digitalizzare i mandati', 'Ragioneria', 40],
    ['01.01.01.03', 'Aggiornare il regolamento', 'Ragioneria', 'n.d.'],
    ['01.02.01.01', '', 'Segreteria', 100],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => (objectives.getCell(6 + i, 3 + j).value = v)));
  objectives.getCell('H6').value = { formula: 'F6/100', result: 0.4 };
  objectives.getCell('H6').numFmt = '0%';
  objectives.getCell('I1').value = 'vuota unita';
  objectives.mergeCells('K20:M22'); // empty merged area, outside the values

  const misc = wb.addWorksheet('Dati vari');
  misc.getCell('B2').value = new Date(Date.UTC(2023, 11, 31));
  misc.getCell('B2').numFmt = 'dd/mm/yyyy';
  misc.getCell('B3').value = new Date(Date.UTC(2024, 0, 15, 13, 30));
  misc.getCell('B3').numFmt = 'dd/mm/yyyy hh:mm';
  misc.getCell('B4').value = 0.623;
  misc.getCell('B4').numFmt = '0.0%';
  misc.getCell('B5').value = 1234.5;
  misc.getCell('B5').numFmt = '#,##0.00 "€"';
  misc.getCell('B6').value = '00123';
  misc.getCell('B6').numFmt = '@';
  misc.getCell('B7').value = true;
  misc.getCell('B8').value = { error: '#REF!' };
  misc.getCell('B9').value = { error: '#DIV/0!' };
  misc.getCell('B10').value = { formula: 'TODAY()', result: new Date(Date.UTC(2024, 2, 1)) };
  misc.getCell('B10').numFmt = 'd mmmm yyyy';
  misc.getCell('B11').value = { formula: 'CONCAT("a";"b")', result: 'ab' };
  misc.getCell('B12').value = { richText: [{ text: 'Totale ' }, { font: { bold: true }, text: 'complessivo' }] };
  misc.getCell('B13').value = { text: 'sito', hyperlink: 'https://example.org' };
  misc.getCell('B14').value = 45291;
  misc.getCell('B14').numFmt = '[$-410]d mmm yy;@';
  misc.getCell('B15').value = 12;
  misc.getCell('B15').numFmt = '0 "mesi"';
  misc.getCell('D2').value = 'Personale al 31.12.2023';
  misc.mergeCells('D2:F3');

  const hidden = wb.addWorksheet('Nascosto', { state: 'hidden' });
  hidden.getCell('A1').value = 'Codice';
  hidden.getCell('A2').value = '03.1';
  const veryHidden = wb.addWorksheet('Molto nascosto', { state: 'veryHidden' });
  veryHidden.getCell('A1').value = 42;
  wb.addWorksheet('Vuoto');
  return wb;
}
