import { CountReading } from '../normalise/counts';
import { StatedShare } from '../normalise/shares';
import { Category, Gender, HeadcountRecord, Place, SheetKind, SmartWorkingRecord, TurnoverRecord, UngenderedRecord, WorkTimeRecord } from '../schema/dossier';
import { AxisLine, StaffDetectedTable } from './types';

/** One body cell of a staff table, with the row and the column it sits in. */
export interface StaffCell {
  row: AxisLine;
  col: AxisLine;
  at: Place;
  text: string;
  /** Set on count cells. */
  count?: CountReading;
  /** Set on percentage cells. */
  share?: StatedShare;
}

/** A stated percentage with the shares it may stand for, computed from the counts of its table. */
export interface PercentageCheck {
  cell: StaffCell;
  /** The stated share as a fraction, on the scale of its line. */
  stated: number;
  /**
   * Candidate shares, the likeliest first; each with the cells it was computed from (the
   * denominator's lists are shared by the cells of a line: read, never changed; see `shareCells`).
   */
  candidates: { value: number; numerator: number; denominator: number; numeratorCells: StaffCell[]; denominatorCells: StaffCell[] }[];
  /**
   * A share "sul personale" in a table that does not count the staff (smart working, part-time):
   * its denominator is the staff of another table of the same date.
   */
  overStaff?: { numerator: number; who: Gender | 'total'; date?: string; related: Place[] };
}

/** A staff cross-table once read. */
export interface StaffTable {
  table: StaffDetectedTable;
  kind: SheetKind;
  referenceDate?: string;
  /** How messages name it: its caption, or its range. */
  name: string;
  cells: StaffCell[];
  /** Body cells by "row:col". */
  byPosition: Map<string, StaffCell>;
  percentages: PercentageCheck[];
  /**
   * Total cells that are the figure of their line: a «di cui» line whose parts are all left empty
   * gives only its total (see staff/lone-totals.ts). Counted as figures, not checked as sums.
   */
  loneTotals: Set<StaffCell>;
  /** Reading order in the dossier. */
  order: number;
}

export function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}

/** A count by gender with where a user reads it (a stated total, or the range of its cells). */
export interface Tally {
  F: number;
  M: number;
  total: number;
  /** False when the table has no gender: only `total` is known. */
  gendered: boolean;
  at: Partial<Record<Gender | 'total', Place>>;
}

/** What a figure of the PAP statistics counts: a tally of a summary, or the staff of one category. */
export type FigureQuantity = TallyKey | 'hire' | 'termination' | 'category';

/** The key of one figure in a summary's `cells`: what it counts, for whom, of which year or category. */
export function figureKey(q: FigureQuantity, who: Gender | 'total', year?: number, category?: Category): string {
  return `${q}|${year ?? ''}|${category ?? ''}|${who}`;
}

/** Why a cell could not be counted: «n.d.», a text that is no number, an impossible value. */
export type GapReason = 'not-available' | 'unparseable' | 'out-of-range';

/**
 * A cell a figure should have counted and could not: the figure is not known (its sum counts only
 * the other cells). Without `g`, the cell counts women and men alike (a total split by a «di cui
 * donne» part, a line with no gender): both are unknown.
 */
export interface FigureGap {
  q: FigureQuantity;
  g?: Gender;
  year?: number;
  category?: Category;
  reason: GapReason;
  at: Place;
}

/**
 * What one source (a cross-table or a register) says about the staff at one date: the figures PAP
 * statistics and cross-table checks compare.
 */
export interface StaffSummary {
  sourceName: string;
  /**
   * 3 register, 2 cross-table by category and gender, 1 other cross-table, 0 a table whose staff is
   * only a "Personale" column beside smart-working or part-time counts: the richer source is used for PAP.
   */
  rank: number;
  order: number;
  date?: string;
  staff?: Tally;
  byCategory?: Map<Category, { F: number; M: number }>;
  fixedTerm?: Tally;
  partTime?: Tally;
  smart?: Tally;
  turnover: Map<number, { hire?: Tally; termination?: Tally }>;
  /** Some figure was "n.d." or unreadable: totals are incomplete and not compared. */
  incomplete: boolean;
  /** The cells that made it incomplete, with the figures they belong to. */
  gaps?: FigureGap[];
  /**
   * The places each figure rests on (see figureKey): the cells counted and the labels of their
   * lines. A finding at one of them marks the figure as resting on a flagged cell. Registers give
   * the column ranges they counted.
   */
  cells?: Map<string, Place[]>;
  /** The table counts only part of the staff (see staff/scope.ts). */
  scope?: 'managerial' | 'non-managerial';
}

/** Complete first, then the richer source (rank), then reading order. */
const trustOrder = (a: StaffSummary, b: StaffSummary) => Number(a.incomplete) - Number(b.incomplete) || b.rank - a.rank || a.order - b.order;

/** The summary to trust among several that give the same figures (the first in `trustOrder`). */
export function bestSummary(list: readonly StaffSummary[]): StaffSummary | undefined {
  let best: StaffSummary | undefined;
  for (const s of list) if (!best || trustOrder(s, best) < 0) best = s;
  return best;
}

export type TallyKey = 'staff' | 'fixedTerm' | 'partTime' | 'smart';

/**
 * The source to trust for one figure among those that give it: complete first, then one that
 * splits it by gender before one that gives only its total (a «di cui part-time» column with no
 * gender), then `trustOrder`. The PAP statistics and the cross-table checks use the same choice.
 */
export function bestSourceOf(list: readonly StaffSummary[], q: TallyKey): StaffSummary | undefined {
  const gendered = (s: StaffSummary) => Number(s[q]?.gendered === true);
  const order = (a: StaffSummary, b: StaffSummary) => Number(a.incomplete) - Number(b.incomplete) || gendered(b) - gendered(a) || trustOrder(a, b);
  let best: StaffSummary | undefined;
  for (const s of list) if (s[q] && (!best || order(s, best) < 0)) best = s;
  return best;
}

/** Records of every kind, as piao.json lists them. */
export interface StaffRecords {
  headcount: (HeadcountRecord & { order: number })[];
  workTime: (WorkTimeRecord & { order: number })[];
  smartWorking: (SmartWorkingRecord & { order: number })[];
  turnover: (TurnoverRecord & { order: number })[];
  ungendered: (UngenderedRecord & { order: number })[];
}

/** Everything the engine read from staff tables and registers. */
export interface StaffModel {
  tables: StaffTable[];
  summaries: StaffSummary[];
  records: StaffRecords;
  /** Category labels that could not be placed (counted as `altro`). */
  unmapped: { at: Place; label: string; source: string }[];
  /** Rows of a register that repeat another row (counted once). */
  registerDuplicates: { at: Place; first: Place; source: string }[];
  /** Next reading order of a table or register in the dossier (records are listed in that order). */
  readOrder: number;
}

export function emptyStaffModel(): StaffModel {
  return { tables: [], summaries: [], records: { headcount: [], workTime: [], smartWorking: [], turnover: [], ungendered: [] }, unmapped: [], registerDuplicates: [], readOrder: 0 };
}

export function emptyTally(gendered = true): Tally {
  return { F: 0, M: 0, total: 0, gendered, at: {} };
}
