import { Grid } from '../grid/grid';
import { CellNote, CodeUse, placeOf } from '../model';

/** Cells already recorded as a missione or programma code, per list: a merged cell is read on every row it spans. */
const recorded = new WeakMap<CodeUse[], Set<string>>();
const cellKey = (c: CodeUse) => `${c.kind}\u0000${c.at.file}\u0000${c.at.sheet}\u0000${c.at.cell}`;

/** Adds a missione/programma code use unless its cell is already in the list (a set, not a scan of the list). */
function recordOnce(codes: CodeUse[], use: CodeUse): void {
  let seen = recorded.get(codes);
  if (!seen) {
    seen = new Set(codes.filter((c) => c.kind === 'mission' || c.kind === 'programme').map(cellKey));
    recorded.set(codes, seen);
  }
  const key = cellKey(use);
  if (seen.has(key)) return;
  seen.add(key);
  codes.push(use);
}

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
  recordOnce(codes, { kind: 'mission', raw: m[1], code, wellFormed: true, at });
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
  recordOnce(codes, { kind: 'programme', raw, code, wellFormed, at });
  return code;
}
