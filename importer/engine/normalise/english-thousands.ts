import { DetectedTable } from '../detect/table';
import { a1, parseA1 } from '../grid/address';
import { Grid } from '../grid/grid';
import { CellNote } from '../model';
import { ReadProblem } from '../read-problem';

/**
 * A CSV saved with English regional settings: commas between fields and commas for thousands
 * («"1,205"»). piao reads numbers the Italian way, where «1,205» is one point two (an Italian sheet
 * may well hold «1,500» FTE), so it never reinterprets them; but when such numbers keep a table from
 * being recognised, or make a count a fraction of a person, the officer is told the likely cause and
 * how to save the file. Said only when the whole file agrees: fields separated by «,», every number
 * with a comma written as English thousands (no leading zero, groups of three digits), and no number
 * written the Italian way (a dot for thousands, a comma before decimals that are not three digits).
 */

/** A number with commas for thousands, as English settings write it: «1,205», «12,000», «1,234,567». */
export const ENGLISH_THOUSANDS = /^[-+]?[1-9]\d{0,2}(?:,\d{3})+$/;
/** A number with a decimal comma («0,5», «12,25», «1.234,5», «62,5%») or a dot for thousands («1.234»): Italian. */
const ITALIAN = /^[-+]?(?:\d+,\d+|\d{1,3}(?:\.\d{3})+(?:,\d+)?)\s*%?$/;

/**
 * The first cell of a comma-separated CSV that reads as English thousands, when every number of
 * the file agrees with that reading; undefined otherwise.
 */
export function firstEnglishThousands(grid: Grid): { row: number; col: number; text: string } | undefined {
  if (grid.csv?.delimiter !== ',') return undefined;
  let first: { row: number; col: number; text: string } | undefined;
  for (let r = 0; r < grid.rowCount; r++) {
    for (const c of grid.filledColumns(r)) {
      const t = grid.text(r, c);
      if (!t.includes(',') && !t.includes('.')) continue;
      if (ENGLISH_THOUSANDS.test(t)) first ??= { row: r, col: c, text: t };
      else if (ITALIAN.test(t)) return undefined;
    }
  }
  return first;
}

/** Whether a cell is in a column its table recognised (a column piao does not recognise, «FTE», may hold fractions). */
function inRecognisedColumn(tables: readonly DetectedTable[], cell: string): boolean {
  const { row, col } = parseA1(cell);
  return tables.some((t) => row >= t.range.top && row <= t.range.bottom && t.columns.some((c) => c.col === col && c.role !== null));
}

/**
 * What to tell the officer about a CSV grid whose numbers look English (see above): at the first
 * count of a recognised column that could not be read as a whole number of people (`notes`: the
 * notes its tables gave), or, when no table was recognised (`tables` empty), at the first such
 * number. Nothing for any other grid.
 */
export function englishThousandsProblem(grid: Grid, tables: readonly DetectedTable[], notes: readonly CellNote[]): ReadProblem | undefined {
  if (grid.csv?.delimiter !== ',') return undefined;
  const count = notes.find((n) => n.note === 'unparseable' && n.at.sheet === grid.sheet && n.text !== undefined && ENGLISH_THOUSANDS.test(n.text.trim()) && inRecognisedColumn(tables, n.at.cell));
  if (!count && tables.length > 0) return undefined;
  const first = firstEnglishThousands(grid);
  if (!first) return undefined;
  const cell = count ? count.at.cell : a1(first.row, first.col);
  const text = count ? count.text!.trim() : first.text;
  const english = text.replace(/,/g, '.');
  const effect = count ? 'è probabilmente per questo che conteggi come questo non sono numeri interi di persone' : 'è probabilmente per questo che nessuna tabella è stata riconosciuta';
  return {
    severity: 'warning',
    sheet: grid.sheet,
    cell,
    message: `«${text}» sembra un numero scritto all'inglese, con la virgola per le migliaia (${english}): il file ha i campi separati da virgole e tutti i suoi numeri con la virgola hanno gruppi di tre cifre, come li salva un computer con le impostazioni internazionali inglesi. piao legge i numeri all'italiana, dove «${text}» ha dei decimali, e non li reinterpreta: ${effect}. Apri il CSV in LibreOffice o in Excel dicendo che i numeri sono in inglese (LibreOffice: «Lingua: Inglese (USA)» nella finestra di importazione; Excel: Dati > Da testo/CSV, origine «Inglese (Stati Uniti)»), salvalo come CSV con il separatore «;» e le impostazioni internazionali italiane, e importalo di nuovo.`,
  };
}
