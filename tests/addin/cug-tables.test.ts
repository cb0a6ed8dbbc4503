/**
 * «Tabelle CUG» on the strict in-memory Excel: the sheet it writes holds the same cells, number
 * formats and merged areas as the sheet «Tabelle CUG» of the PIAO.xlsx that `piao import` writes
 * for the same workbook; it never writes over a sheet of the user's; a second run replaces only its
 * own sheet; «Normalizza» and «Tabelle CUG» leave each other's sheets alone; «Controlla» does not
 * read it; it runs in a bounded number of syncs.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../importer/cli/main';
import { checkWorkbook } from '../../addin/office/actions';
import { applyCugTables, prepareCugTables } from '../../addin/office/cug-tables';
import { applyNormalise, prepareNormalise } from '../../addin/office/normalise';
import { OWNED_NAMESPACE } from '../../addin/normalise/owned';
import { loadXlsx } from '../helpers/dossiers';
import { generatePeople, registerBook } from '../helpers/cug-register';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { FakeExcel } from './fake-excel/excel';
import { fakeWorkbookFromXlsx } from './fake-excel/from-xlsx';
import { FakeSheet } from './fake-excel/workbook';
import { Plain, fakeCell, xlsxCell } from './helpers/excel-tables';

jest.setTimeout(120_000);

const silent = { out: () => undefined, err: () => undefined };

async function registerFile(): Promise<string> {
  const book = registerBook(generatePeople(300, 515));
  book.addWorksheet('Appunti').addRow(['Promemoria', 'inviare la relazione entro il 1° marzo']);
  return (await writeXlsx(book, 'anagrafica-2024.xlsx')).path;
}

async function openInExcel(path: string): Promise<FakeExcel> {
  return FakeExcel.fromData(await fakeWorkbookFromXlsx(readFileSync(path), 'https://ente.example/Documenti/anagrafica-2024.xlsx'), { apiVersion: '1.18' });
}

async function piaoSheet(path: string): Promise<ExcelJS.Worksheet> {
  const out = tempDir('piao-cug-addin-');
  expect(await main(['import', path, '--out', out, '-q'], silent)).toBe(0);
  return (await loadXlsx(readFileSync(join(out, 'PIAO.xlsx')))).getWorksheet('Tabelle CUG')!;
}

/** Every non-empty cell: "A1" -> value and number format. */
function fakeCells(sheet: FakeSheet): Map<string, [Plain, string]> {
  const out = new Map<string, [Plain, string]>();
  const used = sheet.usedRange(true)!;
  for (let r = 0; r <= used.bottom; r++) {
    for (let c = 0; c <= used.right; c++) {
      const v = fakeCell(sheet, r, c);
      if (v === null || v === '') continue;
      out.set(`${String.fromCharCode(65 + c)}${r + 1}`, [v, sheet.cell(r, c)?.format ?? 'General']);
    }
  }
  return out;
}

function xlsxCells(ws: ExcelJS.Worksheet): Map<string, [Plain, string]> {
  const out = new Map<string, [Plain, string]>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = xlsxCell(cell);
      if (v === null || v === '') return;
      out.set(cell.address, [v, cell.numFmt || 'General']);
    }),
  );
  return out;
}

describe('«Tabelle CUG» in the open workbook', () => {
  let path: string;
  beforeAll(async () => {
    path = await registerFile();
  });

  it('writes a new sheet with the cells, formats and merged areas of the sheet «Tabelle CUG» of PIAO.xlsx', async () => {
    const expected = await piaoSheet(path);
    const excel = await openInExcel(path);
    const before = excel.workbook.toData().sheets;
    const prepared = await prepareCugTables(excel.host());
    expect(prepared.replacing).toEqual([]);
    const outcome = await applyCugTables(excel.host(), prepared);
    expect(outcome.sheet).toBe('Tabelle CUG');
    const sheet = excel.workbook.sheet('Tabelle CUG')!;
    const got = fakeCells(sheet);
    const want = xlsxCells(expected);
    expect(got.size).toBeGreaterThan(300);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [address, [value, format]] of want) expect([address, ...got.get(address)!]).toEqual([address, value, format === 'General' ? 'General' : format]);
    const merges = ((expected as unknown as { model: { merges: string[] } }).model.merges ?? []).slice().sort();
    expect(sheet.merges.map((m) => (m.top === m.bottom && m.left === m.right ? '' : `${String.fromCharCode(65 + m.left)}${m.top + 1}:${String.fromCharCode(65 + m.right)}${m.bottom + 1}`)).sort()).toEqual(merges);
    // the totals in bold, the headings filled
    const totalRow = [...got].find(([, [v]]) => v === 'Totale personale')![0];
    expect(sheet.cell(Number(totalRow.slice(1)) - 1, 0)?.font?.bold).toBe(true);
    // the user's sheets are as they were; the new one is recorded as ours
    expect(excel.workbook.toData().sheets.slice(0, before.length)).toEqual(before);
    const record = excel.workbook.customXmlParts.filter((p) => p.xml.includes(OWNED_NAMESPACE));
    expect(record).toHaveLength(1);
    expect(record[0].xml).toContain(`chiave="cug" id="${sheet.id}"`);
  });

  it('never writes over a sheet of the user\'s; a second run replaces its own sheet only, even renamed', async () => {
    const excel = await openInExcel(path);
    const theirs = excel.workbook.addSheet('Tabelle CUG');
    theirs.setValue(0, 0, 'tabelle compilate a mano');
    const first = await applyCugTables(excel.host(), await prepareCugTables(excel.host()));
    expect(first.sheet).toBe('Tabelle CUG (PIAO)');
    expect(excel.workbook.sheet('Tabelle CUG')!.cell(0, 0)?.value).toBe('tabelle compilate a mano');

    excel.workbook.sheet('Tabelle CUG (PIAO)')!.name = 'CUG 2024';
    const again = await prepareCugTables(excel.host());
    expect(again.replacing).toEqual(['CUG 2024']);
    const second = await applyCugTables(excel.host(), again);
    expect(second.replaced).toEqual(['CUG 2024']);
    expect(excel.workbook.sheet('CUG 2024')).toBeUndefined();
    expect(excel.workbook.sheet('Tabelle CUG')!.cell(0, 0)?.value).toBe('tabelle compilate a mano');
    expect(excel.workbook.sheets.filter((s) => /^Tabelle CUG/.test(s.name)).map((s) => s.name)).toEqual(['Tabelle CUG', 'Tabelle CUG (PIAO)']);
  });

  it('«Normalizza» and «Tabelle CUG» leave each other\'s sheets alone; «Controlla» reads neither', async () => {
    const excel = await openInExcel(path);
    await applyCugTables(excel.host(), await prepareCugTables(excel.host()));
    const cugId = excel.workbook.sheet('Tabelle CUG')!.id;
    const n1 = await prepareNormalise(excel.host());
    expect(n1.replacing).toEqual([]);
    await applyNormalise(excel.host(), n1);
    const n2 = await prepareNormalise(excel.host());
    await applyNormalise(excel.host(), n2);
    expect(excel.workbook.sheet('Tabelle CUG')!.id).toBe(cugId);
    const c2 = await prepareCugTables(excel.host());
    expect(c2.replacing).toEqual(['Tabelle CUG']);
    await applyCugTables(excel.host(), c2);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(n2.plan.map((p) => p.name)));
    const check = await checkWorkbook(excel.host(), 'workbook');
    expect(check.dossier.sources[0].sheets.map((s) => s.name)).toEqual(['Anagrafica', 'Appunti']);
    expect(excel.workbook.customXmlParts.filter((p) => p.xml.includes(OWNED_NAMESPACE))).toHaveLength(1);
  });

  it('writes in a few syncs, whatever the number of tables', async () => {
    const excel = await openInExcel(path);
    const prepared = await prepareCugTables(excel.host());
    excel.resetStats();
    await applyCugTables(excel.host(), prepared);
    expect(excel.stats.syncs).toBeLessThanOrEqual(7); // survey 3, delete 0, sheet and cells 1, record 2
  });

  it('says so, and writes nothing, when the workbook has no register and no CUG table', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Note').addRow(['Promemoria', 'chiamare la ragioneria']);
    const { path: p } = await writeXlsx(wb, 'appunti.xlsx');
    const excel = await openInExcel(p);
    const before = excel.workbook.toData();
    await expect(prepareCugTables(excel.host())).rejects.toThrow(/non c’è niente da cui calcolare le tabelle CUG/);
    expect(excel.workbook.toData()).toEqual(before);
  });
});
