import { Grid } from '../grid/grid';
import { placeOf } from '../model';
import { readCount } from '../normalise/counts';
import { combine, isDetail, keyOf, settleLevel } from './axes';
import { LabelMeaning, classifyLabel } from './labels';
import { AxisDim, AxisLine } from './types';

/** The rows and columns of a staff table as lines: labels level by level, what they mean, totals found by arithmetic. */

export function columnLines(grid: Grid, headerRows: number[], cols: number[], labelMax: number): AxisLine[] {
  const lowest = headerRows[headerRows.length - 1];
  return cols.map((c) => {
    const labels: string[] = [];
    const meanings: (LabelMeaning | undefined)[] = [];
    let atRow = -1;
    let atCol = c;
    headerRows.forEach((h, i) => {
      // a header cell merged down over the header rows is one label, at its top level only
      const merge = grid.mergeAt(h, c);
      const fromAbove = merge !== undefined && merge.top < h && headerRows.includes(merge.top);
      let text = fromAbove ? '' : grid.shownText(h, c);
      let value = fromAbove ? null : grid.shownValue(h, c);
      let from = c;
      if (!text && i < headerRows.length - 1 && !grid.mergeAt(h, c) && grid.shownText(lowest, c)) {
        // a group label written once over its columns ("Uomini" over the age bands)
        for (let x = c - 1; x > labelMax; x--) {
          if (!grid.shownText(h, x)) continue;
          if (grid.shownText(lowest, x)) {
            text = grid.shownText(h, x);
            value = grid.shownValue(h, x);
            from = x;
          }
          break;
        }
      }
      labels.push(text);
      meanings.push(text ? classifyLabel(value, text) : undefined);
      if (text) {
        atRow = h;
        atCol = from;
      }
    });
    const { meaning, totalLevel } = combine(meanings);
    return {
      index: c,
      keys: labels.map(keyOf),
      labels,
      meaning,
      totalLevel,
      percent: Boolean(meaning.percent),
      subset: false,
      at: atRow >= 0 ? placeOf(grid, atRow, atCol) : undefined,
      levels: meanings,
    } as AxisLine;
  });
}

export function rowLines(grid: Grid, rows: number[], labelCols: number[]): AxisLine[] {
  const out: AxisLine[] = [];
  let prev: { labels: string[]; values: unknown[]; totalLevel: number } | undefined;
  for (const r of rows) {
    const labels: string[] = [];
    const values: unknown[] = [];
    const carried: boolean[] = [];
    let atCol = -1;
    labelCols.forEach((lc, i) => {
      let text = grid.shownText(r, lc);
      let value: unknown = grid.shownValue(r, lc);
      if (text) atCol = lc;
      carried.push(false);
      // an outer label left blank below its first row (or merged down) holds for the rows below
      if (!text && i < labelCols.length - 1 && prev && prev.labels[i] && (prev.totalLevel < 0 || prev.totalLevel > i)) {
        text = prev.labels[i];
        value = prev.values[i];
        carried[i] = true;
      }
      labels.push(text);
      values.push(value);
    });
    const meanings = labels.map((t, i) => (t ? classifyLabel(values[i] as never, t) : undefined));
    const { meaning, totalLevel } = combine(meanings);
    out.push({
      index: r,
      keys: labels.map(keyOf),
      labels,
      meaning,
      totalLevel,
      percent: Boolean(meaning.percent),
      subset: false,
      at: atCol >= 0 ? placeOf(grid, r, atCol) : undefined,
      levels: meanings,
      ...(carried.some(Boolean) ? { carried } : {}),
    });
    prev = { labels, values, totalLevel };
  }
  return out;
}

/** Re-reads the meanings of every line once the dimension of each level is settled. */
export function settle(lines: AxisLine[], dims: AxisDim[]): void {
  dims.forEach((dim, level) => {
    settleLevel(
      lines.map((l) => l.levels[level]),
      dim,
      lines.map((l) => l.labels[level]),
    );
  });
  for (const l of lines) {
    const { meaning, totalLevel } = combine(l.levels);
    l.meaning = meaning;
    l.totalLevel = totalLevel;
    l.percent = Boolean(meaning.percent);
  }
}

function countAt(grid: Grid, row: number, col: number): { count: number; fixedTerm: number } | undefined {
  const r = readCount(grid.value(row, col), grid.text(row, col));
  if (r.kind === 'count') return { count: r.count, fixedTerm: r.fixedTerm };
  if (r.kind === 'empty') return { count: 0, fixedTerm: 0 };
  return undefined;
}

/**
 * Whether the figures of `whole` are, along every line of `across`, the sum of those of `parts`
 * (at least two parts, and at least two sums that are not zero). `cell` places a line's figure on a
 * line across it: (row, column).
 */
function addsUp(grid: Grid, whole: AxisLine, parts: AxisLine[], across: AxisLine[], cell: (line: AxisLine, cross: AxisLine) => [number, number]): boolean {
  if (parts.length < 2) return false;
  let nonZero = 0;
  for (const x of across) {
    const total = countAt(grid, ...cell(whole, x));
    if (!total) return false;
    let sum = 0;
    for (const p of parts) {
      const v = countAt(grid, ...cell(p, x));
      if (!v) return false;
      sum += v.count;
    }
    if (sum !== total.count) return false;
    if (sum > 0) nonZero++;
  }
  return nonZero >= 2;
}

/** A column with no header whose every figure is the sum of the detail figures of its row: a total. */
export function isArithmeticTotalColumn(grid: Grid, col: AxisLine, columns: AxisLine[], rows: AxisLine[]): boolean {
  const parts = columns.filter((c) => c !== col && isDetail(c) && c.keys.some(Boolean));
  return addsUp(grid, col, parts, rows.filter((r) => !r.percent), (c, r) => [r.index, c.index]);
}

/** A row whose every labelled figure is the sum of the detail rows above it: a total. */
export function isArithmeticTotalRow(grid: Grid, row: AxisLine, rows: AxisLine[], columns: AxisLine[]): boolean {
  const above = rows.filter((r) => r.index < row.index && isDetail(r));
  return addsUp(grid, row, above, columns.filter((c) => !c.percent && c.keys.some(Boolean)), (r, c) => [r.index, c.index]);
}


/** "Totale generale", "Totale complessivo", "Totale ente": a total of the whole table whatever its label column. */
const GRAND = /\b(general[ei]|complessiv[oi]|ente|dell ente)\b/;

/**
 * A total row written in an inner label column with its outer labels left blank is, by the blank
 * convention, a subtotal of the group above ("Totale categoria D"); it is the grand total when its
 * label says so ("TOTALE GENERALE") or when its figures add up every detail row of the table and
 * not only its group's. Its carried outer labels are then dropped.
 */
export function settleCarriedTotals(grid: Grid, rows: AxisLine[], columns: AxisLine[]): void {
  for (const row of rows) {
    const t = row.totalLevel;
    if (t <= 0 || !row.carried || !row.carried.slice(0, t).every(Boolean)) continue;
    const grand = GRAND.test(row.keys[t]) || (isArithmeticTotalRow(grid, row, rows, columns) && !isGroupTotal(grid, row, rows, columns));
    if (!grand) continue;
    for (let i = 0; i < t; i++) {
      row.keys[i] = '';
      row.labels[i] = '';
      row.levels[i] = undefined;
    }
    const { meaning, totalLevel } = combine(row.levels);
    row.meaning = meaning;
    row.totalLevel = totalLevel;
    row.carried = undefined;
  }
}

function isGroupTotal(grid: Grid, row: AxisLine, rows: AxisLine[], columns: AxisLine[]): boolean {
  const group = rows.filter((r) => r.index < row.index && isDetail(r) && r.keys.slice(0, row.totalLevel).every((k, i) => k === row.keys[i]));
  return isArithmeticTotalRow(grid, row, group, columns);
}
