/**
 * Writes templates/PIAO-template.xlsx (npm run template), the workbook `piao import` fills to make
 * PIAO.xlsx. An office may restyle the committed template in Excel (fonts, fills, widths, number
 * formats, labels): the writer keeps what it finds. What the writer relies on is described in
 * importer/write/piao-layout.ts.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { LIST_SHEETS, ListSheetSpec, PAP_DATE_FMT, PAP_DATE_LABEL, PAP_NAMES, PAP_SECTIONS, PAP_SHEET, PAP_TITLE, PAP_TURNOVER, PAP_WIDTHS, SHEET_ORDER } from '../../importer/write/piao-layout';
import { newWorkbook, saveWorkbook } from './workbook';

export const TEMPLATE_FILE = join(__dirname, '..', 'PIAO-template.xlsx');

const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14, color: { argb: 'FF1F3864' } };
const SUBTITLE_FONT: Partial<ExcelJS.Font> = { italic: true, size: 10, color: { argb: 'FF595959' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const SECTION_FONT: Partial<ExcelJS.Font> = { bold: true, size: 12, color: { argb: 'FF1F3864' } };
const THIN: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

function styleHeaderCell(c: ExcelJS.Cell): void {
  c.font = HEADER_FONT;
  c.fill = HEADER_FILL;
  c.alignment = { vertical: 'middle', wrapText: true };
}

function listSheet(wb: ExcelJS.Workbook, spec: ListSheetSpec): void {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 3, activeCell: 'A4' }] });
  ws.columns = spec.columns.map((c) => ({ width: c.width }));
  ws.getCell('A1').value = spec.title;
  ws.getCell('A1').font = TITLE_FONT;
  ws.getCell('A2').value = spec.subtitle;
  ws.getCell('A2').font = SUBTITLE_FONT;
  const header = ws.getRow(3);
  header.height = 32;
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    styleHeaderCell(cell);
  });
  // the model row: every row the writer fills takes these styles and validations
  const model = ws.getRow(4);
  spec.columns.forEach((c, i) => {
    const cell = model.getCell(i + 1);
    cell.alignment = { vertical: 'top', wrapText: Boolean(c.wrap) };
    cell.border = THIN;
    if (c.numFmt) cell.numFmt = c.numFmt;
    if (c.number) {
      const what = c.number === 'whole' ? 'un numero intero di persone, 0 o più' : 'un numero, 0 o più';
      cell.dataValidation = {
        type: c.number,
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: 'Valore non previsto',
        error: `Qui va ${what}.`,
      };
    }
    if (c.list) {
      cell.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.list.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: 'Valore non previsto',
        error: `Valori previsti: ${c.list.join(', ')}.`,
      };
    }
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: spec.columns.length } };
  // the «Segnalazioni» of a row coloured by its worst severity, as the annotated copies colour cells
  const findings = spec.columns.findIndex((c) => c.header === 'Segnalazioni');
  if (findings >= 0) {
    const col = String.fromCharCode(65 + findings);
    const rule = (word: string, argb: string, priority: number): ExcelJS.ConditionalFormattingRule => ({
      type: 'expression',
      priority,
      formulae: [`LEFT($${col}4,${word.length})="${word}"`],
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } },
    });
    ws.addConditionalFormatting({ ref: `${col}4:${col}100000`, rules: [rule('Errore', 'FFFFE3E0', 1), rule('Avviso', 'FFFFF4CC', 2), rule('Nota', 'FFE1EEF9', 3)] });
  }
}

/** The findings list colours its severity column (the same colours as the annotated copies). */
function severityColours(wb: ExcelJS.Workbook): void {
  const ws = wb.getWorksheet(LIST_SHEETS.findings.name)!;
  const colour = (label: string, argb: string, priority: number): ExcelJS.ConditionalFormattingRule => ({
    type: 'cellIs',
    operator: 'equal',
    priority,
    formulae: [`"${label}"`],
    style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } },
  });
  ws.addConditionalFormatting({ ref: 'A4:A100000', rules: [colour('Errore', 'FFFF8A80', 1), colour('Avviso', 'FFFFD54F', 2), colour('Nota', 'FF9FC5E8', 3)] });
}

function name(wb: ExcelJS.Workbook, cell: string, key: string): void {
  const [col, row] = [cell.replace(/\d+/g, ''), cell.replace(/\D+/g, '')];
  wb.definedNames.add(`'${PAP_SHEET}'!$${col}$${row}`, key);
}

function papSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(PAP_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = PAP_WIDTHS.map((width) => ({ width }));
  ws.getCell('A1').value = PAP_TITLE;
  ws.getCell('A1').font = TITLE_FONT;
  ws.getCell('A2').value = PAP_DATE_LABEL;
  ws.getCell('A2').font = { bold: true };
  ws.getCell('B2').numFmt = PAP_DATE_FMT;
  ws.getCell('B2').alignment = { horizontal: 'left' };
  name(wb, 'B2', PAP_NAMES.date);

  let r = 4;
  const section = (title: string, headers: readonly string[]): void => {
    ws.getCell(r, 1).value = title;
    ws.getCell(r, 1).font = SECTION_FONT;
    r++;
    const h = ws.getRow(r);
    ['', ...headers].forEach((t, i) => {
      const c = h.getCell(i + 1);
      c.value = t || null;
      styleHeaderCell(c);
      if (i > 0) c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    r++;
  };
  const valueRow = (label: string, formats: readonly string[], key?: string, total = false): void => {
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 1).alignment = { vertical: 'top', wrapText: true };
    formats.forEach((f, i) => {
      const c = ws.getCell(r, i + 2);
      c.numFmt = f;
      c.border = THIN;
      if (total) {
        c.fill = TOTAL_FILL;
        c.font = { bold: true };
      }
    });
    ws.getCell(r, 1).border = THIN;
    if (total) {
      ws.getCell(r, 1).fill = TOTAL_FILL;
      ws.getCell(r, 1).font = { bold: true };
    }
    if (key) name(wb, `B${r}`, key);
    r++;
  };

  for (const s of PAP_SECTIONS) {
    section(s.title, s.headers);
    for (const row of s.rows) valueRow(row.label, row.formats, row.name && PAP_NAMES[row.name], row.total);
    r++;
  }
  // last, because it grows with the years found: the writer fills one row per year from here
  ws.getCell(r, 1).value = PAP_TURNOVER.title;
  ws.getCell(r, 1).font = SECTION_FONT;
  r++;
  const h = ws.getRow(r);
  PAP_TURNOVER.headers.forEach((t, i) => {
    styleHeaderCell(h.getCell(i + 1));
    h.getCell(i + 1).value = t;
    h.getCell(i + 1).alignment = { horizontal: i ? 'center' : 'left', vertical: 'middle', wrapText: true };
  });
  h.height = 30;
  r++;
  PAP_TURNOVER.formats.forEach((f, i) => {
    const c = ws.getCell(r, i + 1);
    c.numFmt = f;
    c.border = THIN;
    if (i === 0) c.alignment = { horizontal: 'left' };
  });
  wb.definedNames.add(`'${PAP_SHEET}'!$A$${r}`, PAP_NAMES.turnover);
}

export function piaoTemplateWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  wb.creator = 'piao';
  for (const key of SHEET_ORDER) {
    if (key === 'pap') papSheet(wb);
    else listSheet(wb, LIST_SHEETS[key]);
  }
  severityColours(wb);
  return wb;
}

async function main(): Promise<void> {
  await saveWorkbook(piaoTemplateWorkbook(), TEMPLATE_FILE);
  console.log('scritto templates/PIAO-template.xlsx');
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
