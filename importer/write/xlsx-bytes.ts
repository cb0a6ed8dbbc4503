/**
 * Turns an exceljs workbook into xlsx bytes, with its hyperlinks written as Excel writes them.
 *
 * exceljs writes every hyperlink as an external relationship, so a link to a cell ("#'Foglio'!C23")
 * or to a cell of another workbook ("annotated/x.xlsx#'Foglio'!C23") becomes a file name that
 * Excel cannot open. Excel's own form is: an in-workbook link has only `location`; a link into
 * another file has a relationship to the file and `location` for the cell. This rewrites the
 * hyperlink relationships of each sheet to that form; nothing else in the package changes.
 *
 * The parts are those exceljs' own `writeBuffer` writes, rendered by the same exceljs code
 * (exceljs-internals.d.ts); the links are fixed on the rendered XML and the parts zipped once
 * (zip-writer.ts, deflate by Node's zlib). Zipping with exceljs (JSZip, deflate in JavaScript), then
 * unzipping and zipping again to fix the links, cost a fifth of the time of writing a large workbook.
 */
import ExcelJS from 'exceljs';
import type { XlsxWriter, ZipSink } from 'exceljs/lib/xlsx/xlsx';
import { ZipPart, zipParts } from './zip-writer';
import { escapeXmlAttr, unescapeXml } from '../engine/text/xml-escape';

const HYPERLINK_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out.set(m[1], m[2]);
  return out;
}


/** A relative file path as a relationship target: each segment URI-encoded, slashes kept. */
function encodeTarget(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

/** One sheet's relationships and XML with its links to cells in Excel's form; undefined when it has none. */
export function fixSheetLinks(rels: string, sheet: string): { rels: string; sheet: string } | undefined {
  const locations = new Map<string, { location: string; keepRel: boolean }>();
  const fixedRels = rels.replace(/<Relationship\b[^>]*\/>/g, (tag) => {
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
    return `<Relationship Id="${escapeXmlAttr(id)}" Type="${HYPERLINK_TYPE}" Target="${escapeXmlAttr(encodeTarget(file))}" TargetMode="External"/>`;
  });
  if (locations.size === 0) return undefined;
  const fixedSheet = sheet.replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
    const a = attrs(tag);
    const fix = locations.get(a.get('r:id') ?? '');
    if (!fix) return tag;
    const parts = [`ref="${a.get('ref')}"`];
    if (fix.keepRel) parts.push(`r:id="${a.get('r:id')}"`);
    parts.push(`location="${escapeXmlAttr(fix.location)}"`);
    if (a.has('tooltip')) parts.push(`tooltip="${a.get('tooltip')}"`);
    return `<hyperlink ${parts.join(' ')}/>`;
  });
  return { rels: fixedRels, sheet: fixedSheet };
}

/** Collects the parts exceljs renders, in its order (a later part of the same name replaces the earlier, as in JSZip). */
class PartCollector implements ZipSink {
  readonly parts = new Map<string, string | Buffer>();

  append(data: string | Buffer | Uint8Array, options: { name: string; base64?: boolean }): void {
    if (typeof data === 'string') this.parts.set(options.name, options.base64 ? Buffer.from(data, 'base64') : data);
    else this.parts.set(options.name, Buffer.isBuffer(data) ? data : Buffer.from(data));
  }
}

/** exceljs' own arrays of rows, cells and columns, read (never filled in) to visit what it writes. */
interface SheetArrays {
  _rows: ({ _cells: (ExcelJS.Cell | undefined)[]; style?: object } | undefined)[];
  _columns?: ({ style?: object } | undefined)[];
}

function isEmptyStyle(style: object): boolean {
  for (const _ in style) return false;
  return true;
}

/**
 * Before writing: every cell with an empty style object of its own (exceljs gives each new cell
 * one) gets one of two shared styles that write the same `<xf>`: General for any value, mm-dd-yy for
 * a date (what exceljs picks for a cell without a number format). exceljs renders a style once per
 * style object, so a large sheet no longer costs one style rendering per cell (a third of the time
 * of writing a 100,000-row register). Style objects shared by several cells, rows or columns are
 * left as they are, so every cell keeps the style index it would have had. Changes the cells'
 * style objects, not what they hold: for workbooks about to be written and dropped.
 */
function shareEmptyStyles(wb: ExcelJS.Workbook): void {
  const plain: Partial<ExcelJS.Style> = { numFmt: 'General' };
  const date: Partial<ExcelJS.Style> = { numFmt: 'mm-dd-yy' };
  for (const ws of wb.worksheets) {
    const { _rows: rows, _columns: columns } = ws as unknown as SheetArrays;
    const elsewhere = new Set<object>();
    for (const c of columns ?? []) if (c?.style) elsewhere.add(c.style);
    for (const row of rows) if (row?.style) elsewhere.add(row.style);
    // each empty style object and the one cell that has it (null once a second cell has it too)
    const owner = new Map<object, ExcelJS.Cell | null>();
    for (const row of rows) {
      if (!row) continue;
      for (const cell of row._cells) {
        const style = cell?.style;
        if (!cell || !style || elsewhere.has(style) || !isEmptyStyle(style)) continue;
        const before = owner.get(style);
        if (before === undefined) {
          owner.set(style, cell);
          const isDate = cell.type === ExcelJS.ValueType.Date || (cell.type === ExcelJS.ValueType.Formula && cell.result instanceof Date);
          cell.style = isDate ? date : plain;
        } else if (before !== null) {
          before.style = style; // shared after all: both keep it
          owner.set(style, null);
        }
      }
    }
  }
}

/** The parts of the workbook as exceljs' `xlsx.write` renders them (the same calls in the same order). */
async function renderParts(wb: ExcelJS.Workbook): Promise<Map<string, string | Buffer>> {
  shareEmptyStyles(wb);
  const xlsx = wb.xlsx as unknown as XlsxWriter;
  const { model } = wb as unknown as { model: unknown };
  const zip = new PartCollector();
  xlsx.prepareModel(model, {});
  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  await xlsx.addWorksheets(zip, model);
  await xlsx.addSharedStrings(zip, model); // always after worksheets
  await xlsx.addDrawings(zip, model);
  await xlsx.addTables(zip, model);
  await Promise.all([xlsx.addThemes(zip, model), xlsx.addStyles(zip, model)]);
  await xlsx.addMedia(zip, model);
  await Promise.all([xlsx.addApp(zip, model), xlsx.addCore(zip, model)]);
  await xlsx.addWorkbook(zip, model);
  return zip.parts;
}

/**
 * The xlsx bytes of a workbook, hyperlinks fixed. The workbook is written, not to be changed further.
 * `patchSheet` may change the XML of each sheet (by the worksheet's id) for what exceljs does not write.
 */
export async function workbookBytes(wb: ExcelJS.Workbook, patchSheet?: (id: number, xml: string) => string): Promise<Buffer> {
  const parts = await renderParts(wb);
  if (patchSheet) {
    for (const ws of wb.worksheets) {
      const name = `xl/worksheets/sheet${ws.id}.xml`;
      const xml = parts.get(name);
      if (typeof xml === 'string') parts.set(name, patchSheet(ws.id, xml));
    }
  }
  for (const [name, rels] of parts) {
    const m = /^xl\/worksheets\/_rels\/([^/]+\.xml)\.rels$/.exec(name);
    const sheetName = m ? `xl/worksheets/${m[1]}` : '';
    const sheet = parts.get(sheetName);
    if (typeof rels !== 'string' || typeof sheet !== 'string') continue;
    const fixed = fixSheetLinks(rels, sheet);
    if (!fixed) continue;
    parts.set(name, fixed.rels);
    parts.set(sheetName, fixed.sheet);
  }
  const list: ZipPart[] = [...parts].map(([name, data]) => ({ name, data }));
  return await zipParts(list);
}

/** A link to a cell of this workbook: "#'Foglio 1'!C23". */
export function cellLink(sheet: string, cell: string): string {
  return `#${quoteSheet(sheet)}!${cell}`;
}

/** Sheet names in references are quoted, with quotes doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}
