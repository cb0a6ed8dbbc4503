import { dateInTitles, yearInText } from '../detect/reference-date';
import { combine } from './axes';
import { LabelMeaning } from './labels';
import { AxisDim, AxisLine } from './types';

/**
 * A row label may carry a remark about its row: «Cat. C (dato 2021)», «Cat. B (compresi 2 assunti
 * nel 2022)», «Istruttori, di cui 1 cessato nel 2023». The year or the movement of a remark is a weak
 * clue: the table's date and kind come from its title and headers first. This module takes them
 * off the row labels where they are remarks, so that they neither date the table (nor its cells)
 * nor turn a headcount table into a turnover one.
 */

/** The date the captions and corner labels give a table, if any ("al 31/12/2023", "Personale 2024"). */
export function titleDate(texts: readonly string[]): string | undefined {
  const d = dateInTitles(texts);
  if (d) return d;
  for (const t of texts) {
    const y = yearInText(t);
    if (y) return `${y}-12-31`;
  }
  return undefined;
}

/** What a label says besides a year and a movement (its category, structure, gender...). */
function saysMore(m: LabelMeaning): boolean {
  return Boolean(m.category || m.structure || m.gender || m.letter || m.regime || m.smart || m.age || m.contract || m.staff || m.unexplained);
}

function plain(m: LabelMeaning | undefined): m is LabelMeaning {
  return m !== undefined && !m.total && !m.percent;
}

/**
 * Drops the years and movements that are remarks from the row labels of a table: on a level of
 * labels organised by something else (categories, structures), a year written inside a label that
 * names that something is a remark when only a minority of the labels carry one, or when every
 * such label names the same year and the title dates the table (a column of «(dato 2021)» is a
 * note, years that differ from row to row are an axis). A movement («assunti») inside such a label
 * is a remark when only a minority of the labels carry one; a «di cui assunti» line of its own
 * stays a part of the table.
 */
export function dropRowRemarks(rows: AxisLine[], rowDims: readonly AxisDim[], titled: string | undefined): void {
  let changed = false;
  rowDims.forEach((dim, level) => {
    if (dim === 'year' || dim === 'movement') return;
    const labelled = rows.map((r) => r.levels[level]).filter(plain);
    if (labelled.length === 0) return;
    const dated = labelled.filter((m) => m.year !== undefined && saysMore(m));
    const years = new Set(dated.map((m) => m.year));
    if (dated.length > 0 && (dated.length * 2 < labelled.length || (titled !== undefined && years.size === 1))) {
      for (const m of dated) {
        m.year = undefined;
        m.date = undefined;
      }
      changed = true;
    }
    const moving = labelled.filter((m) => m.movement && !m.subset && saysMore(m));
    if (moving.length > 0 && moving.length * 2 < labelled.length) {
      for (const m of moving) {
        m.movement = undefined;
        m.year = undefined;
        m.date = undefined;
      }
      changed = true;
    }
  });
  if (!changed) return;
  for (const r of rows) {
    const { meaning, totalLevel } = combine(r.levels);
    r.meaning = meaning;
    r.totalLevel = totalLevel;
  }
}
