import { dateInText, dateInTitles, yearInText } from '../detect/reference-date';
import { Grid } from '../grid/grid';
import { SheetKind } from '../schema/dossier';
import { normaliseLabel } from '../text/normalise';
import { LabelMeaning } from './labels';
import { AxisLine, StaffDetectedTable } from './types';

/**
 * What a caption says the table counts when its own labels do not: "Personale in lavoro agile al
 * 31/12/2023" over a category x gender table counts smart workers, not staff. Only unambiguous
 * captions count (one subject, one movement).
 */
export function titleContext(title: string): Pick<LabelMeaning, 'smart' | 'regime' | 'movement' | 'contract'> {
  const n = normaliseLabel(title);
  const smart = /\b(smart ?working|lavoro agile|lavoratori agili)\b/.test(n);
  const partTime = /\b(part ?time|tempo parziale)\b/.test(n);
  const out: Pick<LabelMeaning, 'smart' | 'regime' | 'movement' | 'contract'> = {};
  // «Personale a tempo determinato»: the whole table counts fixed-term staff (not when the title names both kinds)
  // «comprese quelle a tempo determinato», «anche a tempo determinato», «di cui a tempo determinato»: the whole staff
  const fixedTerm = /\b(tempo determinato|a termine)\b/.test(n) && !/\b(compres[oaie]|inclus[oaie]|di cui|anche|oltre|insieme)\b.{0,40}\b(tempo determinato|a termine)\b/.test(n);
  const permanent = /\b(tempo indeterminato|di ruolo)\b/.test(n);
  if (fixedTerm && !permanent) out.contract = 'fixed-term';
  if (smart && !partTime) out.smart = /\b100\b|\bfragil/.test(n) ? 'full' : 'any';
  if (partTime && !smart) out.regime = 'part-time';
  const hire = /\b(assunt\w*|assunzion\w*)\b/.test(n);
  const termination = /\b(cessat\w*|cessazion\w*)\b/.test(n);
  if (hire !== termination) out.movement = hire ? 'hire' : 'termination';
  return out;
}

function dateOfName(name: string): string | undefined {
  const d = dateInText(name);
  if (d) return d;
  const y = yearInText(name);
  return y ? `${y}-12-31` : undefined;
}

/**
 * The date a table speaks of: a date in its caption or corner ("al 31/12/2023"), a single year in
 * its caption ("Personale 2024"), the date of the table above it in the same sheet, the sheet name
 * ("2024"), the file name, and last the one year the row labels' remarks name. A table with years on
 * an axis (not a turnover table) speaks of its latest.
 */
export function tableDate(texts: string[], grid: Grid, above: StaffDetectedTable | undefined, rows: AxisLine[], columns: AxisLine[], kind: SheetKind): string | undefined {
  if (kind !== 'turnover') {
    const dated = [...rows, ...columns].map((l) => l.meaning.date ?? (l.meaning.year !== undefined ? `${l.meaning.year}-12-31` : undefined)).filter((d): d is string => Boolean(d));
    if (dated.length) return dated.sort().pop();
  }
  const fromTitles = dateInTitles(texts);
  if (fromTitles) return fromTitles;
  for (const t of texts) {
    const y = yearInText(t);
    if (y) return `${y}-12-31`;
  }
  if (above?.referenceDate) return above.referenceDate;
  return dateOfName(grid.sheet) ?? dateOfName(grid.file.replace(/^.*[\\/]/, '').replace(/\.[a-z]+$/i, '')) ?? yearOfRemarks(rows);
}

/**
 * The one year the row labels' remarks name («Cat. C (dato 2021)» on every row), when nothing else
 * dates the table: a weak clue, taken last.
 */
function yearOfRemarks(rows: AxisLine[]): string | undefined {
  const years = new Set<number>();
  for (const r of rows) {
    for (const label of r.labels) {
      if (!label) continue;
      const y = yearInText(label);
      if (y) years.add(y);
    }
  }
  return years.size === 1 ? `${[...years][0]}-12-31` : undefined;
}

/** A caption that leaves its date to the next cell: «Personale in servizio al», «Data di riferimento:», «Anno». */
const ASKS_FOR_DATE = /\b(al|alla data( del)?|data|data di riferimento|riferimento|anno|aggiornat[oa] al)\s*:?\s*$/;

/** The text of a cell beside a caption when it dates it: a full date, or a bare year after a caption that asks for one. */
function dateBeside(grid: Grid, row: number, col: number, asks: boolean): string | undefined {
  const t = grid.text(row, col);
  if (dateInText(t)) return t;
  if (asks && /^\s*(19|20)\d{2}\s*$/.test(t)) return `al ${t.trim()}`;
  return undefined;
}

/**
 * A caption whose date is written in the next cells of its row («Personale in servizio al» |
 * 31/12/2023): a text, then only dates. It is a caption like a row of one text.
 */
export function isDatedCaption(grid: Grid, row: number): boolean {
  const [first, ...rest] = grid.filledColumns(row);
  if (first === undefined || rest.length === 0 || rest.length > 3) return false;
  const head = grid.text(row, first);
  if (typeof grid.value(row, first) !== 'string' || !/[a-z]{3}/i.test(head)) return false;
  const asks = ASKS_FOR_DATE.test(normaliseLabel(head));
  return rest.every((c) => dateBeside(grid, row, c, asks) !== undefined);
}

/**
 * The dates written beside a caption, in the other cells of its row («Personale in servizio al» |
 * 31/12/2023, a date cell or a text): full dates always, a bare year only after a caption that asks
 * for it. Taken only when the captions themselves date nothing, so that a print date far to the
 * right never beats the caption's own.
 */
export function datesBesideCaptions(grid: Grid, titleRows: readonly number[]): string[] {
  const out: string[] = [];
  for (const r of titleRows) {
    const [first, ...rest] = grid.filledColumns(r);
    if (first === undefined) continue;
    const asks = ASKS_FOR_DATE.test(normaliseLabel(grid.text(r, first)));
    for (const c of rest) {
      const d = dateBeside(grid, r, c, asks);
      if (d) out.push(d);
    }
  }
  return out;
}
