/**
 * The package-level parts a copy may add to: relationships and [Content_Types].xml. Each is kept
 * byte for byte and only gets new entries before its closing tag.
 */
import { posix } from 'node:path';
import { Kind, localName } from './xml-scan';
import { XmlPart, attribute, startTag, withAttributes } from './xml-tag';

export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const REL_TYPE = {
  worksheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  comments: `${REL}/comments`,
  vmlDrawing: `${REL}/vmlDrawing`,
};

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};

/** The relationships part of `source` (`xl/worksheets/sheet1.xml` -> `xl/worksheets/_rels/sheet1.xml.rels`). */
export function relsPath(source: string): string {
  return posix.join(posix.dirname(source), '_rels', `${posix.basename(source)}.rels`);
}

/** The part a relationship of `source` points at. */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // a target that is not URI-encoded is taken as written
  }
  if (t.startsWith('/')) return t.slice(1);
  return posix.normalize(posix.join(posix.dirname(source), t));
}

/** A relationship target from `source` to `part`, relative, URI-encoded segment by segment. */
export function targetFrom(source: string, part: string): string {
  return posix
    .relative(posix.dirname(source), part)
    .split('/')
    .map((s) => (s === '..' ? s : encodeURIComponent(s)))
    .join('/');
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships of one part: read, and added to. */
export class Rels {
  private readonly part: XmlPart | undefined;
  readonly list: Relationship[] = [];
  private readonly added: Relationship[] = [];

  /** `bytes`: the relationships part, undefined when the source part has none. */
  constructor(
    readonly source: string,
    bytes: Buffer | undefined,
  ) {
    this.part = bytes ? new XmlPart(bytes) : undefined;
    for (const m of this.part?.markup ?? []) {
      if ((m.kind !== Kind.Open && m.kind !== Kind.Empty) || localName(m.name) !== 'Relationship') continue;
      const tag = this.part!.text(m);
      const id = attribute(tag, 'Id');
      if (!id) continue;
      this.list.push({ id, type: attribute(tag, 'Type') ?? '', target: attribute(tag, 'Target') ?? '', external: attribute(tag, 'TargetMode') === 'External' });
    }
  }

  get path(): string {
    return relsPath(this.source);
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** The part (resolved) of the first internal relationship of a type. */
  partOf(type: string): string | undefined {
    const r = this.list.find((x) => !x.external && x.type === type);
    return r ? resolveTarget(this.source, r.target) : undefined;
  }

  byId(id: string): Relationship | undefined {
    return this.list.find((r) => r.id === id);
  }

  /** An id no relationship of the part has: rId1, rId2, ... */
  freshId(): string {
    const taken = new Set(this.list.map((r) => r.id));
    let n = 1;
    for (const r of this.list) {
      const m = /^rId(\d+)$/.exec(r.id);
      if (m) n = Math.max(n, Number(m[1]) + 1);
    }
    while (taken.has(`rId${n}`)) n++;
    return `rId${n}`;
  }

  /** Adds a relationship to `part`, with `id` or a fresh one; returns its id. */
  add(type: string, part: string, id = this.freshId()): string {
    const r = { id, type, target: targetFrom(this.source, part), external: false };
    this.list.push(r);
    this.added.push(r);
    return id;
  }

  toBuffer(): Buffer {
    const xml = this.added.map((r) => startTag('Relationship', { Id: r.id, Type: r.type, Target: r.target }, true)).join('');
    if (!this.part) return Buffer.from(`${DECL}<Relationships xmlns="${PACKAGE_RELS_NS}">${xml}</Relationships>`, 'utf8');
    appendToRoot(this.part, xml, 'Relationships');
    return this.part.toBuffer();
  }
}

/** Adds `xml` at the end of the root element of `part` (turning an empty root into one with children). */
export function appendToRoot(part: XmlPart, xml: string, rootName: string): void {
  const at = part.markup.indexOf(part.root());
  const m = part.markup[at];
  if (localName(m.name) !== rootName) throw new Error(`radice ${m.name} inattesa`);
  if (m.kind === Kind.Empty) {
    const tag = part.text(m);
    part.replace(m.start, m.end, `${tag.replace(/\s*\/>$/, '>')}${xml}</${m.name}>`);
  } else {
    part.insert(part.markup[part.closing(at)].start, xml);
  }
}

/** [Content_Types].xml: the type of each part, by extension or by name. */
export class ContentTypes {
  private readonly part: XmlPart;
  private readonly defaults = new Set<string>();
  private readonly overrides = new Set<string>();
  private readonly added: string[] = [];

  constructor(bytes: Buffer) {
    this.part = new XmlPart(bytes);
    for (const m of this.part.markup) {
      if (m.kind !== Kind.Open && m.kind !== Kind.Empty) continue;
      const tag = this.part.text(m);
      const local = localName(m.name);
      if (local === 'Default') this.defaults.add((attribute(tag, 'Extension') ?? '').toLowerCase());
      else if (local === 'Override') this.overrides.add((attribute(tag, 'PartName') ?? '').toLowerCase());
    }
  }

  /** Declares the type of a new part by its name. */
  override(part: string, type: string): void {
    const name = `/${part}`;
    if (this.overrides.has(name.toLowerCase())) return;
    this.overrides.add(name.toLowerCase());
    this.added.push(startTag('Override', { PartName: name, ContentType: type }, true));
  }

  /** Sets the type of a part, replacing the one declared. */
  setOverride(part: string, type: string): void {
    const name = `/${part}`.toLowerCase();
    for (const m of this.part.markup) {
      if ((m.kind !== Kind.Open && m.kind !== Kind.Empty) || localName(m.name) !== 'Override') continue;
      const tag = this.part.text(m);
      if ((attribute(tag, 'PartName') ?? '').toLowerCase() === name) {
        if (attribute(tag, 'ContentType') !== type) this.part.replace(m.start, m.end, withAttributes(tag, { ContentType: type }));
        return;
      }
    }
    this.override(part, type);
  }

  /** Declares the type of an extension, unless the package has it or every part of that name is overridden. */
  byExtension(ext: string, type: string, part: string): void {
    if (this.defaults.has(ext.toLowerCase()) || this.overrides.has(`/${part}`.toLowerCase())) return;
    this.defaults.add(ext.toLowerCase());
    // a Default must come before the Overrides: put it first
    const root = this.part.markup.indexOf(this.part.root());
    this.part.insert(this.part.markup[root].end, startTag('Default', { Extension: ext, ContentType: type }, true));
  }

  get changed(): boolean {
    return this.added.length > 0 || this.part.changed;
  }

  toBuffer(): Buffer {
    if (this.added.length) appendToRoot(this.part, this.added.join(''), 'Types');
    return this.part.toBuffer();
  }
}
