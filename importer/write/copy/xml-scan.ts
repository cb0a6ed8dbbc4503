/**
 * Finds the markup of an XML part in its bytes, without decoding them: tags, comments, CDATA and
 * processing instructions, each with where it starts and ends. Names and attributes are ASCII in
 * the parts we patch, and a byte of a multi-byte UTF-8 character is never `<`, `>` or a quote, so
 * the bytes between two tags (text, or markup we do not change) are copied as they are.
 *
 * Only parts that the streaming reader has already parsed whole (a sheet, its comments) or that
 * are small (workbook, styles, relationships) come here: well-formedness is not checked again.
 */
/** Start tag, end tag, empty-element tag, or anything else (comment, CDATA section, processing instruction). */
export const Kind = { Open: 0, Close: 1, Empty: 2, Other: 3 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export interface Markup {
  kind: Kind;
  start: number;
  /** Just after the closing `>`. */
  end: number;
  /** The qualified name (`row`, `x:row`), empty for Other. */
  name: string;
}

const LT = 0x3c;
const GT = 0x3e;
const BANG = 0x21;
const QUESTION = 0x3f;
const SLASH = 0x2f;
const DQ = 0x22;
const SQ = 0x27;

function isNameEnd(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === SLASH || b === GT;
}

function startsWith(buf: Uint8Array, at: number, text: string): boolean | undefined {
  for (let i = 0; i < text.length; i++) {
    if (at + i >= buf.length) return undefined;
    if (buf[at + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}

function indexOfText(buf: Buffer, text: string, from: number): number {
  return buf.indexOf(text, from, 'latin1');
}

/**
 * The markup that starts at `lt` (where `buf` has `<`), or undefined when `buf` ends before it
 * does (the caller waits for more bytes). A document type declaration throws: the package guard
 * refuses parts that have one, so meeting one here means the part is not what was read.
 */
export function readMarkup(buf: Buffer, lt: number): Markup | undefined {
  const c1 = buf[lt + 1];
  if (c1 === undefined) return undefined;
  if (c1 === BANG) {
    const comment = startsWith(buf, lt, '<!--');
    if (comment === undefined) return undefined;
    if (comment) {
      const e = indexOfText(buf, '-->', lt + 4);
      return e < 0 ? undefined : { kind: Kind.Other, start: lt, end: e + 3, name: '' };
    }
    const cdata = startsWith(buf, lt, '<![CDATA[');
    if (cdata === undefined) return undefined;
    if (cdata) {
      const e = indexOfText(buf, ']]>', lt + 9);
      return e < 0 ? undefined : { kind: Kind.Other, start: lt, end: e + 3, name: '' };
    }
    throw new Error('dichiarazione <! inattesa in una parte XML');
  }
  if (c1 === QUESTION) {
    const e = indexOfText(buf, '?>', lt + 2);
    return e < 0 ? undefined : { kind: Kind.Other, start: lt, end: e + 2, name: '' };
  }
  const close = c1 === SLASH;
  const nameStart = close ? lt + 2 : lt + 1;
  let i = nameStart;
  while (i < buf.length && !isNameEnd(buf[i])) i++;
  if (i >= buf.length) return undefined;
  const name = buf.toString('latin1', nameStart, i);
  // the closing '>', outside quoted attribute values (which may hold '>')
  let quote = 0;
  for (; i < buf.length; i++) {
    const b = buf[i];
    if (quote) {
      if (b === quote) quote = 0;
    } else if (b === DQ || b === SQ) {
      quote = b;
    } else if (b === GT) {
      const kind = close ? Kind.Close : buf[i - 1] === SLASH ? Kind.Empty : Kind.Open;
      return { kind, start: lt, end: i + 1, name };
    } else if (b === LT) {
      throw new Error(`tag <${name}> non chiuso`);
    }
  }
  return undefined;
}

/**
 * Refuses a part written in UTF-16 (allowed by XML, never written by Excel): its markup is not
 * ASCII bytes, so it cannot be edited here (the copy is then rebuilt from the values read).
 */
export function assertUtf8Xml(head: Uint8Array): void {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0x3c && head[1] === 0) || (head[0] === 0 && head[1] === 0x3c))) {
    throw new Error('parte XML in UTF-16');
  }
}

/** The local part of a qualified name: `x:row` -> `row`. */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The prefix of a qualified name with its colon: `x:row` -> `x:`, `row` -> ``. */
export function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i + 1);
}

/** Every markup of a whole (small) part, in order. */
export function allMarkup(buf: Buffer): Markup[] {
  const out: Markup[] = [];
  let pos = 0;
  for (;;) {
    const lt = buf.indexOf(LT, pos);
    if (lt < 0) return out;
    const m = readMarkup(buf, lt);
    if (!m) throw new Error('parte XML troncata');
    out.push(m);
    pos = m.end;
  }
}
