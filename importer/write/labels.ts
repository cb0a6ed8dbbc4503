/** Italian labels of the contract's codes, as the outputs (PIAO.xlsx, report, summary) show them. */
import { LEVEL_NAMES_IT } from '../engine/objectives/levels';
import { capitalise } from '../engine/rules/staff-words';
import { Category, ObjectiveLevel, Severity, SheetKind, WeightKind, WorkRegime } from '../engine/schema/dossier';

// the orders of the contract's enums (importer/engine/schema/dossier.ts), as the outputs list them

export const LEVELS: readonly ObjectiveLevel[] = ObjectiveLevel.options;

/** "Obiettivo strategico": the engine's name of each level, as a heading. */
export const LEVEL_IT = Object.fromEntries(LEVELS.map((l) => [l, capitalise(LEVEL_NAMES_IT[l])])) as Record<ObjectiveLevel, string>;

/** Categories in the order of the CCNL, top first. */
export const CATEGORIES: readonly Category[] = Category.options;

export const CATEGORY_IT: Record<Category, string> = {
  dirigente: 'Dirigenti',
  segretario: 'Segretario',
  funzionario: 'Funzionari ed EQ',
  istruttore: 'Istruttori',
  'operatore-esperto': 'Operatori esperti',
  operatore: 'Operatori',
  altro: 'Altro personale',
};

export const REGIMES: readonly WorkRegime[] = WorkRegime.options;

export const REGIME_IT: Record<WorkRegime, string> = {
  'full-time': 'Tempo pieno',
  'part-time-vertical-50': 'PT verticale 50%',
  'part-time-vertical-over-50': 'PT verticale >50%',
  'part-time-horizontal-50': 'PT orizzontale 50%',
  'part-time-horizontal-over-50': 'PT orizzontale >50%',
  'part-time': 'Part-time (altro)',
};

export const SMART_MODE_IT: Record<'partial' | 'full', string> = { partial: 'Parziale', full: 'Totale (100%)' };
export const MOVEMENT_IT: Record<'hire' | 'termination', string> = { hire: 'Assunzione', termination: 'Cessazione' };
export const GENDER_IT: Record<'F' | 'M', string> = { F: 'Donne', M: 'Uomini' };
export const WEIGHT_KINDS: readonly WeightKind[] = WeightKind.options;
export const WEIGHT_KIND_IT: Record<WeightKind, string> = { percentage: 'percentuale', coefficient: 'coefficiente', 'per-manager': 'per dirigente' };

export const SEVERITIES: readonly Severity[] = Severity.options;
export const SEVERITY_IT: Record<Severity, string> = { error: 'Errore', warning: 'Avviso', info: 'Nota' };
export const SEVERITY_PLURAL_IT: Record<Severity, string> = { error: 'errori', warning: 'avvisi', info: 'note' };
const SEVERITY_ONE_IT: Record<Severity, string> = { error: 'errore', warning: 'avviso', info: 'nota' };

/** "1 errore", "3 errori" */
export function severityCount(n: number, s: Severity): string {
  return `${n} ${n === 1 ? SEVERITY_ONE_IT[s] : SEVERITY_PLURAL_IT[s]}`;
}

export const KIND_IT: Record<SheetKind, string> = {
  objectives: 'obiettivi',
  headcount: 'personale',
  'work-time': 'tempo di lavoro',
  'smart-working': 'lavoro agile',
  turnover: 'assunzioni e cessazioni',
  unknown: 'non riconosciuto',
};

/** "2024-12-31" -> "31/12/2024" */
export { isoDateIt as dateIt } from '../engine/text/iso-date';

/**
 * A share as every output writes it: a percentage with one decimal, Italian style («62,3%»,
 * «100,0%»); «n.d.» when it is not known. Workbooks use the number format PERCENT_FMT, which shows the same.
 */
export function percentIt(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return 'n.d.';
  return `${(share * 100).toLocaleString('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false })}%`;
}

/** The number format of every percentage cell of the workbooks: one decimal, as percentIt writes it. */
export const PERCENT_FMT = '0.0%';
