/**
 * The cell formats a copy adds to the workbook's styles part, everything already there kept byte
 * for byte: a flagged cell gets a new format cloned from its own (number format, font, border,
 * alignment, protection kept) with the severity fill; the «Anomalie» sheet gets its few formats.
 */
import { Kind } from './xml-scan';
import { XmlPart, attribute, startTag, withAttributes } from './xml-tag';
import { localName, prefixOf } from './xml-scan';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A styles part for a package that has none: the defaults every spreadsheet program assumes. */
export const DEFAULT_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The children of a styleSheet in the order the schema wants them. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** What a list must hold before we add to it, when the part has no such list. */
const DEFAULT_CHILDREN: Record<string, string[]> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
};

interface List {
  name: string;
  /** Index in the markup of the list element, when the part has it. */
  at?: number;
  /** The elements already there, as text. */
  existing: string[];
  added: string[];
}

export class StylesPatch {
  private readonly part: XmlPart;
  private readonly prefix: string;
  private readonly lists = new Map<string, List>();
  private readonly xfs = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly fonts = new Map<string, number>();
  private readonly hasCellStyleXf: boolean;

  /** `bytes`: the workbook's styles part; undefined when it has none (DEFAULT_STYLES is then written). */
  constructor(bytes: Buffer | undefined) {
    this.part = new XmlPart(bytes ?? Buffer.from(DEFAULT_STYLES, 'utf8'));
    const rootIndex = this.part.markup.indexOf(this.part.root());
    this.prefix = prefixOf(this.part.markup[rootIndex].name);
    if (this.part.markup[rootIndex].kind === Kind.Empty) throw new Error('stili vuoti');
    for (const i of this.part.children(rootIndex)) {
      const name = localName(this.part.markup[i].name);
      if (!ORDER.includes(name) || this.lists.has(name)) continue;
      const existing = this.part.children(i).map((j) => this.part.slice(this.part.markup[j].start, this.part.markup[this.part.closing(j)].end));
      this.lists.set(name, { name, at: i, existing, added: [] });
    }
    this.hasCellStyleXf = (this.lists.get('cellStyleXfs')?.existing.length ?? 0) > 0;
  }

  private list(name: string): List {
    let l = this.lists.get(name);
    if (!l) this.lists.set(name, (l = { name, existing: [], added: [...(DEFAULT_CHILDREN[name] ?? []).map((x) => this.prefixed(x))] }));
    else if (l.existing.length === 0 && l.added.length === 0 && DEFAULT_CHILDREN[name]) l.added.push(...DEFAULT_CHILDREN[name].map((x) => this.prefixed(x)));
    return l;
  }

  /** Element text written with the part's own prefix for the spreadsheet namespace. */
  private prefixed(xml: string): string {
    return this.prefix ? xml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${this.prefix}`) : xml;
  }

  private add(name: string, xml: string): number {
    const l = this.list(name);
    l.added.push(xml);
    return l.existing.length + l.added.length - 1;
  }

  private fill(argb: string): number {
    let id = this.fills.get(argb);
    if (id === undefined) {
      const xml = this.prefixed(`<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor rgb="${argb}"/></patternFill></fill>`);
      this.fills.set(argb, (id = this.add('fills', xml)));
    }
    return id;
  }

  /** The text of an existing element of a list (the first when `i` is out of range). */
  private element(name: string, i: number): string | undefined {
    const l = this.list(name);
    const all = [...l.existing, ...l.added];
    return all[i] ?? all[0];
  }

  /** The workbook's default font with these children instead of its own bold, underline and colour. */
  private font(key: string, children: string): number {
    let id = this.fonts.get(key);
    if (id === undefined) {
      const base = this.element('fonts', 0) ?? this.prefixed('<font/>');
      const open = /^<[^>]*?(\/?)>/.exec(base)!;
      const inner = open[1] ? '' : base.slice(open[0].length, base.lastIndexOf('<'));
      const kept = inner.replace(/<(?:[\w.-]+:)?(?:b|u|color)\b[^>]*?\/>|<(?:[\w.-]+:)?(?:b|u|color)\b[^>]*>.*?<\/(?:[\w.-]+:)?(?:b|u|color)>/g, '');
      const name = `${this.prefix}font`;
      const start = open[0].replace(/\/>$/, '>');
      this.fonts.set(key, (id = this.add('fonts', `${start}${this.prefixed(children)}${kept}</${name}>`)));
    }
    return id;
  }

  /** A cell format like `base` (an index of cellXfs) with a solid fill of this colour. */
  withFill(base: number, argb: string): number {
    const key = `${base}\u0000${argb}`;
    let id = this.xfs.get(key);
    if (id === undefined) {
      const xf = this.element('cellXfs', base)!;
      const open = /^<[^>]*>/.exec(xf)![0];
      const changed = withAttributes(open, { fillId: String(this.fill(argb)), applyFill: '1' });
      this.xfs.set(key, (id = this.add('cellXfs', changed + xf.slice(open.length))));
    }
    return id;
  }

  /** A new cell format on the default number format, border and cell style. */
  private plainXf(key: string, attrs: Record<string, string | number>, child = ''): number {
    let id = this.xfs.get(key);
    if (id === undefined) {
      this.list('borders');
      const all = { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, ...(this.hasCellStyleXf ? { xfId: 0 } : {}), ...attrs };
      const name = `${this.prefix}xf`;
      const xml = child ? `${startTag(name, all)}${this.prefixed(child)}</${name}>` : startTag(name, all, true);
      this.xfs.set(key, (id = this.add('cellXfs', xml)));
    }
    return id;
  }

  /** The findings sheet: its header (bold white on dark blue). */
  header(): number {
    return this.plainXf('header', { fontId: this.font('bold-white', '<b/><color rgb="FFFFFFFF"/>'), fillId: this.fill('FF1F3864'), applyFont: 1, applyFill: 1 });
  }

  /** A link to a cell: blue, underlined, at the top. */
  link(): number {
    return this.plainXf('link', { fontId: this.font('link', '<u/><color rgb="FF0563C1"/>'), applyFont: 1, applyAlignment: 1 }, '<alignment vertical="top"/>');
  }

  /** A short text of a row whose message takes several lines: at the top, beside the message's first line. */
  top(): number {
    return this.plainXf('top', { applyAlignment: 1 }, '<alignment vertical="top"/>');
  }

  /** A message: wrapped, at the top. */
  wrapped(): number {
    return this.plainXf('wrap', { applyAlignment: 1 }, '<alignment vertical="top" wrapText="1"/>');
  }

  /** A severity cell of the findings sheet: the default format with the fill, at the top. */
  filled(argb: string): number {
    return this.plainXf(`fill ${argb}`, { fillId: this.fill(argb), applyFill: 1, applyAlignment: 1 }, '<alignment vertical="top"/>');
  }

  get changed(): boolean {
    return [...this.lists.values()].some((l) => l.added.length > 0);
  }

  /** The styles part with the added fonts, fills and formats. */
  toBuffer(): Buffer {
    const part = this.part;
    const rootIndex = part.markup.indexOf(part.root());
    const rootClose = part.closing(rootIndex);
    for (const l of this.lists.values()) {
      if (!l.added.length) continue;
      const count = l.existing.length + l.added.length;
      const name = `${this.prefix}${l.name}`;
      if (l.at === undefined) {
        // a list the part lacks goes before the first list that follows it in the schema's order
        const after = ORDER.slice(ORDER.indexOf(l.name) + 1);
        const next = part.children(rootIndex).find((i) => after.includes(localName(part.markup[i].name)));
        const at = next !== undefined ? part.markup[next].start : part.markup[rootClose].start;
        part.insert(at, `<${name} count="${count}">${l.added.join('')}</${name}>`);
        continue;
      }
      const m = part.markup[l.at];
      const tag = part.text(m);
      const counted = attribute(tag, 'count') !== undefined ? withAttributes(tag, { count: String(count) }) : tag;
      if (m.kind === Kind.Empty) {
        part.replace(m.start, m.end, `${counted.replace(/\s*\/>$/, '>')}${l.added.join('')}</${name}>`);
      } else {
        part.replace(m.start, m.end, counted);
        part.insert(part.markup[part.closing(l.at)].start, l.added.join(''));
      }
    }
    return part.toBuffer();
  }
}
