import ExcelJS from 'exceljs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A workbook with fixed metadata, so regenerated samples differ only where their content does. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ufficio Personale';
  wb.created = new Date('2024-03-15T09:00:00Z');
  wb.modified = new Date('2024-03-15T09:00:00Z');
  return wb;
}

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
export const HEADING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

export function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.alignment = { wrapText: true, vertical: 'middle' };
    c.border = { bottom: { style: 'thin' } };
  });
}

export async function saveWorkbook(wb: ExcelJS.Workbook, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const buf = await wb.xlsx.writeBuffer();
  await writeFile(path, Buffer.from(buf as ArrayBuffer));
}
