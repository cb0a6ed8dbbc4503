import { Place } from '../schema/dossier';
import { fractionOf, lineScale } from '../normalise/shares';
import { isDetail } from './axes';
import { LabelMeaning } from './labels';
import { PercentageCheck, StaffCell, StaffTable } from './model';
import { partsOf, sumCells } from './sums';
import { append } from '../grid/spread';
import { AxisLine } from './types';

/** Places of cells, contiguous cells of one row (or one column) joined into a range. */
export function compressPlaces(cells: StaffCell[]): Place[] {
  const byRow = new Map<number, StaffCell[]>();
  for (const c of cells) {
    const list = byRow.get(c.row.index);
    if (list) list.push(c);
    else byRow.set(c.row.index, [c]);
  }
  const runs: { first: StaffCell; last: StaffCell }[] = [];
  for (const list of byRow.values()) {
    list.sort((a, b) => a.col.index - b.col.index);
    let run = { first: list[0], last: list[0] };
    for (const c of list.slice(1)) {
      if (c.col.index === run.last.col.index + 1) run.last = c;
      else {
        runs.push(run);
        run = { first: c, last: c };
      }
    }
    runs.push(run);
  }
  // single cells stacked in one column become a vertical range
  if (runs.length > 1 && runs.every((r) => r.first === r.last && r.first.col.index === runs[0].first.col.index)) {
    const sorted = runs.map((r) => r.first).sort((a, b) => a.row.index - b.row.index);
    if (sorted.every((c, i) => i === 0 || c.row.index === sorted[i - 1].row.index + 1)) {
      return [{ ...sorted[0].at, cell: `${sorted[0].at.cell.split(':')[0]}:${sorted[sorted.length - 1].at.cell.split(':')[0]}` }];
    }
  }
  return runs.map((r) => (r.first === r.last ? r.first.at : { ...r.first.at, cell: `${r.first.at.cell.split(':')[0]}:${r.last.at.cell.split(':')[0]}` }));
}

/** Does a line carry the value a percentage's label names ("% donne" -> a "Donne" line)? */
function carries(line: AxisLine, p: LabelMeaning): boolean {
  const m = line.meaning;
  if (p.gender && m.gender !== p.gender) return false;
  if (p.smart && !(m.smart && m.smart !== 'none' && (p.smart === 'any' || m.smart === p.smart))) return false;
  if (p.regime && !(m.regime && (p.regime === 'part-time' ? m.regime !== 'full-time' : m.regime === p.regime))) return false;
  if (p.contract && m.contract !== p.contract) return false;
  if (p.movement && m.movement !== p.movement) return false;
  if (p.category && m.category !== p.category) return false;
  return true;
}

function namesValue(p: LabelMeaning): boolean {
  return Boolean(p.gender || p.smart || p.regime || p.contract || p.movement || p.category);
}

function sameLines(a: AxisLine[], b: AxisLine[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * The figure at the crossing of a row and a column line as the sheet states it (a stated total
 * is read as written, as the author who computed the percentage read it), else the sum of its parts.
 */
function figure(t: StaffTable, row: AxisLine, col: AxisLine): { count: number; cells: StaffCell[] } | undefined {
  const cell = t.byPosition.get(`${row.index}:${col.index}`);
  const isTotal = row.totalLevel >= 0 || col.totalLevel >= 0;
  if (cell?.count && (cell.count.kind === 'count' || (cell.count.kind === 'empty' && !isTotal))) {
    return { count: cell.count.kind === 'count' ? cell.count.count : 0, cells: [cell] };
  }
  if (!isTotal) return undefined;
  const sum = sumCells(t, partsOf(row, t.table.staff.rows), partsOf(col, t.table.staff.columns));
  return sum ? { count: sum.count, cells: sum.cells } : undefined;
}

/** Sums figures over lines of one axis crossing lines of the other. */
function figures(t: StaffTable, rowLines: AxisLine[], colLines: AxisLine[]): { count: number; cells: StaffCell[] } | undefined {
  let count = 0;
  const cells: StaffCell[] = [];
  for (const r of rowLines) {
    for (const c of colLines) {
      const f = figure(t, r, c);
      if (!f) return undefined;
      count += f.count;
      append(cells, f.cells);
    }
  }
  return { count, cells };
}

/** The line of `lines` that totals all the others (level 0), when the sheet has one. */
function grandLine(lines: AxisLine[]): AxisLine | undefined {
  return lines.find((l) => l.totalLevel === 0 && !l.percent);
}

/**
 * The shares a percentage line may stand for. `across` are the lines the percentage line sits
 * among (columns for a percentage column), `along` the other axis; `other` is the line of the cell.
 */
function siblingsOf(pct: AxisLine, across: AxisLine[]): AxisLine[] {
  const level = pct.keys.findIndex(Boolean);
  const prefix = pct.keys.slice(0, Math.max(level, 0));
  return across.filter((l) => l !== pct && !l.percent && !l.meaning.change && l.keys.slice(0, prefix.length).every((k, i) => k === prefix[i]));
}

/** The lines a percentage is a share of: the ones its label names ("% donne"), else the nearest before it. */
function numeratorLines(pct: AxisLine, siblings: AxisLine[]): AxisLine[] {
  if (namesValue(pct.meaning)) {
    const named = siblings.filter((l) => l.totalLevel < 0 && carries(l, pct.meaning));
    return named.length ? named : siblings.filter((l) => carries(l, pct.meaning));
  }
  const before = siblings.filter((l) => l.index < pct.index).sort((a, b) => b.index - a.index)[0];
  return before ? [before] : [];
}

function numeratorOf(t: StaffTable, pct: AxisLine, other: AxisLine, across: AxisLine[], pctIsColumn: boolean): { count: number; cells: StaffCell[] } | undefined {
  const lines = numeratorLines(pct, siblingsOf(pct, across));
  if (!lines.length) return undefined;
  return pctIsColumn ? figures(t, [other], lines) : figures(t, lines, [other]);
}

type Figure = { count: number; cells: StaffCell[] };
type Candidates = PercentageCheck['candidates'];

/** The cells a candidate share was computed from, each once: its numerator's, then its denominator's. */
export function shareCells(c: Candidates[number]): StaffCell[] {
  const seen = new Set(c.numeratorCells);
  return [...c.numeratorCells, ...c.denominatorCells.filter((x) => !seen.has(x))];
}

/**
 * The shares the cells of one percentage line may stand for, as a function of the line they cross
 * (`other`). What does not depend on that line (its siblings and numerator lines, the column and
 * grand denominators) is worked out once for the whole line: a long table would otherwise add up
 * every row again for each of its rows.
 */
function candidatesAlong(t: StaffTable, pct: AxisLine, across: AxisLine[], along: AxisLine[], pctIsColumn: boolean): (other: AxisLine) => Candidates {
  const siblings = siblingsOf(pct, across);
  const numerator = numeratorLines(pct, siblings);
  if (numerator.length === 0) return () => [];
  const at = (acrossLines: AxisLine[], alongLines: AxisLine[]) => (pctIsColumn ? figures(t, alongLines, acrossLines) : figures(t, acrossLines, alongLines));

  const detailSiblings = siblings.filter(isDetail);
  const allDetail = across.filter(isDetail);
  const detailAlong = along.filter(isDetail);
  const alongTotal = grandLine(along);
  const acrossTotal = grandLine(across);
  const numeratorParts = numerator.flatMap((l) => partsOf(l, across));
  const staffLine = siblings.find((l) => l.meaning.staff && l.totalLevel < 0);
  const wholeAlong = alongTotal ? [alongTotal] : detailAlong;
  const wholeAcross = acrossTotal ? [acrossTotal] : allDetail;
  const numeratorIsRow = sameLines(numeratorParts, detailSiblings);
  const numeratorIsAll = sameLines(numeratorParts, allDetail);
  type Option = { lines: AxisLine[]; alongLines: AxisLine[]; den: () => Figure | undefined };
  const option = (lines: AxisLine[], alongLines: AxisLine[], den = () => at(lines, alongLines)): Option => ({ lines, alongLines, den });
  // the same for every cell of the line: added up once, when first needed
  const once = (lines: AxisLine[], alongLines: AxisLine[]): Option => {
    let known: { figure: Figure | undefined } | undefined;
    return option(lines, alongLines, () => (known ??= { figure: at(lines, alongLines) }).figure);
  };
  const column = once(numerator, wholeAlong);
  const grand = once(wholeAcross, wholeAlong);

  return (other) => {
    const num = at(numerator, [other]);
    if (!num) return [];
    const beside = staffLine ? option([staffLine], [other]) : undefined;
    const row = numeratorIsRow ? undefined : option(detailSiblings, [other]);
    const rowAll = numeratorIsAll ? undefined : option(wholeAcross, [other]);
    const otherIsWhole = other === alongTotal || sameLines(partsOf(other, along), detailAlong);
    const ofColumn = otherIsWhole ? undefined : column;
    const ordered = pct.meaning.overall ? [grand, rowAll, beside, row, ofColumn] : beside ? [beside, row, rowAll, ofColumn, grand] : [row, rowAll, ofColumn, grand];
    const out: Candidates = [];
    for (const o of ordered) {
      if (!o || o.lines.length === 0 || o.alongLines.length === 0) continue;
      const den = o.den();
      if (!den || den.count <= 0) continue;
      const value = num.count / den.count;
      if (out.some((c) => Math.abs(c.value - value) < 1e-9)) continue;
      out.push({ value, numerator: num.count, denominator: den.count, numeratorCells: num.cells, denominatorCells: den.cells });
    }
    return out;
  };
}

/** Every stated percentage of a table with the shares computed from its counts. */
export function checkPercentages(t: StaffTable): PercentageCheck[] {
  const { rows, columns } = t.table.staff;
  const checks: PercentageCheck[] = [];
  const lines = [...columns.filter((c) => c.percent).map((c) => ({ line: c, isColumn: true })), ...rows.filter((r) => r.percent).map((r) => ({ line: r, isColumn: false }))];
  for (const { line, isColumn } of lines) {
    const found: { cell: StaffCell; value: number; explicit: boolean; candidates: PercentageCheck['candidates']; overStaff?: PercentageCheck['overStaff'] }[] = [];
    const outside = line.meaning.overall && t.kind !== 'headcount' && ![...rows, ...columns].some((l) => l.meaning.staff && l.totalLevel < 0 && !l.percent);
    const candidatesFor = isColumn ? candidatesAlong(t, line, columns, rows, true) : candidatesAlong(t, line, rows, columns, false);
    for (const other of isColumn ? rows : columns) {
      if (other.percent) continue;
      const cell = t.byPosition.get(isColumn ? `${other.index}:${line.index}` : `${line.index}:${other.index}`);
      if (!cell?.share || cell.share.kind !== 'share') continue;
      if (outside) {
        // "% sul personale" of smart workers: the staff is in another table of the same date
        const num = numeratorOf(t, line, other, isColumn ? columns : rows, isColumn);
        if (!num) continue;
        const who = other.totalLevel >= 0 || !other.meaning.gender ? 'total' : other.meaning.gender;
        const date = other.meaning.year !== undefined && t.kind !== 'turnover' ? (other.meaning.date ?? `${other.meaning.year}-12-31`) : t.referenceDate;
        found.push({ cell, value: cell.share.value, explicit: cell.share.explicit, candidates: [], overStaff: { numerator: num.count, who, ...(date ? { date } : {}), related: compressPlaces(num.cells) } });
        continue;
      }
      const candidates = candidatesFor(other);
      found.push({ cell, value: cell.share.value, explicit: cell.share.explicit, candidates });
    }
    const scale = lineScale(found.map((f) => ({ value: f.value, explicit: f.explicit, expected: f.candidates.map((c) => c.value) })));
    for (const f of found) {
      const check: PercentageCheck = { cell: f.cell, stated: fractionOf(f, scale), candidates: f.candidates };
      if (f.overStaff) check.overStaff = f.overStaff;
      checks.push(check);
    }
  }
  return checks;
}
