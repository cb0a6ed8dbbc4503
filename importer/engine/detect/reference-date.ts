/**
 * Finds the reference date a table speaks of: "al 31/12/2023", "al 31.12.2023", "anno 2023",
 * "2023" in a sheet name. Returns an ISO date; a bare year means 31 December of that year.
 */
const DAY_MONTH_YEAR = /\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})\b/g;
const MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const LONG_DATE = new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+((?:19|20)\\d{2})\\b`, 'gi');
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Numbers of laws and acts ("L. 104/1992", "D.Lgs. 165/2001", "Direttiva 2/2019"... with a number of
 * 13 or more, or after "n.", before the year, not itself a year): they name a year that is no date of the table.
 */
const ACT_NUMBER = /\b(?:n\.?\s*\d{1,4}|(?!19|20)\d{4}|\d{3}|1[3-9]|[2-9]\d)\s?\/\s?(?:19|20)\d{2}\b/gi;

/** A text without its act numbers ("permessi L.104/1992" -> "permessi L."). */
export function withoutActNumbers(text: string): string {
  return text.replace(ACT_NUMBER, ' ');
}

/** The last full date in a text (a period "01.01.2023-31.12.2023" gives its end). */
export function dateInText(text: string): string | undefined {
  let found: string | undefined;
  for (const m of text.matchAll(DAY_MONTH_YEAR)) found = iso(Number(m[3]), Number(m[2]), Number(m[1])) ?? found;
  for (const m of text.matchAll(LONG_DATE)) found = iso(Number(m[3]), MONTHS.indexOf(m[2].toLowerCase()) + 1, Number(m[1])) ?? found;
  return found;
}

/** A single year named in a text ("Personale 2023"); undefined when none or several differ. */
export function yearInText(text: string): number | undefined {
  const years = new Set<number>();
  for (const m of withoutActNumbers(text).matchAll(YEAR)) years.add(Number(m[1]));
  return years.size === 1 ? [...years][0] : undefined;
}

/**
 * The date titles name: a full date in any of them ("al 31/12/2023"), else a year they date
 * something to ("al 2023", "anno 2024", "dicembre 2022") as its 31 December.
 */
export function dateInTitles(titles: readonly string[]): string | undefined {
  for (const t of titles) {
    const d = dateInText(t);
    if (d) return d;
  }
  for (const t of titles) {
    const y = /\b(?:al|anno|dicembre)\s+((?:19|20)\d{2})\b/i.exec(t);
    if (y) return `${y[1]}-12-31`;
  }
  return undefined;
}

/** The reference date from a table title, else from the sheet name. */
export function referenceDate(titles: readonly string[], sheetName: string): string | undefined {
  const fromTitles = dateInTitles(titles);
  if (fromTitles) return fromTitles;
  const d = dateInText(sheetName);
  if (d) return d;
  const y = yearInText(sheetName);
  return y ? `${y}-12-31` : undefined;
}
