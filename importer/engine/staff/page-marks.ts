import { Grid } from '../grid/grid';
import { normaliseLabel } from '../text/normalise';

/** «Pag. 2», «Pagina 2 di 3», «pag. 1/2», «- 2 -», «2/3», «segue», «(continua)», «./.». */
const PAGE_MARKER = /^(?:(?:pag|pagina|pg|p)\s*\d+(?:\s*(?:di|of)?\s*\d+)?|\d+\s+(?:di\s+)?\d+|\d+|segue(?:\s.*)?|continua(?:\s.*)?|continuazione|seguito|)$/;

/** A text that marks a page break of a printed table, not a caption: «Pag. 2», «- 2 -», «segue». */
export function isPageMarkText(text: string): boolean {
  return text.trim() !== '' && PAGE_MARKER.test(normaliseLabel(text).replace(/\s*%\s*/g, ' ').trim());
}

/** Every filled cell of the row is a page mark. */
export function isPageMarker(grid: Grid, row: number): boolean {
  const filled = grid.filledColumns(row);
  return filled.length > 0 && filled.every((c) => isPageMarkText(grid.text(row, c)));
}
