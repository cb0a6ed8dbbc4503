import { Model } from '../model';
import { CATEGORY_ORDER } from '../normalise/categories';
import { share as rawShare } from '../normalise/numbers';
import { PapStatistics } from '../schema/dossier';
import { bestSourceOf, bestSummary, StaffSummary, Tally, TallyKey } from '../staff/model';

/** The statistics of a dossier with no staff table. */
export const EMPTY_PAP: PapStatistics = {
  headcount: { F: 0, M: 0, total: 0, shareF: null, byGender: true },
  byCategory: [],
  partTime: { F: 0, M: 0, shareF: null, shareM: null, total: 0, share: null, byGender: true },
  fixedTerm: { F: 0, M: 0, total: 0, byGender: true },
  top: { F: 0, M: 0, total: 0, shareF: null },
  smartWorking: { F: 0, M: 0, total: 0, share: null, shareF: null, shareM: null, byGender: true },
  turnover: [],
};

/**
 * A share in [0, 1]: null when the denominator is 0, and null when the figures contradict each
 * other (more smart workers than staff): a cross-table finding says where.
 */
function share(part: number, total: number): number | null {
  const s = rawShare(part, total);
  return s === null || s > 1 || s < 0 ? null : s;
}


function yearOf(date: string | undefined): number | undefined {
  return date ? Number(date.slice(0, 4)) : undefined;
}

/**
 * The PAP statistics of one date. Each figure comes from one source (the most complete and
 * detailed table, or the register), so that tables repeating the same people are not added up.
 * A source that splits a figure by gender is more detailed than one that gives only its total
 * (a «di cui part-time» column beside «di cui donne»): it is preferred, and the figure's total
 * comes from the same source, never from adding the two. `undated` sources fill what the dated
 * ones lack.
 */
export function papForDate(all: StaffSummary[], date: string | undefined, useUndated: boolean): PapStatistics {
  const own = all.filter((s) => s.date === date);
  const fallback = useUndated && date !== undefined ? all.filter((s) => s.date === undefined) : [];
  const pick = (q: TallyKey) => bestSourceOf(own, q) ?? bestSourceOf(fallback, q);

  const staffSource = pick('staff');
  const staff: Tally | undefined = staffSource?.staff;
  const byGender = (t: Tally | undefined) => t?.gendered !== false;
  const F = staff?.gendered ? staff.F : 0;
  const M = staff?.gendered ? staff.M : 0;
  const total = staff?.total ?? 0;
  const out: PapStatistics = structuredClone(EMPTY_PAP);
  if (date) out.referenceDate = date;
  out.headcount = { F, M, total, shareF: staff?.gendered ? share(F, total) : null, byGender: byGender(staff) };

  const categorySource = staffSource?.byCategory ? staffSource : (bestSummary(own.filter((s) => Boolean(s.byCategory))) ?? bestSummary(fallback.filter((s) => Boolean(s.byCategory))));
  if (categorySource?.byCategory) {
    for (const category of CATEGORY_ORDER) {
      const c = categorySource.byCategory.get(category);
      if (!c) continue;
      out.byCategory.push({ category, F: c.F, M: c.M, total: c.F + c.M, shareF: share(c.F, c.F + c.M) });
    }
    const top = out.byCategory.filter((c) => c.category === 'dirigente' || c.category === 'segretario');
    const tf = top.reduce((n, c) => n + c.F, 0);
    const tm = top.reduce((n, c) => n + c.M, 0);
    out.top = { F: tf, M: tm, total: tf + tm, shareF: share(tf, tf + tm) };
  }

  // fixed-term staff: from the staff's own source when it splits them by gender as well
  const fixedTerm = staffSource?.fixedTerm?.gendered ? staffSource.fixedTerm : pick('fixedTerm')?.fixedTerm;
  if (fixedTerm) {
    const g = fixedTerm.gendered;
    out.fixedTerm = { F: g ? fixedTerm.F : 0, M: g ? fixedTerm.M : 0, total: fixedTerm.total, byGender: g };
  }

  const partTime = pick('partTime')?.partTime;
  if (partTime) {
    const g = partTime.gendered;
    out.partTime = {
      F: g ? partTime.F : 0,
      M: g ? partTime.M : 0,
      shareF: g ? share(partTime.F, F) : null,
      shareM: g ? share(partTime.M, M) : null,
      total: partTime.total,
      share: staff ? share(partTime.total, total) : null,
      byGender: g,
    };
  }

  const smart = pick('smart')?.smart;
  if (smart) {
    const sf = smart.gendered ? smart.F : 0;
    const sm = smart.gendered ? smart.M : 0;
    out.smartWorking = { F: sf, M: sm, total: smart.total, share: share(smart.total, total), shareF: smart.gendered ? share(sf, F) : null, shareM: smart.gendered ? share(sm, M) : null, byGender: smart.gendered };
  }

  // hires and terminations of every year up to the date, each year from its best source
  const until = yearOf(date);
  const years = new Map<number, PapStatistics['turnover'][number]>();
  const candidates = all.filter((s) => s.turnover.size > 0);
  const allYears = [...new Set(candidates.flatMap((s) => [...s.turnover.keys()]))].sort((a, b) => a - b);
  for (const year of allYears) {
    if (until !== undefined && year > until) continue;
    const row = { year, hires: { F: 0, M: 0 }, terminations: { F: 0, M: 0 } };
    for (const [mv, key] of [['hire', 'hires'], ['termination', 'terminations']] as const) {
      const src = bestSummary(candidates.filter((s) => s.turnover.get(year)?.[mv]?.gendered));
      const tally = src?.turnover.get(year)?.[mv];
      if (tally) row[key] = { F: tally.F, M: tally.M };
    }
    years.set(year, row);
  }
  out.turnover = [...years.values()];
  return out;
}

/** Every date the staff sources speak of, oldest first (undefined: sources without a date). */
export function staffDates(summaries: StaffSummary[]): (string | undefined)[] {
  const dated = [...new Set(summaries.map((s) => s.date).filter((d): d is string => Boolean(d)))].sort();
  return dated.length ? dated : summaries.length ? [undefined] : [];
}

/** PAP statistics for every date found, oldest first. */
export function computePapByDate(model: Model): PapStatistics[] {
  const summaries = model.staff.summaries;
  const dates = staffDates(summaries);
  return dates.map((d, i) => papForDate(summaries, d, i === dates.length - 1));
}
