import { extname } from 'node:path';
import { LIMITS } from './limits';
import { ZipEntry, entryHead, listZipEntries } from './zip';

/**
 * What an archive really is when it is an Office or OpenDocument file but not a workbook (a Word
 * document renamed .xlsx, a presentation, an OpenDocument text): told from the package itself, its
 * `mimetype` entry (OpenDocument) or its `[Content_Types].xml` (Office Open XML), never from its
 * name. Undefined for a workbook (xlsx, xlsm, xltx) and for an archive that says nothing.
 */

interface Kind {
  /** «un documento Word (.docx)». */
  what: string;
  /** The extension the file should have. */
  ext: string;
  /** What to do, after «:». */
  todo: string;
  /** «rinominata» after a feminine noun. */
  feminine?: true;
}

const COPY_TABLES = 'copia le sue tabelle in un foglio di Excel o di LibreOffice Calc e salvalo come .xlsx (o importa la cartella di lavoro da cui vengono)';

const ODF: [RegExp, Kind][] = [
  [/^application\/vnd\.oasis\.opendocument\.spreadsheet/, { what: 'un foglio OpenDocument (.ods)', ext: '.ods', todo: 'aprilo in LibreOffice o Excel e salvalo come .xlsx' }],
  [/^application\/vnd\.oasis\.opendocument\.text/, { what: 'un documento di testo OpenDocument (.odt)', ext: '.odt', todo: `aprilo con LibreOffice Writer o Word e ${COPY_TABLES}` }],
  [/^application\/vnd\.oasis\.opendocument\.presentation/, { what: 'una presentazione OpenDocument (.odp)', ext: '.odp', feminine: true, todo: `aprila con LibreOffice Impress o PowerPoint e ${COPY_TABLES}` }],
  [/^application\/vnd\.oasis\.opendocument\.graphics/, { what: 'un disegno OpenDocument (.odg)', ext: '.odg', todo: `aprilo con LibreOffice Draw e ${COPY_TABLES}` }],
  [/^application\/vnd\.oasis\.opendocument\./, { what: 'un documento OpenDocument', ext: '.od?', todo: `aprilo con LibreOffice e ${COPY_TABLES}` }],
];

/** Main-part content types of Office Open XML packages that are not workbooks. */
const OOXML: [RegExp, Kind][] = [
  [/wordprocessingml\.(?:document|template)\.main\+xml|ms-word\.(?:document|template)\.macroEnabled(?:\.main)?\+xml/, { what: 'un documento Word (.docx)', ext: '.docx', todo: `aprilo con Word e ${COPY_TABLES}` }],
  [/presentationml\.(?:presentation|slideshow|template)\.main\+xml|ms-powerpoint\.(?:presentation|slideshow|template)\.macroEnabled\.main\+xml/, { what: 'una presentazione PowerPoint (.pptx)', ext: '.pptx', feminine: true, todo: `aprila con PowerPoint e ${COPY_TABLES}` }],
  [/ms-excel\.sheet\.binary\.macroEnabled\.main/, { what: 'una cartella di lavoro binaria di Excel (.xlsb)', ext: '.xlsb', feminine: true, todo: 'aprila in Excel e salvala come .xlsx' }],
  [/ms-visio\.drawing\.main\+xml/, { what: 'un disegno Visio (.vsdx)', ext: '.vsdx', todo: `aprilo con Visio e ${COPY_TABLES}` }],
];

const WORKBOOK = /spreadsheetml\.(?:sheet|template)\.main\+xml|ms-excel\.(?:sheet|template)\.macroEnabled\.main\+xml/;

function kindOf(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>): Kind | undefined {
  const mimetype = entries.get('mimetype');
  if (mimetype) {
    const mime = entryHead(bytes, mimetype, 200).toString('latin1').trim();
    return ODF.find(([re]) => re.test(mime))?.[1];
  }
  const types = entries.get('[Content_Types].xml');
  if (!types) return undefined;
  const xml = entryHead(bytes, types, 64 * 1024).toString('latin1');
  if (WORKBOOK.test(xml)) return undefined;
  return OOXML.find(([re]) => re.test(xml))?.[1];
}

/**
 * The Italian reason, after «<file>: », for an archive that is an Office or OpenDocument file but
 * not a workbook («è un documento Word (.docx) rinominato in .xlsx: aprilo con Word e ...»), or
 * undefined. Never throws: an archive it cannot look into says nothing here.
 */
export function notAWorkbook(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>, file: string): string | undefined {
  let kind: Kind | undefined;
  try {
    kind = kindOf(bytes, entries);
  } catch {
    return undefined;
  }
  if (!kind) return undefined;
  const ext = extname(file).toLowerCase();
  const renamed = ext && ext !== kind.ext && !kind.ext.endsWith('?') ? ` rinominat${kind.feminine ? 'a' : 'o'} in ${ext}` : '';
  return `è ${kind.what}${renamed}: ${kind.todo}.`;
}

/** The same for a file whose name says text (a .csv): its archive listed here, quietly. */
export function archiveNotAWorkbook(bytes: Uint8Array, file: string): string | undefined {
  try {
    const entries = new Map(listZipEntries(bytes, LIMITS.maxEntries).map((e) => [e.name, e]));
    return notAWorkbook(bytes, entries, file);
  } catch {
    return undefined;
  }
}

function hasStream(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Buffer.from(name, 'utf16le')) >= 0;
}

/**
 * The reason for an Office 97-2003 file (OLE) that is a Word or PowerPoint document, not an Excel
 * one, told by its streams' names; undefined for anything else (a workbook, or a file that holds both).
 */
export function oleNotAWorkbook(bytes: Uint8Array, file: string): string | undefined {
  if (hasStream(bytes, 'Workbook') || hasStream(bytes, 'Book')) return undefined;
  const ext = extname(file).toLowerCase();
  if (hasStream(bytes, 'WordDocument')) return `è un documento Word 97-2003 (.doc)${ext !== '.doc' ? ` rinominato in ${ext}` : ''}: aprilo con Word e ${COPY_TABLES}.`;
  if (hasStream(bytes, 'PowerPoint Document')) return `è una presentazione PowerPoint 97-2003 (.ppt)${ext !== '.ppt' ? ` rinominata in ${ext}` : ''}: aprila con PowerPoint e ${COPY_TABLES}.`;
  return undefined;
}
