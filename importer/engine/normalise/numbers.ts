import { CellValue, isErrorValue } from '../grid/grid';

/** Result of reading a cell that must hold a number. */
export type NumberReading =
  | { kind: 'number'; value: number }
  | { kind: 'empty' }
  | { kind: 'not-available' }
  | { kind: 'unparseable'; text: string };

const NOT_AVAILABLE = /^(n\.?\s?d\.?|n\.?\s?a\.?|non disponibile|nd)$/i;
const DASHES = /^[-–—]+$/;
const SPACES = /[\s\u00a0\u202f']/g;
const DIGIT = /[0-9]/;

/**
 * Reads an Italian-written number: `1.234,5`, `1234,5`, `0,623`, `1 234`, `-3`.
 * A single dot followed by exactly three digits groups thousands (`1.234` is 1234);
 * any other single dot is a decimal point (`1.5`), as in sheets exported in English.
 */
export function parseItalianNumber(raw: string): number | undefined {
  if (!DIGIT.test(raw)) return undefined; // most texts of a sheet: no need to look further
  let t = raw.replace(SPACES, '');
  if (t === '') return undefined;
  let sign = 1;
  if (/^[-−]/.test(t)) {
    sign = -1;
    t = t.slice(1);
  } else if (t.startsWith('+')) t = t.slice(1);
  if (!/^[0-9.,]+$/.test(t) || !/[0-9]/.test(t)) return undefined;
  const commas = (t.match(/,/g) ?? []).length;
  const dots = (t.match(/\./g) ?? []).length;
  let normalised: string;
  if (commas > 1) {
    // 1,234,567 (English thousands) only when every group has three digits
    if (!/^\d{1,3}(,\d{3})+$/.test(t)) return undefined;
    normalised = t.replace(/,/g, '');
  } else if (commas === 1) {
    const [intPart, dec] = t.split(',');
    if (dots > 0 && !/^\d{1,3}(\.\d{3})+$/.test(intPart)) {
      // 1,234.5 written in English
      if (dots === 1 && /^\d{1,3}$/.test(intPart) && /^\d{3}\.\d+$/.test(dec)) return sign * Number(intPart + dec);
      return undefined;
    }
    if (dec === '' || !/^\d+$/.test(dec)) return undefined;
    normalised = `${intPart.replace(/\./g, '')}.${dec}`;
  } else if (dots > 1) {
    if (!/^\d{1,3}(\.\d{3})+$/.test(t)) return undefined;
    normalised = t.replace(/\./g, '');
  } else if (dots === 1) {
    normalised = /^\d{1,3}\.\d{3}$/.test(t) ? t.replace('.', '') : t;
    if (normalised.startsWith('.') || normalised.endsWith('.')) return undefined;
  } else normalised = t;
  const n = Number(normalised);
  return Number.isFinite(n) ? sign * n : undefined;
}

/**
 * Reads a count or amount cell. Empty and `-` read as empty (callers decide whether that is 0),
 * `n.d.` as not available, anything else that is not a number as unparseable.
 */
export function readNumber(value: CellValue, text: string): NumberReading {
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'unparseable', text };
  if (isErrorValue(value)) return { kind: 'unparseable', text: value.error };
  if (value instanceof Date || typeof value === 'boolean') return { kind: 'unparseable', text };
  const t = (text || (typeof value === 'string' ? value : '')).trim();
  if (t === '' || DASHES.test(t)) return { kind: 'empty' };
  if (NOT_AVAILABLE.test(t)) return { kind: 'not-available' };
  const n = parseItalianNumber(t);
  return n === undefined ? { kind: 'unparseable', text: t } : { kind: 'number', value: n };
}

/**
 * Reads a percentage and returns it as a fraction: `62%` and `62,3%` and `0,623` and 62 (in a
 * cell formatted as a number that is over 1) all give a fraction. A number cell with a `%` number
 * format already holds the fraction.
 */
export function readPercentage(value: CellValue, text: string, numFmt?: string): NumberReading {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'unparseable', text };
    if (numFmt?.includes('%')) return { kind: 'number', value };
    return { kind: 'number', value: Math.abs(value) > 1 ? value / 100 : value };
  }
  const t = (text || (typeof value === 'string' ? value : '')).trim();
  if (t.endsWith('%')) {
    const n = parseItalianNumber(t.slice(0, -1));
    return n === undefined ? { kind: 'unparseable', text: t } : { kind: 'number', value: n / 100 };
  }
  const r = readNumber(value, t);
  if (r.kind !== 'number') return r;
  return { kind: 'number', value: Math.abs(r.value) > 1 ? r.value / 100 : r.value };
}

/** Rounds a share the way every output shows it: three decimals. */
export function roundShare(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A share in [0, 1] rounded to three decimals, or null when the total is zero. */
export function share(part: number, total: number): number | null {
  if (!total) return null;
  return roundShare(part / total);
}
