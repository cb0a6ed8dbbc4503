/** Reading back what the add-in wrote into the in-memory Excel, as plain values to compare. */
import ExcelJS from 'exceljs';
import { parseRange } from '../../../importer/engine/grid/address';
import { isDateFormat, serialToDate } from '../../../addin/sheet/date-format';
import { FakeSheet, FakeTableData } from '../fake-excel/workbook';

export type Plain = string | number | boolean | null;

/** A cell of the in-memory Excel: dates (a number with a date format) as "D:2023-12-31". */
export function fakeCell(sheet: FakeSheet, row: number, col: number): Plain {
  const c = sheet.cell(row, col);
  if (!c?.type) return null;
  if (c.type === 'Double' && isDateFormat(c.format)) return `D:${serialToDate(c.value as number).toISOString().slice(0, 10)}`;
  return c.value as Plain;
}

/** A cell read back by exceljs: links as their text, dates as "D:2023-12-31". */
export function xlsxCell(cell: ExcelJS.Cell): Plain {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return `D:${v.toISOString().slice(0, 10)}`;
  if (typeof v === 'object') {
    if ('text' in v && 'hyperlink' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    return JSON.stringify(v);
  }
  return v as Plain;
}

/** Header and body of a table of the in-memory Excel, with the number format of every body cell. */
export function fakeTable(sheet: FakeSheet, table: FakeTableData): { header: Plain[]; rows: Plain[][]; formats: string[][] } {
  const r = parseRange(table.range);
  const header: Plain[] = [];
  for (let c = r.left; c <= r.right; c++) header.push(fakeCell(sheet, r.top, c));
  const rows: Plain[][] = [];
  const formats: string[][] = [];
  for (let row = r.top + 1; row <= r.bottom; row++) {
    const values: Plain[] = [];
    const fmts: string[] = [];
    for (let c = r.left; c <= r.right; c++) {
      values.push(fakeCell(sheet, row, c));
      fmts.push(sheet.cell(row, c)?.format ?? 'General');
    }
    rows.push(values);
    formats.push(fmts);
  }
  return { header, rows, formats };
}
