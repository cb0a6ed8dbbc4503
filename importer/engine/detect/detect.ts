import { rangesOverlap } from '../grid/address';
import { Grid } from '../grid/grid';
import { ClaimedRows } from './claims';
import { DetectedTable, TableDetector } from './table';


/**
 * Runs every detector on a grid and keeps, where two claim the same cells, the surer one.
 * Tables come back top to bottom.
 */
export function detectTables(grid: Grid, detectors: readonly TableDetector[]): DetectedTable[] {
  // the sure ones first (registers): the others skip the rows they took, which they could never win
  const first = detectors.filter((d) => d.runsFirst).flatMap((d) => d.detect(grid));
  const claimed = new ClaimedRows(first);
  const rest = detectors.filter((d) => !d.runsFirst).flatMap((d) => d.detect(grid, claimed));
  const candidates = [...first, ...rest].sort((a, b) => b.score - a.score);
  const kept: DetectedTable[] = [];
  for (const c of candidates) if (!kept.some((k) => rangesOverlap(k.range, c.range))) kept.push(c);
  return kept.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
}
