import { Grid } from '../grid/grid';
import { DetectedTable } from './table';

/**
 * Rows already taken by a table a detector is sure of (a per-person register: one row per person,
 * thousands of rows). The other detectors look for their headers only outside them: a row lies
 * inside a claim when it is between the claim's first and last row and every filled cell of it is
 * within the claim's columns, so a table written beside a register is still found.
 */
export class ClaimedRows {
  private readonly claims: readonly DetectedTable[];

  constructor(tables: readonly DetectedTable[]) {
    this.claims = [...tables].sort((a, b) => a.range.top - b.range.top);
  }

  get size(): number {
    return this.claims.length;
  }

  /** True when the whole filled part of `row` belongs to a claimed table. */
  has(grid: Grid, row: number): boolean {
    for (const c of this.claims) {
      if (row < c.range.top) return false;
      if (row > c.range.bottom) continue;
      const filled = grid.filledColumns(row);
      return filled.length > 0 && filled[0] >= c.range.left && filled[filled.length - 1] <= c.range.right;
    }
    return false;
  }
}

export const NO_CLAIMS = new ClaimedRows([]);
