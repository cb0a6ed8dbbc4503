import { CellRange } from '../grid/address';
import { Grid } from '../grid/grid';
import { SheetKind } from '../schema/dossier';
import type { ClaimedRows } from './claims';
import { MatchHow } from './vocabulary';

/** One header column as the engine understood it. */
export interface ColumnMapping {
  col: number;
  /** The label as written (two header rows joined with " / "). */
  label: string;
  /** Where the label is written (the lowest header cell that holds it). */
  row: number;
  role: string | null;
  how: MatchHow | null;
  /** Objectives: the level a code or title column belongs to ("Cod. ob. strategico"). */
  level?: string;
  /** Objectives: the manager (dirigente, office) a weight column belongs to («Pesatura» over «Area Tecnica»). */
  manager?: string;
  /** How the column was decided: by the header labels, or by a mapping the user gave. */
  from?: 'mapping';
}

/** A table found on a grid: where it is, its header, its kind and the meaning of its columns. */
export interface DetectedTable {
  grid: Grid;
  /** Which detector found it; each family has its own normaliser. */
  family: string;
  kind: SheetKind;
  /** Header rows through the last body row. */
  range: CellRange;
  /** Text rows above the header that name the table ("Tabella 3 - Personale al 31/12/2023"). */
  titleRows: number[];
  title?: string;
  headerRows: number[];
  columns: ColumnMapping[];
  bodyStart: number;
  bodyEnd: number;
  referenceDate?: string;
  /** How sure the detector is (compared between detectors claiming the same rows). */
  score: number;
}

/** A detector for one family of tables (objectives, staff cross-tabs, per-person registers...). */
export interface TableDetector {
  family: string;
  /**
   * The tables of the family on the grid. `claimed`: rows a surer detector already took (see
   * `runsFirst`); a detector need not look for headers inside them.
   */
  detect(grid: Grid, claimed?: ClaimedRows): DetectedTable[];
  /**
   * A detector whose tables nothing else can outscore where they are found (a per-person register):
   * it runs first, and the others skip its rows.
   */
  runsFirst?: boolean;
}

export function columnOf(table: DetectedTable, role: string): ColumnMapping | undefined {
  return table.columns.find((c) => c.role === role);
}

export function columnsOf(table: DetectedTable, role: string): ColumnMapping[] {
  return table.columns.filter((c) => c.role === role);
}
