import type { CsvReading } from '../engine/grid/grid';

/** Line breaks outside quotes, by kind, in the whole text: a character loop, run only when the quick look finds a mix. */
function outsideQuotes(text: string): { crlf: number; lf: number; cr: number } {
  const n = { crlf: 0, lf: 0, cr: 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted; // a doubled quote flips twice: no change
    else if (quoted) continue;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        n.crlf++;
        i++;
      } else n.cr++;
    } else if (c === 10) n.lf++;
  }
  return n;
}

/**
 * How the records of a CSV end, and the text to parse: CRLF (Windows), LF, CR (old Macs) or a mix
 * of them in one file (pieces saved on different systems). A mix is made LF everywhere, so that
 * every kind ends a record; a line break inside a quoted cell stays a line break of that cell
 * (Excel writes LF inside cells and CRLF between records: that is CRLF, not a mix). Most files
 * have one kind and cost two native searches.
 */
export function lineEndings(text: string): { text: string; lineEnding: CsvReading['lineEnding'] } {
  if (text.indexOf('\r') < 0) return { text, lineEnding: 'LF' };
  const loneCr = /\r(?!\n)/.test(text);
  const loneLf = /(?<!\r)\n/.test(text);
  const crlf = text.indexOf('\r\n') >= 0;
  if (!loneCr && !loneLf) return { text, lineEnding: 'CRLF' };
  if (loneCr && !loneLf && !crlf) return { text, lineEnding: 'CR' };
  const n = outsideQuotes(text);
  const kinds = (n.crlf > 0 ? 1 : 0) + (n.lf > 0 ? 1 : 0) + (n.cr > 0 ? 1 : 0);
  if (kinds <= 1) return { text, lineEnding: n.cr > 0 ? 'CR' : n.lf > 0 ? 'LF' : 'CRLF' };
  return { text: text.replace(/\r\n?/g, '\n'), lineEnding: 'mixed' };
}
