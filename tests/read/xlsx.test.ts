import ExcelJS from 'exceljs';
import { readXlsx, assertXlsxBytes } from '../../importer/read/xlsx';
import { writeXlsx } from '../helpers/xlsx';

describe('xlsx reader', () => {
  it('turns formulas into their results, rich text into text, keeps dates, errors, formats and merges', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dati');
    ws.getCell('A1').value = { richText: [{ text: 'Obiettivo ', font: { bold: true } }, { text: 'strategico' }] };
    ws.getCell('B1').value = { formula: 'SUM(B2:B3)', result: 7 };
    ws.getCell('B2').value = 3;
    ws.getCell('B3').value = 4;
    ws.getCell('C1').value = { error: '#REF!' };
    ws.getCell('D1').value = new Date(Date.UTC(2023, 11, 31));
    ws.getCell('D1').numFmt = 'dd/mm/yyyy';
    ws.getCell('E1').value = 0.623;
    ws.getCell('E1').numFmt = '0.0%';
    ws.getCell('A2').value = 'Unita';
    ws.mergeCells('A2:A3');
    const { bytes } = await writeXlsx(wb);
    const [g] = await readXlsx(bytes, 'dati.xlsx');
    expect(g.sheet).toBe('Dati');
    expect(g.value(0, 0)).toBe('Obiettivo strategico');
    expect(g.value(0, 1)).toBe(7);
    expect(g.value(0, 2)).toEqual({ error: '#REF!' });
    expect(g.value(0, 3)).toEqual(new Date(Date.UTC(2023, 11, 31)));
    expect(g.numFmt(0, 4)).toBe('0.0%');
    expect(g.mergeAt(2, 0)).toEqual({ top: 1, left: 0, bottom: 2, right: 0 });
    expect(g.shownText(2, 0)).toBe('Unita');
    expect(g.text(2, 0)).toBe('');
  });

  it('names what a file really is when it is not an xlsx', () => {
    expect(() => assertXlsxBytes(Buffer.alloc(0), 'a.xlsx')).toThrow(/a\.xlsx: il file è vuoto/);
    expect(() => assertXlsxBytes(Buffer.from('Codice;Obiettivo\n01;Uno\n'), 'b.xlsx')).toThrow(/b\.xlsx: non è una cartella di lavoro Excel valida \(sembra un file di testo rinominato \.xlsx\): se è un CSV, rinominalo in \.csv/);
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect(() => assertXlsxBytes(ole, 'c.xlsx')).toThrow(/c\.xlsx: è un file Excel 97-2003 \(\.xls\)/);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 600);
    expect(() => assertXlsxBytes(ole, 'd.xlsx')).toThrow(/d\.xlsx: la cartella di lavoro è protetta da password/);
  });
});
