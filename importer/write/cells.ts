/** Small helpers the xlsx writers share: safe values, cloned styles, links to annotated copies. */
import ExcelJS from 'exceljs';
import { Place } from '../engine/schema/dossier';
import { cutForExcel } from '../engine/grid/long-texts';
import { cellLink } from './xlsx-bytes';
import { excelSheetNames } from '../engine/grid/sheet-names';
import { madeAt } from './made-at';

export type PlainValue = string | number | Date | null | undefined;

/**
 * A value for a cell: numbers and dates as they are, text as text. exceljs writes a string as a
 * string even when it starts with `=`, `+`, `-` or `@`: only `{ formula }` objects become formulas,
 * and the writers never build one from a source's text. Control characters that xlsx cannot hold
 * are dropped, and a text longer than Excel accepts in a cell is cut to its limit.
 */
export function cellValue(v: PlainValue): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return v;
  // a text over Excel's limit is cut (the engine reports it at its source cell: engine/grid/long-texts.ts)
  // eslint-disable-next-line no-control-regex
  return cutForExcel(v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));
}

/** A deep copy of a cell's style: exceljs shares one style object between cells loaded with the same style. */
export function cloneStyle(style: Partial<ExcelJS.Style> | undefined): Partial<ExcelJS.Style> {
  return style ? (JSON.parse(JSON.stringify(style)) as Partial<ExcelJS.Style>) : {};
}

/**
 * Style objects shared by many cells, one per style and kind of value: exceljs writes a style once
 * per object (not once per cell), but picks the number format of a style without one from the type
 * of the first cell it meets with that object (General for a number, mm-dd-yy for a date), so cells
 * of different types never share one. Shared styles are never changed in place (see cloneStyle).
 */
export class SharedStyles {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();

  /** Gives `cell` the shared copy of `style` for its type; `key` names the style (a column, a number format). */
  apply(cell: ExcelJS.Cell, key: string, style: () => Partial<ExcelJS.Style>): void {
    const k = `${key}\u0000${cell.type}`;
    let shared = this.styles.get(k);
    if (!shared) this.styles.set(k, (shared = cloneStyle(style())));
    cell.style = shared;
  }
}


/**
 * The properties of a written workbook: made by piao, now (or at SOURCE_DATE_EPOCH); a template's
 * own dates and authors are not kept.
 */
export function setWorkbookProperties(wb: ExcelJS.Workbook, title?: string): void {
  const now = madeAt();
  wb.creator = 'piao';
  wb.lastModifiedBy = 'piao';
  wb.created = now;
  wb.modified = now;
  if (title) wb.title = title;
}

export { annotatedNames } from './output-names';

/** The top-left cell of a Place's cell or range. */
export function topLeft(cell: string): string {
  return cell.split(':')[0];
}

/**
 * A hyperlink cell value pointing at a Place: into its annotated copy when `annotated` names one
 * (links from PIAO.xlsx), else into this workbook (links from an annotated copy's own sheet).
 */
export function placeLink(text: string, place: Place, annotated: string | null): ExcelJS.CellValue {
  const location = cellLink(annotatedSheet(place.file, place.sheet), topLeft(place.cell)).slice(1);
  const hyperlink = annotated ? `${annotated}#${location}` : `#${location}`;
  const value: ExcelJS.CellHyperlinkValue = { text: (cellValue(text) as string | null) ?? '', hyperlink };
  if (annotated) value.tooltip = `Apri la cella nella copia annotata ${annotated}`;
  return value;
}


/** The sheet a Place lands on in the annotated copy: CSV sources become one sheet with a name Excel accepts. */
export function annotatedSheet(file: string, sheet: string): string {
  // the rules of the xlsx readers (engine/grid/sheet-names): one set, so the copy and its links agree
  return /\.(csv|txt|tsv)$/i.test(file) ? excelSheetNames([sheet])[0] : sheet;
}

/** Height in points of one line of text at the default size (11 pt Calibri, as Excel and LibreOffice set it). */
export const LINE_HEIGHT = 15;

/**
 * The width of a text in units of the digit «0» (the unit of column widths), a little generously:
 * capitals and wide letters count more, narrow letters and punctuation less.
 */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (/[MWmw@%]/.test(ch)) w += 1.45;
    else if (/[A-Z]/.test(ch)) w += 1.2;
    else if (/[ijlrtf.,;:'!|() ]/.test(ch)) w += 0.6;
    else w += 1;
  }
  return w;
}

/**
 * How many lines a text takes in a column `width` characters wide when wrapped: words are not
 * broken unless longer than the column, and each line break in the text starts a line.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1.5); // the cell's own margins
  const space = textWidth(' ');
  let lines = 0;
  for (const para of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = textWidth(word);
      if (line > 0 && line + space + w > room) {
        count++;
        line = 0;
      }
      line += (line > 0 ? space : 0) + w;
      // a word longer than the column runs over several lines
      while (line > room) {
        count++;
        line -= room;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** The height of a row whose cells hold these wrapped texts: as many lines as its tallest cell, at least `min`. */
export function wrappedHeight(cells: readonly { text: string; width: number }[], min = LINE_HEIGHT, lineHeight = LINE_HEIGHT): number {
  const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, c.width)));
  return Math.max(min, Math.ceil(lines * lineHeight + 3));
}

/** The text a cell shows, for measuring it: a link's or rich text's text, a number as written. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text ?? '');
    return '';
  }
  return v instanceof Date ? '00/00/0000' : String(v);
}

/**
 * Makes each row of a sheet as tall as the wrapped texts of its cells (never shorter than it is):
 * Excel does not grow a row on opening and LibreOffice prints a row as tall as it is told, so a
 * wrapped title or message in a short row would run into the rows below it. A merged cell measures
 * across the columns it spans.
 */
export function fitWrappedRows(ws: ExcelJS.Worksheet, from = 1, to = ws.rowCount): void {
  const width = (c: number) => ws.getColumn(c).width ?? 9;
  for (let r = from; r <= to; r++) {
    const row = ws.getRow(r);
    const cells: { text: string; width: number }[] = [];
    row.eachCell((cell) => {
      if (!cell.alignment?.wrapText) return;
      if (cell.isMerged && cell.master !== cell) return;
      let w = width(Number(cell.col));
      // the columns a merge starting here spans
      for (let c = Number(cell.col) + 1; c <= ws.columnCount; c++) {
        const next = ws.getCell(r, c);
        if (!next.isMerged || next.master !== cell) break;
        w += width(c);
      }
      cells.push({ text: cellText(cell), width: w });
    });
    if (!cells.length) continue;
    const h = wrappedHeight(cells, row.height ?? LINE_HEIGHT);
    if (h > (row.height ?? LINE_HEIGHT)) row.height = h;
  }
}
