import { RoleDefinition, Vocabulary } from '../detect/vocabulary';

/** What a column of an objectives table holds. The level columns hold "code title" cells. */
export type ObjectiveRole =
  | 'value'
  | 'mandate'
  | 'strategic'
  | 'operational'
  | 'performance'
  | 'level'
  | 'code'
  | 'title'
  | 'parent-code'
  | 'structure'
  | 'indicator'
  | 'target'
  | 'baseline'
  | 'weight'
  | 'mission'
  | 'programme'
  | 'type'
  | 'notes';

export const LEVEL_ROLES = ['value', 'mandate', 'strategic', 'operational', 'performance'] as const;

export const OBJECTIVE_ROLES: readonly RoleDefinition<ObjectiveRole>[] = [
  { role: 'value', synonyms: ['Valore pubblico', 'Obiettivo di valore pubblico', 'Obiettivi di valore pubblico', 'Area di valore pubblico', 'VP'] },
  {
    role: 'mandate',
    synonyms: ['Linea di mandato', 'Linee di mandato', 'Linea programmatica', 'Linee programmatiche', 'Indirizzo strategico', 'Indirizzi strategici', 'Linea strategica'],
  },
  {
    role: 'strategic',
    synonyms: ['Obiettivo strategico', 'Obiettivi strategici', 'Ob. strat.', 'Ob. strategico', 'OS', 'Obiettivo strategico (DUP)', 'Obiettivo strategico DUP', 'Obiettivo strategico SeS'],
    patterns: [/^(ob|obiettiv[oi])\s+strat/],
  },
  {
    role: 'operational',
    synonyms: ['Obiettivo operativo', 'Obiettivi operativi', 'Ob. op.', 'Ob. operativo', 'OO', 'Obiettivo operativo (DUP)', 'Obiettivo operativo DUP', 'Obiettivo operativo SeO'],
    patterns: [/^(ob|obiettiv[oi])\s+oper/],
  },
  {
    role: 'performance',
    synonyms: [
      'Obiettivo PIAO',
      'Obiettivi PIAO',
      'Obiettivo di performance',
      'Obiettivi di performance',
      'Obiettivo esecutivo',
      'Obiettivi esecutivi',
      'Obiettivo gestionale',
      'Obiettivi gestionali',
      'Obiettivo PEG',
      'Obiettivi PEG',
      'PIAO-PERFORMANCE',
      'Performance',
      'Obiettivo di PEG',
      'Obiettivo individuale',
      'Obiettivo organizzativo',
    ],
    patterns: [/^piao performance/, /^(ob|obiettiv[oi])\s+(di\s+)?(performance|esecutiv|gestional|peg|piao)/],
  },
  { role: 'level', synonyms: ['Livello', 'Livello obiettivo', 'Tipo livello', 'Livello albero', 'Livello gerarchico'] },
  {
    role: 'code',
    synonyms: ['Codice', 'Cod.', 'Cod', 'Codice obiettivo', 'Cod. obiettivo', 'Codice ob.', 'N.', 'Nr.', 'N', 'Numero', 'ID', 'Id obiettivo', 'Codifica'],
    noFuzzy: true,
  },
  {
    role: 'title',
    synonyms: ['Descrizione', 'Titolo', 'Denominazione', 'Obiettivo', 'Obiettivi', 'Descrizione obiettivo', 'Titolo obiettivo', 'Denominazione obiettivo', 'Descrizione dell\'obiettivo'],
  },
  {
    role: 'parent-code',
    synonyms: ['Obiettivo operativo di riferimento', 'Codice obiettivo operativo', 'Cod. obiettivo operativo', 'Codice padre', 'Obiettivo DUP di riferimento', 'Collegamento DUP', 'Rif. DUP', 'Riferimento DUP', 'Codice DUP'],
    patterns: [/^(cod|codice)\s+(ob|obiettivo)\s+(operativo|dup)/, /^rif(erimento)?\s+(obiettivo\s+)?(operativo|dup)/],
  },
  {
    role: 'structure',
    synonyms: [
      'Struttura',
      'Struttura responsabile',
      'Struttura organizzativa',
      'Settore',
      'Servizio',
      'Ufficio',
      'Responsabile',
      'Dirigente',
      'Dirigente responsabile',
      'Centro di responsabilità',
      'CdR',
      'Unità organizzativa',
      'UO',
      'Direzione',
      'Area',
      'Settore responsabile',
      'Servizio responsabile',
    ],
  },
  {
    role: 'indicator',
    synonyms: ['Indicatore', 'Indicatori', 'KPI', 'Indicatore di risultato', 'Indicatori di risultato', 'Indicatore di performance', 'Indicatori di performance', 'Indicatore (KPI)', 'Descrizione indicatore'],
  },
  {
    role: 'target',
    synonyms: ['Target', 'Valore atteso', 'Risultato atteso', 'Risultati attesi', 'Valore obiettivo', 'Valore target', 'Target atteso'],
  },
  { role: 'baseline', synonyms: ['Baseline', 'Valore di partenza', 'Valore iniziale', 'Valore di riferimento', 'Base line'] },
  { role: 'weight', synonyms: ['Peso', 'Peso %', 'Peso (%)', 'Pesatura', 'Peso percentuale', 'Ponderazione', '% impegno', 'Percentuale di impegno', 'Peso obiettivo'] },
  { role: 'mission', synonyms: ['Missione', 'Missioni', 'Miss.', 'Cod. missione', 'Codice missione', 'Missione di bilancio'] },
  { role: 'programme', synonyms: ['Programma', 'Programmi', 'Prog.', 'Cod. programma', 'Codice programma', 'Programma di bilancio'] },
  { role: 'type', synonyms: ['Tipologia', 'Tipo obiettivo', 'Tipologia obiettivo', 'Tipo', 'Natura obiettivo'] },
  { role: 'notes', synonyms: ['Note', 'Annotazioni', 'Osservazioni'] },
];

export const objectiveVocabulary = new Vocabulary<ObjectiveRole>(OBJECTIVE_ROLES);

export function isLevelRole(role: string | null): role is (typeof LEVEL_ROLES)[number] {
  return role !== null && (LEVEL_ROLES as readonly string[]).includes(role);
}
