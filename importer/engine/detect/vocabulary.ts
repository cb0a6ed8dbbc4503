import { editDistance, normaliseLabel } from '../text/normalise';

/** How a label was matched to a role: shown to the user so they can see why. */
export type MatchHow = 'exact' | 'normalised' | 'pattern' | 'fuzzy';

/** A test of a normalised label: a RegExp, or a function-backed test for labels a RegExp alone cannot say. */
export interface LabelPattern {
  test(normalised: string): boolean;
}

export interface RoleDefinition<R extends string = string> {
  role: R;
  /** Labels as users write them (any case, accents, punctuation). */
  synonyms: readonly string[];
  /** Patterns tried on the normalised label (a RegExp, or any test of the normalised label). */
  patterns?: readonly LabelPattern[];
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

/** Letters and digits counted, for a cheap lower bound of the edit distance between two labels. */
function histogram(label: string): Int16Array {
  const h = new Int16Array(37);
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c >= 97 && c <= 122) h[c - 97]++;
    else if (c >= 48 && c <= 57) h[26 + c - 48]++;
    else h[36]++;
  }
  return h;
}

/**
 * The bag distance (characters one label has and the other lacks, the larger side): every edit
 * changes it by at most one, so it never exceeds the edit distance.
 */
function bagDistance(a: Int16Array, b: Int16Array): number {
  let more = 0;
  let less = 0;
  for (let i = 0; i < 37; i++) {
    const d = a[i] - b[i];
    if (d > 0) more += d;
    else less -= d;
  }
  return more > less ? more : less;
}

/** Labels remembered per vocabulary: a register repeats the same texts over thousands of rows. */
const MEMO_SIZE = 50_000;

/**
 * Maps header labels to roles: exact label, then normalised (accents, case, spaces, punctuation,
 * years), then patterns, then fuzzy (typos: at most 1 edit for short labels, 2 for long ones).
 */
export class Vocabulary<R extends string = string> {
  private readonly exact = new Map<string, R>();
  private readonly normalised = new Map<string, R>();
  /** Labels open to fuzzy matching, by length (a label only meets those within `max` of its length). */
  private readonly fuzzyByLength = new Map<number, { label: string; role: R; histogram: Int16Array; order: number }[]>();
  private readonly memo = new Map<string, RoleMatch<R> | null>();

  constructor(private readonly roles: readonly RoleDefinition<R>[]) {
    let fuzzyCount = 0;
    for (const def of roles) {
      for (const s of def.synonyms) {
        this.exact.set(s.trim().toLowerCase(), def.role);
        const n = normaliseLabel(s);
        if (!this.normalised.has(n)) this.normalised.set(n, def.role);
        const ny = stripYears(n);
        if (ny && !this.normalised.has(ny)) this.normalised.set(ny, def.role);
        if (!def.noFuzzy && n.length >= 5) {
          const bucket = this.fuzzyByLength.get(n.length) ?? [];
          bucket.push({ label: n, role: def.role, histogram: histogram(n), order: fuzzyCount++ });
          this.fuzzyByLength.set(n.length, bucket);
        }
      }
    }
  }

  match(label: string): RoleMatch<R> | undefined {
    const known = this.memo.get(label);
    if (known !== undefined) return known ?? undefined;
    const found = this.lookup(label);
    if (this.memo.size >= MEMO_SIZE) this.memo.clear();
    this.memo.set(label, found ?? null);
    return found;
  }

  private lookup(label: string): RoleMatch<R> | undefined {
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
      // the closest label wins; between equally close ones, the first defined
      let best: { role: R; d: number; order: number } | undefined;
      const h = histogram(ny);
      for (let len = ny.length - max; len <= ny.length + max; len++) {
        for (const cand of this.fuzzyByLength.get(len) ?? []) {
          if (bagDistance(h, cand.histogram) > max) continue;
          const d = editDistance(ny, cand.label, max);
          if (d <= max && (!best || d < best.d || (d === best.d && cand.order < best.order))) best = { role: cand.role, d, order: cand.order };
        }
      }
      if (best) return { role: best.role, how: 'fuzzy' };
    }
    return undefined;
  }
}
