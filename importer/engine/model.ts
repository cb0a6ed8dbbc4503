import { DetectedTable } from './detect/table';
import { ReadProblem } from './read-problem';
import { Grid } from './grid/grid';
import { a1, CellRange, rangeA1 } from './grid/address';
import { ObjectiveLevel, Place, SheetInfo } from './schema/dossier';
import type { StaffModel } from './staff/model';

/** Where a cell is, as users read it. For a merged cell, its top-left. */
export function placeOf(grid: Grid, row: number, col: number): Place {
  const m = grid.mergeAt(row, col);
  return { file: grid.file, sheet: grid.sheet, cell: m ? a1(m.top, m.left) : a1(row, col) };
}

export function placeOfRange(grid: Grid, range: CellRange): Place {
  return { file: grid.file, sheet: grid.sheet, cell: rangeA1(range) };
}

/** A cell the normalisers could not use as it is: rules turn these into findings. */
export interface CellNote {
  note: 'unparseable' | 'not-available' | 'missing';
  at: Place;
  /** Italian noun phrase for what the cell should hold: "il peso", "il titolo dell'obiettivo 01.02". */
  what: string;
  /** What it should be: "un numero", "un codice", "una percentuale". */
  expected?: string;
  text?: string;
  related?: Place[];
}

/** A code as written somewhere (objective, missione, programma), for the code-format rule. */
export interface CodeUse {
  kind: 'objective' | 'mission' | 'programme';
  raw: string;
  code: string;
  wellFormed: boolean;
  /** The cell holds a number, not text: Excel drops leading and trailing zeros of such codes. */
  numeric?: boolean;
  at: Place;
}

/** An objective as the normaliser read it, with the cells behind each field. */
export interface ObjectiveDraft {
  code: string;
  level: ObjectiveLevel;
  title: string;
  /** Parent code as the layout gives it (the row above, the column to the left, a parent column). */
  parentCode: string | null;
  parentAt?: Place;
  /** How the parent was found: from the layout, or only from the code's numbering. */
  parentFrom: 'layout' | 'code' | 'column' | 'none';
  structure: string | null;
  indicator?: string;
  target?: string;
  weight?: number;
  mission?: string;
  programme?: string;
  programmeFrom?: Place;
  at: Place;
  structureAt?: Place;
  weightAt?: Place;
  missionAt?: Place;
  programmeAt?: Place;
  table: DetectedTable;
  /** A flat list's own numbering (1, 2, 3): not a code of the cascade, never compared across tables. */
  localCode?: boolean;
  /** Order within its table, for stable output. */
  seq: number;
}

/** A source file once read: its grids and tables, or the reason it failed. */
export interface SourceModel {
  file: string;
  status: 'ok' | 'failed';
  error?: string;
  sheets: SheetInfo[];
  grids: Grid[];
  /** What the reader met in a file it could still read (the read-problem rule reports them). */
  problems?: ReadProblem[];
}

/**
 * Everything the engine learnt from one dossier, before findings: what rules read through their
 * context. Families of tables add their own records here.
 */
export interface Model {
  sources: SourceModel[];
  tables: DetectedTable[];
  /** Sheets on which no table was recognised, with the labels seen. */
  unrecognisedSheets: { grid: Grid; labels: string[] }[];
  objectives: ObjectiveDraft[];
  codes: CodeUse[];
  notes: CellNote[];
  /** Staff cross-tables and registers: figures, summaries by date, records. */
  staff: StaffModel;
}
