import { Category } from '../schema/dossier';
import { normaliseLabel } from '../text/normalise';
import { bestSummary, StaffModel, StaffSummary, Tally } from './model';
import { StaffDetectedTable } from './types';

/**
 * The part of the staff a table counts. Published plans split the staff: "Personale dirigente" and
 * "Personale non dirigente" in two tables, and the CUG tables 1.2-1.4 (anzianità, titolo di studio)
 * count only the "livelli non dirigenziali". Such a table is not the staff of its date: it is never
 * compared with a table of the whole staff, and the two halves add up when no whole table exists.
 */
export type StaffScope = 'managerial' | 'non-managerial';

const NON_MANAGERIAL = /\bnon dirigen\w*/;
const MANAGERIAL = /\b(dirigent[ei]|dirigenza|dirigenzial[ei])\b/;
const TOP: readonly Category[] = ['dirigente', 'segretario'];

/** What the captions and corner labels of a table say it covers; its categories when all are top ones. */
export function scopeOf(t: StaffDetectedTable): StaffScope | undefined {
  const last = t.staff.labelCols[t.staff.labelCols.length - 1] ?? -1;
  const corner = t.headerRows.flatMap((h) => t.grid.filledColumns(h).filter((c) => c <= last).map((c) => t.grid.text(h, c)));
  const texts = [...t.staff.titles, ...corner].map((x) => normaliseLabel(x));
  const non = texts.some((x) => NON_MANAGERIAL.test(x));
  const managerial = texts.some((x) => MANAGERIAL.test(x.replace(new RegExp(NON_MANAGERIAL.source, 'g'), ' ')));
  if (non && !managerial) return 'non-managerial';
  if (managerial && !non) return 'managerial';
  if (non && managerial) return undefined;
  const categories = [...t.staff.rows, ...t.staff.columns].filter((l) => l.totalLevel < 0 && !l.percent && l.meaning.category).map((l) => l.meaning.category!);
  return categories.length > 0 && categories.every((c) => TOP.includes(c)) ? 'managerial' : undefined;
}

function addTally(a: Tally | undefined, b: Tally | undefined): Tally | undefined {
  if (!a || !b) return a ?? b;
  return { F: a.F + b.F, M: a.M + b.M, total: a.total + b.total, gendered: a.gendered && b.gendered, at: b.total >= a.total ? { ...b.at } : { ...a.at } };
}

function merge(a: StaffSummary, b: StaffSummary): StaffSummary {
  const byCategory = a.byCategory || b.byCategory ? new Map(a.byCategory) : undefined;
  for (const [cat, v] of b.byCategory ?? []) {
    const c = byCategory!.get(cat) ?? { F: 0, M: 0 };
    byCategory!.set(cat, { F: c.F + v.F, M: c.M + v.M });
  }
  const out: StaffSummary = {
    sourceName: `${a.sourceName} e ${b.sourceName.replace(/^nella /, '')}`,
    rank: Math.max(a.rank, b.rank),
    order: Math.min(a.order, b.order),
    ...(a.date ? { date: a.date } : {}),
    turnover: new Map([...a.turnover, ...b.turnover]),
    incomplete: a.incomplete || b.incomplete,
  };
  const staff = addTally(a.staff, b.staff);
  if (staff) out.staff = staff;
  if (byCategory) out.byCategory = byCategory;
  // fixed-term staff is known for the whole only when both halves say it
  if (a.fixedTerm && b.fixedTerm) out.fixedTerm = addTally(a.fixedTerm, b.fixedTerm);
  const partTime = a.partTime && b.partTime ? addTally(a.partTime, b.partTime) : (a.partTime ?? b.partTime);
  if (partTime) out.partTime = partTime;
  const smart = a.smart && b.smart ? addTally(a.smart, b.smart) : (a.smart ?? b.smart);
  if (smart) out.smart = smart;
  return out;
}

/**
 * Settles the summaries of partial tables, date by date: beside a table of the whole staff they
 * keep only what is not the staff (part-time, smart working, turnover); without one, a managerial
 * and a non-managerial half of the same date become one summary of the whole staff.
 */
export function resolveStaffScopes(staff: StaffModel): void {
  const scoped = staff.summaries.filter((s) => s.scope && s.staff);
  if (scoped.length === 0) return;
  const dates = new Set(scoped.map((s) => s.date ?? ''));
  for (const date of dates) {
    const group = staff.summaries.filter((s) => (s.date ?? '') === date);
    const whole = group.some((s) => !s.scope && s.staff && s.rank > 0);
    const partial = group.filter((s) => s.scope && s.staff);
    if (whole) {
      for (const s of partial) {
        s.staff = undefined;
        s.byCategory = undefined;
        s.fixedTerm = undefined;
      }
      continue;
    }
    const managerial = partial.filter((s) => s.scope === 'managerial');
    const rest = partial.filter((s) => s.scope === 'non-managerial');
    if (managerial.length === 0 || rest.length === 0) continue;
    // the richest table of each half (several tables of one half repeat the same people)
    const m = bestSummary(managerial)!;
    const n = bestSummary(rest)!;
    const merged = merge(m, n);
    staff.summaries = staff.summaries.filter((s) => s !== m && s !== n);
    staff.summaries.push(merged);
    // other tables of a half repeat people already counted: they are not the staff either
    for (const s of partial) {
      if (s === m || s === n) continue;
      s.staff = undefined;
      s.byCategory = undefined;
      s.fixedTerm = undefined;
    }
  }
}
