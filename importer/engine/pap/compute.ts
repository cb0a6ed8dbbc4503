import { Model } from '../model';
import { CATEGORY_ORDER } from '../normalise/categories';
import { share as rawShare } from '../normalise/numbers';
import { CellRange, parseRange } from '../grid/address';
import { Category, Finding, PapFigure, PapFlagged, PapStatistics, PapUnknown, Place } from '../schema/dossier';
import { bestSourceOf, bestSummary, figureKey, FigureQuantity, StaffSummary, Tally, TallyKey } from '../staff/model';

const PAP_FIGURES = PapFigure.options;

/** The statistics of a dossier with no staff table: every figure unknown, for no table gives it. */
export const EMPTY_PAP: PapStatistics = {
  headcount: { F: 0, M: 0, total: 0, shareF: null, byGender: true },
  byCategory: [],
  partTime: { F: 0, M: 0, shareF: null, shareM: null, total: 0, share: null, byGender: true },
  fixedTerm: { F: 0, M: 0, total: 0, byGender: true },
  top: { F: 0, M: 0, total: 0, shareF: null },
  smartWorking: { F: 0, M: 0, total: 0, share: null, shareF: null, shareM: null, byGender: true },
  turnover: [],
  unknown: PAP_FIGURES.map((figure) => ({ figure, reason: 'absent' as const })),
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

type Who = 'F' | 'M' | 'total';
const WHO: readonly Who[] = ['F', 'M', 'total'];
/** At most this many cells are listed for a figure that is unknown or flagged. */
const MAX_PLACES = 10;

/** The findings that mark a figure: errors and warnings, by the cells they are at. */
export class FlagIndex {
  private readonly bySheet = new Map<string, { range: CellRange; finding: Finding }[]>();

  constructor(findings: readonly Finding[]) {
    for (const f of findings) {
      if (f.severity === 'info') continue;
      const key = `${f.file}\u0000${f.sheet}`;
      const list = this.bySheet.get(key) ?? [];
      list.push({ range: parseRange(f.cell), finding: f });
      this.bySheet.set(key, list);
    }
  }

  /** The findings at a place (a cell, or any cell of a range). */
  at(p: Place): Finding[] {
    const list = this.bySheet.get(`${p.file}\u0000${p.sheet}`);
    if (!list) return [];
    const r = parseRange(p.cell);
    return list.filter(({ range: q }) => q.top <= r.bottom && r.top <= q.bottom && q.left <= r.right && r.left <= q.right).map((x) => x.finding);
  }
}

/** What a figure is in the statistics, as PapUnknown and PapFlagged name it. */
interface FigureRef {
  figure: PapFigure;
  category?: Category;
  year?: number;
}

/** Collects, for one date, the figures that are not known and those resting on flagged cells. */
class FigureNotes {
  private readonly unknown = new Map<string, PapUnknown>();
  private readonly flagged = new Map<string, PapFlagged>();

  constructor(private readonly flags: FlagIndex | undefined) {}

  /** No table gives the figure. */
  absent(ref: FigureRef, whos?: readonly Who[]): void {
    if (!whos) this.addUnknown({ ...ref, reason: 'absent' });
    else for (const who of whos) this.addUnknown({ ...ref, who, reason: 'absent' });
  }

  noGender(ref: FigureRef): void {
    for (const who of ['F', 'M'] as const) this.addUnknown({ ...ref, who, reason: 'no-gender' });
  }

  /**
   * The figure `ref` (for `whos`) as source `src` gives it under `q`: unknown where a cell it should
   * count could not be counted, flagged where a cell it counts carries an error or a warning.
   */
  from(src: StaffSummary, q: FigureQuantity, ref: FigureRef, whos: readonly Who[] = WHO, tally?: Tally): void {
    for (const gap of src.gaps ?? []) {
      if (gap.q !== q || gap.year !== ref.year || gap.category !== ref.category) continue;
      for (const who of whos) if (!gap.g || who === gap.g || who === 'total') this.addUnknown({ ...ref, who, reason: gap.reason, at: [gap.at] });
    }
    if (!this.flags) return;
    for (const who of whos) {
      // the cells counted and the labels of their lines, and where a user reads the figure (its stated total)
      const own = tally?.at[who];
      const places = [...(src.cells?.get(figureKey(q, who, ref.year, ref.category)) ?? []), ...(own ? [own] : [])];
      for (const p of places) {
        const found = this.flags.at(p);
        if (found.length) this.addFlag({ ...ref, who }, found);
      }
    }
  }

  private addUnknown(u: PapUnknown): void {
    const key = `${u.figure}|${u.who ?? ''}|${u.category ?? ''}|${u.year ?? ''}|${u.reason}`;
    const before = this.unknown.get(key);
    if (!before) this.unknown.set(key, u.at ? { ...u, at: [...u.at] } : u);
    else if (u.at) before.at = uniquePlaces([...(before.at ?? []), ...u.at]);
  }

  private addFlag(ref: FigureRef & { who: Who }, found: Finding[], copy?: PapFlagged): void {
    const key = `${ref.figure}|${ref.who}|${ref.category ?? ''}|${ref.year ?? ''}`;
    const f = this.flagged.get(key) ?? { ...ref, rules: [], at: [] };
    this.flagged.set(key, f);
    for (const rule of [...found.map((x) => x.rule), ...(copy?.rules ?? [])]) if (!f.rules.includes(rule)) f.rules.push(rule);
    f.at = uniquePlaces([...f.at, ...found.map((x) => ({ file: x.file, sheet: x.sheet, cell: x.cell })), ...(copy?.at ?? [])]);
  }

  /** `to` is made of `from`: it is not known, or flagged, where `from` is. */
  inherit(to: FigureRef, from: FigureRef): void {
    const same = (x: FigureRef) => x.figure === from.figure && x.category === from.category && x.year === from.year;
    for (const u of [...this.unknown.values()]) if (same(u)) this.addUnknown({ ...to, ...(u.who ? { who: u.who } : {}), reason: u.reason, ...(u.at ? { at: u.at } : {}) });
    for (const f of [...this.flagged.values()]) if (same(f)) this.addFlag({ ...to, who: f.who ?? 'total' }, [], f);
  }

  /** Whether a figure (or part of it) is not known. */
  isUnknown(ref: FigureRef, who: Who): boolean {
    for (const u of this.unknown.values()) {
      if (u.figure === ref.figure && (u.who === undefined || u.who === who) && (u.category === undefined || u.category === ref.category) && (u.year === undefined || u.year === ref.year)) return true;
    }
    return false;
  }

  write(out: PapStatistics): void {
    if (this.unknown.size) out.unknown = [...this.unknown.values()];
    else delete out.unknown;
    if (this.flagged.size) out.flagged = [...this.flagged.values()];
    else delete out.flagged;
  }
}

function uniquePlaces(places: Place[]): Place[] {
  const seen = new Map<string, Place>();
  for (const p of places) {
    const k = `${p.file}\u0000${p.sheet}\u0000${p.cell}`;
    if (!seen.has(k)) seen.set(k, p);
  }
  return [...seen.values()].slice(0, MAX_PLACES);
}

/**
 * The PAP statistics of one date. Each figure comes from one source (the most complete and
 * detailed table, or the register), so that tables repeating the same people are not added up.
 * A source that splits a figure by gender is more detailed than one that gives only its total
 * (a «di cui part-time» column beside «di cui donne»): it is preferred, and the figure's total
 * comes from the same source, never from adding the two. `undated` sources fill what the dated
 * ones lack. A figure no source gives, or whose source has a cell that could not be counted, is
 * listed in `unknown`; one resting on a cell with an error or a warning (`flags`), in `flagged`.
 * A share whose parts are not known is null.
 */
export function papForDate(all: StaffSummary[], date: string | undefined, useUndated: boolean, flags?: FlagIndex): PapStatistics {
  const own = all.filter((s) => s.date === date);
  const fallback = useUndated && date !== undefined ? all.filter((s) => s.date === undefined) : [];
  const pick = (q: TallyKey) => bestSourceOf(own, q) ?? bestSourceOf(fallback, q);
  const notes = new FigureNotes(flags);
  const known = (figure: PapFigure, who: Who, ref: Omit<FigureRef, 'figure'> = {}) => !notes.isUnknown({ figure, ...ref }, who);
  /** A share of two figures: null when either is not known. */
  const shareOf = (part: number, partKnown: boolean, total: number, totalKnown: boolean) => (partKnown && totalKnown ? share(part, total) : null);

  const staffSource = pick('staff');
  const staff: Tally | undefined = staffSource?.staff;
  const byGender = (t: Tally | undefined) => t?.gendered !== false;
  if (staffSource) notes.from(staffSource, 'staff', { figure: 'headcount' }, WHO, staff);
  else notes.absent({ figure: 'headcount' });
  const F = staff?.gendered ? staff.F : 0;
  const M = staff?.gendered ? staff.M : 0;
  const total = staff?.total ?? 0;
  const out: PapStatistics = structuredClone(EMPTY_PAP);
  if (date) out.referenceDate = date;
  out.headcount = { F, M, total, shareF: staff?.gendered ? shareOf(F, known('headcount', 'F'), total, known('headcount', 'total')) : null, byGender: byGender(staff) };

  const categorySource = staffSource?.byCategory ? staffSource : (bestSummary(own.filter((s) => Boolean(s.byCategory))) ?? bestSummary(fallback.filter((s) => Boolean(s.byCategory))));
  if (categorySource?.byCategory) {
    for (const category of CATEGORY_ORDER) {
      notes.from(categorySource, 'category', { figure: 'category', category });
      const c = categorySource.byCategory.get(category);
      if (!c) continue;
      const shareF = shareOf(c.F, known('category', 'F', { category }), c.F + c.M, known('category', 'total', { category }));
      out.byCategory.push({ category, F: c.F, M: c.M, total: c.F + c.M, shareF });
    }
    const top = out.byCategory.filter((c) => c.category === 'dirigente' || c.category === 'segretario');
    const tf = top.reduce((n, c) => n + c.F, 0);
    const tm = top.reduce((n, c) => n + c.M, 0);
    // the top is what its two categories are: not known where one of them is not
    for (const category of ['dirigente', 'segretario'] as const) notes.inherit({ figure: 'top' }, { figure: 'category', category });
    out.top = { F: tf, M: tm, total: tf + tm, shareF: shareOf(tf, known('top', 'F'), tf + tm, known('top', 'total')) };
  } else {
    notes.absent({ figure: 'category' });
    notes.absent({ figure: 'top' });
  }

  // fixed-term staff: from the staff's own source when it splits them by gender as well
  const fixedTermSource = staffSource?.fixedTerm?.gendered ? staffSource : pick('fixedTerm');
  const fixedTerm = fixedTermSource?.fixedTerm;
  if (fixedTermSource && fixedTerm) {
    const g = fixedTerm.gendered;
    notes.from(fixedTermSource, 'fixedTerm', { figure: 'fixedTerm' }, g ? WHO : ['total'], fixedTerm);
    out.fixedTerm = { F: g ? fixedTerm.F : 0, M: g ? fixedTerm.M : 0, total: fixedTerm.total, byGender: g };
  } else notes.absent({ figure: 'fixedTerm' });

  const partTimeSource = pick('partTime');
  const partTime = partTimeSource?.partTime;
  if (partTimeSource && partTime) {
    const g = partTime.gendered;
    notes.from(partTimeSource, 'partTime', { figure: 'partTime' }, g ? WHO : ['total'], partTime);
    const ptKnown = (who: Who) => known('partTime', who);
    out.partTime = {
      F: g ? partTime.F : 0,
      M: g ? partTime.M : 0,
      shareF: g ? shareOf(partTime.F, ptKnown('F'), F, known('headcount', 'F')) : null,
      shareM: g ? shareOf(partTime.M, ptKnown('M'), M, known('headcount', 'M')) : null,
      total: partTime.total,
      share: staff ? shareOf(partTime.total, ptKnown('total'), total, known('headcount', 'total')) : null,
      byGender: g,
    };
  } else notes.absent({ figure: 'partTime' });

  const smartSource = pick('smart');
  const smart = smartSource?.smart;
  if (smartSource && smart) {
    const g = smart.gendered;
    notes.from(smartSource, 'smart', { figure: 'smartWorking' }, g ? WHO : ['total'], smart);
    const swKnown = (who: Who) => known('smartWorking', who);
    const sf = g ? smart.F : 0;
    const sm = g ? smart.M : 0;
    out.smartWorking = {
      F: sf,
      M: sm,
      total: smart.total,
      share: shareOf(smart.total, swKnown('total'), total, known('headcount', 'total')),
      shareF: g ? shareOf(sf, swKnown('F'), F, known('headcount', 'F')) : null,
      shareM: g ? shareOf(sm, swKnown('M'), M, known('headcount', 'M')) : null,
      byGender: g,
    };
  } else notes.absent({ figure: 'smartWorking' });

  // hires and terminations of every year up to the date, each year from its best source
  const until = yearOf(date);
  const years = new Map<number, PapStatistics['turnover'][number]>();
  const movementGaps = (s: StaffSummary) => (s.gaps ?? []).filter((g) => g.q === 'hire' || g.q === 'termination');
  const candidates = all.filter((s) => s.turnover.size > 0 || movementGaps(s).length > 0);
  const allYears = [...new Set(candidates.flatMap((s) => [...s.turnover.keys(), ...movementGaps(s).map((g) => g.year!)]))].sort((a, b) => a - b);
  for (const year of allYears) {
    if (until !== undefined && year > until) continue;
    const row = { year, hires: { F: 0, M: 0 }, terminations: { F: 0, M: 0 } };
    for (const [mv, key] of [['hire', 'hires'], ['termination', 'terminations']] as const) {
      const ref = { figure: key, year };
      const src = bestSummary(candidates.filter((s) => s.turnover.get(year)?.[mv]?.gendered));
      const tally = src?.turnover.get(year)?.[mv];
      if (src && tally) {
        row[key] = { F: tally.F, M: tally.M };
        notes.from(src, mv, ref, WHO, tally);
      } else if (candidates.some((s) => s.turnover.get(year)?.[mv])) notes.noGender(ref);
      else {
        // a year whose only figures could not be read is not known; one no table gives, absent
        const gapped = candidates.filter((s) => s.gaps?.some((x) => x.q === mv && x.year === year));
        if (gapped.length) for (const s of gapped) notes.from(s, mv, ref);
        else notes.absent(ref);
      }
    }
    years.set(year, row);
  }
  if (allYears.length === 0) {
    notes.absent({ figure: 'hires' });
    notes.absent({ figure: 'terminations' });
  }
  out.turnover = [...years.values()];
  notes.write(out);
  return out;
}

/** Every date the staff sources speak of, oldest first (undefined: sources without a date). */
export function staffDates(summaries: StaffSummary[]): (string | undefined)[] {
  const dated = [...new Set(summaries.map((s) => s.date).filter((d): d is string => Boolean(d)))].sort();
  return dated.length ? dated : summaries.length ? [undefined] : [];
}

/**
 * PAP statistics for every date found, oldest first. `findings` (errors and warnings) mark the
 * figures that rest on their cells.
 */
export function computePapByDate(model: Model, findings: readonly Finding[] = []): PapStatistics[] {
  const summaries = model.staff.summaries;
  const dates = staffDates(summaries);
  const flags = new FlagIndex(findings);
  return dates.map((d, i) => papForDate(summaries, d, i === dates.length - 1, flags));
}
