/**
 * Table 1.1 given back from a CUG table 1.1 read in a workbook: its rows as written (labels, the
 * same row twice when the sheet lists it twice), its counts, and the totals and shares the portal
 * computes from them.
 */
import { placeOfRange } from '../model';
import { CugTable } from '../schema/cug';
import { AgeLine, genderAgeTable } from './build';
import { CUG_SECTIONS, CUG_TITLES } from './format';
import { Cug11, countOf } from './portal-tables';

export function table11FromWorkbook(c: Cug11): CugTable {
  const unknown: string[] = [];
  const lines: AgeLine[] = c.rows.map((r) => {
    const men = r.cells.M.map(countOf);
    const women = r.cells.F.map(countOf);
    if ([...men, ...women].some((v) => v === null)) unknown.push(r.labels.filter(Boolean).join(' / '));
    // a cell the sheet gives as n.d. stays unknown: never a 0
    return { labels: r.labels, men: men.some((v) => v === null) ? null : (men as number[]), women: women.some((v) => v === null) ? null : (women as number[]) };
  });
  const t = c.table;
  const notes = unknown.length ? [`Righe con dati non disponibili (n.d.) nel foglio, lasciate vuote: ${unknown.map((u) => `«${u}»`).join(', ')}.`] : [];
  return genderAgeTable(
    {
      title: CUG_TITLES['1.1'],
      section: CUG_SECTIONS['1.1'],
      source: 'table',
      from: [placeOfRange(t.table.grid, t.table.range)],
      ...(t.referenceDate ? { referenceDate: t.referenceDate } : {}),
      notes,
    },
    c.rowHeadings,
    lines,
  );
}
