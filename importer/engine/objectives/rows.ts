import { normaliseLabel } from '../text/normalise';

/**
 * What the rows around and under an objectives table say when they are not objectives: a heading
 * naming the structure whose objectives follow, the responsible of a block, its resources, notes
 * and signatures, totals.
 */

/** Words opening the name of an organisational unit ("Settore II - Finanziario", "AREA TECNICA", "Servizio Amministrativo"). */
const STRUCTURE_WORDS =
  /^(settore|settori|servizio|servizi|area|aree|ufficio|uffici|direzione|dipartimento|unita (organizzativa|operativa)|u ?o|uoc|uos|centro di (costo|responsabilita)|cdr|cdc|struttura|segreteria|ragioneria|polizia (locale|municipale)|corpo|sportello|staff|sezione|comando|posizione organizzativa|p ?o|e ?q)\b/;

export function looksLikeStructure(text: string): boolean {
  return STRUCTURE_WORDS.test(normaliseLabel(text));
}

/** «Responsabile: Dott.ssa Rossi», «- Resp. Arch. Bianchi», «(Dirigente: ...)» inside a heading. */
const RESPONSIBLE_IN_HEADING = /\s*[-–—,;(|]?\s*\b(?:responsabile|resp\.|dirigente|titolare(?:\s+(?:di\s+)?(?:p\.?\s?o\.?|e\.?\s?q\.?))?)\s*(?:del\s+(?:servizio|settore)|di\s+(?:settore|servizio|area))?\s*[:.]\s*(.+?)\)?\s*$/i;

/** A person or a role: «Dott.ssa Anna Verdi», «Arch. Bianchi», «Segretario comunale», «Resp. Area Finanziaria», «Istruttore direttivo (D4) Luisa Barral». */
const PERSON_OR_ROLE =
  /\b(dott|dottssa|dott ssa|dr|dssa|arch|ing|geom|rag|avv|sig|sigra|sig ra|prof|p i|per ind|responsabile|resp|dirigente|segretari[oa]|direttor[ei]|direttrice|vicedirettor[ei]|funzionari[oa]|istruttor[ei]|titolare|comandante|sindac[oa]|assessor[ei]|vicesegretari[oa]|coordinat(or[ei]|rice)|referente|capo|specialista|collaborator[ei]|esecutor[ei]|operator[ei])\b/;

export function looksLikePerson(text: string): boolean {
  return PERSON_OR_ROLE.test(normaliseLabel(text));
}

/** A structure heading: its name and, when the heading names one, its responsible. */
export function readHeading(text: string): { structure: string; responsible?: string } {
  const m = RESPONSIBLE_IN_HEADING.exec(text);
  if (m && m.index > 0) {
    const structure = text.slice(0, m.index).replace(/[\s\-–—,;:(|]+$/, '').trim();
    if (structure) return { structure, responsible: m[1].trim() };
  }
  return { structure: text.trim() };
}

/** What a row under (or inside) the table is when it is no objective. */
export type FooterKind = 'responsible' | 'other';

const RESPONSIBLE_LINE = /^(il |la )?(responsabile|dirigente|titolare|referente)( (del|della|dello|dell|di) \w+| p ?o| e ?q| di p ?o| di e ?q)?( (del|della|dello|dell|di) \w+)?$/;
const FOOTER_LINES: readonly RegExp[] = [
  /^risorse( umane| strumentali| finanziarie| assegnate| economiche)?\b/,
  /^(personale|dipendenti|unita di personale) (assegnat|coinvolt|impiegat)/,
  /^(note|nota|nb|n b|legenda|fonte|avvertenze)\b/,
  /^(il|la) (sindaco|sindaca|segretari[oa]|responsabile|direttore|direttrice|dirigente|presidente|funzionari[oa]|compilatore)\b/,
  /^(f to|firmato|firma)\b/,
  /^(data|luogo e data|li)$/,
  /^(budget|stanziamento|dotazione finanziaria|centro di costo)( assegnat\w*)?$/,
];

/**
 * The kind of a row whose first text is `label` when it is not an objective: a responsible line
 * ("Responsabile del servizio | Istruttore direttivo Luisa Barral"), resources, notes, signatures.
 * `hasWeight`: the row holds a number in the weight column (an objective, then).
 */
export function footerKind(label: string, hasWeight: boolean): FooterKind | undefined {
  if (hasWeight) return undefined;
  const raw = label.trim();
  const n = normaliseLabel(raw.replace(/:.*$/, ''));
  if (!n) return undefined;
  if (RESPONSIBLE_LINE.test(n)) return 'responsible';
  if (FOOTER_LINES.some((re) => re.test(n))) return 'other';
  return undefined;
}

/** "Responsabile: Luisa Barral" in one cell: the name after the colon. */
export function textAfterColon(label: string): string | undefined {
  const i = label.indexOf(':');
  if (i < 0) return undefined;
  const rest = label.slice(i + 1).trim();
  return rest || undefined;
}

/** A line that adds up the weights or figures above ("Totale peso CdR 2", "Tot.", "TOTALE"). */
export function isTotalLabel(label: string): boolean {
  return /^(tot\.?|totale|totali|somma)(\s|$|:)/i.test(label.trim());
}
