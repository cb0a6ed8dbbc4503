/**
 * Turns an exceljs workbook into xlsx bytes, with its hyperlinks written as Excel writes them.
 *
 * exceljs writes every hyperlink as an external relationship, so a link to a cell ("#'Foglio'!C23")
 * or to a cell of another workbook ("annotated/x.xlsx#'Foglio'!C23") becomes a file name that
 * Excel cannot open. Excel's own form is: an in-workbook link has only `location`; a link into
 * another file has a relationship to the file and `location` for the cell. This rewrites the
 * hyperlink relationships of each sheet to that form; nothing else in the package changes.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const HYPERLINK_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out.set(m[1], m[2]);
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? _);
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A relative file path as a relationship target: each segment URI-encoded, slashes kept. */
function encodeTarget(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

async function fixSheet(zip: JSZip, relsPath: string): Promise<void> {
  const sheetPath = relsPath.replace('/_rels/', '/').replace(/\.rels$/, '');
  const relsFile = zip.file(relsPath);
  const sheetFile = zip.file(sheetPath);
  if (!relsFile || !sheetFile) return;
  let rels = await relsFile.async('string');
  let sheet = await sheetFile.async('string');
  const locations = new Map<string, { location: string; keepRel: boolean }>();
  rels = rels.replace(/<Relationship\b[^>]*\/>/g, (tag) => {
    const a = attrs(tag);
    const target = unescapeXml(a.get('Target') ?? '');
    const hash = target.indexOf('#');
    // only our relative links to a cell: a web address keeps its #fragment
    if (a.get('Type') !== HYPERLINK_TYPE || hash < 0 || /^[a-z][a-z0-9+.-]*:/i.test(target)) return tag;
    const file = target.slice(0, hash);
    const location = target.slice(hash + 1);
    const id = a.get('Id') ?? '';
    locations.set(id, { location, keepRel: file !== '' });
    if (file === '') return '';
    return `<Relationship Id="${escapeXml(id)}" Type="${HYPERLINK_TYPE}" Target="${escapeXml(encodeTarget(file))}" TargetMode="External"/>`;
  });
  if (locations.size === 0) return;
  sheet = sheet.replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
    const a = attrs(tag);
    const fix = locations.get(a.get('r:id') ?? '');
    if (!fix) return tag;
    const parts = [`ref="${a.get('ref')}"`];
    if (fix.keepRel) parts.push(`r:id="${a.get('r:id')}"`);
    parts.push(`location="${escapeXml(fix.location)}"`);
    if (a.has('tooltip')) parts.push(`tooltip="${a.get('tooltip')}"`);
    return `<hyperlink ${parts.join(' ')}/>`;
  });
  zip.file(relsPath, rels);
  zip.file(sheetPath, sheet);
}

export async function fixHyperlinks(bytes: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const relsFiles = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/_rels\/[^/]+\.xml\.rels$/.test(p));
  for (const p of relsFiles) await fixSheet(zip, p);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The xlsx bytes of a workbook, hyperlinks fixed. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const raw = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  return fixHyperlinks(new Uint8Array(raw));
}

/** A link to a cell of this workbook: "#'Foglio 1'!C23". */
export function cellLink(sheet: string, cell: string): string {
  return `#${quoteSheet(sheet)}!${cell}`;
}

/** Sheet names in references are quoted, with quotes doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}
