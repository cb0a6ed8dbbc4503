import { CellValue, isErrorValue } from '../grid/grid';
import { parseItalianNumber, readNumber } from './numbers';

/**
 * A percentage as written in a cell, before its scale is known. `62%`, `62,3%` and a cell formatted
 * as a percentage say their scale (`fraction` holds the share); a bare `62,3` or `0,623` does not:
 * the scale of a whole line of percentages decides (see `fractionOf`).
 */
export type StatedShare =
  | { kind: 'share'; value: number; explicit: true }
  | { kind: 'share'; value: number; explicit: false }
  | { kind: 'empty' }
  | { kind: 'not-available' }
  | { kind: 'unparseable'; text: string };

export function readStatedShare(value: CellValue, text: string, numFmt?: string): StatedShare {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'unparseable', text };
    return numFmt?.includes('%') ? { kind: 'share', value, explicit: true } : { kind: 'share', value, explicit: false };
  }
  if (isErrorValue(value)) return { kind: 'unparseable', text: value.error };
  const t = (text || (typeof value === 'string' ? value : '')).trim();
  if (t.endsWith('%')) {
    const n = parseItalianNumber(t.slice(0, -1));
    return n === undefined ? { kind: 'unparseable', text: t } : { kind: 'share', value: n / 100, explicit: true };
  }
  const r = readNumber(value, t);
  if (r.kind === 'number') return { kind: 'share', value: r.value, explicit: false };
  return r;
}

/** Percentage points (`62,3` means 62.3%) or fractions (`0,623`). */
export type ShareScale = 'points' | 'fraction';

/** The fraction a stated share stands for, on the scale of its line. */
export function fractionOf(s: { value: number; explicit: boolean }, scale: ShareScale): number {
  if (s.explicit) return s.value;
  return scale === 'points' ? s.value / 100 : s.value;
}

/**
 * Decides the scale of a line of bare percentages: any value above 1 means points; otherwise the
 * scale under which more of them agree with the shares computed from the counts (fractions on a tie).
 */
export function lineScale(values: readonly { value: number; explicit: boolean; expected?: number[] }[], tolerance = 0.005): ShareScale {
  const bare = values.filter((v) => !v.explicit);
  if (bare.some((v) => Math.abs(v.value) > 1)) return 'points';
  let points = 0;
  let fraction = 0;
  for (const v of bare) {
    const exp = v.expected ?? [];
    if (exp.some((e) => Math.abs(v.value / 100 - e) <= tolerance)) points++;
    if (exp.some((e) => Math.abs(v.value - e) <= tolerance)) fraction++;
  }
  return points > fraction ? 'points' : 'fraction';
}

/** A fraction as Italians write it: 0.623 -> "62,3%". */
export function formatPercentIt(fraction: number): string {
  return `${(Math.round(fraction * 1000) / 10).toLocaleString('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}
