/** A1 addresses and ranges. Rows and columns are 0-based in code, 1-based in what users read. */

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new Error(`colonna non valida: ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeA1(range: CellRange): string {
  const start = a1(range.top, range.left);
  if (range.top === range.bottom && range.left === range.right) return start;
  return `${start}:${a1(range.bottom, range.right)}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseA1(ref: string): { row: number; col: number } {
  const m = CELL_RE.exec(ref.trim());
  if (!m) throw new Error(`riferimento di cella non valido: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function parseRange(ref: string): CellRange {
  const [start, end] = ref.split(':');
  const a = parseA1(start);
  const b = end ? parseA1(end) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeContains(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

/** True when two ranges share at least one cell. */
export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return !(a.bottom < b.top || a.top > b.bottom || a.right < b.left || a.left > b.right);
}

/** The smallest range holding both. */
export function rangeUnion(a: CellRange, b: CellRange): CellRange {
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}
