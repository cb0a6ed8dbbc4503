/**
 * Reading and changing the attributes of one tag, as text, and editing a small XML part by
 * replacing ranges of its bytes: everything not replaced stays byte for byte.
 */
import { escapeXmlAttr, escapeXmlText, unescapeXml } from '../../engine/text/xml-escape';
import { Kind, Markup, allMarkup, assertUtf8Xml } from './xml-scan';

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a tag's text (`<c r="A1" s="3">`), by qualified name, values unescaped. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const body = tag.slice(Math.max(0, tag.search(/[\s/>]/)));
  for (const m of body.matchAll(ATTRIBUTE)) out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** One attribute of a tag's text, unescaped. */
export function attribute(tag: string, name: string): string | undefined {
  return attributes(tag).get(name);
}

/**
 * The tag with these attributes set (replaced where present, in their place and quotes; added at
 * the end otherwise). Values are escaped here.
 */
export function withAttributes(tag: string, values: Record<string, string>): string {
  let out = tag;
  for (const [name, value] of Object.entries(values)) {
    const escaped = escapeXmlAttr(value);
    const re = new RegExp(`(\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
    if (re.test(out)) {
      out = out.replace(re, (_, lead: string) => `${lead}"${escaped}"`);
    } else {
      const end = out.endsWith('/>') ? out.length - 2 : out.length - 1;
      const before = out.slice(0, end).replace(/\s+$/, '');
      out = `${before} ${name}="${escaped}"${out.slice(end)}`;
    }
  }
  return out;
}

/** A start tag from a name and attributes (values escaped here). */
export function startTag(name: string, attrs: Record<string, string | number | undefined>, empty = false): string {
  const parts = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttr(String(v))}"`);
  return `<${name}${parts.join('')}${empty ? '/>' : '>'}`;
}

/** A small XML part held whole, its markup found once, changed by replacing byte ranges. */
export class XmlPart {
  readonly markup: Markup[];
  private readonly edits: { start: number; end: number; text: string }[] = [];

  constructor(readonly bytes: Buffer) {
    assertUtf8Xml(bytes);
    this.markup = allMarkup(bytes);
  }

  static of(text: string): XmlPart {
    return new XmlPart(Buffer.from(text, 'utf8'));
  }

  /** The text of a markup (a tag with its attributes). */
  text(m: Markup): string {
    return this.bytes.toString('utf8', m.start, m.end);
  }

  /** The text between two offsets. */
  slice(start: number, end: number): string {
    return this.bytes.toString('utf8', start, end);
  }

  /** The root element's start tag. */
  root(): Markup {
    const m = this.markup.find((x) => x.kind === Kind.Open || x.kind === Kind.Empty);
    if (!m) throw new Error('parte XML senza elemento radice');
    return m;
  }

  /** The closing tag that matches the start tag at index `i` of `markup` (itself when it is empty). */
  closing(i: number): number {
    const open = this.markup[i];
    if (open.kind === Kind.Empty) return i;
    let depth = 0;
    for (let j = i; j < this.markup.length; j++) {
      const m = this.markup[j];
      if (m.kind === Kind.Open) depth++;
      else if (m.kind === Kind.Close && --depth === 0) return j;
    }
    throw new Error(`<${open.name}> senza chiusura`);
  }

  /** The children elements (start or empty tags) of the element at index `i`, as indexes. */
  children(i: number): number[] {
    const out: number[] = [];
    const end = this.closing(i);
    let depth = 0;
    for (let j = i + 1; j < end; j++) {
      const m = this.markup[j];
      if (m.kind === Kind.Open) {
        if (depth === 0) out.push(j);
        depth++;
      } else if (m.kind === Kind.Close) depth--;
      else if (m.kind === Kind.Empty && depth === 0) out.push(j);
    }
    return out;
  }

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  insert(at: number, text: string): void {
    this.edits.push({ start: at, end: at, text });
  }

  get changed(): boolean {
    return this.edits.length > 0;
  }

  /** The part with every edit applied (edits at the same offset in the order made). */
  toBuffer(): Buffer {
    if (!this.edits.length) return this.bytes;
    const sorted = this.edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
    const out: Buffer[] = [];
    let pos = 0;
    for (const e of sorted) {
      if (e.start < pos) throw new Error('modifiche sovrapposte in una parte XML');
      out.push(this.bytes.subarray(pos, e.start), Buffer.from(e.text, 'utf8'));
      pos = e.end;
    }
    out.push(this.bytes.subarray(pos));
    return Buffer.concat(out);
  }
}

/**
 * Text for a SpreadsheetML string (a cell, a note): escaped for XML, without the control
 * characters XML cannot hold, and with a literal `_x0041_` kept literal (Excel reads `_xHHHH_` as
 * an escaped character unless its underscore is escaped as `_x005F_`).
 */
export function xstring(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  return escapeXmlText(clean);
}
