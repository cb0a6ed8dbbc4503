import { CellRange, a1, parseRange, rangesOverlap } from '../../importer/engine/grid/address';
import { Grid } from '../../importer/engine/grid/grid';
import { Finding, Severity } from '../../importer/engine/schema/dossier';
import { cellCount } from '../sheet/address';
import { SEVERITY_RANK, noteLine } from './look';
import { cellKey } from './records';

/** How one cell is to be flagged: fill by its worst severity; the note only on a finding's first cell. */
export interface CellMark {
  sheet: string;
  cell: string;
  severity: Severity;
  /** The note's lines, on the top-left cell of each finding's area. */
  lines?: string[];
}

/** A finding's range grown to cover every merged area it touches, so the whole merged cell is coloured. */
export function growOverMerges(grid: Grid | undefined, range: CellRange): CellRange {
  if (!grid || grid.merges.length === 0) return range;
  let r = range;
  for (;;) {
    let { top, left, bottom, right } = r;
    for (const m of grid.merges) {
      if (!rangesOverlap(m, r)) continue;
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    if (top === r.top && left === r.left && bottom === r.bottom && right === r.right) return r;
    r = { top, left, bottom, right };
  }
}

/**
 * The cells to flag for a list of findings. A finding on a range colours the range (a very large
 * one, above `maxCellsPerFinding`, only its first cell); each finding's message goes in the note of
 * its first cell. `grids` gives the merged areas, by sheet name.
 */
export function marksFromFindings(findings: readonly Finding[], grids: ReadonlyMap<string, Grid>, maxCellsPerFinding = 1000): CellMark[] {
  const marks = new Map<string, CellMark>();
  const ordered = [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  for (const f of ordered) {
    const grid = grids.get(f.sheet);
    if (!grid) continue;
    let range: CellRange;
    try {
      range = parseRange(f.cell);
    } catch {
      continue;
    }
    if (cellCount(range) > maxCellsPerFinding) range = { top: range.top, left: range.left, bottom: range.top, right: range.left };
    const area = growOverMerges(grid, range);
    const capped = cellCount(area) > maxCellsPerFinding ? { top: area.top, left: area.left, bottom: area.top, right: area.left } : area;
    for (let r = capped.top; r <= capped.bottom; r++) {
      for (let c = capped.left; c <= capped.right; c++) {
        const cell = a1(r, c);
        const key = cellKey(f.sheet, cell);
        const mark = marks.get(key) ?? { sheet: f.sheet, cell, severity: f.severity };
        if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[mark.severity]) mark.severity = f.severity;
        if (r === capped.top && c === capped.left) {
          const line = noteLine(f.severity, f.message, f.rule);
          mark.lines = mark.lines ?? [];
          if (!mark.lines.includes(line)) mark.lines.push(line);
        }
        marks.set(key, mark);
      }
    }
  }
  return [...marks.values()];
}
