import Papa from 'papaparse';
import { basename, extname } from 'node:path';
import { Grid } from '../engine/grid/grid';
import { decodeText } from './decode';
import { detectDelimiter } from './delimiter';
import { ReadError } from './read-error';
import { sniff } from './sniff';

export interface CsvReadResult {
  grids: Grid[];
  encoding: string;
  delimiter: string;
}

/**
 * Reads a CSV into one grid. The sheet is named after the file (no extension); record n is row n.
 * Cells stay text: the engine reads Italian numbers (`1.234,5`) itself.
 */
export function readCsv(bytes: Uint8Array, file: string): CsvReadResult {
  const nature = sniff(bytes);
  if (nature === 'empty') throw new ReadError(file, 'il file è vuoto.');
  if (nature === 'zip' || nature === 'ole') {
    throw new ReadError(file, 'il file ha estensione .csv ma contiene una cartella di lavoro Excel: rinominalo in .xlsx.');
  }
  if (nature === 'binary') throw new ReadError(file, 'il file non contiene testo leggibile (codifica non riconosciuta o file non di testo): salvalo da Excel come «CSV UTF-8».');
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new ReadError(file, 'il file è vuoto.');
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const sheet = basename(file, extname(file));
  const grid = new Grid(file, sheet);
  const rows = parsed.data;
  let last = rows.length - 1;
  while (last >= 0 && rows[last].every((c) => c === '')) last--;
  for (let r = 0; r <= last; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== '') grid.set(r, c, { value: v });
    }
  }
  if (grid.rowCount === 0) throw new ReadError(file, 'il file non contiene dati.');
  return { grids: [grid], encoding, delimiter };
}
