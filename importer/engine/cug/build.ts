/**
 * The CUG tables as the portal lays them out, from counts: the headings, the detail rows, the
 * «Totale» and «Totale %» rows, the shares. Shares are fractions rounded to the portal's two
 * decimals of a percentage point; null where the portal leaves the cell empty or the share is of
 * nobody.
 */
import { CugColumn, CugRow, CugTable } from '../schema/cug';
import { Place } from '../schema/dossier';
import { BOTH, CUG_AGE_BANDS, CUG_AGE_HEADINGS, MEN, SHARE_HEADINGS, STUDY_HEADINGS, TOTAL_LABELS, WOMEN } from './format';

/** A share as the portal prints it: two decimals of a percentage point (kept as a fraction). */
export function share(part: number, whole: number): number | null {
  if (!(whole > 0)) return null;
  return Math.round((part / whole) * 10000) / 10000;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Uomini and Donne, each over the five age bands (table 1.1). */
export function genderAgeColumns(): CugColumn[] {
  return [MEN, WOMEN].flatMap((group) => CUG_AGE_BANDS.map((b): CugColumn => ({ group, label: CUG_AGE_HEADINGS[b], kind: 'count' })));
}

/** Uomini and Donne, each over the age bands, «Totale», «Totale % (1)», «% di genere» (tables 1.2, 1.4, 2.1). */
export function genderAgeShareColumns(): CugColumn[] {
  const part = (group: string, g: 'M' | 'F'): CugColumn[] => [
    ...CUG_AGE_BANDS.map((b): CugColumn => ({ group, label: CUG_AGE_HEADINGS[b], kind: 'count' })),
    { group, label: SHARE_HEADINGS.total, kind: 'count' },
    { group, label: SHARE_HEADINGS.rowShare, kind: 'percent' },
    { group, label: SHARE_HEADINGS.genderShare[g], kind: 'percent' },
  ];
  return [...part(MEN, 'M'), ...part(WOMEN, 'F')];
}

/** «Valori assoluti | % (1)» under Uomini and Donne, «Valori assoluti | % (2)» under Totale (tables 1.6, 1.7). */
export function studyColumns(): CugColumn[] {
  return [
    { group: MEN, label: STUDY_HEADINGS.count, kind: 'count' },
    { group: MEN, label: STUDY_HEADINGS.share, kind: 'percent' },
    { group: WOMEN, label: STUDY_HEADINGS.count, kind: 'count' },
    { group: WOMEN, label: STUDY_HEADINGS.share, kind: 'percent' },
    { group: BOTH, label: STUDY_HEADINGS.count, kind: 'count' },
    { group: BOTH, label: STUDY_HEADINGS.totalShare, kind: 'percent' },
  ];
}

interface Base {
  title: string;
  section?: string;
  source: CugTable['source'];
  from: Place[];
  referenceDate?: string;
  notes?: string[];
}

function table(base: Base, rowHeadings: string[], columns: CugColumn[], rows: CugRow[]): CugTable {
  const out: CugTable = { title: base.title, rowHeadings, columns, rows, source: base.source, from: base.from };
  if (base.section) out.section = base.section;
  if (base.referenceDate) out.referenceDate = base.referenceDate;
  if (base.notes?.length) out.notes = base.notes;
  return out;
}

/** A detail line of a table by gender and age: its labels and its counts, men's bands then women's (null: to be filled). */
export interface AgeLine {
  labels: string[];
  men: readonly number[] | null;
  women: readonly number[] | null;
}

/** Table 1.1: counts by band, «Totale personale», «Totale % sul personale complessivo». */
export function genderAgeTable(base: Base, rowHeadings: string[], lines: readonly AgeLine[]): CugTable {
  const width = CUG_AGE_BANDS.length * 2;
  const details: CugRow[] = lines.map((l) => ({ labels: l.labels, kind: 'detail', values: [...(l.men ?? nulls(5)), ...(l.women ?? nulls(5))] }));
  // a column with an unknown cell has no total; without every total, no share of the whole
  const totals = Array.from({ length: width }, (_, i) => (details.some((r) => r.values[i] === null) ? null : sum(details.map((r) => r.values[i] as number))));
  const grand = totals.some((t) => t === null) ? 0 : sum(totals as number[]);
  const pad = rowHeadings.slice(1).map(() => '');
  return table(base, rowHeadings, genderAgeColumns(), [
    ...details,
    { labels: [TOTAL_LABELS.staff, ...pad], kind: 'total', values: totals },
    { labels: [TOTAL_LABELS.staffShare, ...pad], kind: 'percent', values: totals.map((t) => (t === null ? null : share(t, grand))) },
  ]);
}

const nulls = (n: number): null[] => Array<null>(n).fill(null);

/**
 * Tables 1.2, 1.4 and 2.1: per gender the bands, «Totale», «Totale % (1)» (the gender's share of
 * the row), «% di genere» (the row's share of the gender's total); a «Totale» row and a «Totale %»
 * row (shares of everybody counted), their share cells empty as the portal prints them. A line to
 * be filled makes the totals unknown: they are left empty too.
 */
export function genderAgeShareTable(base: Base, rowHeading: string, lines: readonly AgeLine[]): CugTable {
  const complete = lines.every((l) => l.men && l.women);
  const menTotals = CUG_AGE_BANDS.map((_, i) => sum(lines.map((l) => l.men?.[i] ?? 0)));
  const womenTotals = CUG_AGE_BANDS.map((_, i) => sum(lines.map((l) => l.women?.[i] ?? 0)));
  const men = sum(menTotals);
  const women = sum(womenTotals);
  const grand = men + women;
  const rows: CugRow[] = lines.map((l) => {
    if (!l.men || !l.women) return { labels: l.labels, kind: 'detail', values: nulls(16), toFill: true };
    const m = sum(l.men);
    const f = sum(l.women);
    return {
      labels: l.labels,
      kind: 'detail',
      values: [...l.men, m, share(m, m + f), complete ? share(m, men) : null, ...l.women, f, share(f, m + f), complete ? share(f, women) : null],
    };
  });
  if (complete) {
    rows.push({ labels: [TOTAL_LABELS.total], kind: 'total', values: [...menTotals, men, null, null, ...womenTotals, women, null, null] });
    rows.push({ labels: [TOTAL_LABELS.totalShare], kind: 'percent', values: [...menTotals.map((t) => share(t, grand)), share(men, grand), null, null, ...womenTotals.map((t) => share(t, grand)), share(women, grand), null, null] });
  } else {
    rows.push({ labels: [TOTAL_LABELS.total], kind: 'total', values: nulls(16) });
    rows.push({ labels: [TOTAL_LABELS.totalShare], kind: 'percent', values: nulls(16) });
  }
  return table(base, [rowHeading], genderAgeShareColumns(), rows);
}

/** A line of tables 1.6 and 1.7: a level, a study title, men and women. */
export interface StudyLine {
  level: string;
  title: string;
  men: number;
  women: number;
}

/** Tables 1.6 and 1.7: each gender's count and share of the line, the line's total and share of everybody; «Totale personale». */
export function studyTable(base: Base, lines: readonly StudyLine[]): CugTable {
  const all = sum(lines.map((l) => l.men + l.women));
  const men = sum(lines.map((l) => l.men));
  const women = sum(lines.map((l) => l.women));
  const rows: CugRow[] = lines.map((l) => ({
    labels: [l.level, l.title],
    kind: 'detail',
    values: [l.men, share(l.men, l.men + l.women), l.women, share(l.women, l.men + l.women), l.men + l.women, share(l.men + l.women, all)],
  }));
  rows.push({ labels: [TOTAL_LABELS.staff, ''], kind: 'total', values: [men, share(men, all), women, share(women, all), all, share(all, all)] });
  return table(base, ['Inquadramento', 'Titolo di studio'], studyColumns(), rows);
}

/** Hires and terminations of the year: Uomini, Donne, Totale. */
export function movementsTable(base: Base, year: number, hires: readonly [number, number] | null, ends: readonly [number, number] | null): CugTable {
  const columns: CugColumn[] = [MEN, WOMEN, BOTH].map((label) => ({ label, kind: 'count' }));
  const row = (label: string, v: readonly [number, number] | null): CugRow =>
    v ? { labels: [label], kind: 'detail', values: [v[1], v[0], v[0] + v[1]] } : { labels: [label], kind: 'detail', values: [null, null, null], toFill: true };
  return table(base, ['Movimenti dell’anno'], columns, [row(`Assunzioni ${year}`, hires), row(`Cessazioni ${year}`, ends)]);
}
