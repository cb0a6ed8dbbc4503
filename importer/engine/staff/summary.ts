import { rangeA1 } from '../grid/address';
import { Category, Gender, Place } from '../schema/dossier';
import { combine, wholeOfParts } from './axes';
import { AGE_BANDS, AgeBand, LabelMeaning } from './labels';
import { FigureGap, FigureQuantity, GapReason, StaffCell, StaffModel, StaffSummary, StaffTable, Tally, cellKey, emptyTally, figureKey } from './model';
import { scopeOf } from './scope';
import { partsOf, usableCount } from './sums';
import { maxOf, minOf } from '../grid/spread';
import { AxisLine } from './types';

type Quantity = 'staff' | 'fixedTerm' | 'partTime' | 'smart' | 'hire' | 'termination';

/** Collects the cells behind every figure, so that findings can point at them. */
class Collector {
  readonly leaves = new Map<string, StaffCell[]>();

  add(date: string, q: Quantity, g: Gender | undefined, cell: StaffCell, year?: number): void {
    for (const key of [`${date}|${q}|${year ?? ''}|${g ?? '-'}`, `${date}|${q}|${year ?? ''}|all`]) {
      const list = this.leaves.get(key);
      if (list) list.push(cell);
      else this.leaves.set(key, [cell]);
    }
  }

  get(date: string, q: Quantity, who: Gender | 'all', year?: number): StaffCell[] {
    return this.leaves.get(`${date}|${q}|${year ?? ''}|${who}`) ?? [];
  }
}

/** Why a count cell cannot be counted; undefined when it can. */
function gapReason(cell: StaffCell | undefined): GapReason | undefined {
  const c = cell?.count;
  if (!c || c.kind === 'empty') return undefined;
  if (c.kind === 'not-available') return 'not-available';
  if (c.kind === 'unparseable') return 'unparseable';
  return c.count < 0 || c.fixedTerm < 0 || c.fixedTerm > c.count ? 'out-of-range' : undefined;
}

/** Where a figure was read: the cell and the labels of its row and column. */
function placesOf(cell: StaffCell): Place[] {
  return [cell.at, cell.row.at, cell.col.at].filter((p): p is Place => Boolean(p));
}

/**
 * The basis of a table's figures: the places each figure rests on, and the cells it could not
 * count (gaps), per summary (see StaffSummary.cells and .gaps).
 */
class Basis {
  private readonly rests = new Map<StaffSummary, Map<string, Map<string, Place>>>();

  /** `cells` are counted in figure q (by gender g, or in the total only when g is not known). */
  rest(s: StaffSummary, q: FigureQuantity, g: Gender | undefined, cells: (StaffCell | undefined)[], year?: number, category?: Category): void {
    let bySummary = this.rests.get(s);
    if (!bySummary) this.rests.set(s, (bySummary = new Map()));
    for (const who of g ? [g, 'total' as const] : ['total' as const]) {
      const key = figureKey(q, who, year, category);
      let places = bySummary.get(key);
      if (!places) bySummary.set(key, (places = new Map()));
      for (const c of cells) if (c) for (const p of placesOf(c)) places.set(`${p.sheet}!${p.cell}`, p);
    }
  }

  /** A cell the figures `targets` could not count: they are not known (both genders when g is not known). */
  gap(s: StaffSummary, targets: Omit<FigureGap, 'g' | 'reason' | 'at'>[], g: Gender | undefined, reason: GapReason, at: Place): void {
    s.incomplete = true;
    if (targets.length) (s.gaps ??= []).push(...targets.map((t) => ({ ...t, ...(g ? { g } : {}), reason, at })));
  }

  /** Gives each summary its places, once the table is read. */
  finish(s: StaffSummary): void {
    const bySummary = this.rests.get(s);
    if (bySummary) s.cells = new Map([...bySummary].map(([k, places]) => [k, [...places.values()]]));
  }
}

function addTo(t: Tally, g: Gender | undefined, n: number): void {
  t.total += n;
  if (g) t[g] += n;
  else t.gendered = false;
}

/** A stated total of a table and the cells it adds up. */
interface StatedTotal {
  at: Place;
  parts: StaffCell[];
}

/**
 * The stated totals of a table (cells of a total row or column, not empty) with their parts, by how
 * many of those parts are not empty; in the table's order. Worked out once per table.
 */
function statedTotals(t: StaffTable): Map<number, StatedTotal[]> {
  const { rows, columns } = t.table.staff;
  const out = new Map<number, StatedTotal[]>();
  for (const c of t.cells) {
    if (!c.count || (c.row.totalLevel < 0 && c.col.totalLevel < 0)) continue;
    if (c.count.kind === 'empty') continue;
    const parts: StaffCell[] = [];
    for (const r of partsOf(c.row, rows)) for (const k of partsOf(c.col, columns)) {
      const p = t.byPosition.get(cellKey(r.index, k.index));
      if (p) parts.push(p);
    }
    const nonEmpty = parts.filter((p) => !(p.count?.kind === 'empty')).length;
    const list = out.get(nonEmpty);
    if (list) list.push({ at: c.at, parts });
    else out.set(nonEmpty, [{ at: c.at, parts }]);
  }
  return out;
}

/**
 * Where a user reads a figure: the stated total whose parts are exactly the cells counted (the
 * "Tot." of the row "Donna"), else the range the cells span.
 */
function placeOfFigure(t: StaffTable, totals: Map<number, StatedTotal[]>, leaves: StaffCell[]): Place | undefined {
  if (leaves.length === 0) return undefined;
  const want = new Set(leaves);
  const wantNonEmpty = leaves.filter((p) => !(p.count?.kind === 'empty')).length;
  // a total of as many cells that are not empty as those counted, and no other cell
  for (const total of totals.get(wantNonEmpty) ?? []) {
    if (total.parts.every((p) => want.has(p) || p.count?.kind === 'empty')) return total.at;
  }
  const grid = t.table.grid;
  const top = minOf(leaves.map((l) => l.row.index));
  const bottom = maxOf(leaves.map((l) => l.row.index));
  const left = minOf(leaves.map((l) => l.col.index));
  const right = maxOf(leaves.map((l) => l.col.index));
  return { file: grid.file, sheet: grid.sheet, cell: rangeA1({ top, left, bottom, right }) };
}

/** The label as written at the level that says it ("Cat. C" for the category, "Settore Tecnico" for the structure). */
function labelOf(line: AxisLine, pick: (m: LabelMeaning) => boolean): string | undefined {
  for (let i = line.levels.length - 1; i >= 0; i--) {
    const m = line.levels[i];
    if (m && pick(m) && line.labels[i]) return line.labels[i];
  }
  return undefined;
}

/** The category (with its label as written) and the structure a cell's lines name. */
function lineFacts(cell: StaffCell): { category?: Category; label?: string; structure?: string } {
  const m = combine([cell.row.meaning, cell.col.meaning]).meaning;
  const label = labelOf(cell.row, (x) => Boolean(x.category)) ?? labelOf(cell.col, (x) => Boolean(x.category));
  const structure = labelOf(cell.row, (x) => Boolean(x.structure)) ?? labelOf(cell.col, (x) => Boolean(x.structure));
  return { ...(m.category ? { category: m.category, label: label ?? m.category } : {}), ...(structure ? { structure } : {}) };
}

/** Reads the figures of one staff table into summaries (one per date) and records. */
export function summariseTable(t: StaffTable, model: StaffModel): void {
  const { rows, columns, context } = t.table.staff;
  const hasStaffLine = [...rows, ...columns].some((l) => l.meaning.staff && l.totalLevel < 0 && !l.percent);
  const hasFullTime = [...rows, ...columns].some((l) => l.meaning.regime === 'full-time');
  const byDate = new Map<string, StaffSummary>();
  const collector = new Collector();
  const basis = new Basis();
  let withCategory = false;
  const summaryFor = (date: string | undefined): StaffSummary => {
    const key = date ?? '';
    let s = byDate.get(key);
    if (!s) {
      s = { sourceName: t.name, rank: 1, order: t.order, ...(date ? { date } : {}), ...(scope ? { scope } : {}), turnover: new Map(), incomplete: false };
      byDate.set(key, s);
    }
    return s;
  };
  const tallyOf = (s: StaffSummary, q: 'staff' | 'fixedTerm' | 'partTime' | 'smart'): Tally => (s[q] ??= emptyTally());
  // «Personale a tempo determinato»: a table of fixed-term staff only gives the fixed-term figures, never the whole staff
  const fixedTermOnly = context.contract === 'fixed-term';
  const tableYear = t.referenceDate ? Number(t.referenceDate.slice(0, 4)) : undefined;
  /** The figures a count cell belongs to, by what its lines say: the same choice as the counting below. */
  const gapTargets = (m: LabelMeaning, subset: boolean, tdKnown: boolean): Omit<FigureGap, 'g' | 'reason' | 'at'>[] => {
    if (m.movement) {
      const year = m.year ?? tableYear;
      return year === undefined ? [] : [{ q: m.movement, year }];
    }
    if (m.smart === 'none') return [];
    if (m.smart && !m.staff) return [{ q: 'smart' }];
    if (m.regime) {
      const staff = !subset && hasFullTime ? [{ q: 'staff' as const }, ...(tdKnown ? [{ q: 'fixedTerm' as const }] : [])] : [];
      return [...(m.regime !== 'full-time' ? [{ q: 'partTime' as const }] : []), ...staff];
    }
    if (subset) return m.contract === 'fixed-term' ? [{ q: 'fixedTerm' }] : [];
    if (fixedTermOnly) return [{ q: 'fixedTerm' }];
    return [{ q: 'staff' }, ...(tdKnown ? [{ q: 'fixedTerm' as const }] : []), ...(m.category ? [{ q: 'category' as const, category: m.category }] : [])];
  };
  const unmapped = new Set<string>();
  const scope = scopeOf(t.table);

  for (const line of [...rows, ...columns]) {
    if (line.meaning.category === 'altro' && line.totalLevel < 0 && !line.percent && !line.subset && line.at) {
      const label = line.labels.filter(Boolean).pop() ?? '';
      if (!unmapped.has(label)) {
        unmapped.add(label);
        model.unmapped.push({ at: line.at, label, source: t.name });
      }
    }
  }

  // "Totale | di cui donne | ...": the total of each row is its staff, split by the gender part
  const wholeCol = wholeOfParts(columns);
  const wholeRow = wholeOfParts(rows);
  const along = wholeCol ? columns : rows;
  const pure = (g: Gender) => along.find((l) => l.subset && l.meaning.gender === g && !l.meaning.regime && !l.meaning.contract && !l.meaning.smart);
  const genderPart = Boolean(pure('F') || pure('M'));
  const genderSplit = (cell: StaffCell): { F: number; M: number; atF?: Place; atM?: Place; parts: Record<Gender, StaffCell | undefined> } | undefined => {
    const partCell = (line: AxisLine | undefined) => (line ? t.byPosition.get(wholeCol ? cellKey(cell.row.index, line.index) : cellKey(line.index, cell.col.index)) : undefined);
    const total = usableCount(cell);
    const fCell = partCell(pure('F'));
    const mCell = partCell(pure('M'));
    const F = usableCount(fCell)?.count;
    const M = usableCount(mCell)?.count;
    if (!total) return undefined;
    const parts = { F: fCell, M: mCell };
    if (F !== undefined) return { F, M: M ?? total.count - F, atF: fCell?.at, atM: mCell?.at, parts };
    if (M !== undefined) return { F: total.count - M, M, atM: mCell?.at, parts };
    return undefined;
  };
  /** The first cell of a «Totale | di cui donne» line that cannot be counted, and why. */
  const splitGap = (cell: StaffCell): { reason: GapReason; at: Place } | undefined => {
    const partCell = (line: AxisLine | undefined) => (line ? t.byPosition.get(wholeCol ? cellKey(cell.row.index, line.index) : cellKey(line.index, cell.col.index)) : undefined);
    for (const c of [cell, partCell(pure('F')), partCell(pure('M'))]) {
      const reason = gapReason(c);
      if (reason && c) return { reason, at: c.at };
    }
    return undefined;
  };
  const addCategory = (s: StaffSummary, category: Category, g: Gender, n: number) => {
    withCategory = true;
    s.byCategory ??= new Map();
    const c = s.byCategory.get(category) ?? { F: 0, M: 0 };
    c[g] += n;
    s.byCategory.set(category, c);
  };

  for (const cell of t.cells) {
    if (cell.count && ((wholeCol && cell.col === wholeCol && cell.row.totalLevel < 0 && !cell.row.percent) || (wholeRow && cell.row === wholeRow && cell.col.totalLevel < 0 && !cell.col.percent))) {
      const other = wholeCol ? cell.row : cell.col;
      const m = combine([other.meaning, context]).meaning;
      const date = m.date ?? (m.year !== undefined && t.kind !== 'turnover' ? `${m.year}-12-31` : t.referenceDate);
      const s = summaryFor(date);
      const label = labelOf(other, (x) => Boolean(x.category)) ?? m.category;
      if (!genderPart) {
        // "Totale | di cui part-time | di cui T.D.": the total is the staff, with the gender of the line across or none
        const v = usableCount(cell);
        if (!v || v.count < 0) {
          basis.gap(s, [{ q: 'staff' }, ...(m.category ? [{ q: 'category' as const, category: m.category }] : [])], m.gender, gapReason(cell) ?? 'out-of-range', cell.at);
          continue;
        }
        addTo(tallyOf(s, 'staff'), m.gender, v.count);
        collector.add(date ?? '', 'staff', m.gender, cell);
        basis.rest(s, 'staff', m.gender, [cell]);
        if (m.category && m.gender) {
          addCategory(s, m.category, m.gender, v.count);
          basis.rest(s, 'category', m.gender, [cell], undefined, m.category);
        }
        if (m.category && v.count > 0) {
          const base = { category: m.category, label: label ?? m.category, count: v.count, at: cell.at, ...(date ? { referenceDate: date } : {}), order: t.order };
          if (m.gender) model.records.headcount.push({ ...base, gender: m.gender, fixedTerm: v.fixedTerm });
          else model.records.ungendered.push({ figure: 'staff', ...base, ...(v.fixedTerm ? { fixedTerm: v.fixedTerm } : {}) });
        }
        continue;
      }
      const split = genderSplit(cell);
      if (!split || split.F < 0 || split.M < 0) {
        const why = splitGap(cell) ?? { reason: 'out-of-range' as const, at: cell.at };
        basis.gap(s, [{ q: 'staff' }, ...(m.category ? [{ q: 'category' as const, category: m.category }] : [])], undefined, why.reason, why.at);
        continue;
      }
      for (const g of ['F', 'M'] as const) {
        addTo(tallyOf(s, 'staff'), g, split[g]);
        collector.add(date ?? '', 'staff', g, cell);
        basis.rest(s, 'staff', g, [cell, split.parts[g]]);
        if (m.category) {
          addCategory(s, m.category, g, split[g]);
          basis.rest(s, 'category', g, [cell, split.parts[g]], undefined, m.category);
          const at = (g === 'F' ? split.atF : split.atM) ?? cell.at;
          if (split[g] > 0) model.records.headcount.push({ category: m.category, label: label ?? m.category, gender: g, count: split[g], fixedTerm: 0, at, ...(date ? { referenceDate: date } : {}), order: t.order });
        }
      }
      continue;
    }
    // a total is a sum of figures, unless it is the only figure of its «di cui» line (staff/lone-totals.ts)
    if (!cell.count || ((cell.row.totalLevel >= 0 || cell.col.totalLevel >= 0) && !t.loneTotals.has(cell))) continue;
    const m = combine([cell.row.meaning, cell.col.meaning, context]).meaning;
    const subset = cell.row.subset || cell.col.subset;
    const date = m.date ?? (m.year !== undefined && !m.movement && t.kind !== 'turnover' ? `${m.year}-12-31` : t.referenceDate);
    const s = summaryFor(date);
    const v = usableCount(cell);
    const g = m.gender;
    const fixedTerm = v ? (m.contract === 'fixed-term' ? v.count : v.fixedTerm) : 0;
    if (!v || v.count < 0 || fixedTerm < 0 || fixedTerm > v.count) {
      // n.d., unreadable, or impossible (reported by value-out-of-range): never counted, the figures it belongs to are not known
      basis.gap(s, gapTargets(m, subset, m.contract !== undefined), g, gapReason(cell) ?? 'out-of-range', cell.at);
      continue;
    }
    const tdKnown = m.contract !== undefined || (cell.count.kind === 'count' && cell.count.notation !== 'plain');
    const dateKey = date ?? '';
    const base = { at: cell.at, ...(date ? { referenceDate: date } : {}) };
    const written = v.count > 0; // an empty or zero cell adds nothing and makes no record
    if (m.movement) {
      const year = m.year ?? tableYear;
      if (year === undefined) continue;
      const entry = s.turnover.get(year) ?? {};
      s.turnover.set(year, entry);
      addTo((entry[m.movement] ??= emptyTally()), g, v.count);
      collector.add(dateKey, m.movement, g, cell, year);
      basis.rest(s, m.movement, g, [cell], year);
      if (g && written) model.records.turnover.push({ movement: m.movement, year, gender: g, count: v.count, fixedTerm, at: cell.at, order: t.order });
      continue;
    }
    if (m.smart === 'none') continue; // "non in lavoro agile": only its table's sums use it
    if (m.smart && !m.staff) {
      addTo(tallyOf(s, 'smart'), g, v.count);
      collector.add(dateKey, 'smart', g, cell);
      basis.rest(s, 'smart', g, [cell]);
      if (g && !subset && written) model.records.smartWorking.push({ mode: m.smart === 'full' ? 'full' : 'partial', gender: g, count: v.count, ...base, order: t.order });
      continue;
    }
    if (m.regime) {
      if (m.regime !== 'full-time') {
        addTo(tallyOf(s, 'partTime'), g, v.count);
        collector.add(dateKey, 'partTime', g, cell);
        basis.rest(s, 'partTime', g, [cell]);
      }
      if (!subset && hasFullTime) {
        addTo(tallyOf(s, 'staff'), g, v.count);
        collector.add(dateKey, 'staff', g, cell);
        basis.rest(s, 'staff', g, [cell]);
        if (tdKnown) {
          addTo(tallyOf(s, 'fixedTerm'), g, fixedTerm);
          collector.add(dateKey, 'fixedTerm', g, cell);
          basis.rest(s, 'fixedTerm', g, [cell]);
        }
      }
      if (g && !subset && written) model.records.workTime.push({ regime: m.regime, gender: g, count: v.count, fixedTerm, ...base, order: t.order });
      // «di cui part-time» without gender: recorded as it is, never split by guess
      if (!g && m.regime !== 'full-time' && written) model.records.ungendered.push({ figure: 'part-time', count: v.count, ...lineFacts(cell), ...(m.regime !== 'part-time' ? { regime: m.regime } : {}), ...base, order: t.order });
      continue;
    }
    if (subset) {
      if (m.contract === 'fixed-term') {
        addTo(tallyOf(s, 'fixedTerm'), g, v.count);
        collector.add(dateKey, 'fixedTerm', g, cell);
        basis.rest(s, 'fixedTerm', g, [cell]);
        if (!g && written) model.records.ungendered.push({ figure: 'fixed-term', count: v.count, ...lineFacts(cell), ...base, order: t.order });
      }
      continue;
    }
    if (fixedTermOnly) {
      addTo(tallyOf(s, 'fixedTerm'), g, v.count);
      collector.add(dateKey, 'fixedTerm', g, cell);
      basis.rest(s, 'fixedTerm', g, [cell]);
      if (!g && written) model.records.ungendered.push({ figure: 'fixed-term', count: v.count, ...lineFacts(cell), ...base, order: t.order });
      continue;
    }
    addTo(tallyOf(s, 'staff'), g, v.count);
    collector.add(dateKey, 'staff', g, cell);
    basis.rest(s, 'staff', g, [cell]);
    if (tdKnown) {
      addTo(tallyOf(s, 'fixedTerm'), g, fixedTerm);
      collector.add(dateKey, 'fixedTerm', g, cell);
      basis.rest(s, 'fixedTerm', g, [cell]);
    }
    if (m.category && g) {
      addCategory(s, m.category, g, v.count);
      basis.rest(s, 'category', g, [cell], undefined, m.category);
      const { label, structure } = lineFacts(cell);
      const age = m.age && m.age !== 'other' && (AGE_BANDS as readonly string[]).includes(m.age) ? (m.age as AgeBand) : undefined;
      if (written) model.records.headcount.push({ category: m.category, label: label ?? m.category, gender: g, count: v.count, fixedTerm, ...base, ...(age ? { ageBand: age } : {}), ...(structure ? { structure } : {}), order: t.order });
    } else if (m.category && written) {
      model.records.ungendered.push({ figure: 'staff', count: v.count, ...lineFacts(cell), ...(tdKnown ? { fixedTerm } : {}), ...base, order: t.order });
    }
  }

  const rank = hasStaffLine ? 0 : withCategory ? 2 : 1;
  const totals = statedTotals(t);
  for (const [dateKey, s] of byDate) {
    s.rank = rank;
    for (const q of ['staff', 'fixedTerm', 'partTime', 'smart'] as const) {
      const tally = s[q];
      if (!tally) continue;
      for (const who of ['F', 'M', 'total'] as const) {
        const at = placeOfFigure(t, totals, collector.get(dateKey, q, who === 'total' ? 'all' : who));
        if (at) tally.at[who] = at;
      }
    }
    for (const [year, entry] of s.turnover) {
      for (const mv of ['hire', 'termination'] as const) {
        const tally = entry[mv];
        if (!tally) continue;
        for (const who of ['F', 'M', 'total'] as const) {
          const at = placeOfFigure(t, totals, collector.get(dateKey, mv, who === 'total' ? 'all' : who, year));
          if (at) tally.at[who] = at;
        }
      }
    }
    basis.finish(s);
    model.summaries.push(s);
  }
}
