import { ColumnMapping } from '../detect/table';
import { Grid } from '../grid/grid';
import { StatedWeightTotal, placeOf } from '../model';
import { Place } from '../schema/dossier';
import { readWeightCell } from './weights';

/** Differences within rounding of weights printed with two decimals. */
const ROUNDING = 0.011;

/**
 * The weights read since the last total line, per weight column: what a stated total («Totale peso
 * 100», a line of sums) must equal. A block heading starts afresh.
 */
export class WeightTotals {
  readonly stated: StatedWeightTotal[] = [];
  private running = new Map<number, { sum: number; parts: Place[]; of?: string }>();

  add(col: number, weight: number, at: Place, of?: string): void {
    const run = this.running.get(col);
    if (run) {
      run.sum += weight;
      run.parts.push(at);
    } else this.running.set(col, { sum: weight, parts: [at], ...(of ? { of } : {}) });
  }

  reset(): void {
    this.running = new Map();
  }

  /** At least half of the line's weight figures (and at least one; with `all`, every one) equal the sums of the weights above. */
  sumsAbove(grid: Grid, row: number, columns: ColumnMapping[], all = false): boolean {
    let figures = 0;
    let equal = 0;
    for (const w of columns) {
      const cell = readWeightCell(grid, row, w.col);
      if (cell.kind !== 'number') continue;
      figures++;
      const run = this.running.get(w.col);
      if (run && run.parts.length > 1 && Math.abs(run.sum - cell.value) <= ROUNDING) equal++;
    }
    return equal > 0 && (all ? equal === figures : equal * 2 >= figures);
  }

  /** The totals a total line states for each weight column, against the weights read since the last one; then afresh. */
  close(grid: Grid, row: number, columns: ColumnMapping[]): void {
    for (const w of columns) {
      const cell = readWeightCell(grid, row, w.col);
      const run = this.running.get(w.col);
      if (cell.kind !== 'number' || !run || run.parts.length < 2) continue;
      const total: StatedWeightTotal = { at: placeOf(grid, row, w.col), stated: cell.value, sum: Math.round(run.sum * 1e6) / 1e6, parts: run.parts };
      const of = w.manager ?? run.of;
      if (of) total.of = of;
      this.stated.push(total);
    }
    this.reset();
  }
}
