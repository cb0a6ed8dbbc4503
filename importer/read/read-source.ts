import type ExcelJS from 'exceljs';
import { constants } from 'node:fs';
import { FileHandle, open } from 'node:fs/promises';
import { extname } from 'node:path';
import { Grid } from '../engine/grid/grid';
import { ReadProblem } from '../engine/read-problem';
import { CsvOptions, readCsv } from './csv';
import { LIMITS, cellBudget, itBytes } from './limits';
import { ReadError } from './read-error';
import { readXlsxFull } from './xlsx';
import { readXlsxStream } from './xlsx-stream';

export const SUPPORTED_EXTENSIONS = ['.xlsx', '.xlsm', '.csv', '.txt', '.tsv'];
/** Extensions we recognise only to say what to do with them. */
export const REFUSED_EXTENSIONS: Record<string, string> = {
  '.xls': 'è un file Excel 97-2003 (.xls): aprilo in Excel o LibreOffice e salvalo come .xlsx.',
  '.ods': 'è un foglio OpenDocument (.ods): aprilo in LibreOffice o Excel e salvalo come .xlsx.',
  '.xlsb': 'è una cartella di lavoro binaria (.xlsb): salvala come .xlsx.',
  '.numbers': 'è un file Numbers: esportalo come .xlsx.',
};

export function isSpreadsheetPath(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return SUPPORTED_EXTENSIONS.includes(ext) || ext in REFUSED_EXTENSIONS;
}

export interface ReadOptions {
  /**
   * How to read an xlsx. 'stream' (the default): straight into grids, fast and lean. 'full': also
   * load the whole exceljs workbook (slower, and refused over the limits of LIMITS.maxFullLoad*),
   * the reference the streaming reader is tested against.
   */
  workbook?: 'stream' | 'full';
  /** Cells this file may still add to its dossier (LIMITS.maxCellsPerDossier less what is read). */
  dossierCellsLeft?: number;
  /** For a CSV: the delimiter and encoding to read it with (from --mappa), instead of guessing them. */
  csv?: CsvOptions;
}

/** One source once read: its grids, what the reader met on the way, and the workbook when asked for. */
export interface SourceRead {
  grids: Grid[];
  problems: ReadProblem[];
  workbook?: ExcelJS.Workbook;
}

function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'il file non esiste.';
  if (code === 'EACCES' || code === 'EPERM') return 'non ho i permessi per leggerlo.';
  if (code === 'EISDIR') return 'è una cartella, non un file.';
  if (code === 'ELOOP') return 'è un collegamento simbolico che rimanda a sé stesso.';
  if (code === 'EIO') return 'non si può leggere: errore del disco.';
  if (code === 'EMFILE' || code === 'ENFILE') return 'non si può aprire ora: troppi file aperti.';
  return `non si può leggere (il sistema risponde ${code ?? 'con un errore'}).`;
}

/**
 * Reads one source file. `file` is the name the user sees (relative to the dossier); every failure
 * is a ReadError whose message names it, never a stack trace.
 */
export async function readSourceDetailed(path: string | Buffer, file: string, options: ReadOptions = {}): Promise<SourceRead> {
  // a path given as bytes (a name that is not UTF-8) has the extension its shown name has
  const ext = extname(typeof path === 'string' ? path : file).toLowerCase();
  if (ext in REFUSED_EXTENSIONS) throw new ReadError(file, REFUSED_EXTENSIONS[ext]);
  let bytes: Uint8Array;
  let handle: FileHandle | undefined;
  try {
    // opened without waiting (a named pipe with no writer would block the open), then checked on
    // the descriptor itself: what is read is what was checked, a regular file
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const s = await handle.stat();
    if (s.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!s.isFile()) throw new ReadError(file, 'non è un file normale (è una pipe, un socket o un dispositivo): piao legge solo file normali (.xlsx, .csv).');
    if (s.size > LIMITS.maxFileBytes) throw new ReadError(file, `è troppo grande (${itBytes(s.size)}, limite ${itBytes(LIMITS.maxFileBytes)}): dividilo in più file.`);
    bytes = await handle.readFile();
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw new ReadError(file, fsReason(err));
  } finally {
    await handle?.close();
  }
  return readBytesDetailed(bytes, file, ext, options);
}

/** Grids only (what the engine needs). */
export async function readSource(path: string | Buffer, file: string, options: ReadOptions = {}): Promise<Grid[]> {
  return (await readSourceDetailed(path, file, options)).grids;
}

export async function readBytesDetailed(bytes: Uint8Array, file: string, ext = extname(file).toLowerCase(), options: ReadOptions = {}): Promise<SourceRead> {
  try {
    const budget = cellBudget(options.dossierCellsLeft);
    if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
      const r = readCsv(bytes, file, budget, options.csv);
      return { grids: r.grids, problems: r.problems };
    }
    if (options.workbook === 'full') {
      const r = await readXlsxFull(bytes, file);
      if (r.grids.reduce((n, g) => n + g.cellCount, 0) > budget.max) throw new ReadError(file, budget.exceeded());
      return { grids: r.grids, problems: [], workbook: r.workbook };
    }
    return await readXlsxStream(bytes, file, budget);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    // a library's own (English) words never reach the officer; PIAO_DEBUG shows them to a developer
    const detail = err instanceof Error ? err.message.split('\n')[0].slice(0, 160) : String(err);
    throw new ReadError(file, `non si può leggere: il file non è nel formato che Excel o LibreOffice scrivono. Aprilo e salvalo di nuovo${process.env.PIAO_DEBUG ? ` (${detail})` : ''}.`);
  }
}

export async function readBytes(bytes: Uint8Array, file: string, ext = extname(file).toLowerCase(), options: ReadOptions = {}): Promise<Grid[]> {
  return (await readBytesDetailed(bytes, file, ext, options)).grids;
}
