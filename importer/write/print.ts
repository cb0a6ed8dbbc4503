/**
 * How the written workbooks print: A4, portrait or landscape by the width of the sheet, fitted to
 * one page wide (as many pages down as needed), the header rows repeated on every page, a footer
 * with the entity, the sheet and the page number. PIAO.xlsx, summary.xlsx and the «Anomalie»
 * sheets of the annotated copies share it.
 */
import ExcelJS from 'exceljs';

/** Excel's paper size code of A4. */
export const A4 = 9;
/** The widest sheet (in characters of the default font) printed in portrait without shrinking much. */
const PORTRAIT_MAX_WIDTH = 100;
/** Excel's width of a column without one. */
const DEFAULT_WIDTH = 9;

/** The width of the columns in use, in characters. */
export function sheetWidth(ws: ExcelJS.Worksheet, columns = ws.columnCount): number {
  let width = 0;
  for (let c = 1; c <= columns; c++) {
    const col = ws.getColumn(c);
    if (!col.hidden) width += col.width ?? DEFAULT_WIDTH;
  }
  return width;
}

/** Text for a header or footer: «&» is a code there, written «&&». */
function footerText(s: string): string {
  return s.replace(/&/g, '&&');
}

export interface PrintLayout {
  /** Rows repeated at the top of every page, 1-based and inclusive («3:3»). */
  headerRows?: [number, number];
  /** Who the pages are of: the entity, or the dossier's or batch's name. */
  owner: string;
  /** Columns that print (default: those in use). */
  columns?: number;
}

/** Sets a sheet up for printing on A4 (see the file's comment). */
export function setPrintLayout(ws: ExcelJS.Worksheet, layout: PrintLayout): void {
  const wide = sheetWidth(ws, layout.columns) > PORTRAIT_MAX_WIDTH;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: wide ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    ...(layout.headerRows ? { printTitlesRow: `${layout.headerRows[0]}:${layout.headerRows[1]}` } : {}),
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    oddFooter: `&L&8${footerText(layout.owner)}&C&8&A&R&8Pagina &P di &N`,
  };
}
