/**
 * CUG tables met in a workbook (the staff reader reads them as cross-tables): which one is table
 * 1.1, which rows of 1.1 are managers, what a table of the same report states as its «Totale», and
 * what each of its «Totale %» and «% di genere» cells must be by the portal's definitions.
 */
import { Gender } from '../schema/dossier';
import { isDetail } from '../staff/axes';
import { StaffCell, StaffTable, cellKey } from '../staff/model';
import { scopeOf } from '../staff/scope';
import { usableCount } from '../staff/sums';
import { AxisLine } from '../staff/types';
import { normaliseLabel } from '../text/normalise';
import { CUG_AGE_BANDS } from './format';

export type RowScope = 'top' | 'managerial' | 'non-managerial';

/** A detail row of a table 1.1 read from a workbook, its cells by gender and band (undefined: no cell). */
export interface Cug11Row {
  line: AxisLine;
  labels: string[];
  scope: RowScope;
  cells: Record<Gender, (StaffCell | undefined)[]>;
}

export interface Cug11 {
  table: StaffTable;
  rows: Cug11Row[];
  /** The band columns of each gender, in the portal's order. */
  columns: Record<Gender, AxisLine[]>;
  /** Label of each row-label column, as the header writes it. */
  rowHeadings: string[];
}

/** The band columns of each gender when the table is by gender over the five age bands (table 1.1 and its kin). */
function bandColumns(t: StaffTable): Record<Gender, AxisLine[]> | undefined {
  const detail = t.table.staff.columns.filter((c) => isDetail(c));
  const out: Record<Gender, AxisLine[]> = { F: [], M: [] };
  for (const g of ['F', 'M'] as const) {
    for (const band of CUG_AGE_BANDS) {
      const col = detail.find((c) => c.meaning.gender === g && c.meaning.age === band);
      if (!col) return undefined;
      out[g].push(col);
    }
  }
  return out;
}

function rowScope(l: AxisLine): RowScope {
  const texts = l.labels.map((x) => normaliseLabel(x));
  if (texts.some((x) => /\bnon dirigen/.test(x))) return 'non-managerial';
  if (texts.some((x) => /\borgan[oi] di vertice\b/.test(x))) return 'top';
  if (texts.some((x) => /\bdirigent|\bdirigenza\b|\bsegretari[oa]\b/.test(x))) return 'managerial';
  const c = l.meaning.category;
  return c === 'dirigente' || c === 'segretario' ? 'managerial' : 'non-managerial';
}

/**
 * A row's labels, one per row-heading column. A label merged over several heading columns is one
 * label: kept where the merge starts, the columns it also covers left empty (as the portal prints
 * «Totale personale»), never repeated in each of them.
 */
function rowLabels(t: StaffTable, line: AxisLine): string[] {
  const grid = t.table.grid;
  const cols = t.table.staff.labelCols;
  return cols.map((col, i) => {
    const m = grid.mergeAt(line.index, col);
    if (m && m.left < col && i > 0 && cols[i - 1] >= m.left) return '';
    return line.labels[i] ?? '';
  });
}

/** Table 1.1 of the CUG report: rows of levels (category or tipologia) by gender over the five age bands, every column a band. */
export function asCug11(t: StaffTable): Cug11 | undefined {
  if (t.kind !== 'headcount') return undefined;
  const columns = bandColumns(t);
  if (!columns) return undefined;
  const detailCols = t.table.staff.columns.filter((c) => isDetail(c));
  if (detailCols.length !== CUG_AGE_BANDS.length * 2) return undefined;
  const dims = t.table.staff.rowDims;
  if (!dims.includes('category') && !dims.includes('tipologia')) return undefined;
  const rows = t.table.staff.rows
    .filter((r) => isDetail(r))
    .map((line): Cug11Row => ({
      line,
      labels: rowLabels(t, line),
      scope: rowScope(line),
      cells: {
        F: columns.F.map((c) => t.byPosition.get(cellKey(line.index, c.index))),
        M: columns.M.map((c) => t.byPosition.get(cellKey(line.index, c.index))),
      },
    }));
  if (!rows.length) return undefined;
  const header = t.table.headerRows[t.table.headerRows.length - 1];
  const rowHeadings = t.table.staff.labelCols.map((c, i) => t.table.grid.text(header, c) || (i === t.table.staff.labelCols.length - 1 ? 'Inquadramento' : 'Tipologia di personale'));
  return { table: t, rows, columns, rowHeadings };
}

/** A cell's count for the CUG tables: an empty cell is 0, n.d. or unreadable is unknown. */
export function countOf(c: StaffCell | undefined): number | null {
  if (!c) return 0;
  const v = usableCount(c);
  return v ? v.count : null;
}

/** The staff of a part of table 1.1 by gender (null when a cell is unknown), with the cells added up. */
export function cug11Staff(c: Cug11, scopes: readonly RowScope[]): { F: number | null; M: number | null; cells: StaffCell[] } {
  const out: { F: number | null; M: number | null; cells: StaffCell[] } = { F: 0, M: 0, cells: [] };
  for (const r of c.rows) {
    if (!scopes.includes(r.scope)) continue;
    for (const g of ['F', 'M'] as const) {
      for (const cell of r.cells[g]) {
        const n = countOf(cell);
        if (cell) out.cells.push(cell);
        out[g] = n === null || out[g] === null ? null : out[g]! + n;
      }
    }
  }
  return out;
}

const REPORT_TABLES = /\b(anzianita|titolo di studio|titoli di studio|tipo di presenza|conciliazione)\b/;

/** A table of the CUG report that counts a part of the staff (1.4, 1.6, 1.7 by their captions), with its scope. */
export function reportTableScope(t: StaffTable): 'managerial' | 'non-managerial' | undefined {
  const titles = t.table.staff.titles.map((x) => normaliseLabel(x));
  if (!titles.some((x) => REPORT_TABLES.test(x))) return undefined;
  return scopeOf(t.table);
}

/** What a table states as its «Totale» per gender (the total row, at the gender's total column or summed over its counts). */
export function statedGenderTotals(t: StaffTable): Partial<Record<Gender, { count: number; cells: StaffCell[] }>> {
  const { rows, columns } = t.table.staff;
  const total = rows.find((r) => r.totalLevel === 0 && !r.percent);
  if (!total) return {};
  const out: Partial<Record<Gender, { count: number; cells: StaffCell[] }>> = {};
  for (const g of ['F', 'M'] as const) {
    const totalCol = columns.find((c) => c.meaning.gender === g && c.totalLevel >= 0 && !c.percent);
    const cols = totalCol ? [totalCol] : columns.filter((c) => c.meaning.gender === g && isDetail(c));
    if (!cols.length) continue;
    let count = 0;
    const cells: StaffCell[] = [];
    let known = true;
    for (const c of cols) {
      const cell = t.byPosition.get(cellKey(total.index, c.index));
      if (!cell) continue;
      const n = cell.count && cell.count.kind === 'count' ? cell.count.count : cell.count?.kind === 'empty' && !totalCol ? 0 : undefined;
      if (n === undefined) known = false;
      else {
        count += n;
        cells.push(cell);
      }
    }
    if (known && cells.length) out[g] = { count, cells };
  }
  return out;
}

/** A percentage cell with the share the portal defines for it. */
export interface StrictShare {
  cell: StaffCell;
  numerator: number;
  denominator: number;
  parts: StaffCell[];
  /** What the share is of, in the message's words. */
  what: string;
}

/** The counts of a gender on a row of a table by gender and band: its «Totale» cell, else its bands. */
function genderCount(t: StaffTable, row: AxisLine, bands: AxisLine[], totalCol: AxisLine | undefined): { n: number; cells: StaffCell[] } | undefined {
  const cols = totalCol ? [totalCol] : bands;
  let n = 0;
  const cells: StaffCell[] = [];
  for (const c of cols) {
    const cell = t.byPosition.get(cellKey(row.index, c.index));
    const v = countOf(cell);
    if (v === null) return undefined;
    n += v;
    if (cell) cells.push(cell);
  }
  return { n, cells };
}

/**
 * The «Totale %» and «% di genere» cells of a table by gender and age band (1.1, 1.2, 1.4, 2.1 as
 * the portal prints them), each with the share it must be: «Totale % (1)» the gender's share of
 * its row, «% di genere» the row's share of the gender's total, the «Totale %» row each column's
 * share of everybody counted.
 */
export function strictShares(t: StaffTable): StrictShare[] {
  const bands = bandColumns(t);
  if (!bands || t.kind !== 'headcount') return [];
  const { rows, columns } = t.table.staff;
  const details = rows.filter((r) => isDetail(r));
  if (!details.length) return [];
  const out: StrictShare[] = [];
  const totalColOf = (g: Gender) => columns.find((c) => c.meaning.gender === g && c.totalLevel >= 0 && !c.percent);
  // every detail row's count per gender
  const counts = new Map<AxisLine, Record<Gender, { n: number; cells: StaffCell[] } | undefined>>();
  for (const r of details) counts.set(r, { F: genderCount(t, r, bands.F, totalColOf('F')), M: genderCount(t, r, bands.M, totalColOf('M')) });
  const genderTotal = (g: Gender) => {
    let n = 0;
    const cells: StaffCell[] = [];
    for (const r of details) {
      const c = counts.get(r)![g];
      if (!c) return undefined;
      n += c.n;
      cells.push(...c.cells);
    }
    return { n, cells };
  };
  const totals = { F: genderTotal('F'), M: genderTotal('M') };
  for (const col of columns.filter((c) => c.percent && c.meaning.gender)) {
    const g = col.meaning.gender!;
    const label = normaliseLabel(col.labels[col.labels.length - 1] ?? '');
    const kind = /di genere/.test(label) ? 'gender' : /^totale %|^tot %|^% totale/.test(label) ? 'row' : undefined;
    if (!kind) continue;
    for (const r of details) {
      const cell = t.byPosition.get(cellKey(r.index, col.index));
      if (!cell?.share || cell.share.kind !== 'share') continue;
      const mine = counts.get(r)![g];
      const other = counts.get(r)![g === 'F' ? 'M' : 'F'];
      if (!mine) continue;
      if (kind === 'row') {
        if (!other || mine.n + other.n === 0) continue;
        out.push({ cell, numerator: mine.n, denominator: mine.n + other.n, parts: [...mine.cells, ...other.cells], what: 'del genere sul totale della riga' });
      } else {
        const tot = totals[g];
        if (!tot || tot.n === 0) continue;
        out.push({ cell, numerator: mine.n, denominator: tot.n, parts: [...mine.cells], what: `della riga sul totale ${g === 'F' ? 'delle donne' : 'degli uomini'} della tabella` });
      }
    }
  }
  // the «Totale %» row: each count column's share of everybody
  const grand = totals.F && totals.M ? totals.F.n + totals.M.n : undefined;
  const pctRow = rows.find((r) => r.percent && (r.totalLevel >= 0 || r.meaning.overall));
  if (pctRow && grand) {
    for (const col of columns.filter((c) => !c.percent && c.meaning.gender)) {
      const cell = t.byPosition.get(cellKey(pctRow.index, col.index));
      if (!cell?.share || cell.share.kind !== 'share') continue;
      let n = 0;
      const parts: StaffCell[] = [];
      let known = true;
      for (const r of details) {
        const c = t.byPosition.get(cellKey(r.index, col.index));
        const v = countOf(c);
        if (v === null) known = false;
        else {
          n += v;
          if (c) parts.push(c);
        }
      }
      if (known) out.push({ cell, numerator: n, denominator: grand, parts, what: 'della colonna sul personale complessivo della tabella' });
    }
  }
  return out;
}
