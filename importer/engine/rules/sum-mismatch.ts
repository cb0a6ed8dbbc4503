import { compressPlaces } from '../staff/percentages';
import { cellName } from '../staff/read';
import { partsOf, sumCells } from '../staff/sums';
import { parseA1 } from '../grid/address';
import { Place } from '../schema/dossier';
import { Rule } from './rule';

/** Cells stacked in one column, row after row, as one range ("C5:C9"); others as they are. */
function stackedRuns(places: Place[]): Place[] {
  const out: Place[] = [];
  for (const p of places) {
    const last = out[out.length - 1];
    const here = parseA1(p.cell);
    if (last && last.file === p.file && last.sheet === p.sheet) {
      const [from, to = from] = last.cell.split(':');
      const end = parseA1(to);
      if (end.col === here.col && here.row === end.row + 1) {
        last.cell = `${from}:${p.cell}`;
        continue;
      }
    }
    out.push({ ...p });
  }
  return out;
}

export const sumMismatch: Rule = {
  id: 'sum-mismatch',
  title: 'Totale diverso dalla somma delle parti',
  severity: 'error',
  docs: {
    it: 'Un totale indicato (di riga, di colonna, «Totale», «Tot.», totale generale) non è la somma delle sue parti.',
    en: 'A stated total (row, column, "Totale" line, grand total) differs from the sum of its parts.',
  },
  messages: {
    count: 'Il totale {what} indica {actual}, ma la somma delle sue parti è {expected}.',
    notation: 'Il totale {what} indica «{text}», cioè {actual} persone, ma la somma delle sue parti è {expected}.',
    fixedTerm: 'Il totale {what} indica «{text}», cioè {actual} a tempo determinato, ma le sue parti ne contano {expected}.',
    weights: 'Il totale dei pesi{of} indica {actual}, ma la somma dei pesi degli obiettivi sopra è {expected}.',
  },
  check(ctx) {
    for (const t of ctx.model.weightTotals) {
      // weights are printed with two decimals at most: a difference within rounding is none
      if (Math.abs(t.stated - t.sum) <= 0.011) continue;
      ctx.report({ at: t.at, messageId: 'weights', data: { of: t.of ? ` di «${t.of}»` : '', actual: t.stated, expected: t.sum }, related: stackedRuns(t.parts), expected: t.sum, actual: t.stated });
    }
    for (const t of ctx.model.staff.tables) {
      const { rows, columns } = t.table.staff;
      const staffColumns = columns.some((c) => c.meaning.staff && c.totalLevel < 0 && !c.percent);
      const staffRows = rows.some((r) => r.meaning.staff && r.totalLevel < 0 && !r.percent);
      for (const cell of t.cells) {
        if (cell.count?.kind !== 'count') continue;
        const rowTotal = cell.row.totalLevel >= 0;
        const colTotal = cell.col.totalLevel >= 0;
        if (!rowTotal && !colTotal) continue;
        // a "Totale" beside a "Personale" column and its parts is not a sum of them
        if ((colTotal && staffColumns) || (rowTotal && staffRows)) continue;
        // the «Totale» of a «di cui» line whose parts are blank is its only figure, not a sum
        if (t.loneTotals.has(cell)) continue;
        const sum = sumCells(t, partsOf(cell.row, rows), partsOf(cell.col, columns));
        if (!sum || sum.cells.length === 0) continue;
        const stated = cell.count;
        const related = compressPlaces(sum.cells);
        const what = cellName(cell).replace(/^il dato /, '');
        if (stated.count !== sum.count) {
          ctx.report({
            at: cell.at,
            messageId: stated.notation === 'plain' ? 'count' : 'notation',
            data: { what, actual: stated.count, expected: sum.count, text: cell.text },
            related,
            expected: sum.count,
            actual: stated.count,
          });
        } else if (stated.notation !== 'plain' && stated.fixedTerm !== sum.fixedTerm) {
          ctx.report({ at: cell.at, messageId: 'fixedTerm', data: { what, actual: stated.fixedTerm, expected: sum.fixedTerm, text: cell.text }, related, expected: sum.fixedTerm, actual: stated.fixedTerm });
        }
      }
    }
  },
};
