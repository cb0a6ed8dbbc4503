/**
 * The text of each finding's cell as read, so that the report can show what the officer will find
 * there. Never for the rows of a per-person register: its cells may be personal data, and outputs
 * hold aggregates only.
 */
import { parseRange } from './grid/address';
import { Grid } from './grid/grid';
import { DetectedTable } from './detect/table';
import { REGISTER_FAMILY } from './register/detector';
import { Finding } from './schema/dossier';

const MAX_TEXT = 200;

export function addCellTexts(findings: Finding[], grids: readonly Grid[], tables: readonly DetectedTable[]): void {
  const bySheet = new Map<string, Grid>();
  for (const g of grids) bySheet.set(`${g.file}\u0000${g.sheet}`, g);
  const registers = tables.filter((t) => t.family === REGISTER_FAMILY);
  for (const f of findings) {
    const grid = bySheet.get(`${f.file}\u0000${f.sheet}`);
    if (!grid) continue;
    let at;
    try {
      at = parseRange(f.cell);
    } catch {
      continue;
    }
    const personal = registers.some((t) => t.grid === grid && at.top >= t.bodyStart && at.top <= t.range.bottom);
    if (personal) continue;
    const text = grid.shownText(at.top, at.left);
    if (text) f.text = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
  }
}
