/**
 * The sheet «Tabelle CUG» as pure data (no exceljs, no Node): every table of `cug` laid out as the
 * Portale CUG prints it (caption, «Uomini» / «Donne» over their columns, the row headings, the
 * «Totale» rows), counts as numbers, shares as percentage points with two decimals, then the
 * tables the inputs cannot give. PIAO.xlsx (cug-sheet.ts) and the add-in's «Tabelle CUG» write
 * the same cells; the CSV files (cug-csv.ts) the same rows.
 */
import { CUG_DISPLAY_ORDER, CugTableKey } from '../engine/cug/format';
import { CugSection, CugTable } from '../engine/schema/cug';
import { isoDateIt } from '../engine/text/iso-date';

export const CUG_SHEET = 'Tabelle CUG';

export type CugCellStyle =
  | 'title'
  | 'subtitle'
  | 'caption'
  | 'section'
  | 'group'
  | 'heading'
  | 'label'
  | 'count'
  | 'percent'
  | 'totalLabel'
  | 'totalCount'
  | 'totalPercent'
  | 'toFill'
  | 'note'
  | 'missingHeading'
  | 'missing';

export interface CugCell {
  /** 0-based. */
  row: number;
  col: number;
  value: string | number | null;
  style: CugCellStyle;
}

export interface CugArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CugSheetPlan {
  cells: CugCell[];
  merges: CugArea[];
  /** The grid of each table (headers and body), for borders; `start` is the first row of its block (heading, caption). */
  tables: (CugArea & { key: string; start: number })[];
  /** Column widths in characters, from column A. */
  widths: number[];
}

export const CUG_COUNT_FMT = '0';
export const CUG_PERCENT_FMT = '0.00';
/** Label columns: values start in column C, whatever the table's row headings. */
const LABEL_COLS = 2;

/** A share (fraction) as the portal prints it: points with two decimals. */
export function percentPoints(v: number): number {
  return Math.round(v * 10000) / 100;
}

/** The tables of a `cug` section in the order the portal shows them. */
export function cugTables(cug: CugSection): [CugTableKey, CugTable][] {
  return CUG_DISPLAY_ORDER.filter((k) => cug[k]).map((k) => [k, cug[k]!]);
}

/** True when `cug` holds a table to show (a dossier with staff tables but no register and no CUG table 1.1 has only what is missing: it gets no sheet and no report section). */
export function hasCugTables(cug: CugSection | undefined): cug is CugSection {
  return cug !== undefined && cugTables(cug).length > 0;
}

/** «Tabella 1.1 – Ripartizione del personale…» (the hires and terminations are no table of the format). */
export function cugCaption(key: string, t: CugTable): string {
  return key === 'movimenti' ? `${t.title} (dato di contesto: non è una tabella del format)` : `Tabella ${key} – ${t.title}`;
}

export function cugSourceText(t: CugTable): string {
  return t.source === 'register' ? 'calcolata dall’anagrafica per dipendente' : 'ripresa dalla tabella 1.1 del foglio, con totali e percentuali ricalcolati';
}

/** The header rows of a table: the groups (when any) and the headings, from column A. */
export function headerRows(t: CugTable): { groups: (string | null)[] | undefined; headings: string[] } {
  const pad = (xs: string[]) => (xs.length >= LABEL_COLS ? xs : [...xs, ...Array<string>(LABEL_COLS - xs.length).fill('')]);
  const hasGroups = t.columns.some((c) => c.group);
  const groups = hasGroups ? [...Array<null>(LABEL_COLS).fill(null), ...t.columns.map((c, i) => (c.group && (i === 0 || t.columns[i - 1].group !== c.group) ? c.group : null))] : undefined;
  return { groups, headings: [...pad(t.rowHeadings), ...t.columns.map((c) => c.label)] };
}

/** Lays out every table of `cug` on one sheet. */
export function cugSheetPlan(cug: CugSection): CugSheetPlan {
  const cells: CugCell[] = [];
  const merges: CugArea[] = [];
  const tables: CugSheetPlan['tables'] = [];
  const put = (row: number, col: number, value: CugCell['value'], style: CugCellStyle) => cells.push({ row, col, value, style });
  let width = LABEL_COLS + 1;
  const when = cug.referenceDate ? ` al ${isoDateIt(cug.referenceDate)}` : '';
  put(0, 0, `Relazione annuale del CUG: tabelle dei dati del personale${when}`, 'title');
  put(1, 0, 'Come le stampa il Portale CUG: conteggi di persone, percentuali in punti con due decimali. Solo dati aggregati.', 'subtitle');
  let row = 3;
  let section: string | undefined;
  for (const [key, t] of cugTables(cug)) {
    width = Math.max(width, LABEL_COLS + t.columns.length);
    const start = row;
    // the portal prints a group's heading once, over its first table
    if (t.section && t.section !== section) put(row++, 0, t.section, 'section');
    section = t.section;
    put(row, 0, cugCaption(key, t), 'caption');
    row++;
    put(row++, 0, `Fonte: ${cugSourceText(t)}.`, 'note');
    const top = row;
    const { groups, headings } = headerRows(t);
    const twoLabels = t.rowHeadings.length >= LABEL_COLS;
    const headerHeight = groups ? 2 : 1;
    // the row headings, over both header rows; one heading spans both label columns
    put(row, 0, headings[0], 'heading');
    if (twoLabels) put(row, 1, headings[1], 'heading');
    if (twoLabels) {
      if (headerHeight > 1) merges.push({ top: row, left: 0, bottom: row + 1, right: 0 }, { top: row, left: 1, bottom: row + 1, right: 1 });
    } else merges.push({ top: row, left: 0, bottom: row + headerHeight - 1, right: 1 });
    if (groups) {
      groups.forEach((g, c) => {
        if (!g) return;
        let end = c;
        while (end + 1 < groups.length && groups[end + 1] === null && t.columns[end + 1 - LABEL_COLS]?.group === g) end++;
        put(row, c, g, 'group');
        if (end > c) merges.push({ top: row, left: c, bottom: row, right: end });
      });
    }
    headings.slice(LABEL_COLS).forEach((h, i) => put(row + headerHeight - 1, LABEL_COLS + i, h, 'heading'));
    row += headerHeight;
    for (const r of t.rows) {
      const total = r.kind !== 'detail';
      const labels = r.labels.length >= LABEL_COLS ? r.labels : [...r.labels, ...Array<string>(LABEL_COLS - r.labels.length).fill('')];
      labels.forEach((l, c) => {
        if (r.labels.length < LABEL_COLS && c > 0) return;
        put(row, c, l || null, r.toFill ? 'toFill' : total ? 'totalLabel' : 'label');
      });
      if (r.labels.length < LABEL_COLS) merges.push({ top: row, left: 0, bottom: row, right: 1 });
      r.values.forEach((v, i) => {
        const percent = t.columns[i].kind === 'percent' || r.kind === 'percent';
        const value = v === null ? null : percent ? percentPoints(v) : v;
        const style: CugCellStyle = r.toFill ? 'toFill' : percent ? (total ? 'totalPercent' : 'percent') : total ? 'totalCount' : 'count';
        put(row, LABEL_COLS + i, value, style);
      });
      row++;
    }
    tables.push({ key, start, top, left: 0, bottom: row - 1, right: LABEL_COLS + t.columns.length - 1 });
    for (const n of t.notes ?? []) put(row++, 0, `Nota: ${n}`, 'note');
    row++;
  }
  if (cug.missing.length) {
    const start = row;
    put(row++, 0, 'Tabelle che i dati importati non permettono di calcolare', 'caption');
    put(row, 0, 'Tabella', 'missingHeading');
    put(row, 1, 'Titolo', 'missingHeading');
    put(row, LABEL_COLS, 'Che cosa serve', 'missingHeading');
    const top = row;
    row++;
    for (const m of cug.missing) {
      put(row, 0, m.table === 'movimenti' ? 'Assunzioni e cessazioni' : m.table, 'missing');
      put(row, 1, m.title, 'missing');
      put(row, LABEL_COLS, m.needs, 'missing');
      merges.push({ top: row, left: LABEL_COLS, bottom: row, right: Math.max(LABEL_COLS + 9, width - 1) });
      row++;
    }
    merges.push({ top, left: LABEL_COLS, bottom: top, right: Math.max(LABEL_COLS + 9, width - 1) });
    tables.push({ key: 'missing', start, top, left: 0, bottom: row - 1, right: Math.max(LABEL_COLS + 9, width - 1) });
  }
  const widths = [34, 46, ...Array<number>(Math.max(width, LABEL_COLS + 10) - LABEL_COLS).fill(10)];
  return { cells, merges, tables, widths };
}
