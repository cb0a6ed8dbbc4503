import { CellValue } from '../grid/grid';
import { parseItalianNumber } from '../normalise/numbers';
import { Gender, WorkRegime } from '../schema/dossier';
import { AgeBand, SmartMode, classifyLabel } from '../staff/labels';
import { normaliseLabel } from '../text/normalise';

/** Values of a register cell, read once per distinct text (registers repeat the same few values). */

export function readGender(text: string): Gender | undefined {
  const n = normaliseLabel(text);
  if (/^(f|femmina|femminile|donna|d|femm)$/.test(n)) return 'F';
  if (/^(m|maschio|maschile|uomo|u|masc)$/.test(n)) return 'M';
  return undefined;
}

export type RegisterContract = 'fixed-term' | 'permanent';

/** "TD", "T.D.", "Tempo determinato", "art. 110" -> fixed-term; "TI", "Tempo indeterminato", "di ruolo", empty -> permanent. */
export function readContract(text: string): RegisterContract | undefined {
  const n = normaliseLabel(text);
  if (!n || /^(t ?i|tempo indeterminato|indeterminato|ruolo|di ruolo|a tempo indeterminato|permanente|n|no)$/.test(n)) return 'permanent';
  if (/^(t ?d|tempo determinato|determinato|a tempo determinato|a termine|art 110|art 90|s|si|tempo det)\b/.test(n) || /\bdeterminato\b/.test(n)) return /\bindeterminato\b/.test(n) ? 'permanent' : 'fixed-term';
  return undefined;
}

/** A work-time cell that says full time: empty, «100%», «tempo pieno», «FT», «36/36». */
export function saysFullTime(normalised: string): boolean {
  return !normalised || /^(100|100 %|no|n|tempo pieno|tp|ft|full ?time|pieno|t pieno|36 36)$/.test(normalised);
}

/**
 * The share of full time a work-time cell gives, in percent: «83,33%», «50», «0,5» (a fraction),
 * «18/36» (hours of 36); with `inText`, also a percentage inside words («PT verticale 50%»).
 */
export function workTimePercent(text: string, inText = false): number | undefined {
  const t = text.trim();
  const hours = /^(\d{1,2}(?:[.,]\d+)?)\s*\/\s*(\d{2})$/.exec(t);
  if (hours) return (parseItalianNumber(hours[1])! / Number(hours[2])) * 100;
  const num = parseItalianNumber(t.replace(/%\s*$/, ''));
  if (num !== undefined) return num > 0 && num < 1 ? num * 100 : num;
  const within = inText ? /(\d{1,2}(?:[.,]\d+)?)\s*%/.exec(t) : null;
  return within ? parseItalianNumber(within[1]) : undefined;
}

/**
 * The work-time regime of a register row: empty, "100%", "Tempo pieno", "FT" are full time; a
 * percentage below 100 ("50", "83,33%", "0,5", "18/36") is part-time, vertical or horizontal when
 * the text or the type column says so ("PT verticale 50%").
 */
export function readRegime(text: string, typeText = ''): WorkRegime | undefined {
  const t = text.trim();
  const n = normaliseLabel(t);
  if (saysFullTime(n)) return 'full-time';
  const pct = workTimePercent(t);
  if (pct !== undefined) {
    if (pct >= 100) return pct > 100 ? undefined : 'full-time';
    if (pct <= 0) return undefined;
    const kind = /vert/i.test(typeText) ? 'vertical' : /oriz/i.test(typeText) ? 'horizontal' : undefined;
    if (!kind) return 'part-time';
    return `part-time-${kind}-${pct <= 50 ? '50' : 'over-50'}` as WorkRegime;
  }
  const m = classifyLabel(`${t} ${typeText}`.trim(), `${t} ${typeText}`.trim());
  if (m?.regime) return m.regime;
  if (/^(si|s|x|sì|part time|pt|tempo parziale)$/.test(n)) return 'part-time';
  return undefined;
}

/** "Sì", "X", "1", "2 giorni" -> partial; "100%", "totale", "fragile", 5 days -> full; "No", empty, 0 -> none. */
export function readSmart(value: CellValue, text: string): SmartMode | 'none' | undefined {
  if (typeof value === 'number') {
    if (value <= 0) return 'none';
    return value >= 5 ? 'full' : 'partial';
  }
  const n = normaliseLabel(text);
  if (!n || /^(no|n|0|non|nessuno|-)$/.test(n)) return 'none';
  if (/\b(100|totale|fragil[ei]|integrale|5 giorni|full)\b/.test(n)) return 'full';
  if (/^(si|s|x|yes|y|1|ordinario|parziale|attivo|sw|la|lavoro agile|smart working)$/.test(n) || /^[1-4]( giorn[oi])?/.test(n)) return 'partial';
  return undefined;
}

const DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function twoDigits(text: string, i: number): number {
  return (text.charCodeAt(i) - 48) * 10 + (text.charCodeAt(i + 1) - 48);
}

function digitsAt(text: string, i: number, n: number): boolean {
  for (let k = i; k < i + n; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * A date cell as UTC milliseconds: a Date, an Excel serial number, a year (1950-2100, read as
 * 1 July), or a text "31/12/2023", "31-12-2023", "31.12.2023", "1/2/1980", "2023-12-31". Parsed by
 * hand: a register of 100,000 rows reads it once per row without a regular expression.
 */
export function readDate(value: CellValue, text: string): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1900 && value <= 2100) return Date.UTC(value, 6, 1);
    if (value > 3000 && value < 80000) return EXCEL_EPOCH + Math.round(value) * DAY;
    return undefined;
  }
  const t = text.trim();
  const len = t.length;
  if (len === 4 && digitsAt(t, 0, 4)) return Date.UTC(Number(t), 6, 1);
  if (len === 10 && digitsAt(t, 0, 4) && t[4] === '-' && t[7] === '-' && digitsAt(t, 5, 2) && digitsAt(t, 8, 2)) {
    return valid(Number(t.slice(0, 4)), twoDigits(t, 5), twoDigits(t, 8));
  }
  // d/m/yyyy with one or two digits for day and month
  let i = 0;
  const part = (): number | undefined => {
    const start = i;
    while (i < len && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
    if (i === start || i - start > 4) return undefined;
    return Number(t.slice(start, i));
  };
  const d = part();
  if (d === undefined || i >= len || !'/-.'.includes(t[i])) return undefined;
  const sep = t[i++];
  const m = part();
  if (m === undefined || t[i] !== sep) return undefined;
  i++;
  let y = part();
  if (y === undefined || i !== len) return undefined;
  if (y < 100) y += y > 30 ? 1900 : 2000;
  return valid(y, m, d);
}

function valid(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return undefined;
  const ms = Date.UTC(y, m - 1, d);
  return new Date(ms).getUTCDate() === d ? ms : undefined;
}

const scratch = new Int32Array(3);

/** Writes year, month (1-12) and day of a UTC time into `out`, by arithmetic (no object per row). */
export function civilInto(ms: number, out: Int32Array = scratch): Int32Array {
  const z = Math.floor(ms / DAY) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[1] = m;
  out[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
  return out;
}

/** The year of a UTC time. */
export function yearOf(ms: number): number {
  return civilInto(ms)[0];
}

/** Whole years from a date to another: the age at a date, or the years spent in a profile at 31/12. */
export function ageAt(birth: number, at: number): number {
  const b = civilInto(birth);
  const by = b[0];
  const bm = b[1];
  const bd = b[2];
  const a = civilInto(at);
  let age = a[0] - by;
  if (a[1] < bm || (a[1] === bm && a[2] < bd)) age--;
  return age;
}

/** The CUG age band of an age (30 and under, 31-40, 41-50, 51-60, over 60). */
export function ageBandOf(age: number): AgeBand {
  if (age <= 30) return '<30';
  if (age <= 40) return '31-40';
  if (age <= 50) return '41-50';
  if (age <= 60) return '51-60';
  return '>60';
}
