/**
 * The sheets of PIAO.xlsx, as pure data (no exceljs, no Node): names, titles, columns with widths,
 * number formats and validation lists, the rows of the PAP sheet. The importer's template and
 * writer (piao-layout.ts, piao-xlsx.ts) and the add-in's «Normalizza» use the same definitions,
 * and piao-tables.ts computes the rows of values of both from a Dossier.
 */
import { AgeBand } from '../engine/schema/dossier';
import { CATEGORIES, CATEGORY_IT, GENDER_IT, LEVEL_IT, LEVELS, MOVEMENT_IT, PERCENT_FMT, REGIMES, REGIME_IT, SMART_MODE_IT, WEIGHT_KINDS, WEIGHT_KIND_IT } from './labels';

const AGE_BANDS: readonly string[] = AgeBand.options;

export interface ColumnSpec {
  header: string;
  width: number;
  numFmt?: string;
  /** Values offered by a data validation list. */
  list?: readonly string[];
  /** A data validation on typed values: a whole number (a count of people) or a number (a weight), 0 or more. */
  number?: 'whole' | 'decimal';
  /** Codes and targets written as text («01.02», «100»): Excel is told not to warn that a number is stored as text. */
  text?: boolean;
  /** Shown only when some row has a value (an age band, a structure): hidden otherwise. */
  optional?: boolean;
  /** Long texts: wrapped, and each row as tall as its lines. */
  wrap?: boolean;
}

export interface ListSheetSpec {
  name: string;
  title: string;
  subtitle: string;
  columns: readonly ColumnSpec[];
}

const SOURCE_COL: ColumnSpec = { header: 'Fonte (file · foglio!cella)', width: 46 };
/** The findings at a row's cells: severity and rule title, to filter the rows with problems. */
const FINDINGS_COL: ColumnSpec = { header: 'Segnalazioni', width: 32, wrap: true };
const PEOPLE: ColumnSpec = { header: 'Persone', width: 10, numFmt: '#,##0', number: 'whole' };
const FIXED_TERM: ColumnSpec = { header: 'di cui a tempo determinato', width: 14, numFmt: '#,##0', number: 'whole' };
const DATE_FMT = 'dd/mm/yyyy';
const COUNT_FMT = '#,##0';
const GENDERS = [GENDER_IT.F, GENDER_IT.M];

export const LIST_SHEETS = {
  sources: {
    name: 'Fonti',
    title: 'Fonti del dossier',
    subtitle: 'I file letti, il loro esito e i fogli riconosciuti.',
    columns: [
      { header: 'File', width: 44 },
      { header: 'Esito', width: 11, list: ['letto', 'non letto'] },
      { header: 'Fogli', width: 60, wrap: true },
      { header: 'Messaggio', width: 70, wrap: true },
    ],
  },
  objectives: {
    name: 'Obiettivi',
    title: 'Sezione 2.2 Performance: albero degli obiettivi',
    subtitle: 'Valore pubblico, linee di mandato, obiettivi strategici e operativi del DUP, obiettivi di performance del PIAO/PEG.',
    columns: [
      { header: 'Livello', width: 24, list: LEVELS.map((l) => LEVEL_IT[l]) },
      { header: 'Codice', width: 13, text: true },
      { header: 'Codice padre', width: 13, text: true },
      { header: 'Titolo', width: 60, wrap: true },
      { header: 'Struttura responsabile', width: 30, wrap: true },
      { header: 'Responsabile', width: 26, wrap: true },
      { header: 'Indicatore', width: 36, wrap: true },
      { header: 'Target', width: 24, text: true, wrap: true },
      { header: 'Peso', width: 10, numFmt: '0.##', number: 'decimal' },
      { header: 'Tipo di peso', width: 14, list: WEIGHT_KINDS.map((k) => WEIGHT_KIND_IT[k]) },
      { header: 'Missione', width: 10, text: true },
      { header: 'Programma', width: 11, text: true },
      { header: 'Codice assegnato', width: 11, list: ['sì'] },
      FINDINGS_COL,
      SOURCE_COL,
    ],
  },
  headcount: {
    name: 'Personale',
    title: 'Sezione 3.3: personale in servizio per categoria e genere',
    subtitle: 'Persone in servizio, comprese quelle a tempo determinato (indicate anche a parte).',
    columns: [
      { header: 'Data di riferimento', width: 14, numFmt: DATE_FMT },
      { header: 'Categoria', width: 20, list: CATEGORIES.map((c) => CATEGORY_IT[c]) },
      { header: 'Qualifica (come nel foglio)', width: 30, wrap: true },
      { header: 'Struttura', width: 24, optional: true, wrap: true },
      { header: "Fascia d'età", width: 10, list: AGE_BANDS, optional: true },
      { header: 'Genere', width: 10, list: GENDERS },
      PEOPLE,
      FIXED_TERM,
      FINDINGS_COL,
      SOURCE_COL,
    ],
  },
  workTime: {
    name: 'Part-time',
    title: 'Tempo pieno e part-time per genere',
    subtitle: 'Persone per regime orario, comprese quelle a tempo determinato.',
    columns: [
      { header: 'Data di riferimento', width: 14, numFmt: DATE_FMT },
      { header: 'Regime', width: 22, list: REGIMES.map((r) => REGIME_IT[r]) },
      { header: 'Genere', width: 10, list: GENDERS },
      PEOPLE,
      FIXED_TERM,
      FINDINGS_COL,
      SOURCE_COL,
    ],
  },
  smartWorking: {
    name: 'Lavoro agile',
    title: 'Sezione 3.2: lavoro agile per genere',
    subtitle: 'Persone in lavoro agile, parziale o totale.',
    columns: [
      { header: 'Data di riferimento', width: 14, numFmt: DATE_FMT },
      { header: 'Modalità', width: 16, list: [SMART_MODE_IT.partial, SMART_MODE_IT.full] },
      { header: 'Genere', width: 10, list: GENDERS },
      PEOPLE,
      FINDINGS_COL,
      SOURCE_COL,
    ],
  },
  turnover: {
    name: 'Assunzioni e cessazioni',
    title: 'Assunzioni e cessazioni per anno e genere',
    subtitle: 'Persone assunte o cessate nell’anno, comprese quelle a tempo determinato.',
    columns: [
      { header: 'Anno', width: 8, numFmt: '0' },
      { header: 'Movimento', width: 14, list: [MOVEMENT_IT.hire, MOVEMENT_IT.termination] },
      { header: 'Genere', width: 10, list: GENDERS },
      PEOPLE,
      FIXED_TERM,
      FINDINGS_COL,
      SOURCE_COL,
    ],
  },
  findings: {
    name: 'Anomalie',
    title: 'Anomalie trovate nei fogli',
    subtitle: 'Ogni segnalazione con il controllo, il messaggio e la cella: il collegamento apre la copia annotata del foglio.',
    columns: [
      { header: 'Gravità', width: 10, list: ['Errore', 'Avviso', 'Nota'] },
      { header: 'Controllo', width: 24, wrap: true },
      { header: 'Messaggio', width: 80, wrap: true },
      { header: 'File', width: 32, wrap: true },
      { header: 'Foglio', width: 24, wrap: true },
      { header: 'Cella', width: 10 },
      { header: 'Celle collegate', width: 24, wrap: true },
      { header: 'Id del controllo', width: 22 },
    ],
  },
} as const satisfies Record<string, ListSheetSpec>;

export type ListSheetKey = keyof typeof LIST_SHEETS;

/** Order of the sheets in the workbook. */
export const SHEET_ORDER: readonly (ListSheetKey | 'pap')[] = ['objectives', 'headcount', 'workTime', 'smartWorking', 'turnover', 'pap', 'findings', 'sources'];

export const PAP_SHEET = 'Statistiche PAP';

/** Defined names of the PAP sheet: each names the first value cell of its row. */
export const PAP_NAMES = {
  date: 'pap_data',
  categories: 'pap_categorie',
  total: 'pap_totale',
  top: 'pap_vertice',
  partTime: 'pap_part_time',
  partTimeShare: 'pap_part_time_quota',
  fixedTerm: 'pap_tempo_determinato',
  smartWorking: 'pap_lavoro_agile',
  smartWorkingShare: 'pap_lavoro_agile_quota',
  turnover: 'pap_turnover',
} as const;

export const PAP_CATEGORY_ROWS = CATEGORIES.map((c) => ({ category: c, label: CATEGORY_IT[c] }));


/** The sheets the add-in's «Normalizza» writes into the open workbook, in this order. */
export const DATA_SHEETS = ['objectives', 'headcount', 'workTime', 'smartWorking', 'turnover'] as const satisfies readonly ListSheetKey[];
export type DataSheetKey = (typeof DATA_SHEETS)[number];

export type PapName = keyof typeof PAP_NAMES;

/** A row of the PAP sheet: its label in column A, the number format of each value cell after it. */
export interface PapRowSpec {
  label: string;
  formats: readonly string[];
  /** The defined name of the row's first value cell (rows without one follow the named row above). */
  name?: PapName;
  total?: boolean;
}

export interface PapSectionSpec {
  title: string;
  /** Headers of the value columns (column A has none). */
  headers: readonly string[];
  rows: readonly PapRowSpec[];
}

export const PAP_TITLE = 'Statistiche del Piano delle azioni positive (PAP)';
export const PAP_DATE_LABEL = 'Data di riferimento';
export const PAP_DATE_FMT = DATE_FMT;
export const PAP_WIDTHS = [50, 13, 13, 13, 13, 13] as const;

const COUNTS3 = [COUNT_FMT, COUNT_FMT, COUNT_FMT];
const COUNTS4 = [COUNT_FMT, COUNT_FMT, COUNT_FMT, PERCENT_FMT];
const GENDER_HEADERS = ['Donne', 'Uomini', 'Totale'];

/** The sections of the PAP sheet, top to bottom; the turnover table (PAP_TURNOVER) comes last. */
export const PAP_SECTIONS: readonly PapSectionSpec[] = [
  {
    title: 'Personale per categoria e genere',
    headers: [...GENDER_HEADERS, '% donne'],
    rows: [...PAP_CATEGORY_ROWS.map((c, i): PapRowSpec => ({ label: c.label, formats: COUNTS4, name: i === 0 ? 'categories' : undefined })), { label: 'Totale personale', formats: COUNTS4, name: 'total', total: true }],
  },
  { title: 'Posizioni di vertice (dirigenti e segretario)', headers: [...GENDER_HEADERS, '% donne'], rows: [{ label: 'Persone', formats: COUNTS4, name: 'top' }] },
  {
    title: 'Part-time',
    headers: GENDER_HEADERS,
    rows: [
      { label: 'Persone in part-time', formats: COUNTS3, name: 'partTime' },
      { label: '% del personale in part-time (per genere e in totale)', formats: [PERCENT_FMT, PERCENT_FMT, PERCENT_FMT], name: 'partTimeShare' },
    ],
  },
  { title: 'Tempo determinato', headers: GENDER_HEADERS, rows: [{ label: 'Persone a tempo determinato', formats: COUNTS3, name: 'fixedTerm' }] },
  {
    title: 'Lavoro agile',
    headers: GENDER_HEADERS,
    rows: [
      { label: 'Persone in lavoro agile', formats: COUNTS3, name: 'smartWorking' },
      { label: '% del personale (per genere e in totale)', formats: [PERCENT_FMT, PERCENT_FMT, PERCENT_FMT], name: 'smartWorkingShare' },
    ],
  },
];

/**
 * Appended to a PAP row's label when its figures come from a source that gives only the total
 * (a «di cui part-time» column with no gender): Donne and Uomini are left empty, never 0.
 */
export const WITHOUT_GENDER_NOTE = ' (solo totale, genere non indicato)';

/** The label of a PAP row as written: the template's own, with the note when its figures have no gender. */
export function papRowLabel(label: string, withoutGender: boolean): string {
  return withoutGender && !label.endsWith(WITHOUT_GENDER_NOTE) ? `${label}${WITHOUT_GENDER_NOTE}` : label;
}

/** Hires and terminations, one row per year (last on the sheet: it grows with the years found). */
export const PAP_TURNOVER = {
  title: 'Assunzioni e cessazioni per anno',
  headers: ['Anno', 'Assunzioni donne', 'Assunzioni uomini', 'Cessazioni donne', 'Cessazioni uomini', 'Saldo'],
  formats: ['0', COUNT_FMT, COUNT_FMT, COUNT_FMT, COUNT_FMT, '+#,##0;-#,##0;0'],
} as const;
