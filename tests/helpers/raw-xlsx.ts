/**
 * Writes xlsx files part by part, byte by byte: what exceljs would never write (a DOCTYPE, a part
 * that lies about its size, a sheet of a million formatted rows, cells without references), so
 * that the readers can be tested on it. Everything is generated; nothing is a stored fixture.
 */
import { crc32, deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { a1 } from '../../importer/engine/grid/address';

export interface RawPart {
  name: string;
  data: string | Buffer;
  /** 8 (deflate, the default), 0 (stored), or any other number to write `data` as it is under that method. */
  method?: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
  /** Already-deflated bytes to store instead of deflating `data` (for bombs). */
  deflated?: Buffer;
  /** Sizes written in the headers instead of the real ones (a part that lies). */
  declaredSize?: number;
}

/** One entry of an archive, its bytes already compressed (or stored) and its checksum computed. */
export interface ZipEntry {
  name: Buffer;
  crc: number;
  /** Uncompressed size, as the headers declare it. */
  size: number;
  body: Buffer;
  /** 8 deflate, 0 stored, anything else as asked. */
  method: number;
  /** General-purpose flags: 0x0800 names in UTF-8, 1 encrypted. */
  flags: number;
}

/** The fields a local header (at 6) and a central directory header (at 8) both hold, in the same order. */
function writeEntryFields(header: Buffer, at: number, e: ZipEntry): void {
  header.writeUInt16LE(e.flags, at);
  header.writeUInt16LE(e.method, at + 2);
  header.writeUInt16LE(0, at + 4); // time
  header.writeUInt16LE(0x21, at + 6); // date: 1980-01-01
  header.writeUInt32LE(e.crc >>> 0, at + 8);
  header.writeUInt32LE(e.body.length, at + 12);
  header.writeUInt32LE(e.size, at + 16);
  header.writeUInt16LE(e.name.length, at + 20);
}

/**
 * The archive of the entries in the order given, byte by byte as the entries say, however wrong
 * (a lying size, an unknown method): what no zip library would write. No zip64.
 */
export function assembleZip(entries: readonly ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeEntryFields(local, 6, e);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    writeEntryFields(header, 8, e);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, e.name, e.body);
    central.push(header, e.name);
    offset += 30 + e.name.length + e.body.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** The archive of the parts, each as it says, with the headers it asks for. */
export function zipParts(parts: RawPart[]): Buffer {
  const entries = parts.map((p): ZipEntry => {
    const data = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data;
    const method = p.method ?? 8;
    return {
      name: Buffer.from(p.name, 'utf8'),
      crc: p.deflated ? 0 : crc32(data),
      size: p.declaredSize ?? data.length,
      body: p.deflated ?? (method === 8 ? deflateRawSync(data) : data),
      method,
      flags: p.flags ?? 0,
    };
  });
  return assembleZip(entries);
}

/**
 * Raw deflate of `total` bytes of `byte`, built from one compressed block repeated: a zip bomb of
 * gigabytes costs a few MB and milliseconds to make.
 */
export function deflatedRepeat(byte: number, total: number, blockSize = 1024 * 1024): Buffer {
  const block = deflateRawSync(Buffer.alloc(blockSize, byte), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const n = Math.floor(total / blockSize);
  const parts: Buffer[] = [];
  for (let i = 0; i < n; i++) parts.push(block);
  parts.push(Buffer.from([0x03, 0x00])); // an empty final block
  return Buffer.concat(parts);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface RawSheet {
  name: string;
  /** The inside of <worksheet> (sheetData, mergeCells...), or a whole part when `raw` is set. */
  body: string;
  raw?: string | Buffer;
  state?: 'hidden' | 'veryHidden';
  /** Creation number (sheetId); defaults to the position. A sheet moved by the user has another. */
  sheetId?: number;
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** Shared strings (plain text) in order. */
  shared?: string[];
  /** The inside of <sst>, when shared strings need rich text. */
  sharedXml?: string;
  /** Custom number formats, applied by style index 1, 2... in order (style 0 is General). */
  numFmts?: string[];
  date1904?: boolean;
  /** Parts replaced or added as they are (a bomb, a DOCTYPE...). */
  override?: RawPart[];
}

/** The parts of a minimal valid xlsx. */
export function workbookParts(wb: RawWorkbook): RawPart[] {
  const sheetEntries = wb.sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${s.sheetId ?? i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  const rels = wb.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  const n = wb.sheets.length;
  rels.push(`<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  if (wb.shared || wb.sharedXml) rels.push(`<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  const fmts = wb.numFmts ?? [];
  const styles =
    `${DECL}<styleSheet xmlns="${NS}">` +
    (fmts.length ? `<numFmts count="${fmts.length}">${fmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlEscape(f)}"/>`).join('')}</numFmts>` : '') +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${fmts.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    fmts.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('') +
    '</cellXfs></styleSheet>';
  const parts: RawPart[] = [
    {
      name: '[Content_Types].xml',
      data:
        `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        wb.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        (wb.shared || wb.sharedXml ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
        '</Types>',
    },
    { name: '_rels/.rels', data: `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `${DECL}<workbook xmlns="${NS}" xmlns:r="${REL_NS}">${wb.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheetEntries}</sheets></workbook>`,
    },
    { name: 'xl/_rels/workbook.xml.rels', data: `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` },
    { name: 'xl/styles.xml', data: styles },
  ];
  if (wb.shared || wb.sharedXml) {
    const inner = wb.sharedXml ?? (wb.shared ?? []).map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join('');
    parts.push({ name: 'xl/sharedStrings.xml', data: `${DECL}<sst xmlns="${NS}">${inner}</sst>` });
  }
  wb.sheets.forEach((s, i) => {
    parts.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.raw ?? `${DECL}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">${s.body}</worksheet>` });
  });
  for (const o of wb.override ?? []) {
    const i = parts.findIndex((p) => p.name === o.name);
    if (i >= 0) parts[i] = o;
    else parts.push(o);
  }
  return parts;
}

export function rawXlsx(wb: RawWorkbook): Buffer {
  return zipParts(workbookParts(wb));
}

/** A cell for sheetData: inline text, number, or anything already written. */
export function cellXml(ref: string, v: string | number | boolean | null, style?: number): string {
  const s = style ? ` s="${style}"` : '';
  if (v === null) return `<c r="${ref}"${s}/>`;
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`;
}

/** sheetData for rows of values (A1 at the top left). */
export function sheetData(rows: (string | number | boolean | null)[][]): string {
  const body = rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, c) => (v === null ? '' : cellXml(a1(i, c), v))).join('')}</row>`)
    .join('');
  return `<sheetData>${body}</sheetData>`;
}
