import { isDetail, wholeOfParts } from '../staff/axes';
import { StaffTable, cellKey } from '../staff/model';
import { partsOf, usableCount } from '../staff/sums';
import { AxisDim, AxisLine } from '../staff/types';
import { Rule } from './rule';

/**
 * Two rows of one table with DIFFERENT labels and the same figures: a probable copy-paste error in
 * the published table (the figures of one row pasted over the next). Labels say nothing here (the
 * pasted row keeps its own label), so the figures alone must show that the match is no chance.
 *
 * Which rows: two rows that count different people, so that equal figures are a coincidence: the
 * first label where they differ is a value of a dimension that splits the staff (two categories,
 * two genders, two structures, two regimes, age bands, contracts, tipologie). Two years (or dates)
 * of one table count the same people twice, and an office with no turnover has the same figures
 * every year; hires and terminations match when every leaver is replaced; rows whose labels name no
 * such dimension («Posti previsti» / «Posti coperti») may well count the same posts: none of them
 * is compared. Then only detail rows, the ones a table adds up (`isDetail`): a total or subtotal row, a
 * percentage row, a «di cui» row (a part of the row above it, equal to it when the whole row is in
 * that part) are left out, and so is a row whose labels are the outer labels of the other (a group
 * row, «Dirigenza», with its only member below it, «Dirigenza / Dirigente»). A row with figures equal
 * to another is not a copy when the table's own «Totale» adds up without it: it is then a subtotal
 * of its only part, not a second count.
 *
 * Which figures: every count cell of the row but the totals (they follow from the others) and the
 * percentages; all must be equal, blanks and zeros included.
 *
 * How many: two rows agree by chance on zeros (sparse tables) and on ones (a category of one person
 * falls in one age band of the CUG table 1.1 as often as another does), so only figures of at least
 * 2 people are evidence. A count v of one row matches the same cell of an unrelated row with a
 * chance of at most about 1 in v + 1 (an unrelated count near v takes at least v + 1 values), so
 * the chance that the whole row matches is at most the product of 1 / (v + 1) over those figures.
 * The rule fires when that bound is below 1 in 10.000 (a table of 20 rows has 190 pairs of rows: a
 * chance match stays under one table in fifty even if every pair were at the bound) and the figures
 * are at least three ("many non-zero cells": two rows agreeing on two figures, even large ones, is
 * a Donne | Uomini table where the rule stays silent). Examples: 9 | 9 | 9 (1 in 1.000) and
 * 12 | 8 | 5 | 3 (1 in 2.808) are silent; 20 | 15 | 10 | 3 (1 in 14.784) and 40 | 35 | 12 (1 in 19.188)
 * fire; a row of ones and zeros never fires.
 */
/** The dimensions whose values count different people (see above). */
const PARTITIONS: ReadonlySet<AxisDim> = new Set<AxisDim>(['gender', 'category', 'tipologia', 'structure', 'regime', 'smart', 'age', 'contract']);
const MIN_EVIDENCE = 3;
const MIN_EVIDENCE_COUNT = 2;
const CHANCE_BOUND = 1 / 10_000;

/** The columns whose figures are compared: counts, not totals nor percentages (the whole of a «Totale | di cui» table is a figure). */
function figureColumns(t: StaffTable): AxisLine[] {
  const columns = t.table.staff.columns;
  const whole = wholeOfParts(columns);
  return columns.filter((c) => !c.percent && !c.remarks && !c.meaning.change && (c.totalLevel < 0 || c === whole));
}

/** The figures of a row as a key (undefined when a cell is not a count: «n.d.», unreadable), with the evidence they carry. */
function rowFigures(t: StaffTable, r: AxisLine, cols: AxisLine[]): { key: string; evidence: number[]; nonZero: number } | undefined {
  const parts: string[] = [];
  const evidence: number[] = [];
  let nonZero = 0;
  for (const c of cols) {
    const cell = t.byPosition.get(cellKey(r.index, c.index));
    if (!cell) {
      parts.push('');
      continue;
    }
    const v = usableCount(cell);
    if (!v) return undefined;
    parts.push(`${v.count}+${v.fixedTerm}`);
    if (v.count >= MIN_EVIDENCE_COUNT) evidence.push(v.count);
    if (v.count !== 0) nonZero++;
  }
  return { key: parts.join('\u0000'), evidence, nonZero };
}

/** Too many equal figures for a chance match (see above). */
function beyondChance(evidence: number[]): boolean {
  if (evidence.length < MIN_EVIDENCE) return false;
  return evidence.reduce((p, v) => p / (v + 1), 1) < CHANCE_BOUND;
}

/** The first label where two rows differ is a value of a dimension that splits the staff. */
function countDifferentPeople(t: StaffTable, a: AxisLine, b: AxisLine): boolean {
  const level = a.keys.findIndex((k, i) => k !== b.keys[i]);
  return level >= 0 && PARTITIONS.has(t.table.staff.rowDims[level]);
}

/** One row's labels are the outer labels of the other's: a group and its member. */
function groupOf(a: AxisLine, b: AxisLine): boolean {
  const filled = (l: AxisLine) => l.keys.filter(Boolean).length;
  const [outer, inner] = filled(a) <= filled(b) ? [a, b] : [b, a];
  return filled(outer) < filled(inner) && outer.keys.every((k, i) => !k || k === inner.keys[i]);
}

/**
 * The table's «Totale» rows (whole-table totals) add up, on every figure column, without `left` and
 * with every other detail row: `left` is then not counted by the table itself (a subtotal).
 */
function totalsAddUpWithout(t: StaffTable, left: AxisLine, cols: AxisLine[]): boolean {
  const { rows } = t.table.staff;
  const totals = rows.filter((r) => r.totalLevel === 0 && !r.percent && !r.meaning.change);
  if (totals.length === 0) return false;
  return totals.every((total) => {
    const parts = partsOf(total, rows).filter((r) => r !== left);
    return cols.every((c) => {
      const stated = usableCount(t.byPosition.get(cellKey(total.index, c.index)));
      if (!stated) return false;
      let sum = 0;
      for (const p of parts) {
        const v = usableCount(t.byPosition.get(cellKey(p.index, c.index)));
        if (!v) return false;
        sum += v.count;
      }
      return sum === stated.count;
    });
  });
}

export const duplicateRow: Rule = {
  id: 'duplicate-row',
  title: 'Riga ripetuta',
  severity: 'warning',
  docs: {
    it: 'Una riga ripete un’altra riga della stessa tabella: stessa etichetta e stessi valori (probabile doppio conteggio), o etichetta diversa e gli stessi valori in molte celle non nulle (probabile errore di copia e incolla).',
    en: 'A row repeats another row of the same table: same label and figures (likely double counting), or another label with the same figures in many non-zero cells (likely copy-paste error).',
  },
  messages: {
    table: 'La riga «{label}» ripete la riga {first} con gli stessi valori: probabile doppio conteggio (è stata contata due volte, come scritta).',
    copy: 'I valori della riga «{label}» ripetono uno per uno quelli della riga «{firstLabel}» (riga {first}), in {figures} celle non nulle: probabile errore di copia e incolla nella tabella pubblicata. Controllare i dati della riga con la fonte.',
    register: 'La riga {row} del registro ripete esattamente la riga {first}: probabile doppio inserimento, contata una volta sola.',
  },
  check(ctx) {
    for (const t of ctx.model.staff.tables) {
      const seen = new Map<string, { row: number; at: NonNullable<(typeof t.table.staff.rows)[number]['at']> }>();
      const columns = t.table.staff.columns;
      const labelOf = (r: AxisLine) => r.labels.filter(Boolean).join(' / ');
      for (const r of t.table.staff.rows) {
        if (r.totalLevel >= 0 || r.percent || !r.at || !r.keys.some(Boolean)) continue;
        const figures = columns.map((c) => {
          const cell = t.byPosition.get(`${r.index}:${c.index}`);
          const v = usableCount(cell);
          return v ? `${v.count}+${v.fixedTerm}` : (cell?.text ?? '');
        });
        const key = `${r.keys.join('\u0000')}\u0001${figures.join('\u0000')}`;
        const first = seen.get(key);
        if (first) ctx.report({ at: r.at, messageId: 'table', data: { label: labelOf(r), first: first.row + 1 }, related: [first.at] });
        else seen.set(key, { row: r.index, at: r.at });
      }

      // other labels, the same figures: a row pasted over another
      const cols = figureColumns(t);
      const byFigures = new Map<string, AxisLine[]>();
      for (const r of t.table.staff.rows) {
        if (!isDetail(r) || !r.at || !r.keys.some(Boolean)) continue;
        const f = rowFigures(t, r, cols);
        if (!f || !beyondChance(f.evidence)) continue;
        const earlier = byFigures.get(f.key) ?? [];
        const first = earlier.find((e) => e.keys.join('\u0000') !== r.keys.join('\u0000') && countDifferentPeople(t, e, r) && !groupOf(e, r));
        earlier.push(r);
        byFigures.set(f.key, earlier);
        if (!first || totalsAddUpWithout(t, first, cols) || totalsAddUpWithout(t, r, cols)) continue;
        ctx.report({ at: r.at, messageId: 'copy', data: { label: labelOf(r), firstLabel: labelOf(first), first: first.index + 1, figures: f.nonZero }, related: [first.at!] });
      }
    }
    for (const d of ctx.model.staff.registerDuplicates) {
      ctx.report({ at: d.at, messageId: 'register', data: { row: d.at.cell.replace(/^[A-Z]+/, ''), first: d.first.cell.replace(/^[A-Z]+/, '') }, related: [d.first] });
    }
  },
};
