import { Grid } from '../grid/grid';
import { ObjectiveDraft } from '../model';
import { readNumber } from '../normalise/numbers';
import { normaliseLabel } from '../text/normalise';

/**
 * Weights as tables print them: percentages of a structure's (or manager's) total, written
 * 30 / 30% / 0,3; coefficients of a scale (0,8 / 1 / 1,5) that add up to nothing in particular;
 * or one column per manager. A weight is kept as printed; the kind is decided per table (per
 * column) from the header, the cells and the sums, so that only percentages are ever summed.
 */

export type WeightCell =
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'empty' }
  /** "X", "✓", "—", "pre requisito": the row is marked, it carries no weight. */
  | { kind: 'marker' }
  | { kind: 'not-available'; text: string }
  | { kind: 'unparseable'; text: string };

/** Words a weight cell holds for an objective that is not weighed: a prerequisite, an obligation, not applicable. */
const MARKER = /^\(?\s*(pre[\s-]?requisit\w*|prerequisit\w*|non (applicabil\w*|pesat\w*|valutat\w*|previst\w*)|obbligatori\w*|trasversal\w*|vedi nota|n\.?\s?p\.?)\s*\)?$/i;
const UNITS = /\s*(punti|punto|pt\.?|pti\.?|p\.)\s*$/i;

export function readWeightCell(grid: Grid, row: number, col: number): WeightCell {
  const text = grid.text(row, col).trim();
  if (!text) return { kind: 'empty' };
  const value = grid.value(row, col);
  if (typeof value === 'number') {
    const percent = grid.numFmt(row, col)?.includes('%') ?? false;
    return { kind: 'number', value: round(percent ? value * 100 : value), percent };
  }
  if (!/\d/.test(text)) {
    const r = readNumber(value, text);
    if (r.kind === 'not-available') return { kind: 'not-available', text };
    if (text.length <= 3 || MARKER.test(text)) return { kind: 'marker' };
    return { kind: 'unparseable', text };
  }
  const percent = /%\s*$/.test(text);
  const r = readNumber(value, text.replace(/%\s*$/, '').replace(UNITS, ''));
  if (r.kind === 'number') return { kind: 'number', value: round(r.value), percent };
  if (r.kind === 'not-available') return { kind: 'not-available', text };
  return { kind: 'unparseable', text };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Header words that say the weights are a scale, not shares of a total. */
const COEFFICIENT_HEADER = /\b(coeff\w*|fattore|moltiplicator\w*|scala|indice)\b/;
const PERCENT_HEADER = /%|\bpercentual\w*|\bpercento\b/;

const near = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance;

/**
 * Whether weights grouped as they are summed read as percentages: the header or the cells say so,
 * or at least half of the groups (and at least one) add up to 100, or to 1 for fractions.
 * Returns the factor that turns them into percentage points (100 for fractions), or undefined
 * when they are a coefficient scale.
 */
export function percentFactor(groups: number[][], header: string, anyPercentCell: boolean): number | undefined {
  const n = ` ${normaliseLabel(header.replace(/%/g, ' percento '))} `;
  const values = groups.flat();
  if (values.length === 0) return undefined;
  if (COEFFICIENT_HEADER.test(n) && !anyPercentCell) return undefined;
  const sums = groups.map((g) => g.reduce((s, v) => s + v, 0));
  const needed = Math.max(1, groups.length / 2);
  const fractions = values.every((v) => v <= 1) && values.some((v) => v > 0 && v < 1);
  if (fractions && !anyPercentCell && sums.filter((s) => near(s, 1, 0.005)).length >= needed) return 100;
  if (anyPercentCell || PERCENT_HEADER.test(header.toLowerCase()) || PERCENT_HEADER.test(n)) return fractions && !anyPercentCell ? 100 : 1;
  if (sums.filter((s) => near(s, 100, 0.5)).length >= needed) return 1;
  // shares meant to make 100 that miss it (20 + 10 + ... = 95): whole figures above the range of a
  // coefficient scale, each group near 100
  const shares = values.every((v) => v >= 0) && values.some((v) => v > 3) && sums.every((s) => s >= 80 && s <= 120);
  return shares ? 1 : undefined;
}

/** How the weights of a table are summed: per structure, per responsible, or over the whole table. */
export type WeightGrouping = 'structure' | 'responsible' | 'table';

/** Structure and responsible names, normalised once each (a table repeats them on every row). */
const normalisedNames = new Map<string, string>();
function nameKey(name: string): string {
  let key = normalisedNames.get(name);
  if (key === undefined) {
    if (normalisedNames.size > 10_000) normalisedNames.clear();
    key = normaliseLabel(name);
    normalisedNames.set(name, key);
  }
  return key;
}

/** The key weights are summed under, as the table's grouping says (the structure, else the responsible, by default). */
export function weightGroupKey(o: ObjectiveDraft): string {
  const by = o.weightGroup ?? 'structure';
  if (by === 'table') return `table\u0000${o.table.grid.sheet}\u0000${o.table.range.top}`;
  if (by === 'responsible') return nameKey(o.responsible ?? o.structure ?? '');
  return nameKey(o.structure ?? o.responsible ?? '');
}

/**
 * The grouping under which the weights read best as shares of 100: the one with the most groups
 * making 100 (or 1), the finer one on a tie. A table whose every objective has its own office but
 * one manager weighs them all is summed as a whole.
 */
function bestGrouping(weighted: ObjectiveDraft[]): WeightGrouping {
  let best: WeightGrouping = 'structure';
  let bestScore: [number, number] = [-1, -Infinity];
  for (const by of ['structure', 'responsible', 'table'] as const) {
    for (const o of weighted) o.weightGroup = by;
    const sums = groupsOf(weighted, weightGroupKey).map((g) => g.reduce((s, o) => s + o.weight!, 0));
    // first the share of groups that make 100 (or 1); then, when none does, how close to 100 they come
    const score: [number, number] = [sums.filter((s) => near(s, 100, 0.5) || near(s, 1, 0.005)).length / sums.length, -sums.reduce((d, s) => d + Math.abs(s - 100), 0) / sums.length];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) [best, bestScore] = [by, score];
  }
  return best;
}

function groupsOf<T>(items: T[], key: (t: T) => string): T[][] {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const g = m.get(k);
    if (g) g.push(i);
    else m.set(k, [i]);
  }
  return [...m.values()];
}

/** Decides the weight kind of one table's objectives, in place. */
export function classifyWeights(objectives: ObjectiveDraft[], weightHeader: string, managerHeaders: Map<string, string>): void {
  const single = objectives.filter((o) => o.weight !== undefined);
  if (single.length) {
    const grouping = bestGrouping(single);
    for (const o of single) o.weightGroup = grouping;
    const groups = groupsOf(single, weightGroupKey);
    const factor = percentFactor(
      groups.map((g) => g.map((o) => o.weight!)),
      weightHeader,
      single.some((o) => o.weightPercentCell),
    );
    for (const o of single) {
      if (factor) {
        o.weightKind = 'percentage';
        if (factor !== 1 && !o.weightPercentCell) o.weight = round(o.weight! * factor);
      } else o.weightKind = 'coefficient';
    }
  }
  const perManager = objectives.filter((o) => o.weights?.length);
  if (!perManager.length) return;
  const byManager = groupsOf(
    perManager.flatMap((o) => o.weights!),
    (w) => w.manager,
  );
  // the columns are read together: one manager's column that misses 100 among columns that make it is an error, not a scale
  const headers = byManager.map((column) => managerHeaders.get(column[0].manager) ?? '').join(' ');
  const factor = percentFactor(
    byManager.map((column) => column.map((w) => w.weight)),
    headers,
    false,
  );
  for (const column of byManager) {
    for (const w of column) {
      w.percent = factor !== undefined;
      if (factor && factor !== 1) w.weight = round(w.weight * factor);
    }
  }
  for (const o of perManager) o.weightKind = 'per-manager';
}
