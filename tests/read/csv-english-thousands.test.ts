import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../importer/engine/analyse';
import { Dossier, Finding } from '../../importer/engine/schema/dossier';
import { readCsv } from '../../importer/read/csv';
import { describeWithTool, SOFFICE } from '../helpers/tools';
import { PYTHON } from '../helpers/wild-writers';
import { tempDir } from '../helpers/xlsx';

/**
 * A CSV saved with English regional settings: «,» between fields and «,» for thousands
 * («"1,205"»). piao reads numbers the Italian way and never reinterprets them (an Italian «1,500»
 * may be FTE), but says at the first such cell what the likely cause is and how to save the file:
 * only when the whole file agrees, never on an Italian file.
 */

function dossier(text: string | Buffer, file = 'personale.csv'): Dossier {
  const r = readCsv(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, file);
  return analyse([{ file, grids: r.grids, problems: r.problems }]).dossier;
}

const english = (d: Dossier): Finding[] => d.findings.filter((f) => f.rule === 'read-problem' && /all'inglese/.test(f.message));

const lines = (...l: string[]) => l.join('\r\n');

describe('English thousands in a comma-separated CSV: said at the first cell, with the cause and the remedy', () => {
  it('every count over a thousand: no table is recognised, and the warning says why', () => {
    const d = dossier(lines('Personale in servizio al 31/12/2023', 'Categoria,Donne,Uomini', 'Cat. D,"1,205","1,980"', 'Cat. C,"2,310","1,045"', 'Cat. B,"1,450","1,320"'));
    const [w] = english(d);
    expect(english(d)).toHaveLength(1);
    expect(w).toMatchObject({ severity: 'warning', cell: 'B3', sheet: 'personale' });
    expect(w.message).toMatch(/^«1,205» sembra un numero scritto all'inglese, con la virgola per le migliaia \(1\.205\)/);
    expect(w.message).toMatch(/nessuna tabella è stata riconosciuta/);
    expect(w.message).toMatch(/salvalo come CSV con il separatore «;» e le impostazioni internazionali italiane/);
    // nothing reinterpreted
    expect(d.pap.headcount.total).toBe(0);
  });

  it('one count over a thousand in a table that is recognised: the warning at that cell, beside the count that is not a whole number', () => {
    const d = dossier(lines('Personale in servizio al 31/12/2023', 'Categoria,Donne,Uomini', 'Cat. D,45,32', 'Cat. C,"1,205",980', 'Cat. B,450,320', 'Cat. A,12,10'));
    const [w] = english(d);
    expect(english(d)).toHaveLength(1);
    expect(w).toMatchObject({ severity: 'warning', cell: 'B4' });
    expect(w.message).toMatch(/conteggi come questo non sono numeri interi di persone/);
    expect(d.findings.filter((f) => f.rule === 'value-unparseable').map((f) => f.cell)).toEqual(['B4']);
  });

  it('English thousands of several groups («1,234,567») count too', () => {
    const d = dossier(lines('Categoria,Donne,Uomini', 'Cat. D,"1,234,567","2,205"', 'Cat. C,"1,310","1,045"'));
    expect(english(d).map((f) => f.cell)).toEqual(['B2']);
  });
});

describe('never on an Italian file', () => {
  it.each([
    ['«;» between fields: «1,205» is an Italian decimal', lines('Categoria;Donne;Uomini', 'Cat. D;1,205;1,980', 'Cat. C;2,310;1,045')],
    ['«,» between fields, and another number with a decimal comma that is not a group of three («0,5»)', lines('Categoria,Donne,Uomini', 'Cat. D,"1,205","1,980"', 'Cat. C,"2,310","0,5"')],
    ['«,» between fields, and an Italian thousands dot elsewhere («1.205»)', lines('Categoria,Donne,Uomini', 'Cat. D,"1,205",1.980', 'Cat. C,"2,310","1,045"')],
    ['«,» between fields, a percentage with a decimal comma', lines('Categoria,Donne,Uomini,Quota', 'Cat. D,"1,205","1,980","37,8%"', 'Cat. C,"2,310","1,045","68,9%"')],
    ['«,» between fields, a leading zero («0,500»: FTE, never thousands)', lines('Categoria,Donne,Uomini', 'Cat. D,"1,500","0,500"', 'Cat. C,"2,000","1,000"')],
  ])('%s', (_, text) => {
    expect(english(dossier(text))).toEqual([]);
  });

  it('«,» between fields, a headcount table with a column piao does not recognise («FTE») of «8,500»: nothing said about English numbers', () => {
    const d = dossier(lines('Personale in servizio al 31/12/2023', 'Categoria,Donne,Uomini,FTE', 'Cat. D,5,4,"8,500"', 'Cat. C,10,8,"17,000"', 'Cat. B,3,3,"5,500"'));
    expect(d.findings.filter((f) => f.rule === 'header-unrecognised').map((f) => f.cell)).toEqual(['D2']);
    expect(english(d)).toEqual([]);
  });

  it('an xlsx is never concerned (its numbers are numbers)', () => {
    const d = analyse([{ file: 'p.xlsx', grids: readCsv(Buffer.from(lines('Categoria,Donne,Uomini', 'Cat. D,"1,205","1,980"')), 'p.csv').grids.map((g) => Object.assign(g, { csv: undefined })) }]).dossier;
    expect(english(d)).toEqual([]);
  });
});

describeWithTool(SOFFICE, 'apt-get install libreoffice-calc', 'a CSV saved by LibreOffice with English settings («#,##0» counts)', () => {
  it('the comma-separated export is warned about at its first count; the «;» export of the same book is not', () => {
    const dir = tempDir('piao-csv-en-');
    const book = join(dir, 'personale.xlsx');
    const script = [
      'import openpyxl, sys',
      'wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Personale"',
      'ws.append(["Personale in servizio al 31/12/2023"]); ws.append(["Categoria", "Donne", "Uomini", "Totale"])',
      'for r in [["Cat. D", 1205, 980], ["Cat. C", 2310, 1045], ["Cat. B", 450, 320]]: ws.append(r + [r[1] + r[2]])',
      'for row in ws.iter_rows(min_row=3):',
      '    for c in row[1:]: c.number_format = "#,##0"',
      'wb.save(sys.argv[1])',
    ].join('\n');
    execFileSync(PYTHON, ['-c', script, book]);
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    const exported = (sep: number, out: string) => {
      // English (USA), cell contents saved as shown
      execFileSync('soffice', ['--headless', profile, '--convert-to', `csv:Text - txt - csv (StarCalc):${sep},34,76,1,,1033,false,true,true`, '--outdir', join(dir, out), book], { stdio: 'ignore', timeout: 120_000 });
      return readFileSync(join(dir, out, 'personale.csv'));
    };
    const comma = exported(44, 'comma');
    expect(comma.toString()).toContain('Cat. D,"1,205",980,"2,185"');
    expect(english(dossier(comma)).map((f) => f.cell)).toEqual(['B3']);
    expect(english(dossier(exported(59, 'semicolon')))).toEqual([]);
  });
});
