import { DetectedTable } from '../detect/table';
import { columnLetters, rangeA1 } from '../grid/address';
import { Grid } from '../grid/grid';
import { MappingSheet, MappingTable } from './schema';
import { objectiveRoleOut, registerRoleOut, staffRoleOut } from './roles';

/** The texts of a header row, in column order: what recognises the same sheet next year. */
export function headerLabelsAt(grid: Grid, row: number): string[] {
  return grid.filledColumns(row).map((c) => grid.text(row, c).trim()).filter(Boolean);
}

/** How one table was read, in the terms of mappatura.json. */
export function tableMapping(t: DetectedTable): MappingTable | undefined {
  const base = { range: rangeA1(t.range), headerRows: t.headerRows.map((r) => r + 1), kind: t.kind };
  const col = (c: { col: number; label: string }) => ({ column: columnLetters(c.col), label: c.label });
  const ordered = [...t.columns].sort((a, b) => a.col - b.col);
  if (t.family === 'objectives') return { ...base, family: 'objectives', columns: ordered.map((c) => ({ ...col(c), ...objectiveRoleOut(c) })) };
  if (t.family === 'staff') return { ...base, family: 'staff', columns: ordered.map((c) => ({ ...col(c), ...staffRoleOut(c) })) };
  if (t.family === 'register') return { ...base, family: 'register', columns: ordered.map((c) => ({ ...col(c), ...registerRoleOut(c) })) };
  return undefined;
}

/** How a sheet was read: its tables, and the labels of its first header row. */
export function sheetMapping(file: string, grid: Grid, tables: readonly DetectedTable[]): MappingSheet {
  const mapped = tables.map(tableMapping).filter((t): t is MappingTable => t !== undefined);
  return { file, sheet: grid.sheet, ...(grid.csv ? { csv: { ...grid.csv } } : {}), headerLabels: tables[0] ? headerLabelsAt(grid, tables[0].headerRows[0]) : [], tables: mapped };
}
