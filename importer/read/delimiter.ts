/**
 * Guesses the delimiter of a CSV written in Italy. Excel writes `;` there because `,` is the
 * decimal separator, so a plain count of commas misleads: pick the candidate whose count per line
 * (outside quotes) is the most consistent over the first lines, preferring `;` then tab then `,`.
 */
const CANDIDATES = [';', '\t', ',', '|'] as const;

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ch) n++;
  }
  return n;
}

/** The start of a text holding its first `lines` lines (at most `maxChars`): no need to split a whole file. */
function head(text: string, lines: number, maxChars = 4 * 1024 * 1024): string {
  let at = 0;
  for (let i = 0; i < lines && at >= 0 && at < maxChars; i++) at = text.indexOf('\n', at + 1);
  return at < 0 ? text.slice(0, maxChars) : text.slice(0, Math.min(at, maxChars));
}

export function detectDelimiter(text: string): string {
  const lines = head(text, 200)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  if (lines.length === 0) return ';';
  let best: { ch: string; score: number } = { ch: ';', score: -1 };
  for (const ch of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, ch));
    const nonZero = counts.filter((c) => c > 0);
    if (nonZero.length === 0) continue;
    // the most frequent count, and how many lines share it
    const freq = new Map<number, number>();
    for (const c of nonZero) freq.set(c, (freq.get(c) ?? 0) + 1);
    let modeCount = 0;
    for (const v of freq.values()) modeCount = Math.max(modeCount, v);
    const score = modeCount / lines.length + nonZero.length / lines.length;
    if (score > best.score + 1e-9) best = { ch, score };
  }
  return best.ch;
}
