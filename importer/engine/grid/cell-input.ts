import { CellInput, CellValue } from './grid';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A date as an Italian user reads it in a cell: 31/12/2024, with the time when there is one. */
export function italianDate(d: Date): string {
  const day = `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h || m ? `${day} ${pad2(h)}:${pad2(m)}` : day;
}

/**
 * What both xlsx readers hand the grid for one cell, so that they agree: the plain value (an
 * invalid date or a number that is not finite reads as empty), the date as text, the number format.
 */
export function cellInput(value: CellValue, numFmt: string | undefined): CellInput {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { value: null, numFmt };
    return { value, text: italianDate(value), numFmt };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { value: null, numFmt };
  return { value, numFmt };
}
