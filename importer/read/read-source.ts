import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Grid } from '../engine/grid/grid';
import { readCsv } from './csv';
import { ReadError } from './read-error';
import { readXlsx } from './xlsx';

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

/**
 * Reads one source file into grids. `file` is the name the user sees (relative to the dossier);
 * every failure is a ReadError whose message names it, never a stack trace.
 */
export async function readSource(path: string, file: string): Promise<Grid[]> {
  const ext = extname(path).toLowerCase();
  if (ext in REFUSED_EXTENSIONS) throw new ReadError(file, REFUSED_EXTENSIONS[ext]);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'il file non esiste.' : code === 'EACCES' ? 'non ho i permessi per leggerlo.' : `non si può leggere (${code ?? 'errore'}).`;
    throw new ReadError(file, why);
  }
  return readBytes(bytes, file, ext);
}

export async function readBytes(bytes: Uint8Array, file: string, ext = extname(file).toLowerCase()): Promise<Grid[]> {
  try {
    if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return readCsv(bytes, file).grids;
    return await readXlsx(bytes, file);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new ReadError(file, `non si può leggere (${detail.slice(0, 160)}).`);
  }
}
