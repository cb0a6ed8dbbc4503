import ExcelJS from 'exceljs';
import { parseRange } from '../engine/grid/address';
import { CellValue, Grid } from '../engine/grid/grid';
import { cellInput } from '../engine/grid/cell-input';
import { LIMITS, itBytes, itNumber } from './limits';
import { ReadError } from './read-error';
import { XlsxPackage, openXlsxPackage, zipReadError } from './xlsx-package';
import { ZipFormatError, inflateEntry } from './zip';
import { recalculatesOnOpening } from './xlsx-stream';
import { excelSheetNames } from '../engine/grid/sheet-names';

export { assertXlsxBytes } from './xlsx-package';

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

const ROW_TAG = /<(?:\w+:)?row[\s>]/g;
const MERGE_REF = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)"/g;

/**
 * Before exceljs' full load: inflates every part once, keeping nothing, to prove that none expands
 * beyond its declared size (JSZip, under exceljs, would inflate without a limit), and counts the
 * merged ranges of the worksheets, which exceljs expands cell by cell.
 */
async function checkForFullLoad(pkg: XlsxPackage): Promise<void> {
  let xmlBytes = 0;
  for (const e of pkg.entries.values()) if (/\.(xml|rels)$/i.test(e.name)) xmlBytes += e.uncompressedSize;
  if (xmlBytes > LIMITS.maxFullLoadBytes) {
    throw new ReadError(pkg.file, `è troppo grande per essere caricato intero (${itBytes(xmlBytes)} di XML, limite ${itBytes(LIMITS.maxFullLoadBytes)}).`);
  }
  let merges = 0;
  let mergedCells = 0;
  let rows = 0;
  for (const e of pkg.entries.values()) {
    const worksheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name);
    let tail = '';
    for await (const chunk of inflateEntry(pkg.bytes, e)) {
      if (!worksheet) continue;
      // a tag cut between two chunks is scanned with the next one
      const text = tail + chunk.toString('latin1');
      const cut = text.lastIndexOf('<');
      const whole = cut < 0 ? text : text.slice(0, cut);
      rows += whole.match(ROW_TAG)?.length ?? 0;
      if (rows > LIMITS.maxFullLoadRows) {
        throw new ReadError(pkg.file, `ha troppe righe per essere caricato intero (oltre ${itNumber(LIMITS.maxFullLoadRows)}, anche vuote ma formattate): le righe oltre l'ultima con dati si possono eliminare in Excel.`);
      }
      for (const m of whole.matchAll(MERGE_REF)) {
        const r = parseRange(m[1]);
        merges++;
        mergedCells += (r.bottom - r.top + 1) * (r.right - r.left + 1);
      }
      tail = cut < 0 || text.length - cut > 4096 ? '' : text.slice(cut);
    }
    if (merges > LIMITS.maxFullLoadMerges || mergedCells > LIMITS.maxFullLoadMergedCells) {
      throw new ReadError(
        pkg.file,
        `ha unioni di celle troppo estese per essere caricato intero (${itNumber(merges)} unioni, ${itNumber(mergedCells)} celle unite; limiti ${itNumber(LIMITS.maxFullLoadMerges)} e ${itNumber(LIMITS.maxFullLoadMergedCells)}).`,
      );
    }
  }
}

/** Loads the whole workbook with exceljs, after the package (opened once by the caller) and size checks. */
async function loadWorkbook(pkg: XlsxPackage, bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  try {
    await checkForFullLoad(pkg);
  } catch (err) {
    if (err instanceof ZipFormatError) throw zipReadError(err, file);
    throw err;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    if (/end of central directory|corrupt|invalid|zip/i.test(detail)) {
      throw new ReadError(file, 'il file è danneggiato o incompleto (archivio xlsx non leggibile).');
    }
    // exceljs' own message ("Cannot set properties of undefined") says nothing to a user
    throw new ReadError(file, `la cartella di lavoro non si può caricare per intero: una sua parte non è nel formato che Excel scrive${process.env.PIAO_DEBUG ? ` (${detail.slice(0, 120)})` : ''}.`);
  }
  return wb;
}

/**
 * Builds the engine's grid of one worksheet. Formulas without a stored value (and, when the
 * workbook asks to recalculate on opening, every formula) are recorded as the streaming reader does.
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet, file: string, recalculate = false, name = ws.name): Grid {
  const grid = new Grid(file, name);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const input = cellInput(plainValue(cell.value), cell.numFmt);
      grid.set(rowNumber - 1, colNumber - 1, input);
      const v = cell.value;
      if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
        const formula = (cell.formula ?? '').trim();
        const result = (v as ExcelJS.CellFormulaValue).result;
        const stored = result !== undefined && result !== null;
        if (formula && (!stored || recalculate)) grid.setUncomputedFormula(rowNumber - 1, colNumber - 1, formula, stored ? input.value : undefined);
      }
    });
  });
  const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  for (const m of merges) grid.addMerge(parseRange(m));
  return grid;
}

/** Reads every worksheet of an xlsx into grids through exceljs' full load (hidden sheets included). */
export async function readXlsx(bytes: Uint8Array, file: string): Promise<Grid[]> {
  return (await readXlsxFull(bytes, file)).grids;
}

/** The full load: the exceljs workbook and its grids. */
export async function readXlsxFull(bytes: Uint8Array, file: string): Promise<{ grids: Grid[]; workbook: ExcelJS.Workbook }> {
  const pkg = openXlsxPackage(bytes, file);
  const workbook = await loadWorkbook(pkg, bytes, file);
  const recalculate = await recalculatesOnOpening(pkg);
  const sheets: ExcelJS.Worksheet[] = [];
  workbook.eachSheet((ws) => {
    sheets.push(ws);
  });
  // names Excel refuses made ones it accepts, as the streaming reader does
  const names = excelSheetNames(sheets.map((ws) => ws.name));
  const grids = sheets.map((ws, i) => worksheetToGrid(ws, file, recalculate, names[i]));
  return { grids, workbook };
}
