/**
 * One CSV file per CUG table, to paste into the portal's forms: Italian style (semicolons, decimal
 * comma, UTF-8 with a BOM so that Excel opens it right), the portal's headings, the same rows as
 * the sheet «Tabelle CUG», percentages in points with two decimals.
 */
import { CugSection, CugTable } from '../engine/schema/cug';
import { cugCaption, cugTables, headerRows, percentPoints } from './cug-layout';

function field(v: string | number | null): string {
  if (v === null) return '';
  const text = typeof v === 'number' ? String(v).replace('.', ',') : v;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: (string | number | null)[]) => cells.map(field).join(';');

/** A table as CSV text (with the BOM). */
export function cugCsv(key: string, t: CugTable): string {
  const { groups, headings } = headerRows(t);
  const labelCols = headings.length - t.columns.length;
  const lines = [line([cugCaption(key, t)])];
  if (groups) lines.push(line(groups.map((g) => g ?? '')));
  lines.push(line(headings));
  for (const r of t.rows) {
    const labels = [...r.labels, ...Array<string>(Math.max(0, labelCols - r.labels.length)).fill('')];
    const values = r.values.map((v, i) => (v === null ? null : t.columns[i].kind === 'percent' || r.kind === 'percent' ? percentPoints(v).toFixed(2).replace('.', ',') : v));
    lines.push(line([...labels, ...values]));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The file name of a table's CSV: cug-1.1.csv, cug-movimenti.csv. */
export function cugCsvName(key: string): string {
  return `cug-${key}.csv`;
}

/** The CSV file of every table (none without `cug`), to write beside the other outputs. */
export function cugCsvFiles(cug: CugSection | undefined): { name: string; text: string }[] {
  return cug ? cugTables(cug).map(([key, t]) => ({ name: cugCsvName(key), text: cugCsv(key, t) })) : [];
}
