import { Severity } from '../../importer/engine/schema/dossier';

/** A cell's fill as Office.js reports it. Without ExcelApi 1.9 only `color` is known. */
export interface FillState {
  color: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

/** What a cell looks like now: fill, note, threaded comment, and a fingerprint of its value. */
export interface CellState {
  fill: FillState;
  /** The note's text, null when the cell has none, undefined when notes cannot be read (before ExcelApi 1.18). */
  note?: string | null;
  /** The comment's text, null when none, undefined when comments cannot be read (before ExcelApi 1.10). */
  comment?: string | null;
  value: string;
}

/**
 * What the add-in changed on one cell and what was there before: kept in the workbook (custom XML
 * part) so that "Pulisci segnalazioni" can put it back after the workbook was saved and reopened.
 * Texts we wrote are kept as fingerprints; the user's own note is kept whole, to be restored.
 */
export interface FlagRecord {
  sheet: string;
  /** Worksheet id, which survives renaming. */
  sheetId?: string;
  cell: string;
  /** Fingerprint of the cell's value when it was flagged. */
  value: string;
  severity: Severity;
  fill?: { prior: FillState; ours: string };
  note?: { prior: string | null; ours: string };
  comment?: { ours: string };
}

export function cellKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}

export function refOfKey(key: string): { sheet: string; cell: string } {
  const i = key.lastIndexOf('\u0000');
  return { sheet: key.slice(0, i), cell: key.slice(i + 1) };
}
