/**
 * What a register cell means for the CUG tables: the study title, the kind of presence (full time,
 * part-time over or up to 50%), the years in the current profile. Read once per distinct text.
 */
import { normaliseLabel } from '../text/normalise';
import { saysFullTime, workTimePercent } from '../register/values';
import { STUDY_TITLES } from './format';

/** Index in STUDY_TITLES of a study title as registers write it; undefined when it cannot be placed. */
export function readStudyTitle(text: string): number | undefined {
  const n = normaliseLabel(text);
  if (!n) return undefined;
  if (/\b(dottorato|phd|ph d|dottore di ricerca)\b/.test(n)) return 6;
  if (/\bmaster\b/.test(n)) {
    if (/\b(ii|2|secondo)\b/.test(n)) return 5;
    if (/\b(i|1|primo)\b/.test(n)) return 4;
    return undefined;
  }
  if (/\blaurea\b|\blaureat[oa]\b/.test(n)) {
    if (/\b(magistrale|specialistica|vecchio ordinamento|v o|quinquennale|ciclo unico|quadriennale)\b/.test(n) || /^diploma di laurea$/.test(n)) return 3;
    if (/\b(triennale|breve|primo livello|i livello|di base)\b/.test(n)) return 2;
    return 2;
  }
  if (/\b(diploma universitario|diploma di laurea)\b/.test(n)) return 2;
  if (/\b(licenza (media|elementare)|scuola (media|dell obbligo|elementare)|obbligo|media inferiore|elementare|qualifica professionale|nessun titolo|senza titolo|attestato)\b/.test(n)) return 0;
  if (/\b(diploma|maturita|scuola (media )?superiore|secondaria (di secondo grado|superiore)|perito|ragioniere|geometra)\b/.test(n)) return 1;
  // codes some HR systems export: the titles' names in the portal's words
  const exact = STUDY_TITLES.findIndex((t) => normaliseLabel(t) === n);
  return exact >= 0 ? exact : undefined;
}

/** How a register row works for table 1.2. */
export type Presence = 'full' | 'over50' | 'upTo50' | 'part';

/**
 * The kind of presence of a register's part-time cell: empty, «100%», «tempo pieno» are full time;
 * a percentage below 100 («83,33%», «50», «0,5», «18/36», «PT verticale 50%») is part-time over or
 * up to 50%; a part-time with no percentage («Sì», «PT») is `part` (its share is not known).
 */
export function readPresence(text: string): Presence | undefined {
  const t = text.trim();
  const n = normaliseLabel(t);
  if (saysFullTime(n)) return 'full';
  const pct = workTimePercent(t, true);
  if (pct !== undefined) {
    if (pct >= 100) return pct > 100 ? undefined : 'full';
    if (pct <= 0) return undefined;
    return pct > 50 ? 'over50' : 'upTo50';
  }
  if (/(> ?50|oltre (il )?50|superiore (al )?50|piu del 50)/.test(n)) return 'over50';
  if (/(< ?50|fino (al )?50|pari (al )?50|al 50|inferiore (al )?50)/.test(n)) return 'upTo50';
  if (/^(si|s|x|sì|part time|pt|tempo parziale|part time (verticale|orizzontale|misto))$/.test(n) || /\bpart ?time\b|\btempo parziale\b/.test(n)) return 'part';
  return undefined;
}

/**
 * Index in SENIORITY_ROWS of the whole years in the profile: under 3, from 3 to under 5, from 5 to
 * 10, over 10 (the portal's «Tra 5 e 10 anni» holds 10; «Superiore a 10 anni» starts at 11).
 */
export function seniorityBand(years: number): number {
  if (years < 3) return 0;
  if (years < 5) return 1;
  if (years <= 10) return 2;
  return 3;
}
