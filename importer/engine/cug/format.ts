/**
 * The tables of the Relazione annuale del CUG as the Portale CUG prints them (docs/cug-format.md
 * says where each heading was seen): numbers, titles, the headings of rows and columns, the age
 * bands, the seniority bands, the study titles. Pure data, shared by the engine, the writers and
 * the add-in.
 */
import { AgeBand, Category } from '../schema/dossier';

/** The keys of the tables piao computes, as `cug` in piao.json lists them. */
export const CUG_TABLE_KEYS = ['1.1', '1.2', '1.4', '1.6', '1.7', '2.1', 'movimenti'] as const;
export type CugTableKey = (typeof CUG_TABLE_KEYS)[number];

/** The order the sheet, the report and the add-in show the tables in: the portal's group «1.1 Personale per genere» (1.1, anzianità, titolo di studio) first. */
export const CUG_DISPLAY_ORDER: readonly CugTableKey[] = ['1.1', '1.4', '1.7', '1.6', '1.2', '2.1', 'movimenti'];

/** Tables of the format that a staff register cannot give (listed in `cug.missing` with what they need). */
export const CUG_UNCOMPUTABLE = ['1.3', '1.5', '1.8', '2.2'] as const;
export type CugOtherKey = (typeof CUG_UNCOMPUTABLE)[number];

/** Titles as the portal prints them (the caption over each table). */
export const CUG_TITLES: Record<CugTableKey | CugOtherKey, string> = {
  '1.1': 'Ripartizione del personale per genere ed età nei livelli di inquadramento',
  '1.2': 'Ripartizione del personale per genere, età e tipo di presenza',
  '1.3': 'Posizioni di responsabilità remunerate non dirigenziali, ripartite per genere',
  '1.4': 'Anzianità nei profili e livelli non dirigenziali, ripartite per età e per genere',
  '1.5': 'Divario economico, media delle retribuzioni omnicomprensive per il personale a tempo pieno, suddivise per genere nei livelli di inquadramento',
  '1.6': 'Personale dirigenziale suddiviso per livello e titolo di studio',
  '1.7': 'Personale non dirigenziale suddiviso per livello e titolo di studio',
  '1.8': 'Composizione di genere delle commissioni di concorso',
  '2.1': 'Fruizione delle misure di conciliazione per genere ed età',
  '2.2': 'Fruizione dei congedi parentali e permessi l.104/1992 per genere',
  movimenti: 'Assunzioni e cessazioni per genere',
};

/** The heading the portal prints above a group of tables (seen for section 1.1). */
export const CUG_SECTIONS: Partial<Record<CugTableKey, string>> = {
  '1.1': '1.1 Personale per genere',
  '1.4': '1.1 Personale per genere',
  '1.7': '1.1 Personale per genere',
};

/** What a table that cannot be computed needs, in words an HR officer reads. */
export const CUG_NEEDS: Record<CugOtherKey, string> = {
  '1.3': 'la colonna dell’incarico di responsabilità remunerato (Elevata Qualificazione, posizione organizzativa, specifiche responsabilità)',
  '1.5': 'la colonna della retribuzione annua omnicomprensiva del personale a tempo pieno',
  '1.8': 'la composizione delle commissioni di concorso dell’anno (non è un dato dell’anagrafica del personale)',
  '2.2': 'le colonne dei giorni di congedo parentale e dei permessi L. 104/1992 fruiti nell’anno',
};

/** The portal's age bands, as the column headings print them (ages in whole years at 31/12). */
export const CUG_AGE_HEADINGS: Record<AgeBand, string> = {
  '<30': '< 30',
  '31-40': 'da 31 a 40',
  '41-50': 'da 41 a 50',
  '51-60': 'da 51 a 60',
  '>60': '> 60',
};
export const CUG_AGE_BANDS: readonly AgeBand[] = ['<30', '31-40', '41-50', '51-60', '>60'];

export const MEN = 'Uomini';
export const WOMEN = 'Donne';
export const BOTH = 'Totale';

/** Column headings of the tables by gender and age with shares (1.2, 1.4, 2.1), as the portal prints them for 1.4. */
export const SHARE_HEADINGS = {
  total: 'Totale',
  rowShare: 'Totale % (1)',
  genderShare: { M: '% di genere(2)', F: '% di genere (3)' },
} as const;

/** «Tipologia di personale» of table 1.1. */
export const TIPOLOGIA = {
  top: 'Organo di vertice',
  general: 'Dirigente di livello generale',
  nonGeneral: 'Dirigente di livello non generale',
  staff: 'Personale non dirigente',
} as const;

/** «Inquadramento» of a canonical category, in the names of the CCNL Funzioni Locali 2019-2021. */
export const LEVEL_LABELS: Record<Exclude<Category, 'altro'>, string> = {
  segretario: 'Segretario',
  dirigente: 'Dirigente',
  funzionario: 'Area dei Funzionari e dell’Elevata Qualificazione',
  istruttore: 'Area degli Istruttori',
  'operatore-esperto': 'Area degli Operatori Esperti',
  operatore: 'Area degli Operatori',
};

/** Categories top first, as table 1.1 lists its rows. */
export const LEVEL_ORDER: readonly Category[] = ['segretario', 'dirigente', 'funzionario', 'istruttore', 'operatore-esperto', 'operatore', 'altro'];
export const MANAGERIAL: readonly Category[] = ['segretario', 'dirigente'];

/** Rows of table 1.4: time in the current profile and level at 31/12 (whole years). */
export const SENIORITY_ROWS = ['Inferiore a 3 anni', 'Tra 3 e 5 anni', 'Tra 5 e 10 anni', 'Superiore a 10 anni'] as const;

/** Rows of table 1.2: the kind of presence (part-time at 50% counts as «<50%», as the issue of the format asks: ≤ 50%). */
export const PRESENCE_ROWS = ['Tempo Pieno', 'Part Time >50%', 'Part Time <50%'] as const;

/** Study titles of tables 1.6 and 1.7, lowest first. */
export const STUDY_TITLES = [
  'Inferiore al Diploma superiore',
  'Diploma di scuola superiore',
  'Laurea',
  'Laurea magistrale',
  'Master di I livello',
  'Master di II livello',
  'Dottorato di ricerca',
] as const;

/** Rows of table 2.1; the register gives the first and the third. */
export const CONCILIATION_ROWS = {
  partTime: 'Personale che fruisce di part time a richiesta',
  telework: 'Personale che fruisce di telelavoro',
  smart: 'Personale che fruisce del lavoro agile',
  flexible: 'Personale che fruisce di orari flessibili',
  other: 'Altro (specificare eventualmente aggiungendo una riga per ogni tipo di misura attivata)',
} as const;

/** Row labels of totals, as the portal prints them. */
export const TOTAL_LABELS = {
  staff: 'Totale personale',
  staffShare: 'Totale % sul personale complessivo',
  total: 'Totale',
  totalShare: 'Totale %',
} as const;

/** Column pairs of tables 1.6 and 1.7. */
export const STUDY_HEADINGS = { count: 'Valori assoluti', share: '% (1)', totalShare: '% (2)' } as const;
