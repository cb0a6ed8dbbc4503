import { Grid } from '../../importer/engine/grid/grid';

/** Everything a grid holds, as plain data: two grids are the same when their dumps are equal. */
export function dumpGrid(g: Grid) {
  const cells: string[] = [];
  for (let r = 0; r < g.rowCount; r++) {
    for (let c = 0; c < g.colCount; c++) {
      const v = g.value(r, c);
      if (v === null && g.numFmt(r, c) === undefined && g.text(r, c) === '') continue;
      const shown = v instanceof Date ? `date:${v.toISOString()}` : JSON.stringify(v);
      cells.push(`${g.address(r, c)}=${shown} | ${g.text(r, c)} | ${g.numFmt(r, c) ?? ''}`);
    }
  }
  const formulas = g.uncomputedFormulas().map((f) => `${g.address(f.row, f.col)}: =${f.formula}${f.cached !== undefined ? ` (${JSON.stringify(f.cached)})` : ''}`);
  return {
    sheet: g.sheet,
    rows: g.rowCount,
    cols: g.colCount,
    merges: g.merges.map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).sort(),
    cells,
    ...(formulas.length ? { formulas } : {}),
  };
}

/** The rows of a grid as trimmed texts (for assertions that read like the sheet). */
export function gridTexts(g: Grid): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < g.rowCount; r++) {
    const row: string[] = [];
    for (let c = 0; c < g.colCount; c++) row.push(g.text(r, c));
    out.push(row);
  }
  return out;
}
