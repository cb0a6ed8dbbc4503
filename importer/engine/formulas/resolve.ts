import { a1 } from '../grid/address';
import { CellValue, Grid, UncomputedFormula, isErrorValue, plainText } from '../grid/grid';
import { ReadProblem } from '../read-problem';
import { parseItalianNumber } from '../normalise/numbers';
import { FormulaRefused, evaluateFormula } from './evaluate';

/**
 * Formula cells that come without a value computed by a spreadsheet program (files written by
 * generators that do not calculate) are never a silent empty cell or a silent 0: each is a finding
 * at its cell. A simple one (arithmetic and sums over cells of the same sheet) is computed and its
 * value read, and the finding says so; any other is read as empty, and the finding says why and
 * what to do.
 */

/** Findings listed one by one per sheet and kind; the rest are counted in one more finding. */
const MAX_LISTED = 200;

type Outcome = { value: number } | { why: string };

function formulaText(formula: string): string {
  const f = formula.trim().replace(/^=/, '');
  return `=${f.length > 80 ? `${f.slice(0, 80)}…` : f}`;
}

function itNumber(n: number): string {
  return n.toLocaleString('it-IT', { maximumFractionDigits: 6 });
}

function cachedText(v: CellValue): string {
  return typeof v === 'number' ? itNumber(v) : isErrorValue(v) ? v.error : `«${plainText(v)}»`;
}

/**
 * Computes the uncomputed formulas of a grid that can be (their values go into the grid, so that
 * tables read them as the spreadsheet would show them) and returns what the officer must know,
 * one problem per cell.
 */
export function resolveFormulas(grid: Grid): ReadProblem[] {
  const formulas = grid.uncomputedFormulas();
  if (formulas.length === 0) return [];
  const outcomes = new Map<UncomputedFormula, Outcome | 'busy'>();
  // a CSV holds texts only: a spreadsheet program opening it reads «1.234» or «12» as numbers
  const csv = grid.csv !== undefined;
  const shown = (r: number, c: number): CellValue => {
    const v = grid.value(r, c);
    if (!csv || typeof v !== 'string') return v;
    const n = parseItalianNumber(v.trim());
    return n === undefined ? v : n;
  };

  const valueAt = (row: number, col: number): CellValue | undefined => {
    const m = grid.mergeAt(row, col);
    const r = m ? m.top : row;
    const c = m ? m.left : col;
    const f = grid.uncomputedFormula(r, c);
    if (!f) return shown(r, c);
    const o = compute(f);
    if (o === 'busy') return undefined;
    if ('value' in o) return o.value;
    // a formula without a value of its own: the cells using it cannot be computed either
    if (f.cached !== undefined) return f.cached;
    throw new FormulaRefused(`usa la cella ${a1(r, c)}, la cui formula non è calcolata`);
  };

  const compute = (f: UncomputedFormula): Outcome | 'busy' => {
    const known = outcomes.get(f);
    if (known) return known;
    outcomes.set(f, 'busy');
    const r = evaluateFormula(f.formula, { sheet: grid.sheet, valueAt });
    const o: Outcome = typeof r === 'number' ? { value: r } : r;
    outcomes.set(f, o);
    return o;
  };

  const problems: ReadProblem[] = [];
  const listed = { computed: 0, refused: 0, differs: 0, unverified: 0 };
  const extra: Record<keyof typeof listed, { count: number; first?: string }> = { computed: { count: 0 }, refused: { count: 0 }, differs: { count: 0 }, unverified: { count: 0 } };
  const add = (kind: keyof typeof listed, cell: string, p: ReadProblem) => {
    if (listed[kind] < MAX_LISTED) {
      listed[kind]++;
      problems.push(p);
    } else {
      extra[kind].count++;
      extra[kind].first ??= cell;
    }
  };

  for (const f of formulas) {
    const cell = a1(f.row, f.col);
    const o = compute(f) as Outcome;
    const at = { sheet: grid.sheet, cell };
    if (csv) {
      // a formula written as text in a CSV: the text itself stays when it is not computed
      const text = formulaText(plainText(grid.value(f.row, f.col)));
      if ('value' in o) {
        grid.set(f.row, f.col, { value: o.value });
        add('computed', cell, { ...at, severity: 'info', message: `La cella contiene la formula ${text}, scritta come testo nel CSV (un CSV non riporta i valori delle formule): piao l'ha calcolata come farebbe Excel, vale ${itNumber(o.value)}, ed è letto questo valore.` });
      } else {
        add('refused', cell, { ...at, severity: 'warning', message: `La cella contiene la formula ${text}, scritta come testo nel CSV (un CSV non riporta i valori delle formule), e piao non la calcola: ${o.why}. La cella è letta come testo: i totali e le statistiche che la usano possono essere incompleti. Scrivi nel CSV il valore al posto della formula, poi importalo di nuovo.` });
      }
      continue;
    }
    if (f.cached === undefined) {
      if ('value' in o) {
        grid.set(f.row, f.col, { value: o.value, numFmt: grid.numFmt(f.row, f.col) });
        add('computed', cell, { ...at, severity: 'info', message: `La cella ha la formula ${formulaText(f.formula)} ma il file non ne riporta il valore (è stato scritto da un programma che non calcola le formule): piao l'ha calcolata, vale ${itNumber(o.value)}, ed è letto questo valore.` });
      } else {
        add('refused', cell, { ...at, severity: 'warning', message: `La cella ha la formula ${formulaText(f.formula)} ma il file non ne riporta il valore (è stato scritto da un programma che non calcola le formule), e piao non la calcola: ${o.why}. La cella è letta come vuota: i totali e le statistiche che la usano possono essere incompleti. Apri il file in Excel o LibreOffice e salvalo, poi importalo di nuovo.` });
      }
      continue;
    }
    // a value the file asks to recalculate on opening (XlsxWriter writes 0 for every formula)
    if ('value' in o) {
      if (typeof f.cached === 'number' && Math.abs(f.cached - o.value) < 1e-9) continue;
      grid.set(f.row, f.col, { value: o.value, numFmt: grid.numFmt(f.row, f.col) });
      add('differs', cell, { ...at, severity: 'warning', message: `Il file chiede di ricalcolare le formule all'apertura e per la formula ${formulaText(f.formula)} riporta ${cachedText(f.cached)}, ma la formula dà ${itNumber(o.value)}: piao l'ha calcolata ed è letto ${itNumber(o.value)}.` });
    } else {
      add('unverified', cell, { ...at, severity: 'warning', message: `Il file chiede di ricalcolare le formule all'apertura: per la formula ${formulaText(f.formula)} è letto il valore che riporta (${cachedText(f.cached)}), che può non essere quello vero, e piao non la calcola: ${o.why}. Apri il file in Excel o LibreOffice e salvalo, poi importalo di nuovo.` });
    }
  }
  const more: Record<keyof typeof listed, string> = {
    computed: csv ? 'formule scritte come testo nel CSV, calcolate da piao' : 'formule senza valore nel file, calcolate da piao',
    refused: csv ? 'formule scritte come testo nel CSV che piao non calcola (lette come testo)' : 'formule senza valore nel file che piao non calcola (lette come vuote)',
    differs: 'formule con un valore diverso da quello che danno, ricalcolate da piao',
    unverified: 'formule con un valore da ricalcolare che piao non verifica',
  };
  for (const k of Object.keys(extra) as (keyof typeof listed)[]) {
    const e = extra[k];
    if (e.count) problems.push({ sheet: grid.sheet, cell: e.first, severity: k === 'computed' ? 'info' : 'warning', message: `Altre ${itNumber(e.count)} ${more[k]}, a partire da questa cella (le prime ${MAX_LISTED} sono segnalate una per una).` });
  }
  return problems;
}

/**
 * Formulas that refer to another workbook the file holds no link to (Excel would repair the file):
 * their stored value is read, and the copies keep it without the formula. Said at each cell; a
 * formula without a stored value is said once, by resolveFormulas.
 */
export function danglingLinkNotes(grid: Grid): ReadProblem[] {
  const out: ReadProblem[] = [];
  for (const d of grid.danglingLinks ?? []) {
    if (out.length >= MAX_LISTED) break;
    const f = grid.uncomputedFormula(d.row, d.col);
    if (f && f.cached === undefined) continue;
    const v = grid.value(d.row, d.col);
    const value = v === null ? 'nessun valore' : `il valore ${cachedText(v)}`;
    out.push({
      sheet: grid.sheet,
      cell: a1(d.row, d.col),
      severity: 'warning',
      message: `La formula ${formulaText(d.formula)} rimanda a un'altra cartella di lavoro, ma il file non contiene il collegamento a quella cartella (Excel lo segnalerebbe da riparare): è letto ${value} che il file riporta, e nella copia annotata la cella ha questo valore, senza la formula.`,
    });
  }
  return out;
}
