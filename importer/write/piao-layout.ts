/**
 * The layout of PIAO.xlsx that the template (templates/PIAO-template.xlsx) and the writer share.
 * The template script writes sheets, headers, styles, widths and validations from it; the writer
 * reads the template and fills it. An office may restyle the template (fonts, fills, widths,
 * formats, labels): the writer keeps all of it and only relies on what is written here:
 * - a list sheet's header row is the row of its autofilter; the row below is the model row whose
 *   styles and validations every written row takes; columns are in the order given here;
 * - the PAP sheet's cells are found by the defined names below (the first value cell of each row).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, CATEGORY_IT, GENDER_IT, LEVEL_IT, LEVELS, MOVEMENT_IT, REGIMES, REGIME_IT, SMART_MODE_IT } from './labels';

export interface ColumnSpec {
  header: string;
  width: number;
  numFmt?: string;
  /** Values offered by a data validation list. */
  list?: readonly string[];
}

export interface ListSheetSpec {
  name: string;
  title: string;
  subtitle: string;
  columns: readonly ColumnSpec[];
}

const SOURCE_COL: ColumnSpec = { header: 'Fonte (file · foglio!cella)', width: 46 };
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
      { header: 'Fogli', width: 60 },
      { header: 'Messaggio', width: 70 },
    ],
  },
  objectives: {
    name: 'Obiettivi',
    title: 'Sezione 2.2 Performance: albero degli obiettivi',
    subtitle: 'Valore pubblico, linee di mandato, obiettivi strategici e operativi del DUP, obiettivi di performance del PIAO/PEG.',
    columns: [
      { header: 'Livello', width: 24, list: LEVELS.map((l) => LEVEL_IT[l]) },
      { header: 'Codice', width: 13 },
      { header: 'Codice padre', width: 13 },
      { header: 'Titolo', width: 60 },
      { header: 'Struttura responsabile', width: 30 },
      { header: 'Indicatore', width: 36 },
      { header: 'Target', width: 24 },
      { header: 'Peso', width: 8, numFmt: '0%' },
      { header: 'Missione', width: 10 },
      { header: 'Programma', width: 11 },
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
      { header: 'Qualifica (come nel foglio)', width: 30 },
      { header: 'Genere', width: 10, list: GENDERS },
      { header: 'Persone', width: 10, numFmt: COUNT_FMT },
      { header: 'di cui a tempo determinato', width: 14, numFmt: COUNT_FMT },
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
      { header: 'Persone', width: 10, numFmt: COUNT_FMT },
      { header: 'di cui a tempo determinato', width: 14, numFmt: COUNT_FMT },
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
      { header: 'Persone', width: 10, numFmt: COUNT_FMT },
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
      { header: 'Persone', width: 10, numFmt: COUNT_FMT },
      { header: 'di cui a tempo determinato', width: 14, numFmt: COUNT_FMT },
      SOURCE_COL,
    ],
  },
  findings: {
    name: 'Anomalie',
    title: 'Anomalie trovate nei fogli',
    subtitle: 'Ogni segnalazione con il controllo, il messaggio e la cella: il collegamento apre la copia annotata del foglio.',
    columns: [
      { header: 'Gravità', width: 10, list: ['Errore', 'Avviso', 'Nota'] },
      { header: 'Controllo', width: 22 },
      { header: 'Messaggio', width: 80 },
      { header: 'File', width: 32 },
      { header: 'Foglio', width: 24 },
      { header: 'Cella', width: 10 },
      { header: 'Celle collegate', width: 24 },
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

/** Where the template is, from the sources (importer/write) or from the build (build/importer/write). */
export function templatePath(): string {
  const candidates = [join(__dirname, '..', '..', 'templates', 'PIAO-template.xlsx'), join(__dirname, '..', '..', '..', 'templates', 'PIAO-template.xlsx')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}
