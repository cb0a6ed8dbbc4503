import { columnIndex } from '../grid/address';
import { CellValue, isErrorValue } from '../grid/grid';

/**
 * Evaluates the simple formulas a spreadsheet program would have computed, when a file comes
 * without their values: arithmetic (+ - * / ^, %, brackets) over numbers and cells of the same
 * sheet, and SUM / SOMMA over cells and ranges. Anything else (another sheet, another workbook,
 * names, other functions, text, dates, errors) is not computed: the caller says so at the cell.
 * Semantics are Excel's: an empty cell is 0 in arithmetic; SUM skips texts and booleans in a range;
 * a number written as text counts in arithmetic, not in a range.
 */

/** Why a formula was not computed, said to an officer after «la formula». */
export type NotComputed = { why: string };

export interface FormulaCells {
  /**
   * The value a cell shows (a merge's top-left value), or undefined while it is being computed (a
   * loop). May throw FormulaRefused (a cell whose own formula is not computed).
   */
  valueAt(row: number, col: number): CellValue | undefined;
  /** The sheet the formula is in: a reference to it by name is a reference to the same sheet. */
  sheet: string;
}

type Token =
  | { t: 'num'; v: number }
  | { t: 'ref'; row: number; col: number; sheet?: string }
  | { t: 'range'; top: number; left: number; bottom: number; right: number; sheet?: string }
  | { t: 'fn'; name: string }
  | { t: 'op'; v: string };

const MAX_FORMULA = 2000;
const MAX_RANGE_CELLS = 100_000;

/** Thrown (by the evaluator, or by FormulaCells.valueAt) when a formula is not computed; `why` follows «la formula». */
export class FormulaRefused extends Error {
  constructor(readonly why: string) {
    super(why);
  }
}

function refuse(why: string): never {
  throw new FormulaRefused(why);
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})/;
const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*))!/;

function cellAt(text: string): { row: number; col: number; length: number } | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col >= 16_384 || row < 0 || row >= 1_048_576) return undefined;
  // a name such as «TOTALE1» or a function «LOG10(» is not a cell
  const next = text[m[0].length];
  if (next !== undefined && /[\w(.]/.test(next)) return undefined;
  return { row, col, length: m[0].length };
}

function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const s = formula;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      i++;
      continue;
    }
    if (c === '[') refuse('rimanda a un’altra cartella di lavoro');
    if (c === '"') refuse('contiene un testo');
    if (c === '{') refuse('contiene una matrice costante');
    if ('+-*/^(),;%'.includes(c)) {
      out.push({ t: 'op', v: c === ';' ? ',' : c });
      i++;
      continue;
    }
    if ('<>=&'.includes(c)) refuse('contiene un confronto o un concatenamento');
    const num = /^(\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(s.slice(i));
    if (num && !/^\d+:/.test(s.slice(i))) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    let rest = s.slice(i);
    let sheet: string | undefined;
    const prefix = SHEET_PREFIX.exec(rest);
    if (prefix) {
      sheet = (prefix[1] ?? prefix[2]).replace(/''/g, "'");
      i += prefix[0].length;
      rest = s.slice(i);
    }
    const a = cellAt(rest);
    if (a) {
      i += a.length;
      if (s[i] === ':') {
        const b = cellAt(s.slice(i + 1));
        if (!b) refuse('contiene un intervallo che piao non sa leggere');
        i += 1 + b.length;
        out.push({ t: 'range', top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col), sheet });
      } else out.push({ t: 'ref', row: a.row, col: a.col, sheet });
      continue;
    }
    if (sheet !== undefined) refuse('contiene un riferimento che piao non sa leggere');
    if (/^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}\b/.test(rest) || /^\$?\d+:\$?\d+/.test(rest)) refuse('usa colonne o righe intere');
    const name = /^[A-Za-z_][\w.]*/.exec(rest);
    if (name) {
      i += name[0].length;
      if (s[i] === '(') out.push({ t: 'fn', name: name[0].toUpperCase().replace(/^_XLFN\./, '') });
      else refuse(`usa il nome «${name[0]}»`);
      continue;
    }
    refuse('contiene un simbolo che piao non sa leggere');
  }
  return out;
}

const SUMS = new Set(['SUM', 'SOMMA']);

/** A number from a value met by an operator (Excel: an empty cell is 0, a number written as text counts). */
function operand(v: CellValue | undefined): number {
  if (v === undefined) refuse('dipende da sé stessa (riferimento circolare)');
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isErrorValue(v)) refuse(`usa una cella in errore (${v.error})`);
  if (v instanceof Date) refuse('usa una data');
  const t = v.trim();
  if (t === '') return 0;
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  refuse(`usa una cella che contiene un testo («${t.length > 30 ? `${t.slice(0, 30)}…` : t}»)`);
}

class Parser {
  private i = 0;
  /**
   * `dry`: only the form is checked (isSimpleFormula): every cell reads 1 and nothing is refused
   * for its value (a division by zero, a text).
   */
  constructor(
    private readonly tokens: Token[],
    private readonly cells: FormulaCells,
    private readonly dry = false,
  ) {}

  parse(): number {
    const v = this.expr();
    if (this.i < this.tokens.length) refuse('contiene una forma che piao non sa leggere');
    return v;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }

  private expect(v: string): void {
    if (!this.isOp(v)) refuse('contiene una forma che piao non sa leggere');
    this.i++;
  }

  private expr(): number {
    let v = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tokens[this.i++] as { v: string }).v;
      const r = this.term();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  }

  private term(): number {
    let v = this.power();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.tokens[this.i++] as { v: string }).v;
      const r = this.power();
      if (op === '/' && r === 0 && !this.dry) refuse('divide per zero (#DIV/0!)');
      v = op === '*' ? v * r : v / r;
    }
    return v;
  }

  private power(): number {
    let v = this.unary();
    while (this.isOp('^')) {
      this.i++;
      v = v ** this.unary();
    }
    return v;
  }

  private unary(): number {
    if (this.isOp('-')) {
      this.i++;
      return -this.unary();
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    let v = this.primary();
    while (this.isOp('%')) {
      this.i++;
      v /= 100;
    }
    return v;
  }

  private sameSheet(sheet: string | undefined): void {
    if (sheet !== undefined && sheet.toLowerCase() !== this.cells.sheet.toLowerCase()) refuse(`rimanda a un altro foglio («${sheet}»)`);
  }

  private primary(): number {
    const t = this.peek();
    if (!t) refuse('è incompleta');
    this.i++;
    if (t.t === 'num') return t.v;
    if (t.t === 'ref') {
      this.sameSheet(t.sheet);
      if (this.dry) return 1;
      return operand(this.cells.valueAt(t.row, t.col));
    }
    if (t.t === 'range') refuse('usa un intervallo fuori da una somma');
    if (t.t === 'fn') {
      if (!SUMS.has(t.name)) refuse(`usa la funzione ${t.name}, che piao non calcola`);
      this.expect('(');
      let sum = 0;
      if (!this.isOp(')')) {
        for (;;) {
          sum += this.sumArgument();
          if (this.isOp(',')) {
            this.i++;
            continue;
          }
          break;
        }
      }
      this.expect(')');
      return sum;
    }
    if (t.v === '(') {
      const v = this.expr();
      this.expect(')');
      return v;
    }
    refuse('contiene una forma che piao non sa leggere');
  }

  /** One argument of SUM: a range or a cell adds its numbers only (texts and booleans skipped), anything else is computed. */
  private sumArgument(): number {
    const t = this.peek();
    const after = this.tokens[this.i + 1];
    const alone = after === undefined || (after.t === 'op' && (after.v === ',' || after.v === ')'));
    if (t && (t.t === 'range' || t.t === 'ref') && alone) {
      this.i++;
      this.sameSheet(t.sheet);
      const r = t.t === 'range' ? t : { top: t.row, bottom: t.row, left: t.col, right: t.col };
      if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > MAX_RANGE_CELLS) refuse('somma un intervallo troppo grande');
      if (this.dry) return 1;
      let sum = 0;
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const v = this.cells.valueAt(row, col);
          if (v === undefined) refuse('dipende da sé stessa (riferimento circolare)');
          if (typeof v === 'number') sum += v;
          else if (isErrorValue(v)) refuse(`usa una cella in errore (${v.error})`);
          else if (v instanceof Date) refuse('somma una data');
        }
      }
      return sum;
    }
    return this.expr();
  }
}

/** The value of a simple formula over the cells given, or why it is not computed. */
export function evaluateFormula(formula: string, cells: FormulaCells): number | NotComputed {
  const f = formula.trim().replace(/^=/, '');
  if (f === '') return { why: 'è vuota' };
  if (f.length > MAX_FORMULA) return { why: 'è troppo lunga' };
  try {
    // the weightiest reason first: another workbook, then a function piao does not compute
    if (/\[[^\]]*\]/.test(f)) refuse('rimanda a un’altra cartella di lavoro');
    for (const m of f.replace(/"[^"]*"/g, '""').matchAll(/([A-Za-z_][\w.]*)\s*\(/g)) {
      const name = m[1].toUpperCase().replace(/^_XLFN\./, '');
      if (!SUMS.has(name)) refuse(`usa la funzione ${name}, che piao non calcola`);
    }
    const v = new Parser(tokenize(f), cells).parse();
    if (!Number.isFinite(v)) return { why: 'non dà un numero' };
    // the 15 significant digits a spreadsheet keeps: 0.1 + 0.2 is 0.3
    return Number(v.toPrecision(15));
  } catch (err) {
    if (err instanceof FormulaRefused) return { why: err.why };
    throw err;
  }
}

/**
 * Whether a formula is one evaluateFormula computes by its form alone: numbers, cells and ranges of
 * the same sheet (at least one: a total over cells), arithmetic, brackets, SUM / SOMMA. Nothing
 * else: no text, no other function, no other sheet or workbook, no name, no DDE (`cmd|...`).
 * Whether it gives a value still depends on the cells (a text, an error, a loop).
 */
export function isSimpleFormula(formula: string): boolean {
  const f = formula.trim().replace(/^=/, '');
  if (f === '' || f.length > MAX_FORMULA) return false;
  try {
    const tokens = tokenize(f);
    if (!tokens.some((t) => t.t === 'ref' || t.t === 'range')) return false;
    for (const t of tokens) {
      if ((t.t === 'ref' || t.t === 'range') && t.sheet !== undefined) return false;
      if (t.t === 'fn' && !SUMS.has(t.name)) return false;
    }
    new Parser(tokens, { sheet: '', valueAt: () => 1 }, true).parse();
    return true;
  } catch (err) {
    if (err instanceof FormulaRefused) return false;
    throw err;
  }
}
