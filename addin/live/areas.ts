/**
 * Which cells a live re-check reads after an edit: the tables the edit touches (as the last check
 * found them), with a row or two above for their title (it may give the date) and room below and
 * to the right for rows and columns being added; the whole sheet when the edit is outside every
 * known table (a new table may be starting there) or moved the sheet's cells. Pure, so it is tested on its own.
 */
import { CellRange, parseRange, rangeContains, rangesOverlap as overlaps, rangeUnion as union } from '../../importer/engine/grid/address';
import type { Edit } from './scheduler';

/** Rows above a table read with it: its title and caption. */
export const TITLE_ROWS = 2;
/** Rows below a table that still count as that table (a row being added). */
export const GROWTH_ROWS = 5;


export interface RecheckArea {
  /** What to read. */
  read: CellRange;
  /** Where findings are replaced by the new ones (the table and its growth room, not the title rows). */
  owns: CellRange;
}

export type SheetRecheck = { whole: true } | { whole: false; areas: RecheckArea[] };

const sameColumns = (a: CellRange, b: CellRange) => !(a.right < b.left || a.left > b.right);

/**
 * The table's range (A1, as SheetInfo gives it) with growth room below and to the right, and the
 * rows read above it for its title: never into another table above or below (or its title), so a
 * stacked table is not read in part.
 */
function room(t: CellRange, all: readonly CellRange[]): { grown: CellRange; top: number } {
  let bottom = t.bottom + GROWTH_ROWS;
  let top = Math.max(0, t.top - TITLE_ROWS);
  for (const o of all) {
    if (o === t || !sameColumns(o, t)) continue;
    if (o.top > t.bottom) bottom = Math.min(bottom, Math.max(t.bottom, o.top - 1 - TITLE_ROWS));
    if (o.bottom < t.top) top = Math.max(top, o.bottom + 1);
  }
  return { grown: { top: t.top, left: t.left, bottom, right: t.right + 1 }, top };
}

/** What to re-read on one sheet for a list of edited ranges. */
export function recheckAreas(tables: readonly string[], edits: readonly Edit[]): SheetRecheck {
  if (edits.includes('whole-sheet')) return { whole: true };
  const known = tables.map((t) => parseRange(t));
  const rooms = known.map((t) => room(t, known));
  const out: RecheckArea[] = [];
  for (const edit of edits as readonly CellRange[]) {
    const hit = rooms.filter((r) => overlaps(r.grown, edit));
    if (hit.length === 0) return { whole: true };
    for (const r of hit) {
      const owns = union(r.grown, edit);
      const read = { ...owns, top: Math.min(owns.top, r.top) };
      out.push({ read, owns });
    }
  }
  // areas that overlap are read once
  const merged: RecheckArea[] = [];
  for (const a of out) {
    const same = merged.find((m) => overlaps(m.read, a.read));
    if (same) {
      same.read = union(same.read, a.read);
      same.owns = union(same.owns, a.owns);
    } else merged.push({ ...a });
  }
  return { whole: false, areas: merged };
}

/** True when a cell or range (A1) lies within one of the areas. */
export function within(cell: string, areas: readonly CellRange[]): boolean {
  const r = parseRange(cell.split(':')[0]);
  return areas.some((a) => rangeContains(a, r.top, r.left));
}
