/**
 * The yearly templates of templates/modelli/ («Inserisci modello»): the committed files are what
 * their script writes; once an office fills a few rows, the importer reads each one with the right
 * sheet kind, its reference date, and no finding at all (no mapping step, no unrecognised header);
 * the add-in inserts their sheets into the open workbook (ExcelApi 1.13), or says how to copy them
 * by hand on an older Excel, writing nothing.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../addin/office/actions';
import { insertTemplates } from '../../addin/office/insert-templates';
import { OFFICE_TEMPLATES, OfficeTemplate, YEAR_PLACEHOLDER } from '../../addin/templates/catalog';
import { MODELS_DIR, officeTemplateWorkbook } from '../../templates/scripts/make-office-templates';
import { loadXlsx } from '../helpers/dossiers';
import { analyseWorkbooks } from '../helpers/xlsx';
import { FakeExcel } from './fake-excel/excel';
import { decodeXlsxBase64 } from './fake-excel/from-xlsx';
import { FakeWorkbook } from './fake-excel/workbook';

const file = (t: OfficeTemplate) => join(MODELS_DIR, t.file);

/** Everything a user sees of a sheet: values (formulas as text), formats, merges, widths, frozen rows. */
function dump(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(`${ws.name} ${JSON.stringify(ws.columns.map((c) => c.width))} ${JSON.stringify(ws.views)} ${JSON.stringify((ws.model as { merges?: string[] }).merges)}`);
    ws.eachRow((row, r) => row.eachCell((c, col) => out.push(`${r},${col}=${JSON.stringify(c.value)}|${c.numFmt ?? ''}|${JSON.stringify(c.dataValidation ?? null)}`)));
  }
  return out;
}

/** Fills a template as an office would: the year, and a few rows of figures that add up. */
async function filled(t: OfficeTemplate, year: number): Promise<{ wb: ExcelJS.Workbook; people: number }> {
  const wb = await loadXlsx(readFileSync(file(t)));
  const ws = wb.worksheets[0];
  ws.name = ws.name.replace(YEAR_PLACEHOLDER, String(year));
  ws.getCell('A1').value = String(ws.getCell('A1').value).replace(new RegExp(YEAR_PLACEHOLDER, 'g'), String(year));
  let people: number;
  if (t.key === 'objectives') {
    const rows: (string | number)[][] = [
      ['Obiettivo strategico', '01.01', '', 'Bilancio sano e sostenibile', 'Ragioneria', '', '', '', '01', ''],
      ['Obiettivo operativo', '01.01.01', '01.01', 'Pagare i fornitori nei termini', 'Ragioneria', '', '', '', '01', '01.03'],
      ['Obiettivo di performance', '01.01.01.01', '01.01.01', 'Ridurre i tempi medi di pagamento', 'Ragioneria', 'Giorni medi di pagamento', '≤ 30', 100, '01', '01.03'],
    ];
    rows.forEach((r, i) => r.forEach((v, j) => v !== '' && (ws.getCell(4 + i, j + 1).value = v)));
    people = rows.length;
  } else if (t.key === 'turnover') {
    const rows = [
      [year - 1, 2, 1, 1, 0],
      [year, 1, 1, 0, 2],
    ];
    rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(5 + i, j + 1).value = v)));
    people = rows.reduce((n, r) => n + r[1] + r[2] + r[3] + r[4], 0);
  } else {
    let f = 0;
    let m = 0;
    let r = 4;
    for (; !/^Totale/.test(String(ws.getCell(r, 1).value)); r++) {
      const [a, b] = [(r * 7) % 11, (r * 5) % 4 + 1];
      ws.getCell(r, 2).value = a;
      ws.getCell(r, 3).value = b;
      ws.getCell(r, 4).value = { formula: `B${r}+C${r}`, result: a + b };
      f += a;
      m += b;
    }
    // what Excel's recalculation leaves in the total row's formulas
    [f, m, f + m].forEach((v, i) => (ws.getCell(r, 2 + i).value = { formula: (ws.getCell(r, 2 + i).value as ExcelJS.CellFormulaValue).formula, result: v }));
    people = f + m;
  }
  return { wb, people };
}

describe('yearly templates (templates/modelli)', () => {
  it.each(OFFICE_TEMPLATES.map((t) => [t.file, t]))('%s is what its script writes (npm run modelli)', async (_f, t) => {
    const committed = await loadXlsx(readFileSync(file(t)));
    const fresh = await loadXlsx(new Uint8Array((await officeTemplateWorkbook(t).xlsx.writeBuffer()) as ArrayBuffer));
    expect(dump(committed)).toEqual(dump(fresh));
    expect(committed.worksheets.map((w) => w.name)).toEqual([t.sheet]);
  });

  it.each(OFFICE_TEMPLATES.map((t) => [t.file, t]))('%s, filled, is read with no mapping step: right kind, its date, no finding', async (_f, t) => {
    const { wb, people } = await filled(t, 2024);
    const { dossier } = await analyseWorkbooks({ [t.file]: wb });
    const sheet = dossier.sources[0].sheets[0];
    expect(sheet.kind).toBe(t.kind);
    if (t.key !== 'objectives') expect(sheet.referenceDate).toBe('2024-12-31');
    expect(dossier.findings).toEqual([]); // no header-unrecognised, nothing else either
    const counted = {
      objectives: dossier.objectives.length,
      headcount: dossier.headcount.reduce((n, h) => n + h.count, 0),
      'work-time': dossier.workTime.reduce((n, h) => n + h.count, 0),
      'smart-working': dossier.smartWorking.reduce((n, h) => n + h.count, 0),
      turnover: dossier.turnover.reduce((n, h) => n + h.count, 0),
    }[t.key];
    expect(counted).toBe(people);
    if (t.key === 'objectives') expect(dossier.objectives.map((o) => [o.code, o.level, o.parent])).toEqual([
      ['01.01', 'strategic', null],
      ['01.01.01', 'operational', '01.01'],
      ['01.01.01.01', 'performance', '01.01.01'],
    ]);
  });
});

describe('«Inserisci modello»', () => {
  const files = OFFICE_TEMPLATES.map((t) => ({ label: t.label, base64: readFileSync(file(t)).toString('base64'), url: `https://server.ente.it/piao/modelli/${t.file}` }));

  function book(apiVersion = '1.18'): FakeExcel {
    const wb = new FakeWorkbook();
    wb.addSheet('Dati').setValue(0, 0, 'dati miei');
    wb.addSheet('Personale AAAA').setValue(0, 0, 'un foglio con lo stesso nome');
    return new FakeExcel(wb, { apiVersion, decodeXlsx: decodeXlsxBase64 });
  }

  it('inserts the chosen templates at the end, renaming a sheet whose name is taken, in three syncs (one to check that the structure is not protected)', async () => {
    const excel = book();
    const out = await insertTemplates(excel.host(), files);
    expect(out.sheets).toEqual(OFFICE_TEMPLATES.map((t) => (t.sheet === 'Personale AAAA' ? 'Personale AAAA (2)' : t.sheet)));
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(['Dati', 'Personale AAAA', ...out.sheets]);
    expect(excel.stats.syncs).toBe(3);
    expect(excel.workbook.sheet('Personale AAAA')!.cell(0, 0)?.value).toBe('un foglio con lo stesso nome');
    expect(excel.workbook.activeSheetId).toBe(excel.workbook.sheet('Obiettivi AAAA')!.id);
    // the inserted sheet is the template's: title, header, code cells formatted as text
    const obj = excel.workbook.sheet('Obiettivi AAAA')!;
    expect(obj.cell(2, 1)?.value).toBe('Codice');
    expect(obj.cell(3, 1)?.format).toBe('@');
  });

  it('gives sheets that "Controlla" reads as the importer does, once filled in Excel', async () => {
    const excel = book();
    await insertTemplates(excel.host(), files.filter((f) => f.label === 'Part-time'));
    const sheet = excel.workbook.sheet('Part-time AAAA')!;
    sheet.name = 'Part-time 2024';
    await excel.userEdit('Part-time 2024', 'B4:D5', [
      [20, 18, 38],
      [1, 0, 1],
    ]);
    await excel.userEdit('Part-time 2024', 'B9:D9', [[21, 18, 39]]);
    const check = await checkWorkbook(excel.host(), 'workbook');
    const read = check.dossier.sources[0].sheets.find((s) => s.name === 'Part-time 2024')!;
    expect(read.kind).toBe('work-time');
    expect(read.referenceDate).toBe('2024-12-31');
    expect(check.dossier.findings.filter((f) => f.sheet === 'Part-time 2024')).toEqual([]);
  });

  it('on an Excel without ExcelApi 1.13 writes nothing and says how to copy the sheets by hand', async () => {
    const excel = book('1.12');
    const before = excel.workbook.toData();
    await expect(insertTemplates(excel.host(), files.slice(0, 2))).rejects.toThrow(/ExcelApi 1\.13.*Sposta o copia.*modelli\/obiettivi\.xlsx/s);
    expect(excel.workbook.toData()).toEqual(before);
  });

  it('refuses a file that is not a workbook with Excel\'s error, inserting nothing', async () => {
    const excel = book();
    await expect(insertTemplates(excel.host(), [{ label: 'rotto', base64: Buffer.from('non è un xlsx').toString('base64') }])).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(excel.workbook.sheets).toHaveLength(2);
  });
});
