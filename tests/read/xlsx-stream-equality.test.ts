/**
 * The streaming reader (used by `piao import`) must give the engine exactly the grids that the
 * full exceljs load (used for annotated copies) gives: same values, display texts, number formats,
 * merges and sheet order, on the sample workbooks and on generated ones that hold every kind of
 * cell exceljs writes.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx } from '../../importer/read/xlsx';
import { readXlsxStream } from '../../importer/read/xlsx-stream';
import { writeRegisterXlsx } from '../../bench/generate/register';
import { SAMPLE_WORKBOOKS } from '../../templates/scripts/make-samples';
import { dumpGrid } from '../helpers/grid';
import { tempDir } from '../helpers/xlsx';
import { cellXml, rawXlsx, sheetData } from '../helpers/raw-xlsx';

async function bothReaders(bytes: Uint8Array, file = 'book.xlsx') {
  const streamed = await readXlsxStream(bytes, file);
  const full = await readXlsx(bytes, file);
  return { streamed: streamed.grids.map(dumpGrid), full: full.map(dumpGrid), problems: streamed.problems };
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** One workbook with every kind of cell exceljs writes. */
function kitchenSink(date1904 = false): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('Tutto');
  ws.addRow(['Testo', 'Numero', 'Data', 'Percentuale', 'Formula', 'Booleano']);
  ws.addRow(['Maria Rossi', 1234.5, new Date(Date.UTC(2024, 11, 31)), 0.623, { formula: 'B2*2', result: 2469 }, true]);
  ws.addRow(['  spazi  ', -3, new Date(Date.UTC(1987, 4, 12, 8, 30)), 1, { formula: 'A2&"!"', result: 'Maria Rossi!' }, false]);
  ws.addRow(['àèìòù €', 0, null, null, { formula: '1/0', result: { error: '#DIV/0!' } }, { error: '#N/A' }]);
  ws.addRow([{ richText: [{ text: 'grassetto ', font: { bold: true } }, { text: 'e corsivo', font: { italic: true } }] }, { formula: 'B2>0', result: true }, { formula: 'C2+1', result: new Date(Date.UTC(2025, 0, 1)) }]);
  ws.addRow([{ text: 'un collegamento', hyperlink: 'https://example.org' }, { text: 42 as unknown as string, hyperlink: 'https://example.org/42' }, { formula: 'B2', result: undefined as unknown as number }]);
  ws.addRow(['riga _x000D_ con escape', '="formula come testo"', '=HYPERLINK("http://x")', '+cmd|\' /C calc\'!A0', '@SOMMA(A1)', '-2+3']);
  ws.getCell('B2').numFmt = '#,##0.00';
  ws.getCell('C2').numFmt = 'dd/mm/yyyy';
  ws.getCell('C3').numFmt = 'dd/mm/yyyy hh:mm';
  ws.getCell('D2').numFmt = '0.0%';
  ws.getCell('D3').numFmt = '0%';
  ws.getCell('C5').numFmt = 'd mmmm yyyy';
  ws.getCell('A9').numFmt = '0.00'; // formatted and empty: nothing to read
  ws.getCell('B9').style = { font: { bold: true } };
  ws.mergeCells('A11:C11');
  ws.getCell('A11').value = 'Titolo unito';
  ws.mergeCells('E11:E14');
  ws.getCell('E11').value = 'Settore unito in verticale';
  ws.mergeCells('G2:H3');
  ws.getCell('G2').value = 12;
  ws.getCell('F11').value = { sharedFormula: 'E2', result: 7 } as unknown as ExcelJS.CellValue;
  ws.getCell('E2').value = { formula: 'B2*2', result: 2469, shareType: 'shared', ref: 'E2:E2' } as unknown as ExcelJS.CellValue;
  const hidden = wb.addWorksheet('Nascosto', { state: 'hidden' });
  hidden.addRow(['Totale', 69]);
  const second = wb.addWorksheet('Secondo');
  second.getCell('XFD3').value = 'ultima colonna';
  second.getCell('A40').value = 'lontano';
  return wb;
}

describe('streaming xlsx reader = exceljs full load', () => {
  it.each(SAMPLE_WORKBOOKS.map(([file, make]) => [file, make] as const))('sample %s', async (file, make) => {
    const { streamed, full, problems } = await bothReaders(await bytesOf(make()), file);
    expect(streamed).toEqual(full);
    expect(problems).toEqual([]);
    expect(streamed.some((g) => g.cells.length > 0)).toBe(true);
  });

  it.each([false, true])('every kind of cell exceljs writes (1904 dates: %s)', async (date1904) => {
    const { streamed, full, problems } = await bothReaders(await bytesOf(kitchenSink(date1904)));
    expect(streamed).toEqual(full);
    expect(problems).toEqual([]);
    const tutto = streamed[0];
    // the fixture really holds what it claims: dates, merges, rich text, errors, formulas as text
    expect(tutto.cells).toContain('C2=date:2024-12-31T00:00:00.000Z | 31/12/2024 | dd/mm/yyyy');
    expect(tutto.cells).toContain('A5="grassetto e corsivo" | grassetto e corsivo | ');
    expect(tutto.cells).toContain('E4={"error":"#DIV/0!"} | #DIV/0! | ');
    expect(tutto.cells).toContain('C7="=HYPERLINK(\\"http://x\\")" | =HYPERLINK("http://x") | ');
    expect(tutto.merges).toEqual(['1,6:2,7', '10,0:10,2', '10,4:13,4']);
    expect(streamed.map((g) => g.sheet)).toEqual(['Tutto', 'Nascosto', 'Secondo']);
    expect(streamed[2].cols).toBe(16384);
  });

  it('a per-person register written by exceljs streaming writer (2,000 rows x 20 columns)', async () => {
    const path = join(tempDir(), 'registro.xlsx');
    await writeRegisterXlsx(path, 2000);
    const { streamed, full } = await bothReaders(readFileSync(path), 'registro.xlsx');
    expect(streamed).toEqual(full);
    expect(streamed[0].rows).toBe(2001);
    expect(streamed[0].cols).toBe(20);
  });

  it('sheets in tab order, not in creation order', async () => {
    const body = (t: string) => sheetData([[t]]);
    const bytes = rawXlsx({
      sheets: [
        { name: 'Terzo', body: body('c'), sheetId: 3 },
        { name: 'Primo', body: body('a'), sheetId: 1 },
        { name: 'Secondo', body: body('b'), sheetId: 2 },
      ],
    });
    const { streamed, full } = await bothReaders(bytes);
    expect(streamed).toEqual(full);
    expect(streamed.map((g) => g.sheet)).toEqual(['Terzo', 'Primo', 'Secondo']);
  });

  it('parts exceljs never writes: inline and rich inline strings, a value left under a merge', async () => {
    const body =
      '<sheetData>' +
      `<row r="1">${cellXml('A1', 'Codice')}${cellXml('B1', 'Obiettivo')}<c r="C1" t="inlineStr"><is><r><t>Peso</t></r><r><rPr><b/></rPr><t> %</t></r></is></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>01.01</t></is></c><c r="B2" t="inlineStr"><is><t>Servizi &amp; trasparenza</t></is></c><c r="C2"><v>40</v></c></row>` +
      `<row r="3">${cellXml('A3', 'Unito')}${cellXml('B3', 'coperto')}</row>` +
      '</sheetData><mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>';
    const bytes = rawXlsx({ sheets: [{ name: 'Grezzo', body }] });
    const { streamed, full } = await bothReaders(bytes);
    expect(streamed).toEqual(full);
    expect(streamed[0].cells).toEqual(['A1="Codice" | Codice | ', 'B1="Obiettivo" | Obiettivo | ', 'C1="Peso %" | Peso % | ', 'A2="01.01" | 01.01 | ', 'B2="Servizi & trasparenza" | Servizi & trasparenza | ', 'C2=40 | 40 | ', 'A3="Unito" | Unito | ']);
  });

  it('cells and rows without a reference (allowed by the format) follow the previous one; exceljs cannot read them', async () => {
    const body = '<sheetData><row><c t="inlineStr"><is><t>Codice</t></is></c><c t="inlineStr"><is><t>Peso</t></is></c></row><row><c><v>1</v></c><c r="C2"><v>2</v></c><c><v>3</v></c></row></sheetData>';
    const bytes = rawXlsx({ sheets: [{ name: 'Senza riferimenti', body }] });
    const streamed = await readXlsxStream(bytes, 'book.xlsx');
    expect(streamed.grids.map(dumpGrid)[0].cells).toEqual(['A1="Codice" | Codice | ', 'B1="Peso" | Peso | ', 'A2=1 | 1 | ', 'C2=2 | 2 | ', 'D2=3 | 3 | ']);
    await expect(readXlsx(bytes, 'book.xlsx')).rejects.toThrow(/^book\.xlsx: .*(danneggiato|non si può leggere)/);
  });

  it('shared strings with rich runs, phonetic runs and _x000D_ escapes', async () => {
    const sharedXml =
      '<si><t>semplice</t></si>' +
      '<si><r><t>ricco </t></r><r><rPr><i/></rPr><t>testo</t></r></si>' +
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>' +
      '<si><t>a_x000D_b</t></si>' +
      '<si><t/></si>';
    const body = `<sheetData><row r="1">${[0, 1, 2, 3, 4].map((i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('')}</row></sheetData>`;
    const bytes = rawXlsx({ sheets: [{ name: 'Testi', body }], sharedXml });
    const { streamed, full } = await bothReaders(bytes);
    expect(streamed).toEqual(full);
    expect(streamed[0].cells.slice(0, 4)).toEqual(['A1="semplice" | semplice | ', 'B1="ricco testo" | ricco testo | ', 'C1="漢字" | 漢字 | ', 'D1="a\\rb" | a\rb | ']);
  });

  it('dates from custom and built-in formats, in the 1900 and 1904 systems', async () => {
    const rows = `<row r="1"><c r="A1" s="1"><v>45657</v></c><c r="B1" s="2"><v>45657.5</v></c><c r="C1" s="3"><v>0.623</v></c><c r="D1"><v>45657</v></c></row>`;
    for (const date1904 of [false, true]) {
      const bytes = rawXlsx({ sheets: [{ name: 'Date', body: `<sheetData>${rows}</sheetData>` }], numFmts: ['dd/mm/yyyy', 'yyyy-mm-dd hh:mm', '0.0%'], date1904 });
      const { streamed, full } = await bothReaders(bytes);
      expect(streamed).toEqual(full);
      expect(streamed[0].cells[0]).toBe(date1904 ? 'A1=date:2029-01-01T00:00:00.000Z | 01/01/2029 | dd/mm/yyyy' : 'A1=date:2024-12-31T00:00:00.000Z | 31/12/2024 | dd/mm/yyyy');
      expect(streamed[0].cells[2]).toBe('C1=0.623 | 0.623 | 0.0%');
    }
  });
});
