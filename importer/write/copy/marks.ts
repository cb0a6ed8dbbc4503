/**
 * Which cells of a copy are marked, and how: a finding's cell is filled by its worst severity and
 * carries the findings in a note; a related cell is filled lighter. A place inside merged cells
 * lands on the top-left cell of the merge (the one Excel shows the merge with). Pure: no package.
 */
import { parseA1 } from '../../engine/grid/address';
import { Grid } from '../../engine/grid/grid';
import { Finding, Severity } from '../../engine/schema/dossier';
import { LIMITS } from '../../read/limits';
import { annotatedSheet, topLeft } from '../cells';

export const SEVERITY_FILL: Record<Severity, string> = { error: 'FFFF8A80', warning: 'FFFFD54F', info: 'FF9FC5E8' };
export const RELATED_FILL: Record<Severity, string> = { error: 'FFFFE3E0', warning: 'FFFFF4CC', info: 'FFE1EEF9' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface CellMark {
  /** 0-based. */
  row: number;
  col: number;
  /** ARGB of the fill. */
  fill: string;
  /** The findings of the cell, in the order given; empty for a related cell. */
  findings: Finding[];
}

/** The cell a Place marks: the top-left of a range, of a merge; undefined when it is not a cell of the sheet. */
function targetCell(cell: string, grid: Grid | undefined): { row: number; col: number } | undefined {
  let at: { row: number; col: number };
  try {
    at = parseA1(topLeft(cell));
  } catch {
    return undefined;
  }
  if (at.row < 0 || at.col < 0 || at.row >= LIMITS.maxRows || at.col >= LIMITS.maxColumns) return undefined;
  const merge = grid?.mergeAt(at.row, at.col);
  return merge ? { row: merge.top, col: merge.left } : at;
}

/**
 * The marks of one file, by sheet of the copy, each list in sheet order (row, then column).
 * `sheets` holds the sheets of the copy with the grid read from each (for its merges).
 */
export function markFindings(file: string, findings: readonly Finding[], sheets: ReadonlyMap<string, Grid | undefined>): Map<string, CellMark[]> {
  const marks = new Map<string, Map<number, CellMark>>();
  const severities = new Map<CellMark, Severity>();
  const place = (sheet: string, cell: string): { list: Map<number, CellMark>; key: number; row: number; col: number } | undefined => {
    const name = annotatedSheet(file, sheet);
    if (!sheets.has(name)) return undefined;
    const at = targetCell(cell, sheets.get(name));
    if (!at) return undefined;
    let list = marks.get(name);
    if (!list) marks.set(name, (list = new Map()));
    return { list, key: at.row * LIMITS.maxColumns + at.col, ...at };
  };
  const mine = findings.filter((f) => f.file === file);
  for (const f of mine) {
    const p = place(f.sheet, f.cell);
    if (!p) continue;
    let mark = p.list.get(p.key);
    if (!mark) p.list.set(p.key, (mark = { row: p.row, col: p.col, fill: '', findings: [] }));
    mark.findings.push(f);
    const worst = severities.get(mark);
    if (!worst || RANK[f.severity] < RANK[worst]) severities.set(mark, f.severity);
  }
  const related = new Map<CellMark, Severity>();
  for (const f of mine) {
    for (const r of f.related ?? []) {
      if (r.file !== file) continue;
      const p = place(r.sheet, r.cell);
      if (!p) continue;
      let mark = p.list.get(p.key);
      if (mark && mark.findings.length) continue; // a finding's own cell keeps its colour
      if (!mark) p.list.set(p.key, (mark = { row: p.row, col: p.col, fill: '', findings: [] }));
      const prev = related.get(mark);
      if (!prev || RANK[f.severity] < RANK[prev]) related.set(mark, f.severity);
    }
  }
  const out = new Map<string, CellMark[]>();
  for (const [sheet, list] of marks) {
    const cells = [...list.entries()].sort((a, b) => a[0] - b[0]).map(([, m]) => m);
    for (const m of cells) m.fill = m.findings.length ? SEVERITY_FILL[severities.get(m)!] : RELATED_FILL[related.get(m)!];
    out.set(sheet, cells);
  }
  return out;
}
