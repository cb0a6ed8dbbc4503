import { mapCategory } from '../normalise/categories';
import { normaliseLabel } from '../text/normalise';
import { LabelMeaning } from './labels';
import { AxisDim, AxisLine } from './types';

/** Joins the meanings of the levels of one line (outer level first). */
export function combine(levels: (LabelMeaning | undefined)[]): { meaning: LabelMeaning; totalLevel: number } {
  const meaning: LabelMeaning = { unexplained: '' };
  let totalLevel = -1;
  const unexplained: string[] = [];
  levels.forEach((m, i) => {
    if (!m) return;
    if (m.total && totalLevel < 0) totalLevel = i;
    for (const [k, v] of Object.entries(m) as [keyof LabelMeaning, unknown][]) {
      if (k === 'unexplained') continue;
      if (v !== undefined && (meaning as unknown as Record<string, unknown>)[k] === undefined) (meaning as unknown as Record<string, unknown>)[k] = v;
    }
    if (m.unexplained) unexplained.push(m.unexplained);
  });
  meaning.unexplained = unexplained.join(' ');
  return { meaning, totalLevel };
}

const DIM_ORDER: AxisDim[] = ['gender', 'category', 'regime', 'smart', 'movement', 'year', 'age', 'contract', 'structure', 'staff'];

function dimsOf(m: LabelMeaning): AxisDim[] {
  const out: AxisDim[] = [];
  if (m.gender || m.letter) out.push('gender');
  if (m.category && !m.letter) out.push('category');
  if (m.regime) out.push('regime');
  if (m.smart) out.push('smart');
  if (m.movement) out.push('movement');
  if (m.year !== undefined) out.push('year');
  if (m.age) out.push('age');
  if (m.contract) out.push('contract');
  if (m.structure) out.push('structure');
  if (m.staff) out.push('staff');
  return out;
}

/** The dimension most labels of one level speak of ('free' when they speak of none). */
export function voteDim(meanings: (LabelMeaning | undefined)[]): AxisDim {
  const counts = new Map<AxisDim, number>();
  for (const m of meanings) {
    if (!m || m.total || m.percent) continue;
    for (const d of dimsOf(m)) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: AxisDim = 'free';
  let bestN = 0;
  for (const d of DIM_ORDER) {
    const n = counts.get(d) ?? 0;
    if (n > bestN) {
      best = d;
      bestN = n;
    }
  }
  return best;
}

/**
 * Settles what each label means once the dimension of its level is known: a lone "D" is Donne among
 * genders and Cat. D among categories; on a category level every label is a category (`altro` when
 * it cannot be placed); "Totale personale" beside smart-working counts is the staff, not a total.
 */
export function settleLevel(levelMeanings: (LabelMeaning | undefined)[], dim: AxisDim, labels: string[]): void {
  const beside = levelMeanings.some((m) => m && !m.total && (m.smart || m.regime || m.subset));
  levelMeanings.forEach((m, i) => {
    if (!m) return;
    if (m.letter) {
      if (dim === 'gender') {
        m.gender = 'F';
        m.category = undefined;
      }
      m.letter = undefined;
    }
    if (m.total && m.staff) {
      if (beside) {
        m.total = false;
        m.staffOrTotal = true;
      } else m.staff = undefined;
    }
    if (dim === 'category' && !m.category && !m.total && !m.percent && labels[i]) {
      m.category = mapCategory(labels[i]) ?? 'altro';
    }
    if (dim === 'structure' && !m.total && !m.percent && labels[i]) m.structure = true;
  });
}

/** Marks the lines that are parts of another line ("di cui ...", counts beside a "Personale" line). */
export function markSubsets(lines: AxisLine[]): void {
  const hasStaff = lines.some((l) => l.meaning.staff && l.totalLevel < 0 && !l.percent);
  for (const l of lines) {
    if (l.percent) continue;
    if (l.meaning.subset) l.subset = true;
    else if (hasStaff && !l.meaning.staff && l.totalLevel < 0 && (l.meaning.smart || l.meaning.regime || l.meaning.contract || l.meaning.movement)) l.subset = true;
  }
}

export function keyOf(text: string): string {
  return normaliseLabel(text);
}

/** A line that holds figures to add up: neither a total, nor a percentage, nor a part of another line. */
export function isDetail(l: AxisLine): boolean {
  return l.totalLevel < 0 && !l.percent && !l.subset && !l.meaning.change;
}

/**
 * The line that holds the whole count when an axis has no detail lines, only a total and "di cui"
 * parts ("Totale | di cui donne | di cui part-time", "Totale | di cui part-time | di cui T.D."): the
 * total is then the figure, and its gender comes from the "di cui donne" (or "di cui uomini") part;
 * without such a part the total has no gender (unless the line across names one).
 */
export function wholeOfParts(lines: AxisLine[]): AxisLine | undefined {
  if (lines.some((l) => isDetail(l))) return undefined;
  const totals = lines.filter((l) => l.totalLevel === 0 && !l.percent && !l.meaning.change && !l.meaning.gender && !l.meaning.regime && !l.meaning.smart && !l.meaning.contract);
  const part = lines.some((l) => l.subset && !l.percent && (l.meaning.gender || l.meaning.regime || l.meaning.contract));
  return totals.length === 1 && part ? totals[0] : undefined;
}
