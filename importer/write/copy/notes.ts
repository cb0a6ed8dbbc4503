/**
 * The notes of a copy: the comments part of a sheet (the text of each note) and its VML drawing
 * (the box each note shows in). Notes already in the sheet are kept; a flagged cell that has one
 * keeps it and gets the findings added after it. Our notes are by «piao», in a box sized to their
 * text. A cell with a threaded comment (Excel 365) is left alone: only its fill changes.
 */
import { a1, parseA1 } from '../../engine/grid/address';
import { unescapeXml } from '../../engine/text/xml-escape';
import { NOTE_SEPARATOR } from '../finding-text';
import { SheetLayout } from './sheet-patch';
import { Kind, localName, prefixOf } from './xml-scan';
import { XmlPart, attribute, xstring } from './xml-tag';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NOTE_AUTHOR = 'piao';

export interface Note {
  row: number;
  col: number;
  /** Our text for the cell. */
  text: string;
}

/** A note as it will show: its cell, its whole text (a note already there, then ours), whether its shape exists. */
export interface ShownNote {
  row: number;
  col: number;
  text: string;
  existing: boolean;
}

function run(p: string, text: string): string {
  return `<${p}r><${p}rPr><${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="Tahoma"/><${p}family val="2"/></${p}rPr><${p}t xml:space="preserve">${xstring(text)}</${p}t></${p}r>`;
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

function cellKey(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  try {
    const { row, col } = parseA1(ref.split(':')[0]);
    return key(row, col);
  } catch {
    return undefined;
  }
}

/**
 * The comments part with our notes: `existing` is the sheet's part (undefined when it has none),
 * `skip` the cells (row,col) left alone. Returns the part and every note as it will show.
 */
export function patchComments(existing: Buffer | undefined, notes: readonly Note[], skip: ReadonlySet<string>): { bytes: Buffer; shown: ShownNote[] } {
  const shown: ShownNote[] = [];
  const wanted = notes.filter((n) => !skip.has(key(n.row, n.col)));
  if (!existing) {
    const comments = wanted.map((n) => {
      shown.push({ row: n.row, col: n.col, text: n.text, existing: false });
      return `<comment ref="${a1(n.row, n.col)}" authorId="0"><text>${run('', n.text)}</text></comment>`;
    });
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>${comments.join('')}</commentList></comments>`;
    return { bytes: Buffer.from(xml, 'utf8'), shown };
  }
  const part = new XmlPart(existing);
  const rootAt = part.markup.indexOf(part.root());
  const p = prefixOf(part.markup[rootAt].name);
  const child = (i: number, name: string) => part.children(i).find((j) => localName(part.markup[j].name) === name);
  // authors: ours, or added last
  let authorId: number;
  const authorsAt = child(rootAt, 'authors');
  const authors = authorsAt === undefined ? [] : part.children(authorsAt).map((j) => unescapeXml(part.slice(part.markup[j].end, part.markup[part.closing(j)].start)));
  const mineAt = authors.indexOf(NOTE_AUTHOR);
  if (mineAt >= 0) authorId = mineAt;
  else {
    authorId = authors.length;
    const author = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
    if (authorsAt === undefined) part.insert(part.markup[rootAt].end, `<${p}authors>${author}</${p}authors>`);
    else if (part.markup[authorsAt].kind === Kind.Empty) part.replace(part.markup[authorsAt].start, part.markup[authorsAt].end, `<${p}authors>${author}</${p}authors>`);
    else part.insert(part.markup[part.closing(authorsAt)].start, author);
  }
  // the comments there, by cell
  const listAt = child(rootAt, 'commentList');
  const there = new Map<string, number>();
  for (const j of listAt === undefined ? [] : part.children(listAt)) {
    const k = cellKey(attribute(part.text(part.markup[j]), 'ref'));
    if (k && !there.has(k)) there.set(k, j);
  }
  const added: string[] = [];
  for (const n of wanted) {
    const at = there.get(key(n.row, n.col));
    if (at === undefined) {
      shown.push({ row: n.row, col: n.col, text: n.text, existing: false });
      added.push(`<${p}comment ref="${a1(n.row, n.col)}" authorId="${authorId}"><${p}text>${run(p, n.text)}</${p}text></${p}comment>`);
      continue;
    }
    // a note already there: ours after it, in a run of its own; its own text read for the box
    const ours = run(p, `${NOTE_SEPARATOR}${n.text}`);
    const textAt = part.markup[at].kind === Kind.Open ? child(at, 'text') : undefined;
    let before = '';
    if (textAt === undefined) {
      if (part.markup[at].kind === Kind.Empty) {
        const tag = part.text(part.markup[at]);
        part.replace(part.markup[at].start, part.markup[at].end, `${tag.replace(/\s*\/>$/, '>')}<${p}text>${run(p, n.text)}</${p}text></${p}comment>`);
      } else part.insert(part.markup[part.closing(at)].start, `<${p}text>${run(p, n.text)}</${p}text>`);
    } else if (part.markup[textAt].kind === Kind.Empty) {
      part.replace(part.markup[textAt].start, part.markup[textAt].end, `<${p}text>${run(p, n.text)}</${p}text>`);
    } else {
      const end = part.closing(textAt);
      const phonetic = part.children(textAt).find((j) => ['rPh', 'phoneticPr'].includes(localName(part.markup[j].name)));
      part.insert(part.markup[phonetic ?? end].start, ours);
      for (let j = textAt; j < (phonetic ?? end); j++) {
        const m = part.markup[j];
        if (m.kind === Kind.Open && localName(m.name) === 't' && part.markup[j + 1]) before += unescapeXml(part.slice(m.end, part.markup[j + 1].start));
      }
    }
    shown.push({ row: n.row, col: n.col, text: before ? `${before}${NOTE_SEPARATOR}${n.text}` : n.text, existing: true });
  }
  if (added.length) {
    if (listAt === undefined) part.insert(part.markup[part.closing(rootAt)].start, `<${p}commentList>${added.join('')}</${p}commentList>`);
    else if (part.markup[listAt].kind === Kind.Empty) part.replace(part.markup[listAt].start, part.markup[listAt].end, `<${p}commentList>${added.join('')}</${p}commentList>`);
    else part.insert(part.markup[part.closing(listAt)].start, added.join(''));
  }
  return { bytes: part.toBuffer(), shown };
}

/** The size of a note's box, in points, for its text in Tahoma 9: wide enough for its lines up to 60 characters, tall enough for all of them. */
export function noteBox(text: string): { width: number; height: number } {
  const lines = text.split('\n');
  const longest = Math.max(...lines.map((l) => l.length));
  const perLine = Math.min(60, Math.max(24, longest));
  // words wrap before the edge: a line holds a little less than perLine characters
  const rows = lines.reduce((n, l) => n + Math.max(1, Math.ceil((l.length * 1.12) / perLine)), 0);
  return { width: Math.round(perLine * 5.25 + 14), height: Math.round(Math.min(rows, 90) * 11.5 + 12) };
}

/** Column widths and row heights in pixels, as Excel lays out the sheet (Calibri 11: 7 pixels a character). */
function pixels(layout: SheetLayout): { col: (c: number) => number; row: number } {
  const fromChars = (w: number) => Math.trunc(((256 * w + Math.trunc(128 / 7)) / 256) * 7);
  const defaultCol = layout.defaultColWidth !== undefined ? fromChars(layout.defaultColWidth) : (layout.baseColWidth ?? 8) * 7 + 8;
  const col = (c: number) => {
    for (const x of layout.cols) if (c + 1 >= x.min && c + 1 <= x.max && x.width !== undefined) return fromChars(x.width);
    return defaultCol;
  };
  return { col, row: Math.round(((layout.defaultRowHeight ?? 15) * 96) / 72) };
}

/** Where a box of this size (points) for the note of a cell goes: Excel's anchor (cells and pixel offsets) and its CSS position. */
function placement(row: number, col: number, width: number, height: number, layout: SheetLayout): { anchor: string; style: string } {
  const px = pixels(layout);
  const left = col + 1;
  const leftOffset = 15;
  const top = Math.max(0, row - 1);
  const topOffset = row === 0 ? 2 : 10;
  let right = left;
  let rest = Math.round((width * 96) / 72) + leftOffset;
  while (rest > px.col(right) && right < 16_383) rest -= px.col(right++);
  let bottom = top;
  let down = Math.round((height * 96) / 72) + topOffset;
  while (down > px.row && bottom < 1_048_575) {
    down -= px.row;
    bottom++;
  }
  let x = leftOffset;
  for (let c = 0; c < left; c++) x += px.col(c);
  const y = top * px.row + topOffset;
  const pt = (v: number) => Math.round(v * 0.75 * 100) / 100;
  return {
    anchor: `${left}, ${leftOffset}, ${top}, ${topOffset}, ${right}, ${rest}, ${bottom}, ${down}`,
    style: `margin-left:${pt(x)}pt;margin-top:${pt(y)}pt;width:${width}pt;height:${height}pt`,
  };
}

function shapeXml(id: number, z: number, n: ShownNote, layout: SheetLayout): string {
  const box = noteBox(n.text);
  const { anchor, style } = placement(n.row, n.col, box.width, box.height, layout);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;${style};z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
const VML_NS: Record<string, string> = { v: 'urn:schemas-microsoft-com:vml', o: 'urn:schemas-microsoft-com:office:office', x: 'urn:schemas-microsoft-com:office:excel' };

/** The VML blocks (of 1,024 shape ids each) a drawing part claims: `<o:idmap data="1,2">`. */
export function vmlBlocks(vml: string): number[] {
  const m = /<o:idmap\b[^>]*\bdata="([^"]*)"/.exec(vml);
  return m ? m[1].split(/[\s,]+/).map(Number).filter((n) => Number.isInteger(n) && n > 0) : [];
}

/**
 * The VML drawing of a sheet's notes: `existing` (undefined when the sheet has none), the notes
 * shown (a box added for each new one; a box already there grows to fit the longer text), and
 * `freshBlock`, which gives a block of shape ids no other drawing of the package uses.
 * VML is read as text (Excel writes it as loose HTML, not always well-formed XML), byte for byte.
 */
export function patchVml(existing: Buffer | undefined, notes: readonly ShownNote[], layout: SheetLayout, freshBlock: () => number): Buffer {
  let vml = existing ? existing.toString('latin1') : '';
  const blocks = existing ? vmlBlocks(vml) : [];
  let maxId = 0;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) maxId = Math.max(maxId, Number(m[1]));
  let next = maxId + 1;
  const takeId = (): number => {
    if (!blocks.includes(Math.floor(next / 1024))) {
      const b = freshBlock();
      blocks.push(b);
      next = b * 1024 + 1;
    }
    return next++;
  };
  let z = (vml.match(/<v:shape\b/g) ?? []).length;
  const shapes: string[] = [];
  const grown = new Map<string, ShownNote>();
  for (const n of notes) {
    if (n.existing) grown.set(`${n.row},${n.col}`, n);
    else shapes.push(shapeXml(takeId(), ++z, n, layout));
  }
  // the boxes of notes already there grow to hold the longer text (one pass over the shapes)
  if (grown.size) {
    vml = vml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape);
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape);
      const n = row && col ? grown.get(`${Number(row[1])},${Number(col[1])}`) : undefined;
      if (!n) return shape;
      const box = noteBox(n.text);
      const w = /width:\s*([\d.]+)pt/.exec(shape);
      const h = /height:\s*([\d.]+)pt/.exec(shape);
      const width = Math.max(box.width, w ? Number(w[1]) : 0);
      const height = Math.max(box.height, h ? Number(h[1]) : 0);
      const { anchor, style } = placement(n.row, n.col, width, height, layout);
      return shape
        .replace(/style="[^"]*"/, (s) => s.replace(/margin-left:[^;"]*;?|margin-top:[^;"]*;?|width:[^;"]*;?|height:[^;"]*;?/g, '').replace(/^style="/, `style="${style};`).replace(/;;+/g, ';').replace(/;"$/, '"'))
        .replace(/<x:Anchor>[^<]*<\/x:Anchor>/, `<x:Anchor>${anchor}</x:Anchor>`);
    });
  }
  const idmap = `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>`;
  if (!existing) {
    return Buffer.from(`<xml xmlns:v="${VML_NS.v}" xmlns:o="${VML_NS.o}" xmlns:x="${VML_NS.x}">${idmap}${SHAPETYPE}${shapes.join('')}</xml>`, 'latin1');
  }
  if (!shapes.length) return Buffer.from(vml, 'latin1');
  // the namespaces our shapes use, declared on the root when it lacks them
  const root = /<xml\b[^>]*>/i.exec(vml);
  if (!root) throw new Error('disegno VML senza radice');
  for (const [prefix, uri] of Object.entries(VML_NS)) {
    const decl = new RegExp(`xmlns:${prefix}\\s*=\\s*["']([^"']*)["']`).exec(root[0]);
    if (decl && decl[1] !== uri) throw new Error(`prefisso ${prefix} di un altro spazio dei nomi nel disegno VML`);
  }
  let head = root[0];
  for (const [prefix, uri] of Object.entries(VML_NS)) if (!new RegExp(`xmlns:${prefix}\\s*=`).test(head)) head = head.replace(/\s*>$/, ` xmlns:${prefix}="${uri}">`);
  const existingIdmap = /<o:idmap\b[^>]*\/>/.exec(vml);
  const type = /id="_x0000_t202"/.test(vml) ? '' : SHAPETYPE;
  let out = vml.slice(0, root.index) + head + (existingIdmap ? '' : idmap) + vml.slice(root.index + root[0].length);
  if (existingIdmap) out = out.replace(/<o:idmap\b[^>]*\/>/, `<o:idmap v:ext="edit" data="${blocks.join(',')}"/>`);
  const close = out.toLowerCase().lastIndexOf('</xml>');
  if (close < 0) throw new Error('disegno VML senza chiusura');
  return Buffer.from(out.slice(0, close) + type + shapes.join('') + out.slice(close), 'latin1');
}
