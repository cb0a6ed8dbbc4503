/** Property tests of objective codes (importer/engine/objectives/codes.ts). */
import fc from 'fast-check';
import { codeParent, parseCode, splitCodeAndTitle } from '../../importer/engine/objectives/codes';
import { TIMEOUT, options } from './runs';

jest.setTimeout(TIMEOUT);

const segments = fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 5 });
const two = (n: number) => String(n).padStart(2, '0');
const title = fc
  .tuple(fc.constantFrom(...'ABCDEFGILMNOPRSTUVZabcdefgilmnoprstuvzàèìòù'.split('')), fc.string({ unit: fc.constantFrom(...'abcdefgilmnoprstuvz àèìòù,-'.split('')), maxLength: 40 }))
  .map(([first, rest]) => `${first}${rest}`.trim());

describe('parseCode', () => {
  it('reads a dotted two-digit code as itself, well formed', () => {
    fc.assert(
      fc.property(segments, fc.boolean(), (segs, trailingDot) => {
        const code = segs.map(two).join('.');
        const p = parseCode(`${code}${trailingDot ? '.' : ''}`);
        return p !== undefined && p.code === code && p.wellFormed && p.segments.join('.') === code;
      }),
      options(),
    );
  });

  it('reads single digits and commas as the same code, not well formed (3.2.1, 1,01)', () => {
    fc.assert(
      fc.property(segments, fc.constantFrom('.', ','), (segs, sep) => {
        const written = segs.map((n) => String(n)).join(sep);
        const p = parseCode(written);
        const wellFormed = (sep === '.' || segs.length === 1) && segs.every((n) => n >= 10);
        return p !== undefined && p.code === segs.map(two).join('.') && p.wellFormed === wellFormed;
      }),
      options(),
    );
  });

  it('never throws; any code it returns is canonical (digits, VP or a letter area), and its parent is its prefix', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\s*(VP)?[\d.,\s]{0,14}$/)), (text) => {
        const p = parseCode(text);
        if (!p) return true;
        // a letter area keeps its digits unpadded ("D.1.2", "A.0"): universities number them so
        if (!/^(VP\d+|\d{2,3}(\.\d{2,3})*|[A-Z]{1,4}(\.\d{1,3})+)$/.test(p.code)) return false;
        const parent = codeParent(p.code);
        return parent === null || p.code.startsWith(`${parent}.`);
      }),
      options(2),
    );
  });
});

describe('splitCodeAndTitle', () => {
  it('splits "01.02.03 Title" (and "01.02.03 - Title") into the code and the title', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 2, maxLength: 5 }), fc.constantFrom(' ', ' - ', ': ', '  '), title, (segs, sep, t) => {
        const code = segs.map(two).join('.');
        const r = splitCodeAndTitle(`${code}${sep}${t}`);
        return r.code?.code === code && r.title === t;
      }),
      options(),
    );
  });

  it('leaves a title that starts with a year or a count whole ("2024 Piano...", "3 ponti")', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2100 }), title, (n, t) => {
        const text = `${n} ${t}`;
        const r = splitCodeAndTitle(text);
        return r.code === undefined && r.title === text.trim();
      }),
      options(),
    );
  });

  it('never throws, and keeps every letter of the title', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = splitCodeAndTitle(text);
        const letters = (s: string) => s.replace(/[^A-Za-zÀ-ÿ]/g, '');
        return letters(text).endsWith(letters(r.title)) && (r.code === undefined ? r.title === text.trim() : true);
      }),
      options(2),
    );
  });
});
