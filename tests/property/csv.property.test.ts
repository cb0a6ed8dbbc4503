/** Property tests of the CSV decoder, the delimiter guess and the CSV reader, and fuzzing of CSV bytes. */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { analyse } from '../../importer/engine/analyse';
import { readCsv } from '../../importer/read/csv';
import { decodeText } from '../../importer/read/decode';
import { detectDelimiter } from '../../importer/read/delimiter';
import { ReadError } from '../../importer/read/read-error';
import { objectivesCsv } from '../robustness/make-corpus';
import { registerCsvLines } from '../../bench/generate/register';
import { findingViolation } from './findings';
import { ITALIAN_CHARS, TIMEOUT, options } from './runs';

jest.setTimeout(TIMEOUT);

const italian = (min = 0, max = 30) => fc.string({ unit: fc.constantFrom(...ITALIAN_CHARS.split('')), minLength: min, maxLength: max });
const accented = fc.constantFrom(...'àèéìòùÀÈÉÌÒÙ'.split(''));

describe('decodeText', () => {
  it('gives back any text saved as UTF-8 (with or without BOM) or UTF-16 (LE/BE with BOM)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'), (text, how) => {
        const clean = text.replace(/^\ufeff/, '');
        let bytes: Buffer;
        if (how === 'utf-8') bytes = Buffer.from(clean, 'utf8');
        else if (how === 'utf-8-bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(clean, 'utf8')]);
        else bytes = iconv.encode(clean, how, { addBOM: true });
        return decodeText(bytes).text === clean;
      }),
      options(),
    );
  });

  it('gives back Italian text saved as Windows-1252, or as UTF-16 without BOM (a few characters at least)', () => {
    fc.assert(
      fc.property(italian(4, 60), fc.constantFrom('windows-1252', 'utf-16le', 'utf-16be'), (text, encoding) => decodeText(iconv.encode(text, encoding)).text === text),
      options(),
    );
  });

  it('gives back both halves of a file that is UTF-8 then Windows-1252', () => {
    fc.assert(
      fc.property(italian(0, 40), accented, italian(0, 40), italian(0, 40), (a, accent, b, c) => {
        const first = `${a}${accent}${b}\n`;
        const decoded = decodeText(Buffer.concat([Buffer.from(first, 'utf8'), iconv.encode(c, 'windows-1252')]));
        return decoded.text === first + c && (decoded.encoding === 'mixed' || decoded.encoding === 'utf-8');
      }),
      options(),
    );
  });
});

/** A table of cells that hold no tab, comma or bar (so that the delimiter is the only candidate) but may hold ; " and line breaks. */
const cellText = fc.oneof(italian(0, 12).map((s) => s.replace(/,/g, '')), fc.constantFrom('', ' ', 'a;b', 'dice "sì"', 'due\nrighe', '"', '01.02', '1.234'));
const table = fc.integer({ min: 2, max: 6 }).chain((cols) => fc.array(fc.array(cellText, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 12 }));

describe('CSV reader', () => {
  it('guesses the delimiter of a table written with ; or tab', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(';', '\t'), (rows, delimiter) => {
        const text = rows.map((r) => r.map((c) => c.replace(/[\n"]/g, '').replace(/[;\t]/g, ' ')).join(delimiter)).join('\r\n');
        fc.pre(text.trim() !== ''); // a file of blanks has no delimiter to guess
        return detectDelimiter(text) === delimiter;
      }),
      options(),
    );
  });

  it('reads back every cell of a table written as an Italian Excel CSV (quotes, ; and line breaks in cells)', () => {
    fc.assert(
      fc.property(table, (rows) => {
        fc.pre(rows.some((r) => r.some((c) => c.trim() !== '')));
        const text = Papa.unparse(rows, { delimiter: ';', newline: '\r\n' });
        const grid = readCsv(Buffer.from(text, 'utf8'), 'tabella.csv').grids[0];
        return rows.every((r, i) => r.every((c, j) => (grid.value(i, j) ?? '') === c));
      }),
      options(),
    );
  });
});

const SEEDS = [Buffer.from(objectivesCsv()), Buffer.from(`${[...registerCsvLines(40)].join('\r\n')}\r\n`, 'utf8'), iconv.encode(objectivesCsv(), 'utf-16le')];
const mutation = fc.tuple(fc.constantFrom('flip', 'insert', 'delete', 'truncate', 'quote'), fc.nat(), fc.integer({ min: 0, max: 255 }));

function mutate(bytes: Buffer, ops: [string, number, number][]): Buffer {
  let b = Buffer.from(bytes);
  for (const [op, at, byte] of ops) {
    const i = b.length ? at % b.length : 0;
    if (op === 'flip' && b.length) b[i] = byte;
    else if (op === 'insert') b = Buffer.concat([b.subarray(0, i), Buffer.from([byte]), b.subarray(i)]);
    else if (op === 'delete') b = Buffer.concat([b.subarray(0, i), b.subarray(i + 1)]);
    else if (op === 'truncate') b = b.subarray(0, i);
    else if (op === 'quote') b = Buffer.concat([b.subarray(0, i), Buffer.from('"'), b.subarray(i)]);
  }
  return b;
}

describe('fuzzing CSV bytes', () => {
  it('a mutated CSV is read or refused with an Italian line naming it; what is read analyses within the contract', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS.keys()), fc.array(mutation, { minLength: 1, maxLength: 8 }), (seed, ops) => {
        const bytes = mutate(SEEDS[seed], ops);
        let read;
        try {
          read = readCsv(bytes, 'mutato.csv');
        } catch (err) {
          return err instanceof ReadError && err.message.startsWith('mutato.csv: ') && !/\n\s+at /.test(err.message);
        }
        const violation = findingViolation(analyse([{ file: 'mutato.csv', grids: read.grids, problems: read.problems }]));
        if (violation) throw new Error(violation);
        return true;
      }),
      options(),
    );
  });
});
