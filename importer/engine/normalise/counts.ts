import { CellValue, isErrorValue } from '../grid/grid';
import { parseItalianNumber, readNumber } from './numbers';

/**
 * How a count of people was written:
 * - `plain`: `28`
 * - `of-which`: `28 di cui 1 a T.D`, `2 (di cui 1 TD)`: the first number is everybody
 * - `plus`: `5 (+ 5 TD)`: permanent staff plus fixed-term staff
 * - `all-fixed-term`: `1 (TD)`: every one of them is fixed-term
 */
export type CountNotation = 'plain' | 'of-which' | 'plus' | 'all-fixed-term';

export type CountReading =
  | {
      kind: 'count';
      /** Everybody, fixed-term included (`5 (+ 5 TD)` is 10). */
      count: number;
      /** How many of them are fixed-term. */
      fixedTerm: number;
      notation: CountNotation;
    }
  | { kind: 'empty' }
  | { kind: 'not-available' }
  | { kind: 'unparseable'; text: string; why: 'text' | 'fraction' };

const NUM = '([+-]?\\d+(?:[.,]\\d+)*)';
const TD = '(?:t\\.?\\s?d\\.?|tempo\\s+determinato|a\\s+termine)';
const OF_WHICH = new RegExp(`^${NUM}\\s*[,;]?\\s*\\(?\\s*di\\s+cui\\s+${NUM}\\s*(?:a\\s+|in\\s+|con\\s+contratto\\s+a\\s+)?${TD}\\s*\\)?$`, 'i');
const PLUS = new RegExp(`^${NUM}\\s*\\(\\s*\\+\\s*${NUM}\\s*${TD}\\s*\\)$|^${NUM}\\s*\\+\\s*${NUM}\\s*${TD}$`, 'i');
const ALL_TD = new RegExp(`^${NUM}\\s*(?:\\(\\s*(?:a\\s+)?${TD}\\s*\\)|(?:a\\s+)?${TD})$`, 'i');

function number(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : parseItalianNumber(raw);
}

/** A count must be a whole number of people. */
function countOf(n: number, text: string, notation: CountNotation, fixedTerm: number): CountReading {
  if (!Number.isInteger(n) || !Number.isInteger(fixedTerm)) return { kind: 'unparseable', text, why: 'fraction' };
  return { kind: 'count', count: n, fixedTerm, notation };
}

/** Reads the text of a count cell with the notations of real staff tables (see DOMAIN.md). */
export function parseCountText(raw: string): CountReading {
  const text = raw.replace(/\s+/g, ' ').trim();
  const plain = readNumber(text, text);
  if (plain.kind === 'empty' || plain.kind === 'not-available') return plain;
  if (plain.kind === 'number') return countOf(plain.value, text, 'plain', 0);
  let m = OF_WHICH.exec(text);
  if (m) {
    const all = number(m[1]);
    const td = number(m[2]);
    if (all !== undefined && td !== undefined) return countOf(all, text, 'of-which', td);
  }
  m = PLUS.exec(text);
  if (m) {
    const permanent = number(m[1] ?? m[3]);
    const td = number(m[2] ?? m[4]);
    if (permanent !== undefined && td !== undefined) return countOf(permanent + td, text, 'plus', td);
  }
  m = ALL_TD.exec(text);
  if (m) {
    const n = number(m[1]);
    if (n !== undefined) return countOf(n, text, 'all-fixed-term', n);
  }
  return { kind: 'unparseable', text, why: 'text' };
}

/** Reads a count cell: a number, a notation, empty or `-` (empty: the caller counts it as 0), `n.d.`. */
export function readCount(value: CellValue, text: string): CountReading {
  if (typeof value === 'number') return Number.isFinite(value) ? countOf(value, text || String(value), 'plain', 0) : { kind: 'unparseable', text, why: 'text' };
  if (isErrorValue(value)) return { kind: 'unparseable', text: value.error, why: 'text' };
  if (value instanceof Date || typeof value === 'boolean') return { kind: 'unparseable', text, why: 'text' };
  return parseCountText(text || (typeof value === 'string' ? value : ''));
}

/** True when a text reads as a count, a count notation, `-` or `n.d.`: body, not header. */
export function isCountLike(value: CellValue, text: string): boolean {
  const r = readCount(value, text);
  return r.kind === 'count' || r.kind === 'not-available' || (r.kind === 'unparseable' && r.why === 'fraction') || (r.kind === 'empty' && text.trim() !== '');
}
