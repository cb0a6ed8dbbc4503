import { ObjectiveLevel } from '../schema/dossier';
import { normaliseLabel } from '../text/normalise';

export const LEVEL_ORDER: readonly ObjectiveLevel[] = ['value', 'mandate', 'strategic', 'operational', 'performance'];

export const LEVEL_NAMES_IT: Record<ObjectiveLevel, string> = {
  value: 'valore pubblico',
  mandate: 'linea di mandato',
  strategic: 'obiettivo strategico',
  operational: 'obiettivo operativo',
  performance: 'obiettivo di performance',
};

export function levelRank(level: ObjectiveLevel): number {
  return LEVEL_ORDER.indexOf(level);
}

/** The level a code's depth implies (01 mandate, 01.01 strategic, 01.01.01 operational, deeper performance). */
export function levelFromDepth(depth: number): ObjectiveLevel {
  if (depth <= 1) return 'mandate';
  if (depth === 2) return 'strategic';
  if (depth === 3) return 'operational';
  return 'performance';
}

/** Reads a level written in a "Livello" column: "Obiettivo strategico", "OS", "Operativo", "PEG", 2... */
export function levelFromLabel(label: string): ObjectiveLevel | undefined {
  const n = normaliseLabel(label);
  if (!n) return undefined;
  if (/valore pubblico|^vp$/.test(n)) return 'value';
  if (/mandato|programmatic|^lm$|^linea/.test(n)) return 'mandate';
  if (/strateg|^os$|^ses$/.test(n)) return 'strategic';
  if (/operativ|^oo$|^seo$/.test(n)) return 'operational';
  if (/performance|esecutiv|gestional|peg|piao|^op$|^oe$|^og$|individual|organizzativ/.test(n)) return 'performance';
  const num = /^(\d)$/.exec(n);
  if (num) return LEVEL_ORDER[Number(num[1]) - 1];
  return undefined;
}

/** A heading row such as "1. VALORE PUBBLICO - ..." or "02. LINEA DI MANDATO - ...". */
export function headingLevel(text: string): ObjectiveLevel | undefined {
  // most titles name no level: a look at the raw words first
  if (!/valore|mandato|programmatic/i.test(text)) return undefined;
  const n = normaliseLabel(text);
  if (/\bvalore pubblico\b/.test(n)) return 'value';
  if (/\blinea (di )?mandato\b|\blinee (di )?mandato\b|\blinea programmatica\b|\blinee programmatiche\b/.test(n)) return 'mandate';
  return undefined;
}

/** Drops the level words at the start of a heading title: "LINEA DI MANDATO - LA PROVINCIA..." -> "LA PROVINCIA...". */
export function stripLevelWords(title: string): string {
  return title
    .replace(/^\s*(valore pubblico|linea (di )?mandato|linee (di )?mandato|linea programmatica|linee programmatiche)\s*[-–—:.]?\s*/i, '')
    .trim();
}
