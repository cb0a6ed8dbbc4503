import { LabelPattern, RoleDefinition, Vocabulary } from '../detect/vocabulary';
import { ObjectiveLevel } from '../schema/dossier';

/**
 * What a column of an objectives table holds. A level column ('strategic', ...) holds that level's
 * objectives: "code title" cells, titles only or codes only. `code` and `title` hold the code and
 * the title of one level; a column whose label names its level ("Cod. ob. strategico",
 * "Descrizione obiettivo operativo") carries that level beside the role (see `levelOfLabel`).
 */
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
  | 'responsible'
  | 'indicator'
  | 'target'
  | 'baseline'
  | 'weight'
  | 'mission'
  | 'programme'
  | 'type'
  | 'deadline'
  | 'resources'
  | 'progress'
  | 'notes';

export const LEVEL_ROLES = ['value', 'mandate', 'strategic', 'operational', 'performance'] as const;

/** Words naming a level inside a longer label ("Cod. ob. strategico", "Descrizione obiettivo esecutivo"). */
const LEVEL_WORDS: readonly [ObjectiveLevel, RegExp][] = [
  ['value', /\bvalore pubblico\b/],
  ['mandate', /\b(linea|linee) (di )?mandato\b|\bprogrammatic/],
  ['strategic', /\bstrategic/],
  ['operational', /\boperativ/],
  ['performance', /\b(performance|esecutiv|gestional|peg\b|piao\b|di gestione\b)/],
];

/** The one level a label names, if exactly one. */
export function levelOfLabel(normalised: string): ObjectiveLevel | undefined {
  const found = LEVEL_WORDS.filter(([, re]) => re.test(normalised)).map(([l]) => l);
  return found.length === 1 ? found[0] : undefined;
}

/** A code column of one level: "Cod. ob. strategico", "Codice obiettivo operativo", "N. obiettivo esecutivo". */
const LEVEL_CODE = /^(cod|codice|codifica|n|nr|num|numero|id)( (ob|obiet|obiettiv[oi]|dell obiettivo))? (di )?(valore pubblico|linea|linee|strategic|operativ|esecutiv|gestional|performance|peg|piao)/;
/** A title column of one level: "Descrizione obiettivo operativo", "Titolo ob. strategico". */
const LEVEL_TITLE = /^(descrizione|titolo|denominazione|declaratoria)( (ob|obiet|obiettiv[oi]|dell obiettivo))? (di )?(valore pubblico|linea|linee|strategic|operativ|esecutiv|gestional|performance|peg|piao)/;

/** A label of the given form that names exactly `level`. */
function namesLevel(form: RegExp, level: ObjectiveLevel): LabelPattern {
  return { test: (n) => form.test(n) && levelOfLabel(n) === level };
}

export const OBJECTIVE_ROLES: readonly RoleDefinition<string>[] = [
  // first: labels that name a level and say code or title (before the level columns' own patterns)
  ...LEVEL_ROLES.flatMap((level) => [
    { role: `code:${level}`, synonyms: [], patterns: [namesLevel(LEVEL_CODE, level)] },
    { role: `title:${level}`, synonyms: [], patterns: [namesLevel(LEVEL_TITLE, level)] },
  ]),
  { role: 'value', synonyms: ['Valore pubblico', 'Obiettivo di valore pubblico', 'Obiettivi di valore pubblico', 'Area di valore pubblico', 'VP'] },
  {
    role: 'mandate',
    synonyms: [
      'Linea di mandato', 'Linee di mandato', 'Linea programmatica', 'Linee programmatiche', 'Indirizzo strategico', 'Indirizzi strategici', 'Linea strategica',
      'Ambito strategico', 'Ambiti strategici', 'Area strategica', 'Aree strategiche', 'Indirizzo', 'Indirizzi', 'Ambito di intervento', 'Priorità strategica', 'Priorità strategiche',
    ],
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
      'Obiettivo di gestione',
      'Obiettivi di gestione',
    ],
    patterns: [/^piao performance/, /^(ob|obiettiv[oi])\s+(di\s+)?(performance|esecutiv|gestional|peg|piao)/],
  },
  { role: 'level', synonyms: ['Livello', 'Livello obiettivo', 'Tipo livello', 'Livello albero', 'Livello gerarchico'] },
  {
    role: 'code',
    synonyms: [
      'Codice', 'Cod.', 'Cod', 'Codice obiettivo', 'Cod. obiettivo', 'Codice ob.', 'Cod. ob.', 'N.', 'Nr.', 'N', 'N°', 'Nº', 'Numero', 'ID', 'Id obiettivo', 'Codifica',
      'N. ob.', 'N. obiettivo', 'Nr. obiettivo', 'Obiettivo n.', 'Obiettivo n', 'Ob. n.', 'Obiettivo nr.', 'Numero obiettivo', 'Num.', 'Rif.', 'Riferimento', 'Riferimenti', 'Progressivo', 'N. progr.',
    ],
    noFuzzy: true,
  },
  {
    role: 'title',
    synonyms: [
      'Descrizione', 'Titolo', 'Denominazione', 'Obiettivo', 'Obiettivi', 'Descrizione obiettivo', 'Titolo obiettivo', 'Denominazione obiettivo', 'Descrizione dell\'obiettivo',
      'Obiettivo assegnato', 'Obiettivi assegnati', 'Descrizione sintetica', 'Descrizione sintetica obiettivo', 'Obiettivo specifico', 'Obiettivi specifici', 'Titolo dell\'obiettivo',
      'Descrizione degli obiettivi', 'Obiettivi di miglioramento', 'Obiettivo di miglioramento',
    ],
  },
  {
    role: 'parent-code',
    synonyms: ['Codice padre', 'Obiettivo DUP di riferimento', 'Collegamento DUP', 'Rif. DUP', 'Riferimento DUP', 'Codice DUP', 'Rif. PEG', 'Riferimento al DUP', 'Collegamento al DUP', 'Rif. obiettivo DUP'],
    patterns: [/^(cod|codice)\s+(ob|obiettivo)\s+dup/, /^rif(erimento)?\s+(al\s+)?(obiettivo\s+)?(operativo|dup)/, /^collegamento\s+(con\s+|al\s+)?(dup|obiettiv)/],
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
      'Centro di responsabilità',
      'CdR',
      'Unità organizzativa',
      'UO',
      'Direzione',
      'Area',
      'Settore responsabile',
      'Servizio responsabile',
      'Ufficio responsabile',
      'Area responsabile',
      'Area/Settore',
      'Settore/Servizio',
      'Servizio/Ufficio',
      'Centro di costo',
      'Unità operativa',
      'Struttura di riferimento',
      'Settore di riferimento',
    ],
  },
  {
    role: 'responsible',
    synonyms: [
      'Responsabile',
      'Dirigente',
      'Dirigente responsabile',
      'Responsabile del servizio',
      'Responsabile di settore',
      'Responsabile del settore',
      'Responsabile di area',
      'Responsabile dell\'area',
      'Responsabile P.O.',
      'Responsabile E.Q.',
      'Titolare P.O.',
      'Titolare di P.O.',
      'Titolare E.Q.',
      'Titolare di E.Q.',
      'Titolare posizione organizzativa',
      'Referente',
      'Funzionario responsabile',
      'Assegnatario',
      'Responsabile dell\'obiettivo',
      'Responsabile obiettivo',
      'Dirigente/Responsabile',
      'Responsabile/Dirigente',
      'Soggetti coinvolti',
      'Soggetti responsabili',
      'Soggetto responsabile',
      'Attori coinvolti',
      'Uffici coinvolti',
      'Strutture coinvolte',
    ],
  },
  {
    role: 'indicator',
    synonyms: [
      'Indicatore', 'Indicatori', 'KPI', 'Indicatore di risultato', 'Indicatori di risultato', 'Indicatore di performance', 'Indicatori di performance', 'Indicatore (KPI)', 'Descrizione indicatore',
      'Indicatore di misurazione', 'Indicatori di misurazione', 'Modalità di misurazione', 'Modalità di verifica', 'Formula di calcolo', 'Indicatore/i', 'Indicatori di attività',
    ],
  },
  {
    role: 'target',
    synonyms: ['Target', 'Valore atteso', 'Risultato atteso', 'Risultati attesi', 'Valore obiettivo', 'Valore target', 'Target atteso', 'Valori attesi', 'Risultato programmato', 'Target di risultato'],
  },
  { role: 'baseline', synonyms: ['Baseline', 'Valore di partenza', 'Valore iniziale', 'Valore di riferimento', 'Base line', 'Valore storico'] },
  {
    role: 'weight',
    synonyms: [
      'Peso', 'Peso %', 'Peso (%)', 'Pesatura', 'Peso percentuale', 'Ponderazione', '% impegno', 'Percentuale di impegno', 'Peso obiettivo', 'Pesi', 'Punti', 'Punteggio', 'Punteggio massimo',
      'Coefficiente', 'Coefficiente di ponderazione', 'Coeff.', 'Peso ponderale', 'Incidenza', 'Incidenza %', 'Valore ponderale', 'Peso relativo', 'Indice di ponderazione',
      'Fattore di ponderazione', 'Peso ob.', 'Pesatura obiettivo', 'Pesatura %',
    ],
    patterns: [/^(peso|pesi|pesatura|ponderazione|coefficiente|coeff)\b/, /^(punti|punteggio)\b(?! (conseguit|ottenut|attribuit|raggiunt|final|realizzat))/],
  },
  { role: 'mission', synonyms: ['Missione', 'Missioni', 'Miss.', 'Cod. missione', 'Codice missione', 'Missione di bilancio'] },
  { role: 'programme', synonyms: ['Programma', 'Programmi', 'Prog.', 'Cod. programma', 'Codice programma', 'Programma di bilancio'] },
  { role: 'type', synonyms: ['Tipologia', 'Tipo obiettivo', 'Tipologia obiettivo', 'Tipo', 'Natura obiettivo', 'Natura', 'Tipologia (strategico/gestionale)'] },
  {
    role: 'deadline',
    synonyms: ['Scadenza', 'Tempistica', 'Tempi', 'Termine', 'Tempi di realizzazione', 'Tempo di realizzazione', 'Cronoprogramma', 'Data di conclusione', 'Termine di realizzazione', 'Tempi di attuazione', 'Data scadenza', 'Durata', 'Periodo', 'Periodo di realizzazione', 'Periodo di attuazione', 'Tempistiche'],
  },
  {
    role: 'resources',
    synonyms: ['Risorse', 'Risorse umane', 'Risorse umane coinvolte', 'Personale coinvolto', 'Personale assegnato', 'Dipendenti coinvolti', 'Risorse finanziarie', 'Risorse strumentali', 'Budget', 'Risorse assegnate'],
  },
  {
    // what was achieved: a percentage that is no weight
    role: 'progress',
    synonyms: [
      'Avanzamento', 'Avanzamento %', 'Stato di avanzamento', 'Stato di attuazione', '% di raggiungimento', 'Grado di raggiungimento', 'Percentuale di raggiungimento', 'Risultato raggiunto',
      'Valore raggiunto', 'Consuntivo', '% realizzazione', 'Grado di realizzazione', 'Valutazione', 'Punteggio conseguito', 'Punteggio ottenuto', '% raggiungimento',
      'Stato', 'Stato di realizzazione', 'Stato attuazione', 'Esito',
    ],
    patterns: [/^(avanzamento|stato di (avanzamento|attuazione)|grado di (raggiungimento|realizzazione)|percentuale di (raggiungimento|realizzazione)|raggiungimento|risultat[oi] raggiunt|valor[ei] raggiunt|punteggio (conseguito|ottenuto|attribuito))/],
  },
  { role: 'notes', synonyms: ['Note', 'Annotazioni', 'Osservazioni', 'Stakeholder', 'Portatori di interesse', 'Destinatari', 'Fasi', 'Fasi di attuazione', 'Azioni', 'Azione', 'Attività', 'Finalità', 'Descrizione attività', 'Modalità di attuazione'] },
];

export const objectiveVocabulary = new Vocabulary<string>(OBJECTIVE_ROLES);

export function isLevelRole(role: string | null | undefined): role is (typeof LEVEL_ROLES)[number] {
  return role !== null && role !== undefined && (LEVEL_ROLES as readonly string[]).includes(role);
}

/** Splits a vocabulary role such as "code:strategic" into the role and its level. */
export function splitLevelRole(role: string | null): { role: string | null; level?: ObjectiveLevel } {
  if (!role) return { role };
  const i = role.indexOf(':');
  if (i < 0) return { role };
  return { role: role.slice(0, i), level: role.slice(i + 1) as ObjectiveLevel };
}
