import { mapRowIfHeader } from '../detect/header';
import { ColumnMapping, DetectedTable } from '../detect/table';
import type { CellRange } from '../grid/address';
import { a1, columnIndex, columnLetters, parseA1, parseRange } from '../grid/address';
import { Grid } from '../grid/grid';
import { isObjectivesHeader } from '../objectives/detector';
import { objectiveVocabulary } from '../objectives/columns';
import { REGISTER_FAMILY } from '../register/detector';
import { detectStaffTables } from '../staff/detector';
import { tableDate } from '../staff/titles';
import { normaliseLabel } from '../text/normalise';
import { headerLabelsAt, tableMapping } from './extract';
import { MappingProblem, entryName } from './parse';
import { objectiveRoleIn, registerRoleIn, LABEL_ROLES } from './roles';
import { MappingSheet, MappingTable, StaffColumn } from './schema';
import { staffHeaderLabel, staffLabelColumnHeader } from './staff-labels';

/** How far down a sheet the header of a mapped table is looked for when it moved. */
const HEADER_SEARCH = 500;

const sameLabels = (a: readonly string[], b: readonly string[]) => a.length > 0 && a.length === b.length && a.every((x, i) => normaliseLabel(x) === normaliseLabel(b[i]));

/** The row whose labels are the entry's header labels (the recorded row first), or undefined. */
export function findHeaderRow(grid: Grid, labels: readonly string[], recorded?: number): number | undefined {
  if (!labels.length) return undefined;
  if (recorded !== undefined && recorded < grid.rowCount && sameLabels(headerLabelsAt(grid, recorded), labels)) return recorded;
  const last = Math.min(grid.rowCount, HEADER_SEARCH);
  for (let r = 0; r < last; r++) if (sameLabels(headerLabelsAt(grid, r), labels)) return r;
  return undefined;
}

/**
 * The mapping entry for a grid: the same file and sheet, else a sheet with the same header labels
 * (next year's file, or another month's sheet of the same layout). A sheet the mapping names in an
 * entry it could not use (`unusable`) is read by detection, never by another sheet's entry.
 */
export function entryFor(grid: Grid, file: string, entries: readonly MappingSheet[], unusable: readonly { file?: string; sheet?: string }[] = []): MappingSheet | undefined {
  const exact = entries.find((e) => e.file === file && e.sheet === grid.sheet);
  if (exact) return exact;
  if (unusable.some((u) => u.file === file && u.sheet === grid.sheet)) return undefined;
  const byLabels = entries.filter((e) => findHeaderRow(grid, e.headerLabels, e.tables[0] ? e.tables[0].headerRows[0] - 1 : undefined) !== undefined);
  return byLabels.find((e) => e.sheet === grid.sheet) ?? byLabels[0];
}

export type Applied = { tables: DetectedTable[]; problems?: undefined } | { tables?: undefined; problems: MappingProblem[] };

/**
 * The tables of a sheet as its mapping entry says, in place of detection. Objective tables and
 * registers are built from the entry's columns as given; a staff table is read by the staff reader
 * with the header cells of the columns the entry changed renamed to what they hold. Anything that
 * does not fit the sheet is a problem (in Italian, naming the entry): the caller then detects.
 */
export function applySheetMapping(grid: Grid, file: string, entry: MappingSheet): Applied {
  const name = entryName(entry.file, entry.sheet);
  const problems: MappingProblem[] = [];
  const problem = (message: string, column?: string) => problems.push({ file, sheet: grid.sheet, ...(column ? { column } : {}), message: `Mappatura, ${name}: ${message}. Il foglio è letto riconoscendo le colonne da sé.` });

  // where the first table's header is now: in the same place, or moved (next year's file)
  const first = entry.tables[0];
  let shift = 0;
  if (first) {
    const recorded = first.headerRows[0] - 1;
    const found = findHeaderRow(grid, entry.headerLabels, recorded);
    if (found !== undefined) shift = found - recorded;
    else if (entry.file !== file || entry.sheet !== grid.sheet) {
      problem(`l'intestazione «${entry.headerLabels.slice(0, 4).join(' | ')}» non si trova nel foglio «${grid.sheet}»`);
      return { problems };
    }
  }

  const tables: DetectedTable[] = [];
  for (const [i, t] of entry.tables.entries()) {
    const recorded = parseRange(t.range);
    const range = { ...recorded, top: recorded.top + shift, bottom: recorded.bottom + shift };
    const headerRows = t.headerRows.map((r) => r - 1 + shift);
    const what = entry.tables.length > 1 ? `tabella ${i + 1}, ` : '';
    if (headerRows.some((h) => h < range.top || h > range.bottom)) {
      problem(`${what}le righe d'intestazione ${t.headerRows.join(', ')} sono fuori dall'intervallo ${t.range}`);
      continue;
    }
    if (headerRows.some((h) => h >= grid.rowCount)) {
      problem(`${what}la riga d'intestazione ${Math.max(...headerRows) + 1} è oltre la fine del foglio (che arriva alla riga ${grid.rowCount})`);
      continue;
    }
    const outside = t.columns.find((c) => columnIndex(c.column) >= grid.colCount);
    if (outside) {
      problem(`${what}la colonna ${outside.column} è fuori dal foglio (l'ultima colonna usata è ${columnLetters(grid.colCount - 1)})`, outside.column);
      continue;
    }
    const missing = missingRole(t);
    if (missing) {
      problem(`${what}${missing}`);
      continue;
    }
    const table = t.family === 'staff' ? staffTable(grid, t, range, headerRows) : builtTable(grid, t, range, headerRows);
    if (!table) {
      problem(`${what}con queste colonne nell'intervallo ${t.range} non si legge nessuna tabella del personale`);
      continue;
    }
    tables.push(table);
  }
  return problems.length ? { problems } : { tables };
}

/** The role a table cannot be read without. */
function missingRole(t: MappingTable): string | undefined {
  const roles = new Set<string>(t.columns.map((c) => c.role));
  if (t.family === 'objectives' && !['objective', 'code', 'title'].some((r) => roles.has(r))) return 'manca una colonna che nomini gli obiettivi (ruolo objective, code o title)';
  if (t.family === 'staff' && !['count', 'total'].some((r) => roles.has(r))) return 'manca una colonna di cifre (ruolo count o total)';
  if (t.family === 'register' && !roles.has('gender')) return 'manca la colonna del sesso (ruolo gender)';
  if (t.family === 'register' && !roles.has('category') && !roles.has('profile')) return 'manca la colonna della categoria o del profilo (ruolo category o profile)';
  return undefined;
}

/**
 * The last row of a table given by the entry: its recorded last row, or further down over rows
 * added since (next year's file), up to a blank row or another header.
 */
function lastRow(grid: Grid, from: number): number {
  let r = from;
  while (r + 1 < grid.rowCount && !grid.isBlankRow(r + 1)) {
    const cand = mapRowIfHeader(grid, r + 1, objectiveVocabulary, 2, 0.5);
    if (cand && isObjectivesHeader(cand)) break;
    r++;
  }
  return r;
}

/** Text rows between the table's top and its header: its title and headings. */
function titleRowsOf(grid: Grid, top: number, header: number): number[] {
  const rows: number[] = [];
  for (let r = top; r < header; r++) if (!grid.isBlankRow(r)) rows.push(r);
  return rows;
}

/** An objectives table or a register, built from the entry's columns as given. */
function builtTable(grid: Grid, t: MappingTable, range: CellRange, headerRows: number[]): DetectedTable {
  const bottom = lastRow(grid, Math.min(range.bottom, grid.rowCount - 1));
  const headerLast = headerRows[headerRows.length - 1];
  const columns: ColumnMapping[] = t.columns.map((c) => {
    const col = columnIndex(c.column);
    const role = t.family === 'objectives' ? objectiveRoleIn(c as Parameters<typeof objectiveRoleIn>[0]) : registerRoleIn(c as Parameters<typeof registerRoleIn>[0]);
    return { col, label: c.label, row: headerLast, how: null, from: 'mapping', ...role };
  });
  const titleRows = t.family === 'objectives' ? titleRowsOf(grid, range.top, headerRows[0]) : [];
  const titles = titleRows.map((r) => grid.text(r, grid.filledColumns(r)[0]));
  const table: DetectedTable = {
    grid,
    family: t.family === 'register' ? REGISTER_FAMILY : 'objectives',
    kind: t.kind,
    range: { ...range, bottom },
    titleRows,
    headerRows,
    columns,
    bodyStart: headerLast + 1,
    bodyEnd: bottom,
    score: 100,
  };
  if (titles[0]) table.title = titles[0];
  if (t.family === 'register') {
    const above: string[] = [];
    for (let r = headerRows[0] - 1; r >= 0 && above.length < 3; r--) {
      const filled = grid.filledColumns(r);
      if (filled.length === 1) above.push(grid.text(r, filled[0]));
    }
    if (above[0]) table.title = above[0];
    const date = tableDate(above, grid, undefined, [], [], 'headcount');
    if (date) table.referenceDate = date;
  }
  return table;
}

/**
 * The same cells as `grid` down to row `bottom`, with some header cells renamed and, from row
 * `dropFrom` on (the table's own rows), some columns left out.
 */
function cropped(grid: Grid, bottom: number, rename: Map<string, string>, drop: Set<number>, dropFrom = 0): Grid {
  const out = new Grid(grid.file, grid.sheet);
  const top = 0;
  for (let r = top; r <= bottom; r++) {
    for (const c of grid.filledColumns(r)) {
      if ((r >= dropFrom && drop.has(c)) || rename.has(a1(r, c))) continue;
      out.set(r, c, { value: grid.value(r, c), text: grid.text(r, c), numFmt: grid.numFmt(r, c) });
    }
  }
  for (const [cell, text] of rename) {
    const { row, col } = parseA1(cell);
    if (row <= bottom && text && !(row >= dropFrom && drop.has(col))) out.set(row, col, { value: text });
  }
  for (const m of grid.merges) if (m.bottom <= bottom && !(m.top >= dropFrom && drop.has(m.left))) out.addMerge(m);
  return out;
}

/** Columns where the entry says something else than the staff reader understood. */
function differing(read: MappingTable | undefined, wanted: MappingTable): StaffColumn[] {
  const have = new Map((read?.columns ?? []).map((c) => [c.column, JSON.stringify({ ...c, label: undefined })]));
  return (wanted.columns as StaffColumn[]).filter((c) => have.get(c.column) !== JSON.stringify({ ...c, label: undefined }));
}

/**
 * A staff table read by the staff reader on its rows, with the header cells of the columns the
 * entry gives another role renamed to what they hold («Donne», «Totale», «Categoria») and the
 * columns it ignores left out. Unchanged columns keep their own labels, so the entry the program
 * wrote reads the sheet exactly as detection did.
 */
function staffTable(grid: Grid, t: MappingTable, range: CellRange, headerRows: number[]): DetectedTable | undefined {
  const bottom = Math.min(grid.rowCount - 1, range.bottom);
  const header = headerRows[0];
  const pick = (g: Grid) => detectStaffTables(g).find((x) => x.headerRows.includes(headerRows[headerRows.length - 1]) || x.headerRows[0] === header);
  // the rows above stay: the reader takes the table's title, date and a missing header from them
  const plain = pick(cropped(grid, bottom, new Map(), new Set()));
  const changes = differing(plain ? tableMapping(plain) : undefined, t);
  if (plain && changes.length === 0) return plain;
  const rename = new Map<string, string>();
  const drop = new Set<number>();
  const labelRow = headerRows[headerRows.length - 1];
  for (const c of changes) {
    const col = columnIndex(c.column);
    if (c.role === 'ignored') drop.add(col);
    else if (LABEL_ROLES.has(c.role)) rename.set(a1(header, col), staffLabelColumnHeader(c.role));
    else {
      rename.set(a1(labelRow, col), staffHeaderLabel(c));
      for (const h of headerRows) if (h !== labelRow) rename.set(a1(h, col), '');
    }
  }
  return pick(cropped(grid, bottom, rename, drop, range.top));
}
