import { editDistance, normaliseLabel } from '../text/normalise';

/** How a label was matched to a role: shown to the user so they can see why. */
export type MatchHow = 'exact' | 'normalised' | 'pattern' | 'fuzzy';

export interface RoleDefinition<R extends string = string> {
  role: R;
  /** Labels as users write them (any case, accents, punctuation). */
  synonyms: readonly string[];
  /** Patterns tried on the normalised label. */
  patterns?: readonly RegExp[];
  /** Exact labels too short or too ambiguous for fuzzy matching ("D", "TD"). */
  noFuzzy?: boolean;
}

export interface RoleMatch<R extends string = string> {
  role: R;
  how: MatchHow;
}

/** Years and "anno 2024" tails are dropped before matching: "PIAO-PERFORMANCE 2024-2026" -> "piao performance". */
export function stripYears(normalised: string): string {
  return normalised.replace(/\b(19|20)\d{2}\b/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Maps header labels to roles: exact label, then normalised (accents, case, spaces, punctuation,
 * years), then patterns, then fuzzy (typos: at most 1 edit for short labels, 2 for long ones).
 */
/** Letters a-z present in a text, as a bit mask (an edit changes at most two of them). */
function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) mask |= 1 << c;
  }
  return mask;
}

function bits(n: number): number {
  let count = 0;
  while (n) {
    n &= n - 1;
    count++;
  }
  return count;
}

const CACHE_LIMIT = 100_000;

export class Vocabulary<R extends string = string> {
  private readonly exact = new Map<string, R>();
  private readonly normalised = new Map<string, R>();
  private readonly fuzzyPool: { label: string; role: R; mask: number }[] = [];
  /** Labels already matched: sheets (registers above all) repeat the same texts on every row. */
  private readonly cache = new Map<string, RoleMatch<R> | null>();

  constructor(private readonly roles: readonly RoleDefinition<R>[]) {
    for (const def of roles) {
      for (const s of def.synonyms) {
        this.exact.set(s.trim().toLowerCase(), def.role);
        const n = normaliseLabel(s);
        if (!this.normalised.has(n)) this.normalised.set(n, def.role);
        const ny = stripYears(n);
        if (ny && !this.normalised.has(ny)) this.normalised.set(ny, def.role);
        if (!def.noFuzzy && n.length >= 5) this.fuzzyPool.push({ label: n, role: def.role, mask: letterMask(n) });
      }
    }
  }

  match(label: string): RoleMatch<R> | undefined {
    const known = this.cache.get(label);
    if (known !== undefined) return known ?? undefined;
    const found = this.matchUncached(label);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(label, found ?? null);
    return found;
  }

  private matchUncached(label: string): RoleMatch<R> | undefined {
    const trimmed = label.trim();
    if (!trimmed) return undefined;
    const e = this.exact.get(trimmed.toLowerCase());
    if (e) return { role: e, how: 'exact' };
    const n = normaliseLabel(trimmed);
    const ny = stripYears(n);
    const byNorm = this.normalised.get(n) ?? this.normalised.get(ny);
    if (byNorm) return { role: byNorm, how: 'normalised' };
    for (const def of this.roles) {
      if (def.patterns?.some((p) => p.test(n))) return { role: def.role, how: 'pattern' };
    }
    // fuzzy: typos in words; a text mostly of digits (a date, a code) is no misspelt label
    const digits = ny.replace(/[^0-9]/g, '').length;
    if (ny.length >= 5 && digits * 2 < ny.length) {
      const max = ny.length >= 12 ? 2 : 1;
      const mask = letterMask(ny);
      let best: { role: R; d: number } | undefined;
      for (const cand of this.fuzzyPool) {
        if (Math.abs(cand.label.length - ny.length) > max || bits(cand.mask ^ mask) > 2 * max) continue;
        const d = editDistance(ny, cand.label, max);
        if (d <= max && (!best || d < best.d)) best = { role: cand.role, d };
      }
      if (best) return { role: best.role, how: 'fuzzy' };
    }
    return undefined;
  }
}
