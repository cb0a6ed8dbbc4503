import { Grid } from '../grid/grid';
import { readCount } from '../normalise/counts';
import { normaliseLabel } from '../text/normalise';
import { classifyLabel, isClassified } from './labels';
import { isPageMarker } from './page-marks';
import { Block, RowReader } from './rows';
import { StaffDetectedTable } from './types';

/**
 * A table printed over two pages and pasted back into a sheet (or exported page by page): after the
 * page break come a «Pag. 2» line, the title again («... (segue)»), the header again, sometimes a
 * «Riporto» line carrying the first page's sums, and the first page may close with «Totale pagina»
 * or «A riportare». It is one table: its rows are read together, the sums of a page are not totals
 * of the table, and the grand total at the end adds every row of every page.
 */

/** At most this many rows of page furniture between the two parts of a table. */
const MAX_PAGE_GAP = 12;

/** What a repeated title says without the words a continuation adds: «Personale al 31/12/2023 (segue)». */
function titleKey(text: string): string {
  return normaliseLabel(text)
    .replace(/\b(segue|seguito|continua|continuazione|cont|pag|pagina|di)\b/g, ' ')
    .replace(/\b\d+\s*$/, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The sums a page ends or begins with: «Totale pagina», «Totale parziale», «A riportare», «Riporto». */
export function isPageSum(label: string): boolean {
  const n = normaliseLabel(label);
  return /^(?:(?:totale|tot|subtotale|sub totale|somma)\s+(?:di |della |del )?(?:pagina|pag|foglio|parziale)|(?:totale )?(?:a |da )?riportare|(?:totale )?riport(?:o|ato|i)(?: (?:dalla |da )?(?:pagina|pag) (?:precedente|prec))?)\b/.test(n);
}

function rowTexts(grid: Grid, row: number): string {
  return grid
    .filledColumns(row)
    .map((c) => `${c}:${normaliseLabel(grid.text(row, c))}`)
    .join('|');
}

/** What a header label says a column holds, without its wording: «Donne» and «F», «Totale» and «Tot.» say the same. */
function meaningKey(grid: Grid, row: number, col: number): string | undefined {
  const m = classifyLabel(grid.value(row, col), grid.text(row, col));
  if (!m || !isClassified(m) || m.unexplained) return undefined;
  return JSON.stringify([m.total, m.percent, m.gender ?? m.letter, m.category, m.regime, m.smart, m.year, m.date, m.movement, m.age, m.contract, m.staff, m.subset, m.count]);
}

/**
 * The header of the first page written again in other words on the next («Categoria | Donne |
 * Uomini | Totale», then «Profilo | F | M | Tot.»): the same cells filled, every column of figures
 * saying the same as before in words piao understands, the label columns any text.
 */
function rewordedHeader(grid: Grid, header: number, row: number, labelMax: number): boolean {
  const was = grid.filledColumns(header);
  const now = grid.filledColumns(row);
  if (was.length !== now.length || was.some((c, i) => now[i] !== c)) return false;
  const figures = now.filter((c) => c > labelMax);
  if (figures.length < 2) return false;
  // the label columns name the same axis («Categoria», then «Profilo») and nothing more: «Tempo
  // determinato | F | M» or «Regime | Donne | Uomini» under a table by category heads another table
  const axisOf = (r: number, c: number): string | undefined | false => {
    const m = classifyLabel(grid.value(r, c), grid.text(r, c));
    if (!m) return undefined;
    return Object.entries(m).every(([k, v]) => k === 'axisName' || k === 'unexplained' || v === undefined) ? m.axisName : false;
  };
  if (!now.filter((c) => c <= labelMax).every((c) => axisOf(row, c) !== false && axisOf(row, c) === axisOf(header, c))) return false;
  return figures.every((c) => {
    const k = meaningKey(grid, row, c);
    return k !== undefined && k === meaningKey(grid, header, c);
  });
}

/** How a table goes on over a page break: `closedByTotal` when its first page ended with a «Totale» of that page. */
export interface PageContinuation {
  closedByTotal: boolean;
}

function countAt(grid: Grid, row: number, col: number): number | undefined {
  const r = readCount(grid.value(row, col), grid.text(row, col));
  if (r.kind === 'count') return r.count;
  if (r.kind === 'empty') return 0;
  return undefined;
}

/** Whether every figure of `total` is the sum of the same column over `rows` (and one at least is not zero). */
export function sumsRows(grid: Grid, total: number, rows: readonly number[], cols: readonly number[]): boolean {
  let nonZero = 0;
  for (const c of cols) {
    const t = countAt(grid, total, c);
    if (t === undefined) continue;
    let sum = 0;
    for (const r of rows) {
      const v = countAt(grid, r, c);
      if (v === undefined) return false;
      sum += v;
    }
    if (sum !== t) return false;
    if (t !== 0) nonZero++;
  }
  return nonZero > 0;
}

/**
 * Whether `block` continues `prev` on a new page: only page furniture lies between them (blank
 * rows, page marks, the title or the header again), with at least one mark of a page break, and
 * the same columns. A first part that closed with a total of its own goes on only after an explicit
 * page mark («Pag. 1», «segue») or its title repeated, and that total is then the page's sum.
 */
export function continuesOnNextPage(grid: Grid, reader: RowReader, prev: StaffDetectedTable, prevBlock: Block, block: Block): PageContinuation | undefined {
  const from = prev.bodyEnd + 1;
  const to = block.rows[0] - 1;
  if (to - from + 1 > MAX_PAGE_GAP || to < from) return undefined;
  const closing = prevBlock.rows[prevBlock.rows.length - 1];
  const last = prev.staff.rows.find((r) => r.index === closing);
  const closedByTotal = last !== undefined && last.totalLevel >= 0 && !last.percent && !isPageSum(last.labels.filter(Boolean).join(' '));
  const headers = new Set(prev.headerRows.map((h) => rowTexts(grid, h)));
  const titles = new Set(prev.staff.titles.map(titleKey).filter(Boolean));
  let header = false;
  let explicit = false;
  for (let r = from; r <= to; r++) {
    const p = reader.profile(r);
    if (p.kind === 'blank') continue;
    if (headers.has(rowTexts(grid, r)) || prev.headerRows.some((h) => rewordedHeader(grid, h, r, prevBlock.labelMax))) header = true;
    else if (isPageMarker(grid, r)) explicit = true;
    else if (p.filled.length === 1 && titles.has(titleKey(grid.text(r, p.filled[0])))) explicit = true;
    else return undefined;
  }
  if (!(explicit || (header && !closedByTotal))) return undefined;
  // the same columns: labels in the same column, figures only under the table's columns
  const start = (b: Block) => Math.min(...b.rows.map((x) => reader.profile(x).leading[0] ?? Infinity));
  if (start(block) !== start(prevBlock)) return undefined;
  const cols = new Set(prev.staff.columns.map((c) => c.index));
  if (!block.rows.every((x) => reader.profile(x).filled.every((c) => c <= prevBlock.labelMax || cols.has(c)))) return undefined;
  return { closedByTotal };
}

/** The rows of a table over pages without its page sums («Totale pagina», «A riportare», «Riporto»). */
export function withoutPageSums(grid: Grid, reader: RowReader, rows: number[], labelMax: number): number[] {
  return rows.filter((r) => {
    const label = reader
      .profile(r)
      .filled.filter((c) => c <= labelMax)
      .map((c) => grid.text(r, c))
      .join(' ');
    return !isPageSum(label);
  });
}
