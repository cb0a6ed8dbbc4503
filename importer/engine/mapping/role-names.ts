/**
 * The roles of mappatura.json in Italian, as people read them: the report's «Come sono stati letti
 * i fogli» and the add-in's dropdowns use these words, the file keeps the ids.
 */
import { LEVEL_NAMES_IT } from '../objectives/levels';
import { MappingColumn, MappingTable, ObjectiveColumnRole, RegisterColumnRole, StaffColumnRole } from './schema';
import { staffHeaderLabel } from './staff-labels';

export const OBJECTIVE_ROLE_IT: Record<(typeof ObjectiveColumnRole.options)[number], string> = {
  objective: 'obiettivi (codice e titolo)',
  code: 'codice',
  title: 'titolo',
  level: 'livello',
  'parent-code': 'obiettivo di riferimento',
  structure: 'struttura',
  responsible: 'responsabile',
  indicator: 'indicatore',
  target: 'target',
  baseline: 'valore di partenza',
  weight: 'peso',
  mission: 'missione',
  programme: 'programma',
  type: 'tipologia',
  deadline: 'scadenza',
  resources: 'risorse',
  progress: 'avanzamento',
  notes: 'note',
  ignored: 'non letta',
};

export const STAFF_ROLE_IT: Record<(typeof StaffColumnRole.options)[number], string> = {
  category: 'etichette: categoria',
  structure: 'etichette: settore',
  tipologia: 'etichette: tipologia di personale',
  gender: 'etichette: genere',
  year: 'etichette: anno',
  regime: 'etichette: regime orario',
  age: 'etichette: fascia d’età',
  movement: 'etichette: assunzioni/cessazioni',
  contract: 'etichette: tipo di contratto',
  'smart-working': 'etichette: lavoro agile',
  staff: 'etichette: personale',
  label: 'etichette',
  count: 'persone',
  total: 'totale',
  percentage: 'percentuale',
  change: 'differenza',
  ignored: 'non letta',
};

export const REGISTER_ROLE_IT: Record<(typeof RegisterColumnRole.options)[number], string> = {
  id: 'matricola',
  surname: 'cognome',
  name: 'nome',
  'full-name': 'cognome e nome',
  'tax-code': 'codice fiscale',
  gender: 'sesso',
  birth: 'data di nascita',
  age: 'età',
  category: 'categoria',
  profile: 'profilo',
  structure: 'struttura',
  contract: 'tipo di contratto',
  'part-time': 'part-time',
  'part-time-type': 'tipo di part-time',
  smart: 'lavoro agile',
  hire: 'data di assunzione',
  end: 'data di cessazione',
  'end-reason': 'causa di cessazione',
  education: 'titolo di studio',
  'profile-entry': 'data di ingresso nel profilo',
  ignored: 'non letta',
};

export const FAMILY_IT: Record<MappingTable['family'], string> = { objectives: 'obiettivi', staff: 'personale', register: 'anagrafica per dipendente' };

/** A column's role in words: «peso (Area Tecnica)», «codice (obiettivo strategico)», «persone: Donne 2023». */
export function columnRoleIt(family: MappingTable['family'], c: MappingColumn): string {
  if (family === 'objectives') {
    const o = c as { role: keyof typeof OBJECTIVE_ROLE_IT; level?: keyof typeof LEVEL_NAMES_IT; manager?: string };
    const extra = [o.level ? LEVEL_NAMES_IT[o.level] : '', o.manager ?? ''].filter(Boolean);
    return extra.length ? `${OBJECTIVE_ROLE_IT[o.role]} (${extra.join(', ')})` : OBJECTIVE_ROLE_IT[o.role];
  }
  if (family === 'staff') {
    const s = c as Parameters<typeof staffHeaderLabel>[0];
    const base = STAFF_ROLE_IT[s.role];
    if (!['count', 'total', 'percentage', 'change'].includes(s.role)) return base;
    const what = staffHeaderLabel({ ...s, role: 'count' });
    return what === 'Numero' ? base : `${base}: ${what}`;
  }
  return REGISTER_ROLE_IT[c.role as keyof typeof REGISTER_ROLE_IT];
}
