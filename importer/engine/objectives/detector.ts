import { HeaderCandidate, mapRow, mapRowIfHeader, mergeSubHeader } from '../detect/header';
import { ColumnMapping, DetectedTable, TableDetector } from '../detect/table';
import { Grid } from '../grid/grid';
import { startsWithCode } from './codes';
import { isLevelRole, objectiveVocabulary } from './columns';

const SCAN_LIMIT = 200_000;
/** A header row maps at least two labels, and at least half of its filled cells. */
const MIN_MAPPED = 2;
const MIN_SHARE = 0.5;

/** A header row of an objectives table: mostly known labels, with a level column or a code/title pair. */
export function isObjectivesHeader(c: HeaderCandidate): boolean {
  if (c.mapped < MIN_MAPPED || c.mapped / c.filled < MIN_SHARE) return false;
  const roles = new Set(c.columns.map((x) => x.role));
  const levels = [...roles].filter(isLevelRole).length;
  if (levels >= 2) return true;
  const hasIdentity = roles.has('code') || roles.has('title') || levels === 1;
  const hasDetail = ['structure', 'indicator', 'weight', 'mission', 'programme', 'target', 'level', 'parent-code'].some((r) => roles.has(r as never));
  if (!hasIdentity || !hasDetail) return false;
  // a lone "Codice | Descrizione | Area" is not enough on its own: ask for a code-like body
  return levels >= 1 || roles.has('code') || (roles.has('title') && (roles.has('indicator') || roles.has('weight') || roles.has('parent-code')));
}

function sameHeader(a: ColumnMapping[], b: HeaderCandidate): boolean {
  const roles = (cols: { role: string | null }[]) => cols.map((c) => c.role).filter(Boolean).sort().join('|');
  const rb = roles(b.columns);
  return rb !== '' && (rb === roles(a) || b.columns.filter((c) => c.role).every((c) => a.some((x) => x.role === c.role && x.col === c.col)));
}

/** A row holding one text only (possibly merged across): a title or a heading such as "AREA TECNICA". */
export function isSingleTextRow(grid: Grid, row: number): boolean {
  const filled = grid.filledColumns(row);
  return filled.length === 1;
}

export const objectivesDetector: TableDetector = {
  family: 'objectives',
  detect(grid: Grid): DetectedTable[] {
    const tables: DetectedTable[] = [];
    const last = Math.min(grid.rowCount, SCAN_LIMIT);
    let r = 0;
    while (r < last) {
      const cand = mapRowIfHeader(grid, r, objectiveVocabulary, MIN_MAPPED, MIN_SHARE);
      if (!cand || !isObjectivesHeader(cand)) {
        r++;
        continue;
      }
      const sub = mergeSubHeader(grid, cand, objectiveVocabulary);
      const columns = sub ?? cand.columns;
      const headerRows = sub ? [r, r + 1] : [r];
      // rows above: headings (value, mandate, area) and titles, up to a blank row
      let top = r;
      while (top - 1 >= 0 && !grid.isBlankRow(top - 1) && isSingleTextRow(grid, top - 1)) top--;
      const titleRows: number[] = [];
      for (let t = top; t < r; t++) titleRows.push(t);
      let up = top - 1;
      while (up >= 0 && grid.isBlankRow(up)) up--;
      if (up >= 0 && isSingleTextRow(grid, up) && up >= top - 3) titleRows.unshift(up);
      // body: down to two blank rows, or one blank row followed by a row that is not part of the table
      let bodyEnd = headerRows[headerRows.length - 1];
      let blanks = 0;
      let x = bodyEnd + 1;
      for (; x < grid.rowCount; x++) {
        if (grid.isBlankRow(x)) {
          blanks++;
          if (blanks >= 2) break;
          continue;
        }
        // the full mapping of a body row is needed only when it could be a header, or after a blank row
        const header = mapRowIfHeader(grid, x, objectiveVocabulary, MIN_MAPPED, MIN_SHARE);
        if (header && isObjectivesHeader(header) && !sameHeader(columns, header)) break;
        if (blanks > 0 && !rowHasCode(grid, x, columns) && !isSingleTextRow(grid, x) && !sameHeader(columns, header ?? mapRow(grid, x, objectiveVocabulary))) break;
        blanks = 0;
        bodyEnd = x;
      }
      const titles = titleRows.map((t) => grid.text(t, grid.filledColumns(t)[0]));
      const right = Math.max(...columns.map((c) => c.col));
      const left = Math.min(...columns.map((c) => c.col));
      tables.push({
        grid,
        family: 'objectives',
        kind: 'objectives',
        range: { top: titleRows.length ? Math.min(top, titleRows[0]) : top, left, bottom: bodyEnd, right },
        titleRows,
        title: titles[0],
        headerRows,
        columns,
        bodyStart: headerRows[headerRows.length - 1] + 1,
        bodyEnd,
        score: 10 + cand.mapped,
      });
      r = bodyEnd + 1;
    }
    return tables;
  },
};


function rowHasCode(grid: Grid, row: number, columns: ColumnMapping[]): boolean {
  return columns.some((c) => (isLevelRole(c.role) || c.role === 'code') && startsWithCode(grid.shownText(row, c.col)));
}
