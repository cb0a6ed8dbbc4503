import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../importer/engine/analyse';
import { readCsv } from '../../importer/read/csv';
import { decodeText } from '../../importer/read/decode';
import { detectDelimiter } from '../../importer/read/delimiter';
import { ReadError } from '../../importer/read/read-error';
import { readSource } from '../../importer/read/read-source';
import { tempDir } from '../helpers/xlsx';

/** What Excel writes for "CSV (separato dal separatore di elenco)" on an Italian Windows machine. */
function excelItalianCsv(lines: string[]): Buffer {
  return iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1252');
}

describe('CSV reader', () => {
  const lines = [
    'Codice;Obiettivo;Responsabile;Peso %',
    '01.01.01.01;Qualità dei servizi all\'utenza;Settore Attività produttive;62,5',
    '01.01.01.02;"Perché ""semplificare"": meno passaggi";Settore Attività produttive;37,5',
  ];

  it('decodes windows-1252, splits on ; and reads decimal commas', async () => {
    const dir = tempDir();
    const path = join(dir, 'peg-2024.csv');
    writeFileSync(path, excelItalianCsv(lines));
    const grids = await readSource(path, 'peg-2024.csv');
    expect(grids).toHaveLength(1);
    expect(grids[0].sheet).toBe('peg-2024');
    expect(grids[0].text(1, 1)).toBe("Qualità dei servizi all'utenza");
    expect(grids[0].text(2, 1)).toBe('Perché "semplificare": meno passaggi');
    const { dossier } = analyse([{ file: 'peg-2024.csv', grids }]);
    expect(dossier.objectives.map((o) => [o.code, o.weight, o.structure, o.at.cell])).toEqual([
      ['01.01.01.01', 62.5, 'Settore Attività produttive', 'A2'],
      ['01.01.01.02', 37.5, 'Settore Attività produttive', 'A3'],
    ]);
    expect(dossier.findings).toEqual([]);
  });

  it('takes UTF-8 with a BOM, and UTF-16 LE from "Unicode text"', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\n'), 'utf8')]);
    expect(readCsv(utf8, 'a.csv').grids[0].text(0, 0)).toBe('Codice');
    expect(readCsv(utf8, 'a.csv').encoding).toBe('utf-8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n').replace(/;/g, '\t'), 'utf16le')]);
    const r = readCsv(utf16, 'b.csv');
    expect(r.encoding).toBe('utf-16le');
    expect(r.delimiter).toBe('\t');
    expect(r.grids[0].text(1, 1)).toBe("Qualità dei servizi all'utenza");
  });

  it('falls back to windows-1252 only when the bytes are not valid UTF-8', () => {
    expect(decodeText(Buffer.from('Qualità', 'utf8'))).toEqual({ text: 'Qualità', encoding: 'utf-8' });
    expect(decodeText(iconv.encode('Qualità € 5', 'windows-1252'))).toEqual({ text: 'Qualità € 5', encoding: 'windows-1252' });
  });

  it('prefers ; over the decimal commas of Italian numbers, and finds , and tab when they are the separator', () => {
    expect(detectDelimiter('Donne;28;0,62\nUomini;10;0,38\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1,5\t2\n')).toBe('\t');
    expect(detectDelimiter('"x;y",b,c\n1,2,3\n')).toBe(',');
  });

  it('refuses an empty file and an xlsx renamed .csv with an Italian sentence naming the file', () => {
    expect(() => readCsv(Buffer.alloc(0), 'vuoto.csv')).toThrow(new ReadError('vuoto.csv', 'il file è vuoto.'));
    expect(() => readCsv(Buffer.from('PK\x03\x04rest'), 'x.csv')).toThrow(/x\.csv: .*rinominalo in \.xlsx/);
  });
});
