/** Italian names for what the engine reports in codes: sheet kinds (column roles: importer/engine/mapping/role-names.ts). */

export const KIND_LABEL: Record<string, string> = {
  objectives: 'Obiettivi',
  headcount: 'Personale',
  'work-time': 'Orario di lavoro / part-time',
  'smart-working': 'Lavoro agile',
  turnover: 'Assunzioni e cessazioni',
  unknown: 'Non riconosciuto',
};

export function kindLabel(kind: string): string {
  return KIND_LABEL[kind] ?? kind;
}
