import { Grid, isErrorValue } from '../../../importer/engine/grid/grid';
import { rangeA1 } from '../../../importer/engine/grid/address';

/** Everything the engine can observe of a grid, as plain data to compare two grids. */
export function gridSnapshot(grid: Grid) {
  const cells: string[] = [];
  const mergeMap: string[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      const v = grid.value(r, c);
      const m = grid.mergeAt(r, c);
      if (m) mergeMap.push(`${r},${c}->${rangeA1(m)}`);
      if (v === null && grid.text(r, c) === '' && !grid.numFmt(r, c)) continue;
      const value = v instanceof Date ? `D:${v.toISOString()}` : isErrorValue(v) ? `E:${v.error}` : JSON.stringify(v);
      cells.push(`${grid.address(r, c)}|${value}|${grid.text(r, c)}|${grid.numFmt(r, c) ?? ''}`);
    }
  }
  return {
    sheet: grid.sheet,
    rowCount: grid.rowCount,
    colCount: grid.colCount,
    cells,
    mergeMap,
  };
}
