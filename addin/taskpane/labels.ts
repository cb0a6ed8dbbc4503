/** Italian names for what the engine reports in codes: sheet kinds and column roles. */

export const KIND_LABEL: Record<string, string> = {
  objectives: 'Obiettivi',
  headcount: 'Personale',
  'work-time': 'Orario di lavoro / part-time',
  'smart-working': 'Lavoro agile',
  turnover: 'Assunzioni e cessazioni',
  unknown: 'Non riconosciuto',
};

export const ROLE_LABEL: Record<string, string> = {
  value: 'valore pubblico',
  mandate: 'linea di mandato',
  strategic: 'obiettivo strategico',
  operational: 'obiettivo operativo',
  performance: 'obiettivo di performance',
  level: 'livello',
  code: 'codice',
  title: 'titolo',
  'parent-code': 'codice del livello superiore',
  structure: 'struttura responsabile',
  indicator: 'indicatore',
  target: 'target',
  baseline: 'baseline',
  weight: 'peso',
  mission: 'missione',
  programme: 'programma',
  type: 'tipo di obiettivo',
  notes: 'note',
  category: 'categoria',
  gender: 'genere',
  total: 'totale',
};

export function kindLabel(kind: string): string {
  return KIND_LABEL[kind] ?? kind;
}

/** A column's role in Italian; a column the engine did not map says so. */
export function roleLabel(role: string | null): string {
  if (role === null) return 'non riconosciuta (non usata)';
  return ROLE_LABEL[role] ?? role;
}
