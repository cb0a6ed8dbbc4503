import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { analyse } from '../../importer/engine/analyse';
import { main } from '../../importer/cli/main';
import { Dossier } from '../../importer/engine/schema/dossier';
import { Mapping } from '../../importer/engine/mapping/schema';
import { readCsv } from '../../importer/read/csv';
import { gridTexts } from '../helpers/grid';
import { describeWithTool, SOFFICE } from '../helpers/tools';
import { PYTHON, libreofficeConvert } from '../helpers/wild-writers';
import { tempDir } from '../helpers/xlsx';

/**
 * CSV files as other writers and other systems make them: line endings mixed in one file, notes
 * in quotes over several lines with `;` and `,` inside, a few lines of prose above a small table.
 * The delimiter, encoding and line ending chosen are written in mappatura.json, where the officer
 * can correct them, and `--mappa` reads the file as they say.
 */

const ROWS = [
  ['Categoria', 'Donne', 'Uomini'],
  ['Cat. D', '5', '4'],
  ['Cat. C', '10', '8'],
  ['Cat. B', '3', '3'],
];

function read(text: string | Buffer, file = 'personale.csv') {
  const r = readCsv(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, file);
  return { grid: r.grids[0], texts: gridTexts(r.grids[0]), problems: r.problems };
}

function headcount(text: string | Buffer, file = 'personale.csv'): Dossier {
  const r = readCsv(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, file);
  return analyse([{ file, grids: r.grids, problems: r.problems }]).dossier;
}

describe('line endings', () => {
  it.each([
    ['CRLF, LF and a lone CR in one file (pieces saved on different systems)', 'Categoria;Donne;Uomini\r\nCat. D;5;4\nCat. C;10;8\rCat. B;3;3\r\n', 'mixed'],
    ['a lone CR, as old Macs wrote', 'Categoria;Donne;Uomini\rCat. D;5;4\rCat. C;10;8\rCat. B;3;3\r', 'CR'],
    ['LF', 'Categoria;Donne;Uomini\nCat. D;5;4\nCat. C;10;8\nCat. B;3;3', 'LF'],
    ['CRLF', 'Categoria;Donne;Uomini\r\nCat. D;5;4\r\nCat. C;10;8\r\nCat. B;3;3\r\n', 'CRLF'],
    ['LF then CRLF then LF, no line break at the end', 'Categoria;Donne;Uomini\nCat. D;5;4\r\nCat. C;10;8\nCat. B;3;3', 'mixed'],
  ])('%s: every record on its own row', (_, text, ending) => {
    const { grid, texts } = read(text);
    expect(texts).toEqual(ROWS);
    expect(grid.csv).toEqual({ delimiter: ';', encoding: 'utf-8', lineEnding: ending });
  });

  it('Excel: CRLF between records, LF inside a quoted note: one kind of line ending, the note keeps its line break', () => {
    const { grid, texts } = read('Categoria;Donne;Uomini;Note\r\nCat. D;5;4;"due in comando\nuno in aspettativa"\r\nCat. C;10;8;\r\n');
    expect(grid.csv?.lineEnding).toBe('CRLF');
    expect(texts[1][3]).toBe('due in comando\nuno in aspettativa');
    expect(texts).toHaveLength(3);
  });

  it('a mix with a note over lines in quotes: the note stays one cell', () => {
    const { grid, texts } = read('Categoria;Donne;Uomini;Note\nCat. D;5;4;"riga uno\r\nriga due"\rCat. C;10;8;\r\n');
    expect(grid.csv?.lineEnding).toBe('mixed');
    expect(texts.map((r) => r[0])).toEqual(['Categoria', 'Cat. D', 'Cat. C']);
    expect(texts[1][3]).toBe('riga uno\nriga due');
  });
});

describe('the delimiter is not swayed by notes in quotes or prose above the table', () => {
  const notes = [
    'Categoria;Donne;Uomini;Note',
    'Cat. D;5;4;"Comprende 2 dipendenti in comando, 1 in aspettativa;',
    'vedi la delibera n. 12, del 2023, e la nota del segretario; fonte: ufficio personale, conto annuale"',
    'Cat. C;10;8;"Nessuna nota, dati certi,',
    'fonte: conto annuale, tabella 1, righe 3, 4, 5"',
    'Cat. B;3;3;',
  ].join('\r\n');

  it('«;» with notes over several lines full of «,»', () => {
    const { grid, texts } = read(notes);
    expect(grid.csv?.delimiter).toBe(';');
    expect(texts.map((r) => r.slice(0, 3))).toEqual(ROWS);
    expect(texts[1][3]).toMatch(/^Comprende 2 .*\r?\nvedi la delibera .*conto annuale$/);
  });

  it('«,» with notes over several lines full of «;»', () => {
    const text = 'Categoria,Donne,Uomini,Note\nCat. D,5,4,"in comando; aspettativa;\nvedi; delibera; n. 12"\nCat. C,10,8,"nota; altra;\nancora; due"\nCat. B,3,3,\n';
    expect(read(text).grid.csv?.delimiter).toBe(',');
    expect(read(text).texts.map((r) => r.slice(0, 3))).toEqual(ROWS);
  });

  it('a small table with «;» under lines of prose full of commas', () => {
    const text = [
      'Relazione sul personale, anno 2023.',
      'I dati vengono dal conto annuale, come ogni anno.',
      'Sono compresi i dipendenti in comando, esclusi i collaboratori.',
      'Per le note, vedi sotto, in fondo.',
      '',
      'Personale al 31/12/2023',
      ...ROWS.map((r) => r.join(';')),
    ].join('\r\n');
    const d = headcount(text);
    expect(d.pap.headcount).toMatchObject({ F: 18, M: 15 });
    expect(d.sources[0].sheets[0]).toMatchObject({ kind: 'headcount', referenceDate: '2023-12-31' });
  });

  it('a «,» file with Italian decimals in quotes', () => {
    const { grid, texts } = read('Categoria,Donne,Quota donne\nCat. D,5,"62,5%"\nCat. C,10,"37,5%"\n');
    expect(grid.csv?.delimiter).toBe(',');
    expect(texts[1]).toEqual(['Cat. D', '5', '62,5%']);
  });
});

describeWithTool(PYTHON, 'apt-get install -y python3', 'CSV written by Python’s csv module (CRLF, quotes where needed)', () => {
  it('notes with «;», «,» and line breaks: delimiter, records and cells as written', () => {
    const script = [
      'import csv, sys',
      "w = csv.writer(sys.stdout, delimiter=';')",
      "w.writerow(['Categoria', 'Donne', 'Uomini', 'Note'])",
      "w.writerow(['Cat. D', 5, 4, 'due in comando, uno in aspettativa;\\nvedi delibera n. 12, 2023'])",
      "w.writerow(['Cat. C', 10, 8, 'dati certi, fonte: conto annuale'])",
      "w.writerow(['Cat. B', 3, 3, ''])",
    ].join('\n');
    const bytes = execFileSync(PYTHON, ['-c', script]);
    const { grid, texts } = read(bytes);
    expect(grid.csv).toEqual({ delimiter: ';', encoding: 'utf-8', lineEnding: 'CRLF' });
    expect(texts.map((r) => r.slice(0, 3))).toEqual(ROWS);
    expect(texts[1][3]).toBe('due in comando, uno in aspettativa;\nvedi delibera n. 12, 2023');
  });
});

describeWithTool(SOFFICE, 'apt-get install -y libreoffice-calc', 'CSV exported by LibreOffice', () => {
  it.each([
    ['«;», UTF-8', 'csv:Text - txt - csv (StarCalc):59,34,76,1', ';', 'utf-8'],
    ['«,», Windows-1252', 'csv:Text - txt - csv (StarCalc):44,34,1252,1', ',', 'windows-1252'],
    ['tab, UTF-16', 'csv:Text - txt - csv (StarCalc):9,34,65535,1', '\t', 'utf-16le'],
  ])('%s, with a note over two lines full of «;» and «,»', async (_, filter, delimiter, encoding) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Personale');
    for (const [i, r] of ROWS.entries()) ws.addRow(i === 0 ? r : [r[0], ...r.slice(1).map(Number)]);
    ws.getCell('D1').value = 'Note';
    ws.getCell('D2').value = 'Unità in comando, 2;\nvedi delibera; n. 12, 2023';
    const exported = libreofficeConvert(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'personale.xlsx', filter);
    const { grid, texts } = read(exported);
    expect(grid.csv).toMatchObject({ delimiter, encoding });
    expect(texts.map((r) => r.slice(0, 3))).toEqual(ROWS);
    expect(texts[1][3]).toBe('Unità in comando, 2;\nvedi delibera; n. 12, 2023');
  }, 120_000);
});

describe('mappatura.json says how each CSV was read, and --mappa reads it so', () => {
  const quiet = { out: () => undefined, err: () => undefined };

  it('records delimiter, encoding and line ending; the officer corrects them and the file is read again as they say', async () => {
    const dir = tempDir('piao-csv-mappa-');
    const text = 'Personale al 31/12/2023;;\r\nCategoria;Donne;Uomini\r\nCat. D;5;4\nUnità speciali;1;1\rCat. C;10;8\r\n';
    writeFileSync(join(dir, 'personale.csv'), iconv.encode(text, 'windows-1252'));
    expect(await main(['import', join(dir, 'personale.csv'), '--out', join(dir, 'out')], quiet)).toBe(0);
    const mapping = JSON.parse(readFileSync(join(dir, 'out', 'mappatura.json'), 'utf8')) as Mapping;
    expect(mapping.sheets[0].csv).toEqual({ delimiter: ';', encoding: 'windows-1252', lineEnding: 'mixed' });
    expect(Mapping.parse(mapping)).toBeTruthy();

    // the mapping as written reads the same
    expect(await main(['import', join(dir, 'personale.csv'), '--out', join(dir, 'out-same'), '--mappa', join(dir, 'out', 'mappatura.json')], quiet)).toBe(0);
    const first = JSON.parse(readFileSync(join(dir, 'out', 'piao.json'), 'utf8')) as Dossier;
    const same = JSON.parse(readFileSync(join(dir, 'out-same', 'piao.json'), 'utf8')) as Dossier;
    expect(same).toEqual(first);

    // corrected: read as UTF-8 (wrongly, on purpose) with «,»: what piao reads follows the mapping
    mapping.sheets[0].csv = { delimiter: ',', encoding: 'utf-8', lineEnding: 'mixed' };
    writeFileSync(join(dir, 'corretta.json'), JSON.stringify(mapping, null, 2));
    await main(['import', join(dir, 'personale.csv'), '--out', join(dir, 'out2'), '--mappa', join(dir, 'corretta.json')], quiet);
    const again = JSON.parse(readFileSync(join(dir, 'out2', 'mappatura.json'), 'utf8')) as Mapping;
    expect(again.sheets[0].csv).toEqual({ delimiter: ',', encoding: 'utf-8', lineEnding: 'mixed' });
    const d = JSON.parse(readFileSync(join(dir, 'out2', 'piao.json'), 'utf8')) as Dossier;
    expect(d.pap.headcount.total).toBe(0); // one column of «Cat. D;5;4»: no table
  });
});
