/**
 * The values of PIAO.xlsx computed from a Dossier, row by row, as pure data: the importer's writer
 * (piao-xlsx.ts) puts them in the template with exceljs, the add-in's «Normalizza» writes the same
 * rows into the open workbook through Office.js. One place decides what each row holds.
 */
import { Dossier, PapStatistics, Place } from '../engine/schema/dossier';
import { formatNumberIt } from '../engine/rules/rule';
import { CATEGORY_IT, GENDER_IT, LEVEL_IT, MOVEMENT_IT, REGIME_IT, SMART_MODE_IT, WEIGHT_KIND_IT } from './labels';
import { DataSheetKey, PAP_CATEGORY_ROWS, PAP_SECTIONS } from './piao-sheets';

/** A value cell: text, number, date (UTC midnight) or empty. */
export type TableCell = string | number | Date | null;

export interface DataRows {
  /** One row per record, in the column order of the sheet's ColumnSpec list; the last column is the source. */
  values: TableCell[][];
  /** Where each row's record was read (the source column links there). */
  places: Place[];
}

/** "2024-12-31" as a date value (UTC midnight, so Excel shows the same day everywhere). */
export function isoDate(iso: string | undefined): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The text of a source cell: "file.xlsx · Foglio!C23". */
export function sourceText(p: Place): string {
  return `${p.file} · ${p.sheet}!${p.cell}`;
}

const orNull = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);

function rows<T extends { at: Place }>(records: readonly T[], row: (r: T) => TableCell[]): DataRows {
  return { values: records.map((r) => [...row(r), sourceText(r.at)]), places: records.map((r) => r.at) };
}

/** The weight as printed (percentage points or coefficient); per manager, each manager's weight in one text. */
function weightCell(o: Dossier['objectives'][number]): TableCell {
  if (o.weights?.length) return o.weights.map((w) => `${w.manager}: ${formatNumberIt(w.weight)}`).join('; ');
  return o.weight === undefined ? null : o.weight;
}

/** The rows of one list sheet of PIAO.xlsx. */
export function dataRows(dossier: Dossier, key: DataSheetKey): DataRows {
  switch (key) {
    case 'objectives':
      return rows(dossier.objectives, (o) => [
        LEVEL_IT[o.level],
        o.code,
        o.parent,
        o.title,
        o.structure,
        orNull(o.responsible),
        orNull(o.indicator),
        orNull(o.target),
        weightCell(o),
        o.weightKind ? WEIGHT_KIND_IT[o.weightKind] : null,
        orNull(o.mission),
        orNull(o.programme),
        o.codeAssigned ? 'sì' : null,
      ]);
    case 'headcount':
      return rows(dossier.headcount, (h) => [isoDate(h.referenceDate), CATEGORY_IT[h.category], h.label, GENDER_IT[h.gender], h.count, h.fixedTerm]);
    case 'workTime':
      return rows(dossier.workTime, (w) => [isoDate(w.referenceDate), REGIME_IT[w.regime], GENDER_IT[w.gender], w.count, w.fixedTerm]);
    case 'smartWorking':
      return rows(dossier.smartWorking, (s) => [isoDate(s.referenceDate), SMART_MODE_IT[s.mode], GENDER_IT[s.gender], s.count]);
    case 'turnover':
      return rows(dossier.turnover, (t) => [t.year, MOVEMENT_IT[t.movement], GENDER_IT[t.gender], t.count, t.fixedTerm]);
  }
}

export interface PapValues {
  /** The reference date, or the words "non indicata". */
  date: Date | string;
  /** For each of PAP_SECTIONS, for each of its rows, the value cells. */
  sections: TableCell[][][];
  /** For each of PAP_SECTIONS, for each of its rows: true when its figures have no gender (see papRowLabel). */
  withoutGender: boolean[][];
  /** Hires and terminations, one row per year, oldest first (columns of PAP_TURNOVER). */
  turnover: number[][];
}

const shareCell = (n: number | null | undefined): TableCell => (n === null || n === undefined ? null : n);

/** False when the figure's source gives only its total (files written before the flag read as by gender). */
const byGender = (x: { byGender?: boolean }) => x.byGender !== false;

/** Donne and Uomini of a figure: empty when its source gives only the total, never 0. */
function genders(x: { F: number; M: number; byGender?: boolean }): TableCell[] {
  return byGender(x) ? [x.F, x.M] : [null, null];
}

/** The values of the PAP sheet, in the order of PAP_SECTIONS. */
export function papValues(pap: PapStatistics): PapValues {
  // no table by category: the category rows are unknown, not 0
  const known = pap.byCategory.length > 0;
  const categories = PAP_CATEGORY_ROWS.map((c) => {
    const b = pap.byCategory.find((x) => x.category === c.category);
    return known ? [b?.F ?? 0, b?.M ?? 0, b?.total ?? 0, shareCell(b?.shareF)] : [null, null, null, null];
  });
  const pt = pap.partTime;
  const ft = pap.fixedTerm;
  const sw = pap.smartWorking;
  const sections: TableCell[][][] = [
    [...categories, [...genders(pap.headcount), pap.headcount.total, shareCell(pap.headcount.shareF)]],
    [known ? [pap.top.F, pap.top.M, pap.top.total, shareCell(pap.top.shareF)] : [null, null, null, null]],
    [
      [...genders(pt), pt.total ?? pt.F + pt.M],
      [shareCell(pt.shareF), shareCell(pt.shareM), shareCell(pt.share)],
    ],
    [[...genders(ft), ft.total ?? ft.F + ft.M]],
    [
      [...genders(sw), sw.total],
      [shareCell(sw.shareF), shareCell(sw.shareM), shareCell(sw.share)],
    ],
  ];
  const withoutGender: boolean[][] = [
    [...categories.map(() => false), !byGender(pap.headcount)],
    [false],
    [!byGender(pt), false],
    [!byGender(ft)],
    [!byGender(sw), false],
  ];
  sections.forEach((s, i) => {
    if (s.length !== PAP_SECTIONS[i].rows.length) throw new Error(`sezione PAP ${PAP_SECTIONS[i].title}: ${s.length} righe di valori per ${PAP_SECTIONS[i].rows.length} righe`);
  });
  const turnover = [...pap.turnover]
    .sort((a, b) => a.year - b.year)
    .map((t) => [t.year, t.hires.F, t.hires.M, t.terminations.F, t.terminations.M, t.hires.F + t.hires.M - t.terminations.F - t.terminations.M]);
  return { date: isoDate(pap.referenceDate) ?? 'non indicata', sections, withoutGender, turnover };
}
