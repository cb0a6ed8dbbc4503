/**
 * Annotated copies as the officer reads and prints them: notes and «Anomalie» in words for people
 * (the rule's title; its id in a column), the «Anomalie» sheet ready to print, and a CSV's copy
 * whose numbers are numbers (a sum over it gives the real total).
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../importer/engine/analyse';
import { readSource } from '../../importer/read/read-source';
import { csvNumber, writeAnnotatedCopy } from '../../importer/write/annotate';
import { inconsistentStaffWorkbook } from '../../templates/scripts/samples/inconsistent-staff';
import { staffCsvBytes } from '../../templates/scripts/samples/csv-staff';
import { sheetPart, xlsxPart } from '../helpers/dossiers';
import { tempDir, writeXlsx } from '../helpers/xlsx';

const noteOf = (c: ExcelJS.Cell) => (typeof c.note === 'string' ? c.note : (c.note?.texts ?? []).map((t) => t.text).join(''));

/** Imports one file as the CLI does and writes its annotated copy. */
async function annotate(path: string, file: string, owner?: string) {
  const grids = await readSource(path, file);
  const { dossier } = analyse([{ file, grids }]);
  const out = join(tempDir(), 'annotated', file.replace(/\.csv$/, '.xlsx'));
  await writeAnnotatedCopy({ bytes: readFileSync(path), file, grids }, dossier.findings, out, owner ? { owner } : {});
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(out);
  return { dossier, out, copy };
}

describe('annotated copy of a workbook: words for people, pages to print', () => {
  let r: Awaited<ReturnType<typeof annotate>>;
  beforeAll(async () => {
    const { path } = await writeXlsx(inconsistentStaffWorkbook(), 'personale-2024.xlsx');
    r = await annotate(path, 'personale-2024.xlsx', 'Comune di Roccanera');
  });

  it('notes name the severity and the rule title: «Errore – Totale diverso dalla somma delle parti: …»', () => {
    const f = r.dossier.findings.find((x) => x.rule === 'sum-mismatch')!;
    const note = noteOf(r.copy.getWorksheet(f.sheet)!.getCell(f.cell));
    expect(note).toContain(`Errore – Totale diverso dalla somma delle parti: ${f.message}`);
    expect(note).not.toContain('[sum-mismatch]');
  });

  it('«Anomalie»: the title in «Controllo», the id in the last column, each row as tall as its message', async () => {
    const ws = r.copy.getWorksheet('Anomalie')!;
    const rows = r.dossier.findings.map((f, i) => ({ f, row: ws.getRow(i + 2) }));
    for (const { f, row } of rows) {
      expect(row.getCell(7).value).toBe(f.rule);
      expect(row.getCell(2).value).not.toBe(f.rule);
    }
    // a message longer than its column is wide takes two lines or more
    const long = rows.filter(({ f }) => f.message.length > 150);
    expect(long.length).toBeGreaterThan(2);
    for (const { row } of long) expect(row.height).toBeGreaterThanOrEqual(30);
  });

  it('«Anomalie» prints on A4, one page wide, the header on every page, a footer with the entity and the page', async () => {
    const bytes = readFileSync(r.out);
    const { xml } = await sheetPart(bytes, 'Anomalie');
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<oddFooter>&amp;L&amp;8Comune di Roccanera&amp;C&amp;8&amp;A&amp;R&amp;8Pagina &amp;P di &amp;N</oddFooter>');
    const workbook = await xlsxPart(bytes, 'xl/workbook.xml');
    const index = r.copy.worksheets.findIndex((w) => w.name === 'Anomalie');
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">'Anomalie'!$1:$1</definedName>`);
    expect(workbook.match(/<definedNames>/g)).toHaveLength(1);
  });
});

describe('annotated copy of a CSV: numbers stay numbers', () => {
  it('a sum over the copy gives the real total', async () => {
    const path = join(tempDir(), 'personale-2024.csv');
    writeFileSync(path, staffCsvBytes());
    const { copy } = await annotate(path, 'personale-2024.csv');
    const ws = copy.worksheets[0];
    // rows 4-8 are the categories, row 9 their «Totale»
    for (const col of [2, 3, 4]) {
      const parts = [4, 5, 6, 7, 8].map((r) => ws.getCell(r, col).value);
      for (const v of parts) expect(typeof v).toBe('number');
      expect((parts as number[]).reduce((a, b) => a + b, 0)).toBe(ws.getCell(9, col).value);
    }
    expect(ws.getCell(4, 5).value).toBe(60);
    expect(ws.getCell(4, 5).numFmt).toBe('0.0');
    expect(ws.getCell(3, 2).value).toBe('Donne');
    expect(ws.getCell(13, 3).value).toBe('-');
  });

  it.each([
    ['12', 12, undefined],
    ['0', 0, undefined],
    ['-3', -3, undefined],
    ['12,5', 12.5, '0.0'],
    ['1.234', 1234, '#,##0'],
    ['1.234.567,25', 1234567.25, '#,##0.00'],
    ['62,5%', 0.625, '0.0%'],
    ['40%', 0.4, '0%'],
  ])('«%s» is the number %s', (text, value, numFmt) => {
    expect(csvNumber(text)).toEqual(numFmt ? { value, numFmt } : { value });
  });

  it.each(['01', '01.02', '3.02.01', '1.5', '007', '31/12/2024', '0574 1234', 'n.d.', '12 (di cui 1 TD)', '1,2,3', '12.34', ''])('«%s» stays text (a code, a date, an identifier, a notation)', (text) => {
    expect(csvNumber(text)).toBeUndefined();
  });
});
