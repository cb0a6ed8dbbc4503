import iconv from 'iconv-lite';
import { readCsv } from '../../importer/read/csv';
import { decodeText } from '../../importer/read/decode';
import { detectDelimiter } from '../../importer/read/delimiter';
import { gridTexts } from '../helpers/grid';

const ROWS = 'Cognome;Qualifica;Note\nRossi;Funzionario;più\nBianchi;Istruttore;città\n';

describe('CSV reader', () => {
  it.each([
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(ROWS, 'utf-16le')]), 'utf-16le'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(ROWS, 'utf-16be')]), 'utf-16be'],
    ['UTF-16 LE without BOM', iconv.encode(ROWS, 'utf-16le'), 'utf-16le'],
    ['UTF-16 BE without BOM', iconv.encode(ROWS, 'utf-16be'), 'utf-16be'],
    ['UTF-32 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), iconv.encode(ROWS, 'utf-32le')]), 'utf-32le'],
    ['UTF-32 BE with BOM', Buffer.concat([Buffer.from([0x00, 0x00, 0xfe, 0xff]), iconv.encode(ROWS, 'utf-32be')]), 'utf-32be'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ROWS)]), 'utf-8'],
    ['Windows-1252', iconv.encode(ROWS, 'windows-1252'), 'windows-1252'],
  ])('reads %s with its accented letters', (_, bytes, encoding) => {
    const r = readCsv(bytes, 'personale.csv');
    expect(r.encoding).toBe(encoding);
    expect(gridTexts(r.grids[0])).toEqual([
      ['Cognome', 'Qualifica', 'Note'],
      ['Rossi', 'Funzionario', 'più'],
      ['Bianchi', 'Istruttore', 'città'],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('reads a file that mixes UTF-8 and Windows-1252 lines, keeping both halves right, and says so', () => {
    const bytes = Buffer.concat([Buffer.from('Cognome;Note\nRossi;più\n', 'utf8'), iconv.encode('Bianchi;città\nVerdi;perché\n', 'windows-1252')]);
    const r = readCsv(bytes, 'misto.csv');
    expect(r.encoding).toBe('mixed');
    expect(gridTexts(r.grids[0]).map((row) => row[1])).toEqual(['Note', 'più', 'città', 'perché']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'warning', sheet: 'misto' });
    expect(r.problems[0].message).toMatch(/mescola due codifiche.*dalla riga 3/);
  });

  it('reads the lines after a quote that never closes, and points at its record', () => {
    const r = readCsv(Buffer.from('Codice;Obiettivo;Peso\n01.01;"Servizi digitali;40\n01.02;Trasparenza;60\n01.03;Sportello;0\n'), 'obiettivi.csv');
    expect(gridTexts(r.grids[0])).toEqual([
      ['Codice', 'Obiettivo', 'Peso'],
      ['01.01', '"Servizi digitali', '40'],
      ['01.02', 'Trasparenza', '60'],
      ['01.03', 'Sportello', '0'],
    ]);
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'warning', cell: 'A2', message: expect.stringMatching(/riga 2 del file si aprono delle virgolette che non si chiudono/) })]);
  });

  it('keeps a quoted cell over two lines as one cell', () => {
    const r = readCsv(Buffer.from('Codice;Obiettivo\n01.01;"Servizi\ndigitali"\n01.02;Altro\n'), 'o.csv');
    expect(gridTexts(r.grids[0])[1][1]).toBe('Servizi\ndigitali');
    expect(r.grids[0].rowCount).toBe(3);
    expect(r.problems).toEqual([]);
  });

  it('refuses a record of more than 16,384 columns, naming the file', () => {
    const line = Array.from({ length: 16_385 }, (_, i) => `c${i}`).join(';');
    expect(() => readCsv(Buffer.from(`${line}\n`), 'largo.csv')).toThrow('largo.csv: il record 1 ha 16.385 colonne (limite 16.384, come Excel): il separatore è giusto?');
  });

  it('guesses the delimiter from the first lines only, even on a long file', () => {
    const text = `a;b;c\n${'1;2,5;3\n'.repeat(200_000)}`;
    expect(detectDelimiter(text)).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
  });

  it('decodes what is not UTF-8 byte by byte only when UTF-8 and Windows-1252 are mixed', () => {
    expect(decodeText(iconv.encode('perché', 'windows-1252'))).toEqual({ text: 'perché', encoding: 'windows-1252', firstLegacyByte: undefined });
    expect(decodeText(Buffer.from('perché', 'utf8'))).toEqual({ text: 'perché', encoding: 'utf-8' });
  });
});
