import { Grid } from '../grid/grid';
import { CellNote, CodeUse, placeOf } from '../model';

/** Reads a missione cell: "01", "1", "01 - Servizi istituzionali...", "Missione 01". */
export function readMission(grid: Grid, row: number, col: number, codes: CodeUse[], notes: CellNote[]): string | undefined {
  const text = grid.shownText(row, col);
  if (!text) return undefined;
  const at = placeOf(grid, row, col);
  const m = /^\s*(?:missione\s*|miss\.?\s*)?(\d{1,2})(?=$|[\s\-–—:.)])/i.exec(text);
  if (!m) {
    notes.push({ note: 'unparseable', at, what: 'la missione', expected: 'un codice di missione (es. 01)', text });
    return undefined;
  }
  const code = m[1].padStart(2, '0');
  if (!codes.some((c) => c.at.cell === at.cell && c.at.sheet === at.sheet && c.at.file === at.file && c.kind === 'mission')) {
    codes.push({ kind: 'mission', raw: m[1], code, wellFormed: true, at });
  }
  return code;
}

/**
 * Reads a programma cell: "01.02", "0102", "02" (under a missione column), "01.02 - Segreteria generale",
 * "Programma 02". A bare number is the programme within the row's missione.
 */
export function readProgramme(grid: Grid, row: number, col: number, mission: string | undefined, codes: CodeUse[], notes: CellNote[]): string | undefined {
  const text = grid.shownText(row, col);
  if (!text) return undefined;
  const at = placeOf(grid, row, col);
  const body = text.replace(/^\s*(?:programma\s*|prog\.?\s*)/i, '');
  let code: string | undefined;
  let raw = '';
  let wellFormed = true;
  let m = /^\s*(\d{1,2})\s*[.,]\s*(\d{1,2})(?=$|[\s\-–—:)])/.exec(body);
  if (m) {
    raw = m[0].trim();
    code = `${m[1].padStart(2, '0')}.${m[2].padStart(2, '0')}`;
    wellFormed = /^\d{2}\.\d{2}$/.test(raw);
  } else if ((m = /^\s*(\d{2})(\d{2})(?=$|[\s\-–—:.)])/.exec(body))) {
    raw = m[0].trim();
    code = `${m[1]}.${m[2]}`;
  } else if ((m = /^\s*(\d{1,2})(?=$|[\s\-–—:.)])/.exec(body)) && mission) {
    raw = m[1];
    code = `${mission}.${m[1].padStart(2, '0')}`;
  }
  if (!code) {
    notes.push({ note: 'unparseable', at, what: 'il programma', expected: 'un codice di programma (es. 01.02)', text });
    return undefined;
  }
  if (!codes.some((c) => c.at.cell === at.cell && c.at.sheet === at.sheet && c.at.file === at.file && c.kind === 'programme')) {
    codes.push({ kind: 'programme', raw, code, wellFormed, at });
  }
  return code;
}
