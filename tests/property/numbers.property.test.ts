/** Property tests of the readers of numbers and percentages (importer/engine/normalise/numbers.ts). */
import fc from 'fast-check';
import { parseItalianNumber, readNumber, readPercentage } from '../../importer/engine/normalise/numbers';
import { TIMEOUT, options } from './runs';

jest.setTimeout(TIMEOUT);

/** An integer as an Italian sheet writes it: groups of three digits joined by dots. */
function grouped(n: number): string {
  const digits = String(Math.abs(n));
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return `${n < 0 ? '-' : ''}${groups.join('.')}`;
}

const spaces = fc.constantFrom(' ', '\u00a0', '\u202f', "'");
const integer = fc.integer({ min: -999_999_999, max: 999_999_999 });
const decimals = fc.integer({ min: 0, max: 999_999 }).map((d) => String(d).replace(/0+$/, '') || '0');

describe('parseItalianNumber', () => {
  it('reads integers written with thousands dots (1.234.567)', () => {
    fc.assert(
      fc.property(integer, (n) => parseItalianNumber(grouped(n)) === n),
      options(),
    );
  });

  it('reads decimals written with a decimal comma, grouped or not (1.234,5 and 1234,5)', () => {
    fc.assert(
      fc.property(integer, decimals, fc.boolean(), (n, dec, group) => {
        const intPart = group ? grouped(Math.abs(n)) : String(Math.abs(n));
        const text = `${n < 0 ? '-' : ''}${intPart},${dec}`;
        const expected = (n < 0 ? -1 : 1) * Number(`${Math.abs(n)}.${dec}`);
        return parseItalianNumber(text) === expected;
      }),
      options(),
    );
  });

  it('ignores spaces, non-breaking spaces and apostrophes wherever they are', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.array(fc.tuple(fc.nat(), spaces), { maxLength: 4 }), (text, inserts) => {
        let spaced = text;
        for (const [at, ch] of inserts) {
          const i = at % (spaced.length + 1);
          spaced = spaced.slice(0, i) + ch + spaced.slice(i);
        }
        return Object.is(parseItalianNumber(spaced), parseItalianNumber(text));
      }),
      options(),
    );
  });

  it('never throws, and gives a finite number or nothing, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[-+−]?[\d.,\s]{0,30}$/)), (text) => {
        const n = parseItalianNumber(text);
        return n === undefined || Number.isFinite(n);
      }),
      options(2),
    );
  });

  it('reads a minus sign as the negative of the same number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\d.,]{1,15}$/), (text) => {
        const n = parseItalianNumber(text);
        return n === undefined || Object.is(parseItalianNumber(`-${text}`), -n);
      }),
      options(),
    );
  });
});

describe('readNumber and readPercentage', () => {
  const anyValue = fc.oneof(
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
    fc.constantFrom('#DIV/0!', '#N/A', '#RIF!').map((error) => ({ error })),
  );

  it('never throw, and say what they read, for any cell value and text', () => {
    fc.assert(
      fc.property(anyValue, fc.string(), fc.option(fc.constantFrom('0%', '0.0%', '#,##0', 'dd/mm/yyyy'), { nil: undefined }), (value, text, numFmt) => {
        for (const r of [readNumber(value, text), readPercentage(value, text, numFmt)]) {
          if (!['number', 'empty', 'not-available', 'unparseable'].includes(r.kind)) return false;
          if (r.kind === 'number' && Number.isNaN(r.value)) return false;
        }
        return true;
      }),
      options(2),
    );
  });

  it('read every finite number cell as that number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const r = readNumber(v, String(v));
        return r.kind === 'number' && Object.is(r.value, v);
      }),
      options(),
    );
  });

  it('read empty and dash cells as empty, n.d. as not available', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '  ', '-', '–', '—', '--'), fc.constantFrom('n.d.', 'N.D.', 'nd', 'n.a.', 'n. d.', 'non disponibile'), (empty, nd) => {
        return readNumber(null, empty).kind === 'empty' && readNumber(nd, nd).kind === 'not-available';
      }),
      options(0.2),
    );
  });

  it('read "x%" as x/100, and a number formatted as a percentage as it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (tenths) => {
        const pct = tenths / 1000; // 0..100 with up to three decimals
        const written = `${String(pct).replace('.', ',')}%`;
        const fromText = readPercentage(written, written);
        const fromCell = readPercentage(pct / 100, '', '0.0%');
        return fromText.kind === 'number' && Math.abs(fromText.value - pct / 100) < 1e-12 && fromCell.kind === 'number' && fromCell.value === pct / 100;
      }),
      options(),
    );
  });
});
