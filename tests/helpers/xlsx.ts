import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse, Analysis } from '../../importer/engine/analyse';
import { readXlsx } from '../../importer/read/xlsx';

export function tempDir(prefix = 'piao-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a workbook to a real .xlsx file with exceljs and returns its bytes and path. */
export async function writeXlsx(wb: ExcelJS.Workbook, name = 'book.xlsx'): Promise<{ path: string; bytes: Uint8Array }> {
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return { path, bytes };
}

/** Round-trips workbooks through real xlsx bytes, reads them back as the CLI does, analyses them as one dossier. */
export async function analyseWorkbooks(books: Record<string, ExcelJS.Workbook>): Promise<Analysis> {
  const inputs = [];
  for (const [file, wb] of Object.entries(books)) {
    const { bytes } = await writeXlsx(wb, file);
    inputs.push({ file, grids: await readXlsx(bytes, file) });
  }
  return analyse(inputs);
}

/** A workbook with one sheet holding the given rows (null = empty cell). */
export function sheetWorkbook(rows: (string | number | null)[][], name = 'Foglio1'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  return wb;
}
