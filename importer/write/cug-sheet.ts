/**
 * The sheet «Tabelle CUG» of PIAO.xlsx: the Relazione CUG tables laid out by cug-layout.ts, with
 * the portal's look (grey headers, bold totals, thin borders, two-decimal percentages) and printed
 * on landscape A4 pages, one table never split across two.
 */
import ExcelJS from 'exceljs';
import { CugSection } from '../engine/schema/cug';
import { CUG_COUNT_FMT, CUG_PERCENT_FMT, CUG_SHEET, CugCellStyle, cugSheetPlan } from './cug-layout';
import { setPrintLayout } from './print';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FILL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF8EA9DB' } },
  left: { style: 'thin', color: { argb: 'FF8EA9DB' } },
  bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } },
  right: { style: 'thin', color: { argb: 'FF8EA9DB' } },
};

/** The look of each kind of cell (a fresh object per call: exceljs must not share one among cells). */
function styleOf(s: CugCellStyle): Partial<ExcelJS.Style> {
  const center: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
  switch (s) {
    case 'title':
      return { font: { bold: true, size: 14 } };
    case 'subtitle':
      return { font: { italic: true, color: { argb: 'FF595959' } } };
    case 'section':
      return { font: { bold: true, size: 12, color: { argb: 'FF1F3864' } } };
    case 'caption':
      return { font: { bold: true, size: 11 } };
    case 'group':
    case 'heading':
      return { font: { bold: true }, fill: HEADER_FILL, alignment: center, border: THIN };
    case 'label':
      return { alignment: { vertical: 'middle', wrapText: true }, border: THIN };
    case 'count':
      return { numFmt: CUG_COUNT_FMT, alignment: { horizontal: 'center', vertical: 'middle' }, border: THIN };
    case 'percent':
      return { numFmt: CUG_PERCENT_FMT, alignment: { horizontal: 'center', vertical: 'middle' }, border: THIN };
    case 'totalLabel':
      return { font: { bold: true }, fill: TOTAL_FILL, alignment: { vertical: 'middle', wrapText: true }, border: THIN };
    case 'totalCount':
      return { font: { bold: true }, fill: TOTAL_FILL, numFmt: CUG_COUNT_FMT, alignment: { horizontal: 'center', vertical: 'middle' }, border: THIN };
    case 'totalPercent':
      return { font: { bold: true }, fill: TOTAL_FILL, numFmt: CUG_PERCENT_FMT, alignment: { horizontal: 'center', vertical: 'middle' }, border: THIN };
    case 'toFill':
      return { font: { italic: true, color: { argb: 'FF7F6000' } }, fill: FILL_FILL, alignment: { vertical: 'middle', wrapText: true }, border: THIN };
    case 'note':
      return { font: { italic: true, size: 9, color: { argb: 'FF595959' } } };
    case 'missingHeading':
      return { font: { bold: true }, fill: HEADER_FILL, border: THIN, alignment: { vertical: 'middle' } };
    case 'missing':
      return { alignment: { vertical: 'top', wrapText: true }, border: THIN };
  }
}

/**
 * Adds the sheet «Tabelle CUG» to a workbook (replacing one of that name the template may hold),
 * printed as the other sheets of PIAO.xlsx: A4, one page wide, the title repeated, the footer with
 * `owner` (the entity or the dossier) and the page.
 */
export function addCugSheet(wb: ExcelJS.Workbook, cug: CugSection, owner: string, name = CUG_SHEET): ExcelJS.Worksheet {
  const old = wb.getWorksheet(name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name, { views: [{ showGridLines: false }] });
  const plan = cugSheetPlan(cug);
  ws.columns = plan.widths.map((width) => ({ width }));
  // borders of merged cells: every cell of a table's grid gets its style before the merge
  for (const t of plan.tables) {
    for (let r = t.top; r <= t.bottom; r++) for (let c = t.left; c <= t.right; c++) ws.getCell(r + 1, c + 1).border = { ...THIN };
  }
  for (const cell of plan.cells) {
    const c = ws.getCell(cell.row + 1, cell.col + 1);
    c.style = styleOf(cell.style);
    if (cell.value !== null) c.value = cell.value;
  }
  for (const m of plan.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  // long labels: taller rows, by the width they wrap in (a label alone on its row spans both label columns)
  const merged = new Set(plan.merges.filter((m) => m.top === m.bottom).map((m) => `${m.top}:${m.left}`));
  for (const cell of plan.cells) {
    if ((cell.style === 'label' || cell.style === 'toFill' || cell.style === 'missing' || cell.style === 'totalLabel') && typeof cell.value === 'string') {
      const span = merged.has(`${cell.row}:${cell.col}`) ? plan.merges.find((m) => m.top === cell.row && m.left === cell.col)! : undefined;
      let chars = 0;
      for (let c = cell.col; c <= (span?.right ?? cell.col); c++) chars += plan.widths[c] ?? 10;
      const lines = Math.ceil(cell.value.length / Math.max(8, chars * 1.1));
      const row = ws.getRow(cell.row + 1);
      if (lines > 1) row.height = Math.max(row.height ?? 15, 14 * lines + 2);
    }
    if (cell.style === 'heading' && cell.col >= 2) ws.getRow(cell.row + 1).height = Math.max(ws.getRow(cell.row + 1).height ?? 15, 30);
  }
  setPrintLayout(ws, { owner, headerRows: [1, 2], columns: plan.widths.length });
  // a page break before a table that would not fit on what is left of the page (fit to the width of A4 landscape)
  const m = ws.pageSetup.margins ?? { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 };
  const [pageWidth, pageHeight] = ws.pageSetup.orientation === 'landscape' ? [842, 595] : [595, 842];
  const printableWidth = (pageWidth - (m.left + m.right) * 72) * 0.97;
  // less the title rows repeated on every page
  const printableHeight = (pageHeight - (m.top + m.bottom) * 72 - 2 * 15) * 0.92;
  const sheetWidth = plan.widths.reduce((n, w) => n + (w * 7 + 5) * 0.75, 0);
  const capacity = printableHeight / Math.min(1, printableWidth / sheetWidth);
  const heightOf = (from: number, to: number) => {
    let h = 0;
    for (let r = from; r <= to; r++) h += ws.getRow(r + 1).height ?? 15;
    return h;
  };
  let used = heightOf(0, (plan.tables[0]?.start ?? 1) - 1);
  plan.tables.forEach((t, i) => {
    const end = i + 1 < plan.tables.length ? plan.tables[i + 1].start - 1 : t.bottom;
    const block = heightOf(t.start, end);
    if (used > 0 && used + block > capacity) {
      ws.getRow(t.start).addPageBreak();
      used = 0;
    }
    used += block;
  });
  return ws;
}
