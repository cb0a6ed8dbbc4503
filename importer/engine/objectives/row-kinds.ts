import { mapRowIfHeader } from '../detect/header';
import { normaliseLabel } from '../text/normalise';
import { startsWithCode } from './codes';
import { objectiveVocabulary, splitLevelRole } from './columns';
import type { ObjectivesLayout } from './layout';
import { ownReference } from './numbering';
import { isTotalLabel } from './rows';

/**
 * Rows of an objectives table that are no objective, told from the table's layout alone: totals,
 * the header written again, lines of figures under a label, captions of the next block.
 */

const FIGURE = /^[-+]?[\d.,\s]+%?$/;

/** A line that adds up the weights or figures above ("Totale peso CdR 2", "Tot.", a row of sums only). */
export function isTotalLine(layout: ObjectivesLayout, row: number): boolean {
  const texts = layout.grid.filledColumns(row).map((c) => layout.grid.text(row, c).trim());
  const first = texts.find((t) => /[a-zà-ÿ]/i.test(t));
  if (!first) return texts.length > 0 && texts.every((t) => FIGURE.test(t)) && !layout.identityText(row);
  if (!isTotalLabel(first)) return false;
  // besides its label it holds figures only (an objective titled "Totale ..." has a structure, an indicator)
  return texts.filter((t) => t !== first).every((t) => FIGURE.test(t));
}

/** The header's labels by column, normalised (the last header row's, and the joined ones): computed once per table. */
const headerLabels = new WeakMap<object, Map<number, [string, string]>>();

function labelsOf(layout: ObjectivesLayout): Map<number, [string, string]> {
  let labels = headerLabels.get(layout.table);
  if (!labels) {
    labels = new Map(layout.table.columns.map((c) => [c.col, [normaliseLabel(c.label.split(' / ').pop() ?? c.label), normaliseLabel(c.label)]]));
    headerLabels.set(layout.table, labels);
  }
  return labels;
}

/** The header row written again (at the top of each structure's block, after a page break). */
export function repeatsHeader(layout: ObjectivesLayout, row: number): boolean {
  const { grid, table } = layout;
  const filled = grid.filledColumns(row);
  if (filled.length < 2) return false;
  // the same labels in the same columns (whatever role the body later gave them); a body row fails on its first cell
  const labels = labelsOf(layout);
  const sameLabel = (c: number) => {
    const l = labels.get(c);
    if (!l) return false;
    const text = normaliseLabel(grid.text(row, c));
    return text === l[0] || text === l[1];
  };
  if (filled.every(sameLabel)) return true;
  const cand = mapRowIfHeader(grid, row, objectiveVocabulary, 2, 0);
  if (!cand) return false;
  const kin = (r: string | null | undefined) => (r === 'responsible' ? 'structure' : r);
  return cand.columns.every((c) => {
    if (c.role === null) return true;
    const { role, level } = splitLevelRole(c.role);
    return table.columns.some((x) => x.col === c.col && kin(x.role) === kin(role) && x.level === level);
  });
}

/**
 * A line of figures under a label where an objective would be named («Peso ponderale calcolato»,
 * «Coefficiente di conversione»): its label's column, and whether the label stands in a title
 * column (then it is an objective unless every figure is the sum of the weights above).
 */
export function figuresLineLabel(layout: ObjectivesLayout, row: number): { col: number; inTitle: boolean } | undefined {
  const { grid } = layout;
  const filled = grid.filledColumns(row);
  const labelCol = filled.find((c) => /[a-zà-ÿ]{3}/i.test(grid.text(row, c)));
  if (labelCol === undefined) return undefined;
  const label = { c: labelCol, t: layout.text(row, labelCol) };
  const titleCols = layout.titleColumns();
  if (titleCols.some((c) => c !== undefined && c !== label.c && grid.text(row, c).trim())) return undefined;
  // the label stands where an objective is named (its code or title column), or in a column of no role
  const role = layout.table.columns.find((c) => c.col === label.c)?.role ?? null;
  if (!(label.c === layout.codeCol || titleCols.includes(label.c) || role === null)) return undefined;
  // a row with its own number or code is an objective
  if (layout.codeCol !== undefined && label.c !== layout.codeCol && layout.text(row, layout.codeCol)) return undefined;
  if ((label.c === layout.codeCol && ownReference(label.t) !== undefined) || startsWithCode(label.t)) return undefined;
  const others = filled.filter((c) => c !== label.c).map((c) => grid.text(row, c).trim());
  if (!others.length || !others.every((t) => FIGURE.test(t))) return undefined;
  return { col: label.c, inTitle: titleCols.includes(label.c) };
}

/** A caption of the next block: the next filled row is another single text or the header again («Azione 2», «Titolo: ...», header). */
export function captionOfNextBlock(layout: ObjectivesLayout, row: number): boolean {
  const { grid, table } = layout;
  for (let r = row + 1; r <= Math.min(table.bodyEnd, row + 4); r++) {
    if (grid.isBlankRow(r)) continue;
    return grid.filledColumns(r).length === 1 || repeatsHeader(layout, r);
  }
  return false;
}

/** A heading in capitals ("AREA TECNICA", "URBANISTICA E AMBIENTE"): letters all upper case, short. */
export function isCapitalHeading(text: string): boolean {
  const letters = text.replace(/[^A-Za-zÀ-ÿ]/g, '');
  return letters.length >= 3 && text.length <= 80 && letters === letters.toUpperCase();
}
