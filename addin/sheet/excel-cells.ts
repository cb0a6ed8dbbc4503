import { CellInput, Grid } from '../../importer/engine/grid/grid';
import { cellInput as engineCellInput } from '../../importer/engine/grid/cell-input';
import { isDateFormat, serialToDate } from './date-format';

/**
 * What Office.js returns for a block of cells: `values`, `valueTypes` and `numberFormat` of one
 * range, each rows x columns, and where the block starts on its sheet (0-based).
 */
export interface CellBlock {
  top: number;
  left: number;
  values: readonly (readonly unknown[])[];
  valueTypes: readonly (readonly string[])[];
  numberFormat: readonly (readonly unknown[])[];
}

/** Error names of an Italian Excel, mapped to the names an xlsx file stores (and exceljs reads). */
const ERROR_NAMES: Record<string, string> = {
  '#NULLO!': '#NULL!',
  '#VALORE!': '#VALUE!',
  '#RIF!': '#REF!',
  '#NOME?': '#NAME?',
  '#N/D': '#N/A',
  '#ESPANSIONE!': '#SPILL!',
  '#CAMPO!': '#FIELD!',
};

export function canonicalError(text: string): string {
  const t = text.trim().toUpperCase();
  return ERROR_NAMES[t] ?? t;
}

/**
 * One cell as the engine's grid holds it, by the rules of the xlsx reader (importer/read/xlsx.ts):
 * - an empty cell is not a cell (null);
 * - numbers keep their value and no display text (the reader renders them plainly too, so the
 *   locale of the user's Excel, "1.234,5" or "1,234.5", never changes a finding);
 * - a number whose format is a date format becomes a Date (UTC, 1900 system), with the text an
 *   Italian reader sees (31/12/2024), as the xlsx readers give it;
 * - errors become `{ error: '#REF!' }` with the name an xlsx file stores;
 * - the number format travels as is ("General" is dropped by the grid).
 */
export function cellInput(value: unknown, type: string, format: unknown): CellInput | null {
  const numFmt = typeof format === 'string' ? format : undefined;
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return engineCellInput({ error: canonicalError(String(value)) }, numFmt);
    case 'Boolean':
      return engineCellInput(Boolean(value), numFmt);
    case 'Double':
    case 'Integer':
      if (typeof value !== 'number') return null;
      return engineCellInput(isDateFormat(numFmt) ? serialToDate(value) : value, numFmt);
    case 'String':
      return engineCellInput(String(value), numFmt);
    default:
      // Linked data types and pictures in cells show a text; anything else is read as empty.
      return typeof value === 'string' && value !== '' ? engineCellInput(value, numFmt) : null;
  }
}

/** Copies a block read from Excel into a grid. Shapes are checked: Office.js returns rectangles. */
export function addBlock(grid: Grid, block: CellBlock): void {
  const rows = block.values.length;
  if (block.valueTypes.length !== rows || block.numberFormat.length !== rows) {
    throw new Error('blocco di celle incoerente: righe di valori, tipi e formati diverse');
  }
  for (let r = 0; r < rows; r++) {
    const values = block.values[r];
    const types = block.valueTypes[r];
    const formats = block.numberFormat[r];
    if (types.length !== values.length || formats.length !== values.length) {
      throw new Error('blocco di celle incoerente: colonne di valori, tipi e formati diverse');
    }
    for (let c = 0; c < values.length; c++) {
      const input = cellInput(values[c], types[c], formats[c]);
      if (input) grid.set(block.top + r, block.left + c, input);
    }
  }
}
