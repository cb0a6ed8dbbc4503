import { columnIndex, columnLetters } from '../grid/address';

/**
 * A shared formula as it reads in another cell of its range: the master's formula with every
 * relative reference moved by the same rows and columns (`$`-anchored parts stay), as Excel
 * does. Texts in quotes, sheet names and function names are left alone. Returns undefined when a
 * reference would leave the sheet (Excel shows #REF! there: the cell is not computed).
 */
export function shiftFormula(formula: string, rows: number, cols: number): string | undefined {
  if (rows === 0 && cols === 0) return formula;
  let out = '';
  let i = 0;
  let broken = false;
  const ref = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(.!])/;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === "'") {
      // a quoted sheet name: kept as it is
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    // a reference starts where a name cannot go on (not inside «SHEET1», «LOG10», «_xlfn.X»)
    const prev = i > 0 ? formula[i - 1] : '';
    const m = /[\w.$]/.test(prev) ? null : ref.exec(formula.slice(i));
    if (m) {
      const [whole, colAbs, letters, rowAbs, digits] = m;
      let col = columnIndex(letters);
      let row = Number(digits) - 1;
      if (!colAbs) col += cols;
      if (!rowAbs) row += rows;
      if (col < 0 || row < 0 || col >= 16_384 || row >= 1_048_576) broken = true;
      out += `${colAbs}${columnLetters(Math.max(0, col))}${rowAbs}${Math.max(0, row) + 1}`;
      i += whole.length;
      continue;
    }
    const name = /^[A-Za-z_][\w.]*/.exec(formula.slice(i));
    if (name && !/[\w.$]/.test(prev)) {
      out += name[0];
      i += name[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return broken ? undefined : out;
}
