import { a1 } from './address';
import { Grid } from './grid';
import { ReadProblem } from '../read-problem';

/** The longest text Excel accepts in a cell: a longer one makes it refuse (or «repair») the file. */
export const EXCEL_MAX_TEXT = 32_767;

/** A text cut to what Excel accepts in a cell, never in the middle of a character of two code units. */
export function cutForExcel(text: string): string {
  if (text.length <= EXCEL_MAX_TEXT) return text;
  let cut = text.slice(0, EXCEL_MAX_TEXT);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

/**
 * Texts longer than Excel accepts in a cell (other writers, and CSV files, allow them): each is a
 * finding at its cell, since the copies and PIAO.xlsx cut it (Excel would refuse the file).
 */
export function overlongTexts(grid: Grid): ReadProblem[] {
  const out: ReadProblem[] = [];
  const seen = new Set<string>();
  const cells = [...grid.longTextCells()].sort((a, b) => a.row - b.row || a.col - b.col);
  // the cells the grid saw set with a long text (a merge or a later value may have emptied one since)
  for (const { row: r, col: c } of cells) {
    const v = grid.value(r, c);
    if (typeof v !== 'string' || v.length <= EXCEL_MAX_TEXT || seen.has(`${r},${c}`)) continue;
    seen.add(`${r},${c}`);
    out.push({
      sheet: grid.sheet,
      cell: a1(r, c),
      severity: 'warning',
      message: `La cella contiene un testo di ${v.length.toLocaleString('it-IT')} caratteri, oltre i ${EXCEL_MAX_TEXT.toLocaleString('it-IT')} che Excel ammette in una cella: piao lo legge intero, ma nella copia annotata e in PIAO.xlsx è tagliato a ${EXCEL_MAX_TEXT.toLocaleString('it-IT')} caratteri (altrimenti Excel rifiuterebbe il file).`,
    });
  }
  return out;
}
