import { mapRow } from '../detect/header';
import { DetectedTable, TableDetector } from '../detect/table';
import { Grid } from '../grid/grid';
import { isDatedCaption, tableDate } from '../staff/titles';
import { PERSON_ROLES, registerVocabulary } from './columns';

export const REGISTER_FAMILY = 'register';

/** Registers start near the top: their header is looked for in the first rows only. */
const HEADER_SCAN = 60;
const GENDER_TEXT = /^(f|m|u|d|femmina|maschio|donna|uomo|femminile|maschile)$/i;

/**
 * Finds a per-person register (one row per employee, as HR systems export it): a header with a
 * gender column, a category or profile column and at least one column only a list of people has
 * (matricola, name, birth or hire date), then rows whose gender cells read F or M.
 */
export function detectRegister(grid: Grid): DetectedTable[] {
  const limit = Math.min(grid.rowCount, HEADER_SCAN);
  for (let r = 0; r < limit; r++) {
    const cand = mapRow(grid, r, registerVocabulary);
    if (cand.mapped < 4 || cand.mapped / cand.filled < 0.5) continue;
    const roles = new Set(cand.columns.map((c) => c.role));
    if (!roles.has('gender') || !(roles.has('category') || roles.has('profile'))) continue;
    if (!PERSON_ROLES.some((p) => roles.has(p))) continue;
    const genderCol = cand.columns.find((c) => c.role === 'gender')!.col;
    // body: every row down to three blank rows in a row; it must hold genders
    let bodyEnd = r;
    let blanks = 0;
    let genders = 0;
    let checked = 0;
    for (let x = r + 1; x < grid.rowCount; x++) {
      if (grid.isBlankRow(x)) {
        if (++blanks >= 3) break;
        continue;
      }
      blanks = 0;
      bodyEnd = x;
      if (checked < 200) {
        checked++;
        if (GENDER_TEXT.test(grid.text(x, genderCol))) genders++;
      }
    }
    if (bodyEnd === r || genders < Math.max(1, checked * 0.5)) continue;
    const titles: string[] = [];
    for (let t = r - 1; t >= 0 && titles.length < 3; t--) {
      const filled = grid.filledColumns(t);
      if (filled.length === 1) titles.push(grid.text(t, filled[0]));
      // «Personale in servizio al» | 31/12/2023: the caption and its date, as one title
      else if (isDatedCaption(grid, t)) titles.push(filled.map((c) => grid.text(t, c)).join(' '));
    }
    const cols = cand.columns.map((c) => c.col);
    const referenceDate = tableDate(titles, grid, undefined, [], [], 'headcount');
    return [
      {
        grid,
        family: REGISTER_FAMILY,
        kind: 'headcount',
        range: { top: r, left: Math.min(...cols), bottom: bodyEnd, right: Math.max(...cols) },
        titleRows: [],
        ...(titles[0] ? { title: titles[0] } : {}),
        headerRows: [r],
        columns: cand.columns,
        bodyStart: r + 1,
        bodyEnd,
        ...(referenceDate ? { referenceDate } : {}),
        score: 30 + cand.mapped,
      },
    ];
  }
  return [];
}

export const registerDetector: TableDetector = { family: REGISTER_FAMILY, detect: detectRegister, runsFirst: true };
