import { isSimpleFormula } from './evaluate';

/**
 * Formulas written as text where no spreadsheet program computed them: a CSV holds texts only, so
 * a total row typed (or exported) as «=SOMMA(B4:B8)» reaches piao as that text. Such a text is a
 * formula to compute only when it is a simple one (isSimpleFormula: sums and arithmetic over cells
 * of the same sheet); anything else (=HYPERLINK(...), =cmd|'...'!A0, +..., @..., a DDE link) stays
 * the text it is: never evaluated, never executed.
 *
 * Italian Excel writes formulas with «;» between arguments and «,» as the decimal comma
 * («=SOMMA(B4;B8)», «=B4*0,5»): both forms are read. A comma is a decimal comma when the formula
 * uses «;» as separator, or when it stands between digits outside any function's brackets (where it
 * cannot separate arguments).
 */
export function writtenFormula(text: string): string | undefined {
  if (text.charCodeAt(0) !== 61 /* = */) return undefined;
  const body = text.slice(1).trim();
  if (body === '' || body.includes('"')) return undefined;
  const italian = body.includes(';');
  let out = '';
  // for each open bracket: whether it opens a function's arguments
  const brackets: boolean[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(') brackets.push(/[A-Za-z0-9_.]$/.test(out));
    else if (c === ')') brackets.pop();
    if (c === ';') {
      out += ',';
      continue;
    }
    if (c === ',' && /\d/.test(body[i - 1] ?? '') && /\d/.test(body[i + 1] ?? '') && (italian || !brackets.includes(true))) {
      out += '.';
      continue;
    }
    out += c;
  }
  return isSimpleFormula(out) ? out : undefined;
}
