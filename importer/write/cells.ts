/** Small helpers the xlsx writers share: safe values, cloned styles, links to annotated copies. */
import ExcelJS from 'exceljs';
import { Place } from '../engine/schema/dossier';
import { cutForExcel } from '../engine/grid/long-texts';
import { cellLink } from './xlsx-bytes';

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

/** A name Excel accepts for a sheet: at most 31 characters, none of []:*?/\ , not starting or ending with a quote. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim();
  return (cleaned || 'Foglio1').slice(0, 31);
}

/** The sheet a Place lands on in the annotated copy: CSV sources become one sheet with a name Excel accepts. */
export function annotatedSheet(file: string, sheet: string): string {
  return /\.(csv|txt|tsv)$/i.test(file) ? safeSheetName(sheet) : sheet;
}
