import { Category } from '../schema/dossier';
import { editDistance, normaliseLabel } from '../text/normalise';

/**
 * Maps a staff category as sheets write it (old CCNL categories, the areas of the CCNL Funzioni
 * Locali 2019-2021, position codes, free profile names) to the canonical keys of CONTRACT.md.
 * Returns undefined for what cannot be placed: callers keep the label and use `altro`.
 *
 * The table is ordered: the first rule that matches wins, so the narrower names come first
 * ("Istruttore direttivo" is an old Cat. D profile, "Operatore esperto" is not an "Operatore",
 * "Personale non dirigente" is not "dirigente").
 */
/** A position written with its old category letter: "Cat. D", "categoria D (ex D3)", "D", "D3", "D 1", "B-BS", "B1 B3". */
function letter(l: string): RegExp {
  return new RegExp(`^cat\\w*\\s+${l}\\b|^${l}\\s*[1-8]?(\\s+(bs|${l}?[1-8]))*$|^${l}\\s?[1-8]\\b`);
}

export const CATEGORY_RULES: readonly { category: Category | null; pattern: RegExp; example: string }[] = [
  // never a category of its own
  { category: null, pattern: /\bnon dirigent/, example: 'Personale non dirigente' },
  { category: null, pattern: /\bart\s*90\b|\bcollaborator[ei] (del|dello|di) (sindaco|presidente|staff)|\bforestal/, example: 'Collaboratore art. 90' },
  { category: null, pattern: /\bvice\s?segretari/, example: 'Vice segretario' },
  // segretari
  { category: 'segretario', pattern: /\bsegretari[oa]\b/, example: 'Segretario generale' },
  // dirigenza
  { category: 'dirigente', pattern: /\bdirigent[ei]\b|\bdirigenza\b|\bdirettor[ei] general[ei]\b|\bart\s*110\b/, example: 'Dirigente a T.D. art. 110' },
  // funzionari ed elevata qualificazione (ex Cat. D)
  { category: 'funzionario', pattern: /\bistruttor[ei] direttiv|\bassistent[ei] social/, example: 'Istruttore direttivo amministrativo' },
  { category: 'funzionario', pattern: /\bfunzionari\w*|\belevata qualificazione\b|\bposizion[ei] organizzativ[ae]\b|\bspecialist[ai]\b|^area\s+(d|terza|iii|3)\b|^(eq|e q|p o|po)$/, example: "Area dei Funzionari e dell'EQ" },
  { category: 'funzionario', pattern: letter('d'), example: 'Cat. D / D3' },
  // istruttori (ex Cat. C)
  { category: 'istruttore', pattern: /\bistruttor[ei]\b|\bassistent[ei]\b|^area\s+(c|seconda|ii|2)\b|\bagent[ei]\b.*\bpolizia\b|\bagent[ei] (di )?p ?l\b|\bvigil[ei]\b/, example: 'ISTRUTTORE POLIZIA LOCALE' },
  { category: 'istruttore', pattern: letter('c'), example: 'Cat. C / C1' },
  // operatori esperti (ex Cat. B, B1 and B3)
  { category: 'operatore-esperto', pattern: /\boperator[ei] espert[oi]\b|\besecutor[ei]\b|\bcollaborator[ei] (professional|tecnic|amministrativ|socio)/, example: 'Area degli Operatori esperti' },
  { category: 'operatore-esperto', pattern: /^b\s*bs\b/, example: 'B-BS' },
  { category: 'operatore-esperto', pattern: letter('b'), example: 'Cat. B / B3' },
  // operatori (ex Cat. A)
  { category: 'operatore', pattern: /\boperator[ei]\b|^area\s+(a|prima|i|1)\b|\bausiliar[ei]\b/, example: 'Area degli Operatori' },
  { category: 'operatore', pattern: letter('a'), example: 'Cat. A / A1' },
];

/** The words categories are named by: a label with one of them misspelt by a letter ("Area Itruttori") is read as written right. */
const KEYWORDS = ['istruttore', 'istruttori', 'funzionario', 'funzionari', 'operatore', 'operatori', 'esperti', 'esperto', 'dirigente', 'dirigenti', 'segretario', 'esecutore', 'esecutori', 'qualificazione'];

/** Words one letter away from a keyword that are words of their own. */
const NOT_TYPOS = ['istruttoria', 'istruttorie', 'esperta', 'esperte', 'dirigenza'];

function ruleFor(n: string): { found: boolean; category?: Category } {
  for (const rule of CATEGORY_RULES) {
    if (rule.pattern.test(n)) return { found: true, category: rule.category ?? undefined };
  }
  return { found: false };
}

function corrected(n: string): string | undefined {
  let changed = false;
  const words = n.split(' ').map((w) => {
    if (w.length < 6 || KEYWORDS.includes(w) || NOT_TYPOS.includes(w)) return w;
    const fix = KEYWORDS.find((k) => Math.abs(k.length - w.length) <= 1 && editDistance(w, k, 1) <= 1);
    if (fix) changed = true;
    return fix ?? w;
  });
  return changed ? words.join(' ') : undefined;
}

/** Labels already placed: a register repeats the same few on every row. */
const cache = new Map<string, Category | null>();

/** The canonical category of a label, or undefined when it cannot be placed (then `altro`). */
export function mapCategory(label: string): Category | undefined {
  const known = cache.get(label);
  if (known !== undefined) return known ?? undefined;
  const found = place(label);
  if (cache.size >= 50_000) cache.clear();
  cache.set(label, found ?? null);
  return found;
}

function place(label: string): Category | undefined {
  const n = normaliseLabel(label);
  if (!n) return undefined;
  const r = ruleFor(n);
  if (r.found) return r.category;
  const fixed = corrected(n);
  return fixed ? ruleFor(fixed).category : undefined;
}

/** Italian names of the categories, for messages and summaries. */
export const CATEGORY_IT: Record<Category, string> = {
  dirigente: 'dirigenti',
  segretario: 'segretario',
  funzionario: 'funzionari ed EQ (ex cat. D)',
  istruttore: 'istruttori (ex cat. C)',
  'operatore-esperto': 'operatori esperti (ex cat. B)',
  operatore: 'operatori (ex cat. A)',
  altro: 'altro personale',
};

/** The order categories are listed in (top first). */
export const CATEGORY_ORDER: readonly Category[] = ['dirigente', 'segretario', 'funzionario', 'istruttore', 'operatore-esperto', 'operatore', 'altro'];
