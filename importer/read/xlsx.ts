import ExcelJS from 'exceljs';
import { parseRange } from '../engine/grid/address';
import { CellValue, Grid } from '../engine/grid/grid';
import { ReadError } from './read-error';
import { isEncryptedOoxml, sniff } from './sniff';

/** Turns one exceljs cell value into a plain grid value (formula -> cached result, rich text -> text). */
export function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('error' in v && typeof v.error === 'string') return { error: v.error };
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      return plainValue(result as ExcelJS.CellValue);
    }
    if ('hyperlink' in v && 'text' in v) {
      const t = (v as ExcelJS.CellHyperlinkValue).text;
      return typeof t === 'string' ? t : plainValue(t as ExcelJS.CellValue);
    }
  }
  return null;
}

/** Rejects what is not an xlsx with a sentence the user can act on. */
export function assertXlsxBytes(bytes: Uint8Array, file: string): void {
  const nature = sniff(bytes);
  const lower = file.toLowerCase();
  if (nature === 'empty') throw new ReadError(file, 'il file è vuoto (0 byte).');
  if (nature === 'ole') {
    if (isEncryptedOoxml(bytes)) {
      throw new ReadError(file, 'la cartella di lavoro è protetta da password: toglila in Excel (File > Informazioni > Proteggi cartella di lavoro) e salva di nuovo.');
    }
    throw new ReadError(file, 'è un file Excel 97-2003 (.xls): aprilo in Excel o LibreOffice e salvalo come .xlsx.');
  }
  if (nature !== 'zip') {
    const what = nature === 'text' ? 'un file di testo' : 'un file di altro tipo';
    throw new ReadError(file, `non è una cartella di lavoro Excel valida (sembra ${what}${lower.endsWith('.xlsx') ? ' rinominato .xlsx' : ''}).`);
  }
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 256)).toString('latin1');
  if (head.includes('mimetypeapplication/vnd.oasis.opendocument')) {
    throw new ReadError(file, 'è un foglio OpenDocument (.ods): aprilo in LibreOffice o Excel e salvalo come .xlsx.');
  }
}

export async function loadWorkbook(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  assertXlsxBytes(bytes, file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    if (/end of central directory|corrupt|invalid|zip/i.test(detail)) {
      throw new ReadError(file, 'il file è danneggiato o incompleto (archivio xlsx non leggibile).');
    }
    throw new ReadError(file, `la cartella di lavoro non si può leggere (${detail.slice(0, 120)}).`);
  }
  return wb;
}

/** Builds the engine's grid of one worksheet. */
export function worksheetToGrid(ws: ExcelJS.Worksheet, file: string): Grid {
  const grid = new Grid(file, ws.name);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = plainValue(cell.value);
      let text: string | undefined;
      if (typeof value === 'number' || value instanceof Date) {
        try {
          text = cell.text;
        } catch {
          text = undefined;
        }
      }
      grid.set(rowNumber - 1, colNumber - 1, { value, text, numFmt: cell.numFmt });
    });
  });
  const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  for (const m of merges) grid.addMerge(parseRange(m));
  return grid;
}

/** Reads every worksheet of an xlsx into grids (hidden sheets included: their figures count too). */
export async function readXlsx(bytes: Uint8Array, file: string): Promise<Grid[]> {
  const wb = await loadWorkbook(bytes, file);
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    grids.push(worksheetToGrid(ws, file));
  });
  return grids;
}
