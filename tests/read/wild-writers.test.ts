import ExcelJS from 'exceljs';
import { analyse } from '../../importer/engine/analyse';
import { Dossier } from '../../importer/engine/schema/dossier';
import { readBytesDetailed } from '../../importer/read/read-source';
import { listZipEntries, readEntry } from '../../importer/read/zip';
import { zipParts } from '../helpers/raw-xlsx';
import { describeWhen, describeWithTool, SOFFICE } from '../helpers/tools';
import { DIALECTS, WildRows, hasOpenpyxl, libreofficeConvert, openpyxlXlsx, wildXlsx } from '../helpers/wild-writers';

/**
 * Files from other writers: formulas stored without values (openpyxl, exceljs, the .NET OpenXML
 * SDK), or with a 0 to recalculate (XlsxWriter); parts with the `x:` prefix, in UTF-16, in Strict
 * OOXML. Read as Excel would show them, or with a finding at the cell saying what piao did; the
 * parser's own (English) words never reach the officer.
 */

async function importBytes(bytes: Uint8Array, file: string): Promise<Dossier> {
  const r = await readBytesDetailed(bytes, file);
  return analyse([{ file, grids: r.grids, problems: r.problems }]).dossier;
}

const f = (formula: string) => ({ f: formula });

/** A headcount table whose totals are formulas, and whose details are values. */
const TOTALS: WildRows = [
  ['Personale al 31/12/2023'],
  ['Categoria', 'Donne', 'Uomini', 'Totale'],
  ['Cat. D', 5, 4, f('B3+C3')],
  ['Cat. C', 10, 8, f('B4+C4')],
  ['Cat. B', 3, 3, f('SUM(B5:C5)')],
  ['Totale', f('SUM(B3:B5)'), f('SUM(C3:C5)'), f('SUM(D3:D5)')],
];

function readProblems(d: Dossier) {
  return d.findings.filter((x) => x.rule === 'read-problem').map((x) => [x.cell, x.severity]);
}

function expectTotalsComputed(d: Dossier): void {
  expect(d.pap.headcount).toMatchObject({ F: 18, M: 15, total: 33 });
  // every formula cell says it was computed by piao: never a silent value
  expect(readProblems(d)).toEqual(['D3', 'D4', 'D5', 'B6', 'C6', 'D6'].map((c) => [c, 'info']));
  expect(d.findings.find((x) => x.cell === 'D6')!.message).toMatch(/formula =SUM\(D3:D5\) ma il file non ne riporta il valore .*piao l'ha calcolata, vale 33/);
  expect(d.findings.filter((x) => x.rule !== 'read-problem')).toEqual([]);
}

describe('formulas stored without a value', () => {
  it('a generator that writes formulas and no values (hand-built parts, inline strings)', async () => {
    expectTotalsComputed(await importBytes(wildXlsx(DIALECTS.noValues, [{ name: 'Personale', rows: TOTALS }]), 'generato.xlsx'));
  });

  it('exceljs, formulas given without a result', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Personale');
    for (const r of TOTALS) ws.addRow(r.map((c) => (c !== null && typeof c === 'object' && 'f' in c ? { formula: c.f } : c)) as ExcelJS.CellValue[]);
    expectTotalsComputed(await importBytes(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'exceljs.xlsx'));
  });

  it('the .NET OpenXML SDK: x: prefixes everywhere, shared strings, shared formulas', async () => {
    const shared: WildRows = [
      ['Personale al 31/12/2023'],
      ['Categoria', 'Donne', 'Uomini', 'Totale'],
      ['Cat. D', 5, 4, { f: 'B3+C3', si: 0, master: true }],
      ['Cat. C', 10, 8, { f: '', si: 0 }],
      ['Cat. B', 3, 3, { f: '', si: 0 }],
      ['Totale', { f: 'SUM(B3:B5)', si: 1, master: true }, { f: '', si: 1 }, { f: '', si: 1 }],
    ];
    const d = await importBytes(wildXlsx(DIALECTS.dotnet, [{ name: 'Personale', rows: shared }]), 'sdk.xlsx');
    expectTotalsComputed(d);
    // the shared formula written out for its cell, as Excel shows it
    expect(d.findings.find((x) => x.cell === 'D5')!.message).toMatch(/formula =B5\+C5 /);
    expect(d.findings.find((x) => x.cell === 'C6')!.message).toMatch(/formula =SUM\(C3:C5\) /);
  });

  it('a formula piao does not compute (another sheet, a lookup) is a warning at its cell, and the total that uses it too', async () => {
    const rows: WildRows = [
      ['Personale al 31/12/2023'],
      ['Categoria', 'Donne', 'Uomini'],
      ['Cat. D', 5, f("'Anno precedente'!C3")],
      ['Cat. C', 10, f('VLOOKUP(A4,Elenco!A:C,3,FALSE)')],
      ['Totale', f('SUM(B3:B4)'), f('SUM(C3:C4)')],
    ];
    const d = await importBytes(wildXlsx(DIALECTS.noValues, [{ name: 'Personale', rows }]), 'lookup.xlsx');
    expect(readProblems(d)).toEqual([
      ['C3', 'warning'],
      ['C4', 'warning'],
      ['B5', 'info'],
      ['C5', 'warning'],
    ]);
    const at = (cell: string) => d.findings.find((x) => x.cell === cell)!.message;
    expect(at('C3')).toMatch(/rimanda a un altro foglio \(«Anno precedente»\)\. La cella è letta come vuota/);
    expect(at('C4')).toMatch(/usa la funzione VLOOKUP, che piao non calcola/);
    expect(at('C5')).toMatch(/usa la cella C3, la cui formula non è calcolata/);
  });

  it('XlsxWriter: a 0 stored for every formula and «recalculate on opening»: no false sum-mismatch, each 0 corrected at its cell', async () => {
    const d = await importBytes(wildXlsx(DIALECTS.xlsxwriter, [{ name: 'Personale', rows: TOTALS }]), 'xlsxwriter.xlsx');
    expect(d.pap.headcount).toMatchObject({ F: 18, M: 15, total: 33 });
    expect(d.findings.filter((x) => x.rule === 'sum-mismatch')).toEqual([]);
    expect(readProblems(d)).toEqual(['D3', 'D4', 'D5', 'B6', 'C6', 'D6'].map((c) => [c, 'warning']));
    expect(d.findings.find((x) => x.cell === 'D6')!.message).toBe("Il file chiede di ricalcolare le formule all'apertura e per la formula =SUM(D3:D5) riporta 0, ma la formula dà 33: piao l'ha calcolata ed è letto 33.");
  });

  it('values stored as Excel and LibreOffice store them: nothing to say', async () => {
    const rows: WildRows = TOTALS.map((r, i) => r.map((c) => (c !== null && typeof c === 'object' && 'f' in c ? { f: c.f, v: [9, 18, 6][i - 2] ?? [18, 15, 33][r.indexOf(c) - 1] } : c)));
    const d = await importBytes(wildXlsx({ ...DIALECTS.noValues, formulas: 'value' }, [{ name: 'Personale', rows }]), 'excel.xlsx');
    expect(d.findings).toEqual([]);
    expect(d.pap.headcount).toMatchObject({ F: 18, M: 15 });
  });
});

describeWhen(hasOpenpyxl(), 'python3-openpyxl', 'apt-get install -y python3-openpyxl', 'openpyxl, the real one (formulas without values, «recalculate on opening»)', () => {
  it('totals computed, each cell says so', async () => {
    expectTotalsComputed(await importBytes(openpyxlXlsx([{ name: 'Personale', rows: TOTALS }]), 'openpyxl.xlsx'));
  });
});

describeWithTool(SOFFICE, 'apt-get install -y libreoffice-calc', 'LibreOffice, the neighbour that calculates', () => {
  it('an exceljs file without values saved again by LibreOffice: values stored, nothing to say', async () => {
    const saved = libreofficeConvert(wildXlsx(DIALECTS.noValues, [{ name: 'Personale', rows: TOTALS }]), 'generato.xlsx', 'xlsx');
    const d = await importBytes(saved, 'libreoffice.xlsx');
    expect(d.findings).toEqual([]);
    expect(d.pap.headcount).toMatchObject({ F: 18, M: 15, total: 33 });
  }, 120_000);
});

describe('other writers: x: prefixes, UTF-16 parts, Strict OOXML', () => {
  /** Values of every kind: shared strings, numbers, a date under a date format, a percentage. */
  const KINDS: WildRows = [
    ['Personale in servizio', { date: '2023-12-31' }],
    ['Categoria', 'Donne', 'Uomini', 'Quota donne'],
    ['Funzionari', 6, 4, { pct: 0.6 }],
    ['Istruttori', 12, 7, { pct: 0.632 }],
  ];

  it.each([
    ['the .NET SDK (x: prefixes in workbook, styles, shared strings and sheets)', wildXlsx({ ...DIALECTS.dotnet, formulas: 'value' }, [{ name: 'Personale', rows: KINDS }])],
    ['parts in UTF-16 LE with a byte order mark', wildXlsx(DIALECTS.utf16, [{ name: 'Personale', rows: KINDS }])],
    ['Strict OOXML (purl.oclc.org namespaces, dates as t="d")', wildXlsx(DIALECTS.strict, [{ name: 'Personale', rows: KINDS }])],
    ['x: prefixes and UTF-16 together', wildXlsx({ ...DIALECTS.dotnet, utf16: true, formulas: 'value' }, [{ name: 'Personale', rows: KINDS }])],
  ])('%s: every value read as Excel shows it', async (_, bytes) => {
    const r = await readBytesDetailed(bytes, 'altro.xlsx');
    expect(r.problems).toEqual([]);
    const g = r.grids[0];
    expect(g.sheet).toBe('Personale');
    expect(g.value(0, 1)).toEqual(new Date(Date.UTC(2023, 11, 31)));
    expect(g.text(0, 1)).toBe('31/12/2023');
    expect(g.value(2, 3)).toBe(0.6);
    expect(g.numFmt(2, 3)).toBe('0.0%');
    const d = analyse([{ file: 'altro.xlsx', grids: r.grids }]).dossier;
    expect(d.sources[0].sheets[0]).toMatchObject({ kind: 'headcount', referenceDate: '2023-12-31' });
    expect(d.pap.headcount).toMatchObject({ F: 18, M: 11 });
    expect(d.findings).toEqual([]);
  });

  it('a UTF-16 part without a byte order mark, and one in UTF-16 BE', async () => {
    const base = wildXlsx(DIALECTS.utf16, [{ name: 'Personale', rows: KINDS }]);
    const r = await readBytesDetailed(base, 'x.xlsx');
    // rewrite the sheet part: LE without BOM; the shared strings: BE with BOM
    const parts = [];
    for (const e of listZipEntries(base, 100)) {
      let data = Buffer.from(await readEntry(base, e));
      if (e.name === 'xl/worksheets/sheet1.xml') data = data.subarray(2);
      if (e.name === 'xl/sharedStrings.xml') {
        const be = Buffer.from(data.subarray(2));
        be.swap16();
        data = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
      }
      parts.push({ name: e.name, data });
    }
    const again = await readBytesDetailed(zipParts(parts), 'x.xlsx');
    expect(again.grids.map((g) => g.text(3, 0))).toEqual(r.grids.map((g) => g.text(3, 0)));
    expect(again.grids[0].text(3, 0)).toBe('Istruttori');
  });

  it('a damaged part: one Italian line that names the file and the part or the sheet, never the parser’s own words', async () => {
    const bytes = wildXlsx(DIALECTS.dotnet, [
      { name: 'Buono', rows: KINDS },
      { name: 'Rotto', rows: KINDS },
    ]);
    const withPart = async (name: string, cut: (s: string) => string) => {
      const parts = [];
      for (const e of listZipEntries(bytes, 100)) {
        const data = Buffer.from(await readEntry(bytes, e));
        parts.push({ name: e.name, data: e.name === name ? Buffer.from(cut(data.toString('utf8')), 'utf8') : data });
      }
      return zipParts(parts);
    };
    // a sheet with text outside its root: the other sheet is read
    const sheet = await readBytesDetailed(await withPart('xl/worksheets/sheet2.xml', (s) => `${s}garbage`), 'sdk.xlsx');
    expect(sheet.grids.map((g) => g.sheet)).toEqual(['Buono']);
    expect(sheet.problems.map((p) => p.message)).toEqual(['il foglio «Rotto» è danneggiato (il suo XML non è valido) e non è stato letto; gli altri fogli sì: aprilo in Excel o LibreOffice e salvalo di nuovo.']);
    // the workbook part broken: the file is refused, the part named
    await expect(readBytesDetailed(await withPart('xl/workbook.xml', (s) => s.replace('</x:sheets>', '</x:sheet>')), 'sdk.xlsx')).rejects.toThrow(
      'sdk.xlsx: la cartella di lavoro è danneggiata (la parte xl/workbook.xml non è un XML valido): aprila in Excel o LibreOffice e salvala di nuovo.',
    );
    // the shared strings broken
    await expect(readBytesDetailed(await withPart('xl/sharedStrings.xml', (s) => s.replace('</x:sst>', '')), 'sdk.xlsx')).rejects.toThrow(/la parte xl\/sharedStrings\.xml non è un XML valido/);
    for (const p of sheet.problems) expect(p.message).not.toMatch(/text data|root node|unexpected|closing tag|Unclosed|attribute/i);
  });
});
