import { DetectedTable } from '../detect/table';
import { Place } from '../schema/dossier';
import { LabelMeaning } from './labels';

/** The dimension a row-label column (or a header row) is organised by. */
export type AxisDim = 'gender' | 'category' | 'tipologia' | 'structure' | 'regime' | 'smart' | 'year' | 'movement' | 'age' | 'contract' | 'staff' | 'free';

/**
 * One row or one column of a staff table: its labels level by level (a row may have two label
 * columns, a column two header rows), what they mean together, and where they are written.
 */
export interface AxisLine {
  /** Grid row (for rows) or column (for columns). */
  index: number;
  /** Normalised label per level ('' when the level is empty). */
  keys: string[];
  /** Labels as written, per level. */
  labels: string[];
  meaning: LabelMeaning;
  /** What each level says on its own. */
  levels: (LabelMeaning | undefined)[];
  /** First level whose label is a total ("Tot.", "Totale per anno"); -1 when none. */
  totalLevel: number;
  percent: boolean;
  /** A "di cui" line, or a line beside a "Personale" line: a part of another line, never added to it. */
  subset: boolean;
  /** Where its label is written (innermost level that holds one). */
  at?: Place;
  /** The header was missing and taken from the table stacked right above. */
  inherited?: boolean;
  /** A column of remarks ("Note", "Osservazioni"): its header says nothing a staff table counts and its cells are texts. */
  remarks?: boolean;
  /** Per level, true where the label was left blank and carried down from the row above. */
  carried?: boolean[];
  /** No label, but every figure is the sum of the others: read as a total. */
  arithmeticTotal?: boolean;
}

export interface StaffLayout {
  rows: AxisLine[];
  columns: AxisLine[];
  labelCols: number[];
  /** Per label column, what it is organised by. */
  rowDims: AxisDim[];
  /** Per header row, what it is organised by. */
  colDims: AxisDim[];
  /** What the corner labels and the caption say about the whole table ("Cessati", "Personale in lavoro agile"). */
  context: LabelMeaning;
  /** Every caption above the table, nearest first. */
  titles: string[];
}

/** A staff cross-table as the detector found it. */
export interface StaffDetectedTable extends DetectedTable {
  staff: StaffLayout;
}

export function isStaffTable(t: DetectedTable): t is StaffDetectedTable {
  return (t as Partial<StaffDetectedTable>).staff !== undefined;
}

export const STAFF_FAMILY = 'staff';
