/**
 * «Normalizza» on the strict in-memory Excel: the sheets it writes hold the same tables as the
 * PIAO.xlsx that `piao import` writes for the same workbook (values read back by exceljs, number
 * formats included); it runs in a bounded number of syncs; a second run replaces its own sheets and
 * nothing else; "Controlla" never reads them.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../importer/cli/main';
import { DATA_SHEETS, LIST_SHEETS, PAP_SHEET } from '../../importer/write/piao-sheets';
import { checkWorkbook } from '../../addin/office/actions';
import { NORMALISE_BYTES_PER_SYNC, applyNormalise, prepareNormalise } from '../../addin/office/normalise';
import { NORMALISED_SHEETS } from '../../addin/normalise/plan';
import { OWNED_NAMESPACE } from '../../addin/normalise/owned';
import { loadXlsx } from '../helpers/dossiers';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { FakeExcel, PAYLOAD_LIMIT } from './fake-excel/excel';
import { fakeWorkbookFromXlsx } from './fake-excel/from-xlsx';
import { FakeSheet } from './fake-excel/workbook';
import { Plain, fakeCell, fakeTable, xlsxCell } from './helpers/excel-tables';

jest.setTimeout(60_000);

const SAMPLES = join(__dirname, '..', '..', 'templates', 'samples');
const silent = { out: () => undefined, err: () => undefined };

async function piaoXlsx(path: string): Promise<ExcelJS.Workbook> {
  const out = tempDir('piao-norm-');
  expect(await main(['import', path, '--out', out, '-q'], silent)).toBe(0);
  return loadXlsx(readFileSync(join(out, 'PIAO.xlsx')));
}

async function openInExcel(path: string, apiVersion = '1.18'): Promise<FakeExcel> {
  const name = path.split('/').pop()!;
  return FakeExcel.fromData(await fakeWorkbookFromXlsx(readFileSync(path), `https://ente.example/Documenti/${encodeURIComponent(name)}`), { apiVersion });
}

async function normalise(excel: FakeExcel) {
  const prepared = await prepareNormalise(excel.host());
  return { prepared, outcome: await applyNormalise(excel.host(), prepared) };
}

const sheetNamed = (excel: FakeExcel, name: string) => excel.workbook.sheets.find((s) => s.name === name);
const nameOf = (key: string) => NORMALISED_SHEETS.find((s) => s.key === key)!.name;

/** Rows under the header (row 3) of a list sheet of PIAO.xlsx, with each cell's number format. */
function xlsxList(ws: ExcelJS.Worksheet, width: number): { header: Plain[]; rows: Plain[][]; formats: string[][] } {
  const header = Array.from({ length: width }, (_, c) => xlsxCell(ws.getCell(3, c + 1)));
  const rows: Plain[][] = [];
  const formats: string[][] = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const cells = Array.from({ length: width }, (_, c) => ws.getCell(r, c + 1));
    if (cells.every((c) => xlsxCell(c) === null)) continue;
    rows.push(cells.map(xlsxCell));
    formats.push(cells.map((c) => c.numFmt ?? 'General'));
  }
  return { header, rows, formats };
}

/** Every labelled row of a PAP sheet: label -> the values right of it (trailing empties dropped). */
function papRowsXlsx(ws: ExcelJS.Worksheet): Map<string, Plain[]> {
  const out = new Map<string, Plain[]>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const label = xlsxCell(ws.getCell(r, 1));
    // a merged cell holds its value once, at its top-left (exceljs repeats it on every cell of the merge)
    const values = Array.from({ length: 5 }, (_, c) => ws.getCell(r, c + 2)).map((cell) => (cell.isMerged && cell.master.address !== cell.address ? null : xlsxCell(cell)));
    if (label === null || values.every((v) => v === null)) continue;
    out.set(String(label), trim(values));
  }
  return out;
}

function papRowsFake(sheet: FakeSheet): Map<string, Plain[]> {
  const out = new Map<string, Plain[]>();
  const used = sheet.usedRange(true)!;
  for (let r = 1; r <= used.bottom; r++) {
    const label = fakeCell(sheet, r, 0);
    const values = Array.from({ length: 5 }, (_, c) => fakeCell(sheet, r, c + 1));
    if (label === null || values.every((v) => v === null)) continue;
    out.set(String(label), trim(values));
  }
  return out;
}

function trim(values: Plain[]): Plain[] {
  const out = [...values];
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
}

const CASES = [
  join(SAMPLES, 'provincia-prato', 'piao-2024-2026-pap.xlsx'),
  join(SAMPLES, 'provincia-prato', 'piao-2024-2026-performance.xlsx'),
  join(SAMPLES, 'comune-valle-serena', 'personale-2023-2024.xlsx'),
  join(SAMPLES, 'comune-borgo-esempio', 'peg-2024.xlsx'),
  join(SAMPLES, 'comune-pian-del-lago', 'anagrafica-personale-2024.xlsx'),
];

describe('«Normalizza» writes the tables of PIAO.xlsx into the open workbook', () => {
  it.each(CASES.map((p) => [p.split('/').slice(-2).join('/'), p]))('%s: same rows, same formats, as Excel tables', async (_label, path) => {
    const expected = await piaoXlsx(path);
    const excel = await openInExcel(path);
    const userSheets = excel.workbook.toData().sheets;
    const { prepared, outcome } = await normalise(excel);
    expect(outcome.written.length).toBeGreaterThan(0);

    let compared = 0;
    for (const key of DATA_SHEETS) {
      const spec = LIST_SHEETS[key];
      const want = xlsxList(expected.getWorksheet(spec.name)!, spec.columns.length);
      const sheet = sheetNamed(excel, nameOf(key));
      if (want.rows.length === 0) {
        expect(sheet).toBeUndefined(); // no empty sheets
        continue;
      }
      expect(sheet).toBeDefined();
      expect(sheet!.tables).toHaveLength(1);
      const got = fakeTable(sheet!, sheet!.tables[0]);
      expect(got.header).toEqual(want.header);
      expect(got.rows).toEqual(want.rows);
      expect(got.formats).toEqual(want.formats);
      expect(fakeCell(sheet!, 0, 0)).toBe(xlsxCell(expected.getWorksheet(spec.name)!.getCell('A1')));
      expect(sheet!.frozenRows).toBe(3);
      compared += want.rows.length;
    }

    const staff = prepared.dossier.headcount.length > 0;
    const pap = sheetNamed(excel, nameOf('pap'));
    if (staff) {
      expect(pap).toBeDefined();
      const want = papRowsXlsx(expected.getWorksheet(PAP_SHEET)!);
      const got = papRowsFake(pap!);
      expect(want.size).toBeGreaterThan(10);
      for (const [label, values] of want) expect([label, got.get(label)]).toEqual([label, values]);
      expect(pap!.tables.length).toBeGreaterThanOrEqual(5);
      compared += want.size;
    }
    expect(compared).toBeGreaterThan(5);

    // the user's sheets are as they were; the new ones are recorded as ours
    expect(excel.workbook.toData().sheets.slice(0, userSheets.length)).toEqual(userSheets);
    const record = excel.workbook.customXmlParts.filter((p) => p.xml.includes(OWNED_NAMESPACE));
    expect(record).toHaveLength(1);
    for (const w of outcome.written) expect(record[0].xml).toContain(sheetNamed(excel, w.name)!.id);
  });

  it('keeps codes, counts with notations and formula-like texts as text (Excel would turn them into numbers, dates or formulas)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PEG 2024');
    ws.addRow(['Codice', 'Obiettivo esecutivo', 'Responsabile', 'Peso %']);
    ws.addRow(['01.01.01.01', '=HYPERLINK("http://example.invalid";"x")', '+39 0574 1234', 50]);
    ws.addRow(['01.01.01.02', '-1+2 pratiche', '@Segreteria', 50]);
    ws.addRow(['01.02.01.01', '12/03 scadenza', 'VERO', 100]);
    const { path } = await writeXlsx(wb, 'peg-strano.xlsx');
    const excel = await openInExcel(path);
    await normalise(excel);
    const expected = await piaoXlsx(path);
    const spec = LIST_SHEETS.objectives;
    const got = fakeTable(sheetNamed(excel, nameOf('objectives'))!, sheetNamed(excel, nameOf('objectives'))!.tables[0]);
    expect(got.rows).toEqual(xlsxList(expected.getWorksheet(spec.name)!, spec.columns.length).rows);
    expect(got.rows.map((r) => r[1])).toEqual(['01.01.01.01', '01.01.01.02', '01.02.01.01']);
    expect(got.rows.map((r) => r[3])).toContain('=HYPERLINK("http://example.invalid";"x")');
  });

  it('asks before replacing: a second run replaces its own sheets (even renamed) and never a sheet of the user\'s', async () => {
    const path = join(SAMPLES, 'comune-valle-serena', 'personale-2023-2024.xlsx');
    const excel = await openInExcel(path);
    // a sheet of the user's with the name «Normalizza» would use
    const mine = excel.workbook.addSheet('Personale');
    mine.setValue(0, 0, 'appunti miei');
    const first = await normalise(excel);
    expect(first.prepared.replacing).toEqual([]);
    expect(first.outcome.written.map((w) => w.name)).toContain('Personale (PIAO)');
    expect(excel.workbook.sheet('Personale')!.cell(0, 0)?.value).toBe('appunti miei');

    // the user renames one of ours and edits the source: the second run sees both
    excel.workbook.sheet('Lavoro agile')!.name = 'Agile vecchio';
    const again = await prepareNormalise(excel.host());
    expect(again.replacing.sort()).toEqual(first.outcome.written.map((w) => (w.name === 'Lavoro agile' ? 'Agile vecchio' : w.name)).sort());
    const second = await applyNormalise(excel.host(), again);
    expect(second.replaced.sort()).toEqual(again.replacing.sort());
    expect(excel.workbook.sheet('Agile vecchio')).toBeUndefined();
    expect(excel.workbook.sheet('Personale')!.cell(0, 0)?.value).toBe('appunti miei');
    expect(excel.workbook.sheets.map((s) => s.name).filter((n) => /PIAO|Lavoro agile|Statistiche/.test(n)).sort()).toEqual(second.written.map((w) => w.name).filter((n) => /PIAO|Lavoro agile|Statistiche/.test(n)).sort());
    expect(excel.workbook.customXmlParts.filter((p) => p.xml.includes(OWNED_NAMESPACE))).toHaveLength(1);

    // the normalised sheets are outputs: "Controlla" and a third run read the same sources as before
    const check = await checkWorkbook(excel.host(), 'workbook');
    expect(check.dossier.sources[0].sheets.map((s) => s.name)).toEqual(['2023', '2024', 'Personale']);
    expect(again.dossier.pap).toEqual(first.prepared.dossier.pap);
  });

  it('writes in syncs that grow with blocks of cells, never with rows, each under 5 MB', async () => {
    const path = join(SAMPLES, 'comune-borgo-esempio', 'peg-2024.xlsx');
    const excel = await openInExcel(path);
    const prepared = await prepareNormalise(excel.host());
    excel.resetStats();
    await applyNormalise(excel.host(), prepared);
    const few = excel.stats.syncs;
    expect(few).toBeLessThanOrEqual(8); // survey 3, add + titles 1, cells 1, tables 1, record 1
    // the same plan, forced into small requests: more syncs, same workbook
    const small = await openInExcel(path);
    const p2 = await prepareNormalise(small.host());
    small.resetStats();
    await applyNormalise(small.host(), p2, 2_000);
    expect(small.stats.syncs).toBeGreaterThan(few);
    expect(small.workbook.toData().sheets).toEqual(excel.workbook.toData().sheets);
    expect(excel.maxRequestBytes).toBeLessThan(Math.min(PAYLOAD_LIMIT, NORMALISE_BYTES_PER_SYNC * 2));
  });

  it('says so, and writes nothing, when no table is recognised', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Note').addRow(['Promemoria', 'chiamare la ragioneria']);
    const { path } = await writeXlsx(wb, 'appunti.xlsx');
    const excel = await openInExcel(path);
    const before = excel.workbook.toData();
    const prepared = await prepareNormalise(excel.host());
    expect(prepared.plan).toEqual([]);
    await expect(applyNormalise(excel.host(), prepared)).rejects.toThrow(/non c'è niente da normalizzare/);
    expect(excel.workbook.toData()).toEqual(before);
  });

  it('works without frozen panes on ExcelApi 1.5, and says so', async () => {
    const excel = await openInExcel(join(SAMPLES, 'provincia-prato', 'piao-2024-2026-pap.xlsx'), '1.5');
    const { outcome } = await normalise(excel);
    expect(outcome.notices.join(' ')).toMatch(/ExcelApi 1\.7/);
    expect(sheetNamed(excel, nameOf('headcount'))!.frozenRows).toBe(0);
    expect(sheetNamed(excel, nameOf('headcount'))!.tables).toHaveLength(1);
  });
});
