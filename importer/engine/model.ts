import { DetectedTable } from './detect/table';
import { ReadProblem } from './read-problem';
import { Grid } from './grid/grid';
import { a1, CellRange, rangeA1 } from './grid/address';
import { ObjectiveLevel, Place, SheetInfo, WeightKind } from './schema/dossier';
import type { StaffModel } from './staff/model';
import type { MappingProblem } from './mapping/parse';
import type { CugTally } from './cug/tally';

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

/** One weight of a table with a weight column per manager. */
export interface ManagerWeight {
  manager: string;
  weight: number;
  at: Place;
  /** The column reads as percentages of the manager's total (weight-sum applies to it). */
  percent: boolean;
}

/** A block of rows of an objectives table under one structure heading (or run of one structure). */
export interface ObjectiveBlock {
  /** Order of the heading in its table (0 before any heading). */
  seq: number;
  structure?: string;
  structureAt?: Place;
  responsible?: string;
  responsibleAt?: Place;
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
  /** The parent when it was read in the same table (its code may be assigned after reading). */
  parentDraft?: ObjectiveDraft;
  structure: string | null;
  responsible?: string;
  indicator?: string;
  target?: string;
  /** As printed; percentage points once the table's weights are known to be percentages. */
  weight?: number;
  weightKind?: WeightKind;
  /** How the table's weights are summed (see objectives/weights.ts). */
  weightGroup?: 'structure' | 'responsible' | 'table';
  /** The weight cell said "%" (a sign or a percentage format). */
  weightPercentCell?: boolean;
  weights?: ManagerWeight[];
  mission?: string;
  programme?: string;
  programmeFrom?: Place;
  at: Place;
  structureAt?: Place;
  responsibleAt?: Place;
  weightAt?: Place;
  missionAt?: Place;
  programmeAt?: Place;
  table: DetectedTable;
  /**
   * The table prints no code of the cascade for it: `code` is assigned after reading (its own
   * number or reference, else a progressive), never compared across tables, never checked.
   */
  codeAssigned?: boolean;
  /** An assigned code that is the code the objective's children derive from (01.01.01 above 01.01.01.01): the children are checked against it. */
  codeDerived?: boolean;
  /** The table's own number or reference («n. 3» -> "3", «AA2/B»). */
  ownRef?: string;
  /** The block of rows it was read in (structure heading, responsible line). */
  block?: ObjectiveBlock;
  /** Order within its table, for stable output. */
  seq: number;
}

/** How messages name an objective: its code, or its title when the code was assigned. */
export function objectiveName(o: Pick<ObjectiveDraft, 'code' | 'codeAssigned' | 'title'>): string {
  if (!o.codeAssigned) return o.code;
  const t = o.title.length > 50 ? `${o.title.slice(0, 49)}…` : o.title;
  return `«${t}»`;
}

/** A total a table of objectives states for its weights («Totale peso 100», «Peso ponderale calcolato»), with the weights it adds up. */
export interface StatedWeightTotal {
  at: Place;
  stated: number;
  sum: number;
  parts: Place[];
  /** Whose weights: a structure or a manager, when the table says. */
  of?: string;
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
  /** Totals of weights stated under objectives, checked by sum-mismatch. */
  weightTotals: StatedWeightTotal[];
  /** Entries of the mapping given that could not be applied to their sheet (read by detection instead). */
  mappingProblems: { problem: MappingProblem; grid: Grid }[];
  /** Staff cross-tables and registers: figures, summaries by date, records. */
  staff: StaffModel;
  /** What each per-person register gives the CUG tables (counts only), in reading order. */
  cugRegisters?: CugTally[];
}
