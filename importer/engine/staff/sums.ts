import { isDetail } from './axes';
import { StaffCell, StaffTable, cellKey } from './model';
import { AxisLine } from './types';

/**
 * The detail lines a total line adds up (itself when it is not a total). A total sums over the
 * dimension of its own level only: the labels it shares above that level ("Uomini / Totale") and
 * the ones it still names below it ("Totale / F" adds the F columns of every category) hold.
 */
export function partsOf(line: AxisLine, lines: AxisLine[]): AxisLine[] {
  if (line.totalLevel < 0) return [line];
  const stop = line.totalLevel;
  const inner = line.keys.map((k, i) => (i > stop && k && !line.levels[i]?.total ? k : undefined));
  return lines.filter((l) => isDetail(l) && l.keys.slice(0, stop).every((k, i) => k === line.keys[i]) && inner.every((k, i) => k === undefined || l.keys[i] === k));
}

/** Count of a cell for sums: undefined when it cannot be used (n.d., unreadable). */
export function usableCount(c: StaffCell | undefined): { count: number; fixedTerm: number } | undefined {
  if (!c?.count) return undefined;
  if (c.count.kind === 'count') return { count: c.count.count, fixedTerm: c.count.fixedTerm };
  if (c.count.kind === 'empty') return { count: 0, fixedTerm: 0 };
  return undefined;
}

/** Sums the cells at the crossing of row and column lines; undefined when one cannot be used. */
export function sumCells(t: StaffTable, rows: AxisLine[], cols: AxisLine[]): { count: number; fixedTerm: number; cells: StaffCell[] } | undefined {
  let count = 0;
  let fixedTerm = 0;
  const cells: StaffCell[] = [];
  for (const r of rows) {
    for (const c of cols) {
      const cell = t.byPosition.get(cellKey(r.index, c.index));
      if (!cell) continue;
      const v = usableCount(cell);
      if (!v) return undefined;
      count += v.count;
      fixedTerm += v.fixedTerm;
      cells.push(cell);
    }
  }
  return { count, fixedTerm, cells };
}
