import { StaffCell, cellKey } from './model';
import { partsOf } from './sums';
import { AxisLine } from './types';

/** A total line of the whole axis ("Totale"), not the total of one gender, regime or contract. */
function isPlainTotal(l: AxisLine): boolean {
  const m = l.meaning;
  return l.totalLevel === 0 && !l.percent && !m.change && !m.gender && !m.regime && !m.smart && !m.contract;
}

/**
 * Total cells that are the only figure of their line: a «di cui» line («di cui a tempo parziale»,
 * «di cui T.D.») whose cells under the parts of a «Totale» (Donne, Uomini; the categories) are all
 * left blank, and whose «Totale» holds a count. The table gives that part of the staff without its
 * split: the total is the figure (without gender when the parts were the genders), never a sum to
 * check against blanks. A «-» is a written zero, not a blank: «- | - | 7» stays a sum that does not
 * add up.
 */
export function loneTotals(rows: AxisLine[], columns: AxisLine[], byPosition: ReadonlyMap<string, StaffCell>): Set<StaffCell> {
  const out = new Set<StaffCell>();
  for (const [lines, across, isRow] of [
    [rows, columns, true],
    [columns, rows, false],
  ] as const) {
    const at = (line: AxisLine, cross: AxisLine) => byPosition.get(isRow ? cellKey(line.index, cross.index) : cellKey(cross.index, line.index));
    for (const line of lines) {
      if (!line.subset || line.percent || line.meaning.change || line.totalLevel >= 0) continue;
      for (const total of across.filter(isPlainTotal)) {
        const cell = at(line, total);
        if (cell?.count?.kind !== 'count' || cell.count.count <= 0) continue;
        const parts = partsOf(total, across).map((p) => at(line, p));
        if (parts.length === 0 || !parts.every((p) => p?.count?.kind === 'empty' && p.text.trim() === '')) continue;
        out.add(cell);
        break; // one figure per line: a second «Totale» repeats it
      }
    }
  }
  return out;
}
