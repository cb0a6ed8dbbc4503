/**
 * Guesses the delimiter of a CSV written in Italy. Excel writes `;` there because `,` is the
 * decimal separator, and sheets often open with a few lines of prose full of commas, or hold notes
 * in quotes that run over several lines with `;` and `,` inside: a plain count of characters per
 * line misleads. Each candidate splits the first records as a CSV reader would (quotes kept
 * whole, line breaks inside quotes included); the records (two at least) that share one number of
 * fields form its table, scored by what table cells look like: figures (`28`, `1.234,5`, `62%`) count most,
 * short texts count, long texts (prose, notes) nothing. The best table wins; on a tie `;`, then
 * tab, then `,`, then `|`.
 */
export type Delimiter = ';' | '\t' | ',' | '|';
const CANDIDATES: readonly Delimiter[] = [';', '\t', ',', '|'];

/** Records and characters looked at: enough for any heading and table start, never a whole large file. */
const MAX_RECORDS = 200;
const MAX_CHARS = 1024 * 1024;

/** The records at the start of the text as `delimiter` splits them (quote-aware), each as its fields. */
function records(text: string, delimiter: string): string[][] {
  const out: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  const end = Math.min(text.length, MAX_CHARS);
  for (let i = 0; i < end && out.length < MAX_RECORDS; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      out.push(fields);
      fields = [];
      field = '';
    } else field += c;
  }
  if (out.length < MAX_RECORDS && (field !== '' || fields.length)) {
    fields.push(field);
    out.push(fields);
  }
  return out;
}

const FIGURE = /^[-+]?(\d{1,3}(\.\d{3})+|\d+)([.,]\d+)?\s*%?$|^[-+]?[.,]\d+%?$|^-$|^n\.?\s?d\.?$/i;

/** What a field adds to a table: a figure 2, a short text 1, a long text (prose, a note) nothing. */
function weight(field: string): number {
  const t = field.trim();
  if (t === '') return 1;
  if (FIGURE.test(t)) return 2;
  if (t.length > 40 || t.split(/\s+/).length > 5) return 0;
  return 1;
}

/**
 * The score of the best table a delimiter makes: the records of one field count (two or more),
 * weighed. A table has at least two records when the text has two: one record cut into a thousand
 * pieces (a long note full of commas, read with the wrong delimiter) is no table.
 */
function tableScore(text: string, delimiter: Delimiter): number {
  const byCount = new Map<number, { records: number; weight: number }>();
  let all = 0;
  for (const r of records(text, delimiter)) {
    all++;
    if (r.length < 2) continue;
    let w = 0;
    for (const f of r) w += weight(f);
    const g = byCount.get(r.length) ?? { records: 0, weight: 0 };
    g.records++;
    g.weight += w;
    byCount.set(r.length, g);
  }
  let best = 0;
  for (const g of byCount.values()) if (g.records >= Math.min(2, all)) best = Math.max(best, g.weight);
  return best;
}

export function detectDelimiter(text: string): Delimiter {
  let best: { ch: Delimiter; score: number } = { ch: ';', score: 0 };
  for (const ch of CANDIDATES) {
    // a candidate absent from the start of the text makes no table: skip the work
    if (text.indexOf(ch) < 0 || text.indexOf(ch) > MAX_CHARS) continue;
    const score = tableScore(text, ch);
    if (score > best.score) best = { ch, score };
  }
  return best.ch;
}
