/**
 * Objective codes: `01.01.02` (dotted, two digits per level). Sheets also write `3.02.01`,
 * `1,01`, `01.1`, `01.02.` and "01.01.02 Gestire in modo virtuoso..." (code and title in one cell).
 */
export interface ParsedCode {
  /** As written. */
  raw: string;
  /** Canonical: two digits per segment, joined by dots ("3,2" -> "03.02"); "VP1" stays "VP1". */
  code: string;
  segments: string[];
  /** Written in the canonical form (a trailing dot is tolerated: "01.02." is fine). */
  wellFormed: boolean;
}

/**
 * Codes with a letter area, as universities number their plans: "D.1.2" (didattica), "R.2"
 * (ricerca), "TM.1" (terza missione). Their own scheme: digits are not padded and never a format
 * problem; the letters count as the first level ("D.1" is strategic, "D.1.2" operational).
 */
const LETTER_CODE = /^([A-Z]{1,4})\.(\d{1,3}(?:\.\d{1,3})*)\.?$/;
const LEADING_LETTER_CODE = /^\s*([A-Z]{1,4}\.\d{1,3}(?:\.\d{1,3})*\.?)(?=$|\s|\s?[-–—:)])/;
/** A cell that opens with an objective code (digits or letter area). */
const CODE_AT_START = /^\s*(?:(?:VP\s?)?\d{1,3}(?:[.,]\d{1,3})*\.?|[A-Z]{1,4}\.\d{1,3}(?:\.\d{1,3})*\.?)(?:\s|$|[-–—](?=\s*[A-Za-zÀ-ÿ]))/i;

export function startsWithCode(text: string): boolean {
  return CODE_AT_START.test(text);
}

const LEADING_CODE = /^\s*((?:VP\s?)?\d{1,3}(?:\s?[.,]\s?\d{1,3})*\.?)(?=$|[\s\-–—:)_/]|[A-Za-zÀ-ÿ"«'])/i;

export function parseCode(raw: string): ParsedCode | undefined {
  const t = raw.trim();
  const vp = /^VP\s?(\d{1,2})\.?$/i.exec(t);
  if (vp) return { raw: t, code: `VP${Number(vp[1])}`, segments: [String(Number(vp[1]))], wellFormed: true };
  const letters = LETTER_CODE.exec(t);
  if (letters && letters[1] !== 'VP') {
    const numbers = letters[2].split('.').map((s) => String(Number(s)));
    return { raw: t, code: [letters[1], ...numbers].join('.'), segments: [letters[1], ...numbers], wellFormed: true };
  }
  if (!/^\d{1,3}(\s?[.,]\s?\d{1,3})*\.?$/.test(t)) return undefined;
  const body = t.replace(/\s/g, '').replace(/\.$/, '');
  const segments = body.split(/[.,]/);
  const code = segments.map((s) => s.padStart(2, '0')).join('.');
  const wellFormed = !body.includes(',') && segments.every((s) => s.length === 2);
  return { raw: t, code, segments: segments.map((s) => s.padStart(2, '0')), wellFormed };
}

/** Splits "01.01.02 Gestire in modo virtuoso..." into code and title. */
export function splitCodeAndTitle(text: string): { code?: ParsedCode; title: string } {
  const lettered = LEADING_LETTER_CODE.exec(text);
  if (lettered) {
    const code = parseCode(lettered[1]);
    if (code) return { code, title: text.slice(lettered[0].length).replace(/^\s*[-–—:)]?\s*/, '').trim() };
  }
  const m = LEADING_CODE.exec(text);
  if (!m) return { title: text.trim() };
  const code = parseCode(m[1]);
  if (!code) return { title: text.trim() };
  // "2024 Piano..." or "3 ponti" are not codes: a code of one segment needs a separator after it
  const rest = text.slice(m[0].length);
  if (code.segments.length === 1 && !/\.\s*$/.test(m[1]) && !/^\s*[-–—:)]/.test(rest) && !/^VP/i.test(m[1])) {
    if (!/^\s*$/.test(rest)) return { title: text.trim() };
  }
  const title = rest.replace(/^\s*[-–—:)_/]?\s*/, '').trim();
  return { code, title };
}

/**
 * Value codes ("1.", "VP1") number their own list: they keep their digits unpadded, so that value
 * 1 and mandate line 01 stay distinct, and they are never a format problem.
 */
export function asValueCode(parsed: ParsedCode): ParsedCode {
  if (parsed.code.startsWith('VP')) return parsed;
  const code = parsed.segments.map((s) => String(Number(s))).join('.');
  return { ...parsed, code, wellFormed: true };
}

export function depth(code: string): number {
  return code.split('.').length;
}

/** The code of the level above, by numbering ("01.01.02" -> "01.01"); null at the top. */
export function codeParent(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

/** True when `child` sits directly under `parent` in the numbering. */
export function isDirectChild(child: string, parent: string): boolean {
  return codeParent(child) === parent;
}
