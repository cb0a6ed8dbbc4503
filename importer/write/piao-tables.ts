/**
 * The values of PIAO.xlsx computed from a Dossier, row by row, as pure data: the importer's writer
 * (piao-xlsx.ts) puts them in the template with exceljs, the add-in's «Normalizza» writes the same
 * rows into the open workbook through Office.js. One place decides what each row holds.
 */
import { Dossier, Finding, PapStatistics, Place } from '../engine/schema/dossier';
import { findingsText, objectiveFindings, recordFindings } from './record-findings';
import { formatNumberIt } from '../engine/rules/rule';
import { CATEGORY_IT, GENDER_IT, LEVEL_IT, MOVEMENT_IT, REGIME_IT, SMART_MODE_IT, WEIGHT_KIND_IT } from './labels';
import { DataSheetKey, PAP_CATEGORY_ROWS, PAP_SECTIONS } from './piao-sheets';
import { FigureRef, flaggedIt, flaggedOf, ND, PapNote, papNotes, unknownOf, unknownReasonIt, Who } from './pap-figures';

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

/** Rows of records, each ending with its «Segnalazioni» (severity and rule title of the findings at its cells) and its source. */
function rows<T extends { at: Place }>(records: readonly T[], findings: readonly Finding[][], row: (r: T) => TableCell[]): DataRows {
  return { values: records.map((r, i) => [...row(r), findingsText(findings[i]), sourceText(r.at)]), places: records.map((r) => r.at) };
}

/** The weight as printed (percentage points or coefficient); per manager, each manager's weight in one text. */
function weightCell(o: Dossier['objectives'][number]): TableCell {
  if (o.weights?.length) return o.weights.map((w) => `${w.manager}: ${formatNumberIt(w.weight)}`).join('; ');
  return o.weight === undefined ? null : o.weight;
}

/** The rows of one list sheet of PIAO.xlsx. */
export function dataRows(dossier: Dossier, key: DataSheetKey): DataRows {
  const staffRows = <T extends { at: Place }>(records: readonly T[], row: (r: T) => TableCell[]) => rows(records, recordFindings(records, dossier.findings), row);
  switch (key) {
    case 'objectives':
      return rows(dossier.objectives, objectiveFindings(dossier.objectives, dossier.findings), (o) => [
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
      return staffRows(dossier.headcount, (h) => [isoDate(h.referenceDate), CATEGORY_IT[h.category], h.label, orNull(h.structure), orNull(h.ageBand), GENDER_IT[h.gender], h.count, h.fixedTerm]);
    case 'workTime':
      return staffRows(dossier.workTime, (w) => [isoDate(w.referenceDate), REGIME_IT[w.regime], GENDER_IT[w.gender], w.count, w.fixedTerm]);
    case 'smartWorking':
      return staffRows(dossier.smartWorking, (s) => [isoDate(s.referenceDate), SMART_MODE_IT[s.mode], GENDER_IT[s.gender], s.count]);
    case 'turnover':
      return staffRows(dossier.turnover, (t) => [t.year, MOVEMENT_IT[t.movement], GENDER_IT[t.gender], t.count, t.fixedTerm]);
  }
}

/** What a value cell of the PAP sheet says beyond its value: not known (why), or resting on flagged cells (which). */
export interface CellMark {
  kind: 'unknown' | 'flagged';
  /** Italian, for a note or a tooltip on the cell. */
  text: string;
}

export interface PapValues {
  /** The reference date, or the words "non indicata". */
  date: Date | string;
  /** For each of PAP_SECTIONS, for each of its rows, the value cells: «n.d.» for a figure not known, never 0. */
  sections: TableCell[][][];
  /** For each value cell of `sections`, what it says beyond its value (undefined: nothing). */
  marks: (CellMark | undefined)[][][];
  /** For each of PAP_SECTIONS, for each of its rows: true when its figures have no gender (see papRowLabel). */
  withoutGender: boolean[][];
  /** Hires and terminations, one row per year, oldest first (columns of PAP_TURNOVER); «n.d.» where not known. */
  turnover: TableCell[][];
  turnoverMarks: (CellMark | undefined)[][];
  /** The figures not known or flagged, one line each, for the list under the statistics. */
  notes: PapNote[];
}

/** False when the figure's source gives only its total (files written before the flag read as by gender). */
const byGender = (x: { byGender?: boolean }) => x.byGender !== false;

/**
 * The values of the PAP sheet, in the order of PAP_SECTIONS. A figure not known is «n.d.» (with
 * its reason as a mark); a share of figures not known too; Donne and Uomini of a figure whose
 * source gives only the total are empty (the row's label says so); a figure resting on flagged
 * cells keeps its value and is marked.
 */
export function papValues(pap: PapStatistics): PapValues {
  const mark = (ref: FigureRef): CellMark | undefined => {
    const u = unknownOf(pap, ref);
    if (u) return { kind: 'unknown', text: `${ND}: ${unknownReasonIt(u)}.` };
    const f = flaggedOf(pap, ref);
    return f ? { kind: 'flagged', text: `Dato ${flaggedIt(f)}.` } : undefined;
  };
  /** A count: its value, «n.d.» when not known. */
  const count = (ref: FigureRef, value: number): [TableCell, CellMark | undefined] => [unknownOf(pap, ref) ? ND : value, mark(ref)];
  /** A share of `part` over `whole`: «n.d.» when either is not known, empty when it cannot be computed. */
  const shareCell = (value: number | null | undefined, part: FigureRef, whole: FigureRef): [TableCell, CellMark | undefined] => {
    const u = unknownOf(pap, part) ?? unknownOf(pap, whole);
    if (u) return [ND, { kind: 'unknown', text: `${ND}: ${unknownReasonIt(u)}.` }];
    return [value === null || value === undefined ? null : value, undefined];
  };
  const empty: [TableCell, CellMark | undefined] = [null, undefined];
  /** Donne, Uomini and Totale of a figure; Donne and Uomini empty when its source gives only the total. */
  const trio = (figure: FigureRef['figure'], x: { F: number; M: number; byGender?: boolean }, total: number, extra: Partial<FigureRef> = {}) =>
    byGender(x) ? [count({ figure, who: 'F', ...extra }, x.F), count({ figure, who: 'M', ...extra }, x.M), count({ figure, who: 'total', ...extra }, total)] : [empty, empty, count({ figure, who: 'total', ...extra }, total)];

  const categories = PAP_CATEGORY_ROWS.map((c) => {
    const b = pap.byCategory.find((x) => x.category === c.category);
    const ref = { category: c.category };
    const F = b?.F ?? 0;
    const M = b?.M ?? 0;
    return [...trio('category', { F, M }, F + M, ref), shareCell(b?.shareF, { figure: 'category', who: 'F', ...ref }, { figure: 'category', who: 'total', ...ref })];
  });
  const h = pap.headcount;
  const pt = pap.partTime;
  const ft = pap.fixedTerm;
  const sw = pap.smartWorking;
  const staff = (who: Who): FigureRef => ({ figure: 'headcount', who });
  const cells: [TableCell, CellMark | undefined][][][] = [
    [...categories, [...trio('headcount', h, h.total), shareCell(h.shareF, staff('F'), staff('total'))]],
    [[...trio('top', pap.top, pap.top.total), shareCell(pap.top.shareF, { figure: 'top', who: 'F' }, { figure: 'top', who: 'total' })]],
    [
      trio('partTime', pt, pt.total ?? pt.F + pt.M),
      byGender(pt)
        ? [shareCell(pt.shareF, { figure: 'partTime', who: 'F' }, staff('F')), shareCell(pt.shareM, { figure: 'partTime', who: 'M' }, staff('M')), shareCell(pt.share, { figure: 'partTime', who: 'total' }, staff('total'))]
        : [empty, empty, shareCell(pt.share, { figure: 'partTime', who: 'total' }, staff('total'))],
    ],
    [trio('fixedTerm', ft, ft.total ?? ft.F + ft.M)],
    [
      trio('smartWorking', sw, sw.total),
      byGender(sw)
        ? [shareCell(sw.shareF, { figure: 'smartWorking', who: 'F' }, staff('F')), shareCell(sw.shareM, { figure: 'smartWorking', who: 'M' }, staff('M')), shareCell(sw.share, { figure: 'smartWorking', who: 'total' }, staff('total'))]
        : [empty, empty, shareCell(sw.share, { figure: 'smartWorking', who: 'total' }, staff('total'))],
    ],
  ];
  const withoutGender: boolean[][] = [
    [...categories.map(() => false), !byGender(h)],
    [false],
    [!byGender(pt), false],
    [!byGender(ft)],
    [!byGender(sw), false],
  ];
  cells.forEach((s, i) => {
    if (s.length !== PAP_SECTIONS[i].rows.length) throw new Error(`sezione PAP ${PAP_SECTIONS[i].title}: ${s.length} righe di valori per ${PAP_SECTIONS[i].rows.length} righe`);
  });
  const turnover = [...pap.turnover]
    .sort((a, b) => a.year - b.year)
    .map((t): [TableCell, CellMark | undefined][] => {
      const figures = [count({ figure: 'hires', who: 'F', year: t.year }, t.hires.F), count({ figure: 'hires', who: 'M', year: t.year }, t.hires.M), count({ figure: 'terminations', who: 'F', year: t.year }, t.terminations.F), count({ figure: 'terminations', who: 'M', year: t.year }, t.terminations.M)];
      const unknown = figures.find(([, m]) => m?.kind === 'unknown');
      const balance: [TableCell, CellMark | undefined] = unknown ? [ND, unknown[1]] : [t.hires.F + t.hires.M - t.terminations.F - t.terminations.M, undefined];
      return [[t.year, undefined], ...figures, balance];
    });
  return {
    date: isoDate(pap.referenceDate) ?? 'non indicata',
    sections: cells.map((s) => s.map((r) => r.map(([v]) => v))),
    marks: cells.map((s) => s.map((r) => r.map(([, m]) => m))),
    withoutGender,
    turnover: turnover.map((r) => r.map(([v]) => v)),
    turnoverMarks: turnover.map((r) => r.map(([, m]) => m)),
    notes: papNotes(pap),
  };
}
