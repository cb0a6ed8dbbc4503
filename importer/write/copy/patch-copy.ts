/**
 * The annotated copy of an xlsx made by editing its package: the parts that marking needs are
 * rewritten (the flagged sheets as streams, their notes, the styles, the workbook with its new
 * «Anomalie» sheet, relationships and content types), and every other part (charts, pivot caches,
 * slicers, external links, the VBA project of an .xlsm, images, shared strings...) is copied as it
 * is, still compressed. Memory is bounded by the parts that change, never the whole workbook.
 */
import { posix } from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import { Grid } from '../../engine/grid/grid';
import { escapeXmlText } from '../../engine/text/xml-escape';
import { Finding } from '../../engine/schema/dossier';
import { openXlsxPackage, XlsxPackage } from '../../read/xlsx-package';
import { ZipEntry, entryData, entryHead, inflateEntry, readEntry } from '../../read/zip';
import { annotatedSheet } from '../cells';
import { noteText } from '../finding-text';
import { RawZipEntry, ZipBuilder } from '../zip-writer';
import { crc32 } from './crc32';
import { FINDINGS_PRINT_TITLES, findingsFilterRange, findingsSheetName, findingsSheetXml } from './findings-sheet';
import { CellMark, markFindings } from './marks';
import { Note, patchComments, patchVml, vmlBlocks } from './notes';
import { CONTENT_TYPE, ContentTypes, REL, REL_TYPE, Rels, relsPath, resolveTarget } from './package-parts';
import { SheetLayout, SheetPatcher } from './sheet-patch';
import { StylesPatch } from './styles';
import { Kind, localName, prefixOf } from './xml-scan';
import { XmlPart, attribute, attributes, startTag, withAttributes } from './xml-tag';
import { EXCEL_MAX_TEXT, overlongTexts } from '../../engine/grid/long-texts';
import { excelSheetNames } from '../../engine/grid/sheet-names';

/** Why a package cannot be edited in place (the copy is then rebuilt from the values read). */
export class UnpatchableError extends Error {}

const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const FILTER_NAME = '_xlnm._FilterDatabase';
const PRINT_TITLES = '_xlnm.Print_Titles';

interface SheetEntry {
  name: string;
  path: string | undefined;
  worksheet: boolean;
}

/** A part changed or added: its bytes, or its already-deflated entry. */
type Written = Buffer | RawZipEntry;

class Package {
  readonly written = new Map<string, Written>();
  /** Parts added, in the order added (after the source's own). */
  readonly addedOrder: string[] = [];
  private readonly names: Set<string>;

  constructor(readonly pkg: XlsxPackage) {
    this.names = new Set([...pkg.entries.keys()].map((n) => n.toLowerCase()));
  }

  entry(name: string): ZipEntry | undefined {
    return this.pkg.entries.get(name);
  }

  async read(name: string): Promise<Buffer | undefined> {
    const e = this.pkg.entries.get(name);
    if (!e || this.pkg.damaged.has(name)) return undefined;
    return readEntry(this.pkg.bytes, e);
  }

  /** A part name the package does not have: `xl/comments{n}.xml`... */
  freshName(make: (n: number) => string): string {
    for (let n = 1; ; n++) {
      const name = make(n);
      if (!this.names.has(name.toLowerCase())) {
        this.names.add(name.toLowerCase());
        return name;
      }
    }
  }

  write(name: string, data: Written): void {
    if (!this.pkg.entries.has(name) && !this.written.has(name)) this.addedOrder.push(name);
    this.written.set(name, data);
  }
}

/** Deflates a stream of bytes as it comes, with its checksum: the entry of a part rewritten as a stream. */
async function deflateStream(name: string, chunks: AsyncIterable<Buffer[]>): Promise<RawZipEntry> {
  const deflate = createDeflateRaw({ level: 6 });
  const body: Buffer[] = [];
  deflate.on('data', (c: Buffer) => body.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for await (const list of chunks) {
    for (const b of list) {
      if (!b.length) continue;
      crc = crc32(b, crc);
      size += b.length;
      if (!deflate.write(b)) await new Promise<void>((r) => deflate.once('drain', r));
    }
  }
  deflate.end();
  await done;
  return { name, body: Buffer.concat(body), method: 8, crc32: crc, uncompressedSize: size };
}

/** The relationship id attribute of a tag (`r:id`, whatever its prefix). */
function relId(tag: string): string | undefined {
  for (const [k, v] of attributes(tag)) if (k.endsWith(':id')) return v;
  return undefined;
}

/** The prefix (with colon) bound to the relationships namespace on a root tag, undefined when none. */
function relPrefix(rootTag: string): string | undefined {
  for (const [k, v] of attributes(rootTag)) if (k.startsWith('xmlns:') && v === REL) return `${k.slice(6)}:`;
  return undefined;
}

async function threadedCells(p: Package, rels: Rels): Promise<Set<string>> {
  const out = new Set<string>();
  for (const r of rels.list) {
    if (r.external || !r.type.endsWith('/threadedComment')) continue;
    const bytes = await p.read(resolveTarget(rels.source, r.target));
    if (!bytes) continue;
    for (const m of bytes.toString('utf8').matchAll(/<(?:[\w.-]+:)?threadedComment\b[^>]*?\bref="([A-Z]+)(\d+)/g)) {
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      out.add(`${Number(m[2]) - 1},${col - 1}`);
    }
  }
  return out;
}

/** Marks one worksheet: its part rewritten as a stream, then its notes. */
async function patchSheet(p: Package, path: string, marks: CellMark[], styles: StylesPatch, ct: ContentTypes, freshBlock: () => number): Promise<void> {
  const rels = new Rels(path, await p.read(relsPath(path)));
  const skip = await threadedCells(p, rels);
  const notes: Note[] = marks.filter((m) => m.findings.length && !skip.has(`${m.row},${m.col}`)).map((m) => ({ row: m.row, col: m.col, text: noteText(m.findings) }));
  const legacyId = notes.length ? rels.freshId() : undefined;
  const patcher = new SheetPatcher({ marks, styleFor: (base, fill) => styles.withFill(base, fill), legacyDrawingId: legacyId });
  const entry = p.entry(path)!;
  const stream = async function* (): AsyncGenerator<Buffer[]> {
    for await (const chunk of inflateEntry(p.pkg.bytes, entry)) yield patcher.push(chunk);
    yield patcher.end();
  };
  p.write(path, await deflateStream(path, stream()));
  if (!legacyId) return;
  const layout: SheetLayout = patcher.layout;
  // the shapes: the drawing the sheet names in its <legacyDrawing>, or a new one
  let vmlPath: string;
  if (layout.legacyDrawing !== undefined) {
    const rel = rels.byId(layout.legacyDrawing);
    if (rel?.external) throw new UnpatchableError('il disegno delle note del foglio è un collegamento esterno');
    if (rel) vmlPath = resolveTarget(path, rel.target);
    else rels.add(REL_TYPE.vmlDrawing, (vmlPath = p.freshName((n) => `xl/drawings/vmlDrawing${n}.vml`)), layout.legacyDrawing);
  } else {
    rels.add(REL_TYPE.vmlDrawing, (vmlPath = p.freshName((n) => `xl/drawings/vmlDrawing${n}.vml`)), legacyId);
  }
  const vmlBytes = p.entry(vmlPath) ? await p.read(vmlPath) : undefined;
  if (!p.entry(vmlPath)) {
    if (/\.vml$/i.test(vmlPath)) ct.byExtension('vml', CONTENT_TYPE.vml, vmlPath);
    else ct.override(vmlPath, CONTENT_TYPE.vml);
  }
  // the text: the sheet's comments part (made when it has none)
  let commentsPath = rels.partOf(REL_TYPE.comments);
  const comments = patchComments(commentsPath && p.entry(commentsPath) ? await p.read(commentsPath) : undefined, notes, skip);
  if (!commentsPath) rels.add(REL_TYPE.comments, (commentsPath = p.freshName((n) => `xl/comments${n}.xml`)));
  if (!p.entry(commentsPath)) ct.override(commentsPath, CONTENT_TYPE.comments);
  p.write(commentsPath, comments.bytes);
  p.write(vmlPath, patchVml(vmlBytes, comments.shown, layout, freshBlock));
  p.write(rels.path, rels.toBuffer());
}

/** The workbook: the «Anomalie» sheet added last, with the hidden name Excel gives a filtered range. */
function addFindingsSheet(wb: XmlPart, wbRels: Rels, sheets: SheetEntry[], sheetPath: string, ct: ContentTypes, count: number): void {
  const name = findingsSheetName(sheets.map((s) => s.name));
  const rootIndex = wb.markup.indexOf(wb.root());
  const main = prefixOf(wb.markup[rootIndex].name);
  const r = relPrefix(wb.text(wb.markup[rootIndex]));
  const id = wbRels.add(REL_TYPE.worksheet, sheetPath);
  ct.override(sheetPath, CONTENT_TYPE.worksheet);
  const child = (i: number, local: string) => wb.children(i).find((j) => localName(wb.markup[j].name) === local);
  const sheetsAt = child(rootIndex, 'sheets');
  let maxId = 0;
  for (const j of sheetsAt === undefined ? [] : wb.children(sheetsAt)) maxId = Math.max(maxId, Number(attribute(wb.text(wb.markup[j]), 'sheetId')) || 0);
  const sheetTag = startTag(`${main}sheet`, r ? { name, sheetId: maxId + 1, [`${r}id`]: id } : { name, sheetId: maxId + 1, 'xmlns:r': REL, 'r:id': id }, true);
  if (sheetsAt === undefined) {
    // a workbook without sheets (rebuilt from a file none of whose sheets could be read): the list goes where the schema wants it
    const after = ['functionGroups', 'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
    const next = wb.children(rootIndex).find((j) => after.includes(localName(wb.markup[j].name)));
    wb.insert(next !== undefined ? wb.markup[next].start : wb.markup[wb.closing(rootIndex)].start, `<${main}sheets>${sheetTag}</${main}sheets>`);
  } else {
    const m = wb.markup[sheetsAt];
    if (m.kind === Kind.Empty) wb.replace(m.start, m.end, `<${main}sheets>${sheetTag}</${main}sheets>`);
    else wb.insert(wb.markup[wb.closing(sheetsAt)].start, sheetTag);
  }
  // the filter's hidden name, as Excel writes one for every filtered range; the header printed on every page
  const quoted = `'${name.replace(/'/g, "''")}'`;
  addDefinedName(
    wb,
    `<${main}definedName name="${FILTER_NAME}" localSheetId="${sheets.length}" hidden="1">${escapeXmlText(`${quoted}!${findingsFilterRange(count)}`)}</${main}definedName>` +
      `<${main}definedName name="${PRINT_TITLES}" localSheetId="${sheets.length}">${escapeXmlText(`${quoted}!${FINDINGS_PRINT_TITLES}`)}</${main}definedName>`,
  );
}

/** Adds defined names to the workbook, where the schema puts <definedNames> (once: the part is not read again between two calls). */
function addDefinedName(wb: XmlPart, xml: string): void {
  const rootIndex = wb.markup.indexOf(wb.root());
  const main = prefixOf(wb.markup[rootIndex].name);
  const kids = wb.children(rootIndex);
  const names = kids.find((j) => localName(wb.markup[j].name) === 'definedNames');
  if (names !== undefined) {
    const m = wb.markup[names];
    if (m.kind === Kind.Empty) wb.replace(m.start, m.end, `<${main}definedNames>${xml}</${main}definedNames>`);
    else wb.insert(wb.markup[wb.closing(names)].start, xml);
    return;
  }
  const after = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst', 'AlternateContent'];
  const next = kids.find((j) => after.includes(localName(wb.markup[j].name)));
  wb.insert(next !== undefined ? wb.markup[next].start : wb.markup[wb.closing(rootIndex)].start, `<${main}definedNames>${xml}</${main}definedNames>`);
}

export interface PatchSource {
  bytes: Uint8Array;
  file: string;
  /** The grids read from the source (their merges place the marks). */
  grids: readonly Grid[];
}

const MACRO_WORKBOOK = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

export interface CopyOptions {
  /** The workbook is declared macro-enabled (see patchedCopy). */
  macroEnabled?: boolean;
  /** Who the printed «Anomalie» pages are of (their footer): the entity, else the file's name. */
  owner?: string;
  /** The package was built from the values read (workbookFromGrids): texts already cut, formulas already values. */
  fromGrids?: boolean;
}

/**
 * The annotated copy of an xlsx (or xlsm) package, as bytes. Throws UnpatchableError when the
 * package cannot be edited. `macroEnabled`: the workbook is declared macro-enabled (a copy of an
 * .xlsm rebuilt without its macros must still match its name, or Excel refuses to open it).
 * `fromGrids`: the package was built from the values read (workbookFromGrids), where texts are cut
 * and formulas are values already.
 */
export async function patchedCopy(source: PatchSource, findings: readonly Finding[], options: CopyOptions = {}): Promise<Buffer> {
  const { file } = source;
  const p = new Package(openXlsxPackage(source.bytes, file));
  const ctBytes = await p.read('[Content_Types].xml');
  if (!ctBytes) throw new UnpatchableError('manca l’elenco dei tipi delle parti ([Content_Types].xml)');
  const ct = new ContentTypes(ctBytes);
  const rootRels = new Rels('', await p.read('_rels/.rels'));
  const officeDocument = rootRels.list.find((r) => !r.external && r.type.endsWith('/officeDocument'));
  const wbPath = officeDocument ? resolveTarget('', officeDocument.target) : 'xl/workbook.xml';
  const wbBytes = await p.read(wbPath);
  if (!wbBytes) throw new UnpatchableError('manca la cartella di lavoro (xl/workbook.xml)');
  const wb = new XmlPart(wbBytes);
  const wbRoot = wb.text(wb.root());
  if (Object.values(Object.fromEntries(attributes(wbRoot))).includes(STRICT_MAIN)) throw new UnpatchableError('è nel formato «Strict Open XML»');
  const wbRels = new Rels(wbPath, await p.read(relsPath(wbPath)));
  const sheets: SheetEntry[] = [];
  const sheetTags: { start: number; end: number; tag: string }[] = [];
  for (const m of wb.markup) {
    if ((m.kind !== Kind.Open && m.kind !== Kind.Empty) || localName(m.name) !== 'sheet') continue;
    const tag = wb.text(m);
    const rel = wbRels.byId(relId(tag) ?? '');
    sheets.push({ name: attribute(tag, 'name') ?? '', path: rel && !rel.external ? resolveTarget(wbPath, rel.target) : undefined, worksheet: !rel || rel.type === '' || rel.type.endsWith('/worksheet') });
    sheetTags.push({ start: m.start, end: m.end, tag });
  }
  // names Excel refuses («Dati» beside «DATI», too long...) get the names the readers gave their grids
  excelSheetNames(sheets.map((s) => s.name)).forEach((name, i) => {
    if (name === sheets[i].name) return;
    sheets[i].name = name;
    wb.replace(sheetTags[i].start, sheetTags[i].end, withAttributes(sheetTags[i].tag, { name }));
  });
  if (!options.fromGrids) {
    // what Excel would refuse or repair in the copy of the package: the copy is then built from the values read
    if (source.grids.some((g) => overlongTexts(g).length > 0)) throw new UnpatchableError(`ha celle con un testo più lungo dei ${EXCEL_MAX_TEXT.toLocaleString('it-IT')} caratteri che Excel ammette (nella copia è tagliato)`);
    if (source.grids.some((g) => g.danglingLinks?.length)) throw new UnpatchableError('ha formule che rimandano a cartelle di lavoro esterne senza il loro collegamento (nella copia resta il valore)');
  }
  // the grids by the name of their sheet in the copy; a worksheet that was not read cannot be marked safely
  const grids = new Map<string, Grid | undefined>(source.grids.map((g) => [annotatedSheet(file, g.sheet), g]));
  for (const s of sheets) {
    if (!s.worksheet) continue;
    if (!grids.has(s.name) || !s.path || !p.entry(s.path) || p.pkg.damaged.has(s.path)) throw new UnpatchableError(`il foglio «${s.name}» è danneggiato o manca`);
  }
  const marks = markFindings(file, findings, grids);
  const stylesPath = wbRels.partOf(REL_TYPE.styles);
  const stylesBytes = stylesPath ? await p.read(stylesPath) : undefined;
  const styles = new StylesPatch(stylesBytes);
  // VML shape-id blocks no drawing of the package uses yet
  let maxBlock = sheets.length;
  for (const e of p.pkg.entries.values()) if (/\.vml$/i.test(e.name)) maxBlock = Math.max(maxBlock, ...vmlBlocks(entryHead(p.pkg.bytes, e, 8192).toString('latin1')));
  const freshBlock = () => ++maxBlock;

  for (const s of sheets) {
    const list = s.worksheet && s.path ? marks.get(s.name) : undefined;
    if (list?.length) await patchSheet(p, s.path!, list, styles, ct, freshBlock);
  }

  // the findings sheet
  const mine = findings.filter((f) => f.file === file);
  const worksheets = new Set(sheets.filter((s) => s.worksheet).map((s) => s.name));
  const findingsPath = p.freshName((n) => posix.join(posix.dirname(wbPath), `worksheets/sheet${n}.xml`));
  const sheetOf = (f: Finding) => (worksheets.has(annotatedSheet(file, f.sheet)) ? annotatedSheet(file, f.sheet) : undefined);
  p.write(findingsPath, Buffer.from(findingsSheetXml(mine, file, sheetOf, styles, options.owner), 'utf8'));
  addFindingsSheet(wb, wbRels, sheets, findingsPath, ct, mine.length);

  // styles (a new part when the package had none)
  let stylesTarget = stylesPath;
  if (!stylesTarget) wbRels.add(REL_TYPE.styles, (stylesTarget = p.freshName((n) => posix.join(posix.dirname(wbPath), n === 1 ? 'styles.xml' : `styles${n}.xml`))));
  if (!p.entry(stylesTarget)) ct.override(stylesTarget, CONTENT_TYPE.styles);
  p.write(stylesTarget, styles.toBuffer());
  if (options.macroEnabled) ct.setOverride(wbPath, MACRO_WORKBOOK);
  p.write(wbPath, wb.toBuffer());
  p.write(wbRels.path, wbRels.toBuffer());
  p.write('[Content_Types].xml', ct.toBuffer());
  return assemble(p);
}

/** The archive: the source's entries in their order, changed ones replaced, the rest copied compressed; then the new parts. */
async function assemble(p: Package): Promise<Buffer> {
  const zip = new ZipBuilder();
  const add = async (name: string, data: Written) => (Buffer.isBuffer(data) ? zip.add(name, data) : zip.addRaw({ ...data, name }));
  for (const e of p.pkg.entries.values()) {
    if (e.name.endsWith('/')) continue; // a folder entry holds no part
    const changed = p.written.get(e.name);
    if (changed) await add(e.name, changed);
    else await zip.addRaw({ name: e.name, body: entryData(p.pkg.bytes, e), method: e.method, crc32: e.crc32, uncompressedSize: e.uncompressedSize, dosDateTime: e.dosDateTime });
  }
  for (const name of p.addedOrder) await add(name, p.written.get(name)!);
  return zip.finish();
}
