/**
 * The xlsx templates an office fills each year («Inserisci modello»): one sheet each, with a layout
 * the importer reads with no mapping step. Written by templates/scripts/make-office-templates.ts
 * into templates/modelli/; the add-in bundles them (base64) and inserts their sheets.
 * "AAAA" in a sheet name or title stands for the year: the office writes it (the importer takes the
 * reference date from it).
 */
export interface OfficeTemplate {
  key: 'objectives' | 'headcount' | 'work-time' | 'smart-working' | 'turnover';
  /** File in templates/modelli/ (and in dist/modelli/). */
  file: string;
  /** The one sheet of the file. */
  sheet: string;
  label: string;
  description: string;
  /** The sheet kind the importer gives it once filled. */
  kind: 'objectives' | 'headcount' | 'work-time' | 'smart-working' | 'turnover';
}

export const YEAR_PLACEHOLDER = 'AAAA';

export const OFFICE_TEMPLATES: readonly OfficeTemplate[] = [
  { key: 'objectives', file: 'obiettivi.xlsx', sheet: 'Obiettivi AAAA', label: 'Obiettivi', description: 'Albero degli obiettivi: livello, codice, codice padre, titolo, struttura, indicatore, target, peso, missione e programma.', kind: 'objectives' },
  { key: 'headcount', file: 'personale.xlsx', sheet: 'Personale AAAA', label: 'Personale', description: 'Personale in servizio al 31/12 per area del CCNL e genere.', kind: 'headcount' },
  { key: 'work-time', file: 'part-time.xlsx', sheet: 'Part-time AAAA', label: 'Part-time', description: 'Tempo pieno e part-time (verticale e orizzontale, fino al 50% e oltre) per genere.', kind: 'work-time' },
  { key: 'smart-working', file: 'lavoro-agile.xlsx', sheet: 'Lavoro agile AAAA', label: 'Lavoro agile', description: 'Persone in lavoro agile, parziale o al 100%, per genere.', kind: 'smart-working' },
  { key: 'turnover', file: 'movimenti.xlsx', sheet: 'Movimenti AAAA', label: 'Assunzioni e cessazioni', description: 'Assunzioni e cessazioni per anno e genere.', kind: 'turnover' },
];
