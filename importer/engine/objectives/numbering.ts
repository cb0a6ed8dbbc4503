/**
 * The numbering a table gives its objectives when it prints no code of the cascade: «n. 1»,
 * «Obiettivo n. 2:», «Ob. 3 -», «1)», or references to other documents kept in a code column
 * («AA2/B», «PS1», «OB.3»). Such a number or reference names the objective within its table only.
 */

/** «n. 1 Esercitazione», «Obiettivo n. 2: Trasparenza», «Ob. 3 - Mercati», «Obiettivo 4 – ...», «1) Biblioteca». */
const NUMBERED_TITLE = /^\s*(?:(?:obiettivo|obiettivi|ob\.?|obj\.?)\s*(?:n\.?|nr\.?|num\.?|n°|nº)?\s*|(?:n\.?|nr\.?|n°|nº)\s*)(\d{1,3}(?:\.\d{1,2})?|[A-Z]{1,3}\d{1,3}(?:\/[A-Z0-9]{1,3})?)\s*(?:[-–—:.)]\s*|\s+)(?=\S)/i;
/** «1) Biblioteca», «2 - Trasparenza»: a bare number needs a closing bracket or a dash. */
const BARE_NUMBERED_TITLE = /^\s*(\d{1,3})\s*[)–—-]\s*(?=\S)/;

export interface OwnNumber {
  /** The number or reference as the table gives it, without its «n.» («n. 03» -> "03" -> kept as written). */
  ref: string;
  title: string;
}

/** Splits a title that opens with the table's own number. */
export function ownNumberInTitle(text: string): OwnNumber | undefined {
  const m = NUMBERED_TITLE.exec(text) ?? BARE_NUMBERED_TITLE.exec(text);
  if (!m) return undefined;
  const title = text.slice(m[0].length).trim();
  if (!title) return undefined;
  return { ref: normaliseRef(m[1]), title };
}

/** A cell of a code column that is the table's own number or reference rather than a code of the cascade. */
const NUMBER_PREFIX = /^\s*(?:(?:obiettivo|ob\.?|obj\.?)\s*)?(?:n\.?|nr\.?|n°|nº)?\s*/i;
/** «3», «03», «3.», «AA2/B», «PS1», «OB.3», «A-1», «B»: a reference of a few letters and digits. */
const REFERENCE = /^(?:[A-Z]{0,4}[.\s-]?\d{1,3}(?:\s?[/.-]\s?[A-Z0-9]{1,4})*|[A-Z]{1,3})\.?$/;

export function ownReference(text: string): string | undefined {
  const t = text.trim();
  const body = t.replace(NUMBER_PREFIX, '').trim();
  if (!body || !REFERENCE.test(body)) return undefined;
  return normaliseRef(body.replace(/\.$/, ''));
}

/** "3" stays "3"; "03" -> "3"; letters kept as written ("AA2/B", "PS1", "OB.3"). */
function normaliseRef(ref: string): string {
  const t = ref.replace(/\s+/g, '');
  return /^\d+$/.test(t) ? String(Number(t)) : t;
}
