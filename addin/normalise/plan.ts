/**
 * What «Normalizza» writes into the open workbook, computed from a Dossier as pure data: the same
 * sheets, columns, rows and number formats as the importer's PIAO.xlsx (importer/write/piao-sheets.ts
 * and piao-tables.ts), each list as an Excel table under a title, the PAP statistics as one table
 * per section. addin/office/normalise.ts only carries this plan out.
 */
import { Dossier } from '../../importer/engine/schema/dossier';
import { DATA_SHEETS, DataSheetKey, LIST_SHEETS, PAP_DATE_FMT, PAP_DATE_LABEL, PAP_SECTIONS, PAP_TITLE, PAP_TURNOVER, PAP_WIDTHS, papRowLabel } from '../../importer/write/piao-sheets';
import { dataRows, papValues } from '../../importer/write/piao-tables';
import { OfficeValue, officeValue, textValue } from '../sheet/office-values';

export type PlanKey = DataSheetKey | 'pap';

/** The sheets «Normalizza» writes, in tab order, with the names it gives them. */
export const NORMALISED_SHEETS: readonly { key: PlanKey; name: string; table: string }[] = [
  { key: 'objectives', name: 'Obiettivi PIAO', table: 'PIAO_Obiettivi' },
  { key: 'headcount', name: 'Personale', table: 'PIAO_Personale' },
  { key: 'workTime', name: 'Part-time', table: 'PIAO_PartTime' },
  { key: 'smartWorking', name: 'Lavoro agile', table: 'PIAO_LavoroAgile' },
  { key: 'turnover', name: 'Movimenti', table: 'PIAO_Movimenti' },
  { key: 'pap', name: 'Statistiche PAP', table: 'PAP' },
];

/** A text cell outside the tables: a title, a caption, the reference date. */
export interface TextWrite {
  row: number;
  col: number;
  value: OfficeValue;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

export interface TablePlan {
  name: string;
  /** 0-based position of the header row's first cell. */
  top: number;
  left: number;
  header: string[];
  rows: OfficeValue[][];
  /** Number format of every cell of `rows`. */
  formats: string[][];
}

export interface SheetPlan {
  key: PlanKey;
  name: string;
  texts: TextWrite[];
  tables: TablePlan[];
  /** Column widths in points, from column A. */
  widths: number[];
  /** Rows kept in view when scrolling (title and header). */
  freezeRows: number;
}

/** A width in characters (as the template gives it) in points, as Office.js sets it. */
export const widthPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

const GENERAL = 'General';

function listSheet(dossier: Dossier, key: DataSheetKey, name: string, table: string): SheetPlan | undefined {
  const spec = LIST_SHEETS[key];
  const { values } = dataRows(dossier, key);
  if (values.length === 0) return undefined;
  return {
    key,
    name,
    texts: [
      { row: 0, col: 0, value: textValue(spec.title), bold: true, size: 14 },
      { row: 1, col: 0, value: textValue(spec.subtitle), italic: true },
    ],
    tables: [
      {
        name: table,
        top: 2,
        left: 0,
        header: spec.columns.map((c) => c.header),
        rows: values.map((row) => row.map(officeValue)),
        formats: values.map(() => spec.columns.map((c: { numFmt?: string }) => c.numFmt ?? GENERAL)),
      },
    ],
    widths: spec.columns.map((c) => widthPoints(c.width)),
    freezeRows: 3,
  };
}

const pad = <T>(row: readonly T[], width: number, fill: T): T[] => [...row, ...Array<T>(Math.max(0, width - row.length)).fill(fill)];

/** Names of the PAP tables, one per section (Excel table names: letters, digits, underscores). */
const PAP_TABLES = ['PAP_Categorie', 'PAP_Vertice', 'PAP_PartTime', 'PAP_TempoDeterminato', 'PAP_LavoroAgile'];

function papSheet(dossier: Dossier, name: string, prefix: string): SheetPlan {
  const values = papValues(dossier.pap);
  const texts: TextWrite[] = [
    { row: 0, col: 0, value: textValue(PAP_TITLE), bold: true, size: 14 },
    { row: 1, col: 0, value: textValue(PAP_DATE_LABEL), bold: true },
    { row: 1, col: 1, value: officeValue(values.date), numberFormat: typeof values.date === 'string' ? undefined : PAP_DATE_FMT },
  ];
  const tables: TablePlan[] = [];
  let row = 3;
  PAP_SECTIONS.forEach((section, s) => {
    const width = section.headers.length;
    texts.push({ row, col: 0, value: textValue(section.title), bold: true, size: 12 });
    tables.push({
      name: PAP_TABLES[s].replace(/^PAP/, prefix),
      top: row + 1,
      left: 0,
      header: ['Voce', ...section.headers],
      rows: section.rows.map((r, i) => [textValue(papRowLabel(r.label, values.withoutGender[s][i])), ...pad(values.sections[s][i].map(officeValue), width, '')]),
      formats: section.rows.map((r) => [GENERAL, ...pad([...r.formats], width, GENERAL)]),
    });
    row += 2 + section.rows.length + 1;
  });
  if (values.turnover.length) {
    texts.push({ row, col: 0, value: textValue(PAP_TURNOVER.title), bold: true, size: 12 });
    tables.push({
      name: `${prefix}_Movimenti`,
      top: row + 1,
      left: 0,
      header: [...PAP_TURNOVER.headers],
      rows: values.turnover.map((r) => r.map(officeValue)),
      formats: values.turnover.map(() => [...PAP_TURNOVER.formats]),
    });
    row += 2 + values.turnover.length + 1;
  }
  // the figures not known («n.d.») or resting on flagged cells, and why: as under PIAO.xlsx's statistics
  if (values.notes.length) {
    texts.push({ row, col: 0, value: textValue('Note sui dati'), bold: true, size: 12 });
    values.notes.forEach((n, i) => {
      texts.push({ row: row + 1 + i, col: 0, value: textValue(n.name) }, { row: row + 1 + i, col: 1, value: textValue(n.text) });
    });
  }
  return { key: 'pap', name, texts, tables, widths: PAP_WIDTHS.map(widthPoints), freezeRows: 2 };
}

/** True when the dossier holds staff records, so the PAP statistics say something. */
export function hasStaff(d: Dossier): boolean {
  return d.headcount.length + d.workTime.length + d.smartWorking.length + d.turnover.length + (d.ungendered?.length ?? 0) > 0;
}

export interface PlanNames {
  /** The sheet name for each key (see pickSheetNames). */
  sheets: ReadonlyMap<PlanKey, string>;
  /** The table name for a wanted one (see pickTableName). */
  table(wanted: string): string;
}

/** The sheets to write for a dossier: the lists that have rows, and the PAP statistics when there is staff data. */
export function normalisePlan(dossier: Dossier, names: PlanNames): SheetPlan[] {
  const out: SheetPlan[] = [];
  for (const s of NORMALISED_SHEETS) {
    const name = names.sheets.get(s.key) ?? s.name;
    if (s.key === 'pap') {
      if (hasStaff(dossier)) {
        const plan = papSheet(dossier, name, 'PAP');
        out.push({ ...plan, tables: plan.tables.map((t) => ({ ...t, name: names.table(t.name) })) });
      }
      continue;
    }
    if (!(DATA_SHEETS as readonly string[]).includes(s.key)) continue;
    const plan = listSheet(dossier, s.key, name, names.table(s.table));
    if (plan) out.push(plan);
  }
  return out;
}

/**
 * Sheet names for the normalised sheets: the usual name, unless a sheet of the user's has it
 * (names compare without case, as Excel does); then "Nome (PIAO)", "Nome (PIAO 2)"...
 */
export function pickSheetNames(userSheets: readonly string[]): Map<PlanKey, string> {
  const taken = new Set(userSheets.map((n) => n.toLowerCase()));
  const out = new Map<PlanKey, string>();
  for (const s of NORMALISED_SHEETS) {
    let name = s.name;
    for (let n = 1; taken.has(name.toLowerCase()); n++) name = `${s.name} (PIAO${n > 1 ? ` ${n}` : ''})`;
    taken.add(name.toLowerCase());
    out.set(s.key, name);
  }
  return out;
}

/** A table name no table of the user's has: "PIAO_Obiettivi", else "PIAO_Obiettivi_2"... */
export function tableNamer(userTables: readonly string[]): (wanted: string) => string {
  const taken = new Set(userTables.map((n) => n.toLowerCase()));
  const given = new Map<string, string>();
  return (wanted) => {
    const known = given.get(wanted);
    if (known) return known;
    let name = wanted;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
    taken.add(name.toLowerCase());
    given.set(wanted, name);
    return name;
  };
}
