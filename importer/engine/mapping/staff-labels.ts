import { StaffColumn } from './schema';

/**
 * Header texts the staff reader understands for a role of mappatura.json: what a column's header
 * becomes when the officer gives it another role («Donne», «Totale», «% donne», «Categoria»).
 */
const GENDER = { F: 'Donne', M: 'Uomini' } as const;
const CATEGORY = {
  dirigente: 'Dirigenti',
  segretario: 'Segretario',
  funzionario: 'Funzionari',
  istruttore: 'Istruttori',
  'operatore-esperto': 'Operatori esperti',
  operatore: 'Operatori',
  altro: 'Altro',
} as const;
const REGIME = {
  'full-time': 'Tempo pieno',
  'part-time-vertical-50': 'Part-time verticale 50%',
  'part-time-vertical-over-50': 'Part-time verticale oltre 50%',
  'part-time-horizontal-50': 'Part-time orizzontale 50%',
  'part-time-horizontal-over-50': 'Part-time orizzontale oltre 50%',
  'part-time': 'Part-time',
} as const;
const SMART = { partial: 'Lavoro agile', full: 'Lavoro agile 100%', any: 'Lavoro agile', none: 'Non in lavoro agile' } as const;
const MOVEMENT = { hire: 'Assunzioni', termination: 'Cessazioni' } as const;
const AGE = { '<30': 'fino a 30 anni', '31-40': 'da 31 a 40 anni', '41-50': 'da 41 a 50 anni', '51-60': 'da 51 a 60 anni', '>60': 'oltre 60 anni' } as const;
const CONTRACT = { 'fixed-term': 'Tempo determinato', permanent: 'Tempo indeterminato' } as const;

/** The header of a column of figures. */
export function staffHeaderLabel(c: StaffColumn): string {
  const words: string[] = [];
  if (c.role === 'total') words.push('Totale');
  if (c.role === 'percentage') words.push('%');
  if (c.role === 'change') words.push('Variazione');
  if (c.movement) words.push(MOVEMENT[c.movement]);
  if (c.smartWorking) words.push(SMART[c.smartWorking]);
  if (c.regime) words.push(REGIME[c.regime]);
  if (c.category) words.push(CATEGORY[c.category]);
  if (c.gender) words.push(c.role === 'total' || c.role === 'percentage' ? GENDER[c.gender].toLowerCase() : GENDER[c.gender]);
  if (c.contract) words.push(CONTRACT[c.contract]);
  if (c.ageBand) words.push(AGE[c.ageBand]);
  if (c.staff) words.push('Personale in servizio');
  if (c.year !== undefined) words.push(String(c.year));
  if (words.length === 0) words.push('Numero');
  return words.join(' ');
}

const LABEL_HEADER: Partial<Record<StaffColumn['role'], string>> = {
  category: 'Categoria',
  structure: 'Settore',
  tipologia: 'Tipologia di personale',
  gender: 'Genere',
  year: 'Anno',
  regime: 'Regime orario',
  age: "Fascia d'età",
  movement: 'Movimento',
  contract: 'Tipo di contratto',
};

/** The header of a column of row labels: the name of the dimension its labels are values of. */
export function staffLabelColumnHeader(role: StaffColumn['role']): string {
  return LABEL_HEADER[role] ?? '';
}
