import { rangesOverlap } from '../grid/address';
import { Grid } from '../grid/grid';
import { DetectedTable, TableDetector } from './table';


/**
 * Runs every detector on a grid and keeps, where two claim the same cells, the surer one.
 * Tables come back top to bottom.
 */
export function detectTables(grid: Grid, detectors: readonly TableDetector[]): DetectedTable[] {
  const candidates = detectors.flatMap((d) => d.detect(grid)).sort((a, b) => b.score - a.score);
  const kept: DetectedTable[] = [];
  for (const c of candidates) if (!kept.some((k) => rangesOverlap(k.range, c.range))) kept.push(c);
  return kept.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
}
