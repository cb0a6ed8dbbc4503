/**
 * What the cross-table checks compare in the CUG tables: a table 1.1 read from a workbook against
 * the same table computed from a register of the same date, and the «Totale» of a table of the
 * same report (1.4, 1.6, 1.7) against the staff of table 1.1 it must count.
 */
import { Model, placeOfRange } from '../model';
import { mapCategory } from '../normalise/categories';
import { AgeBand, Category, Gender, Place } from '../schema/dossier';
import { StaffCell } from '../staff/model';
import { workbookTables11 } from './compute';
import { CUG_AGE_BANDS, LEVEL_LABELS } from './format';
import { Cug11, Cug11Row, RowScope, countOf, cug11Staff, reportTableScope, statedGenderTotals } from './portal-tables';
import { BANDS_WITH_UNKNOWN, CugTally } from './tally';
import { isoDateIt } from '../text/iso-date';

/** A CUG figure that differs between a table and another source. */
export interface CugDifference {
  at: Place;
  related: Place[];
  actual: number;
  expected: number;
  /** Named values for the rule's message. */
  data: Record<string, string | number>;
  messageId: 'cug11' | 'cug11Absent' | 'cugTotal' | 'cugTotalWhole';
}

const BAND_IT: Record<AgeBand, string> = {
  '<30': 'fino a 30 anni',
  '31-40': 'tra 31 e 40 anni',
  '41-50': 'tra 41 e 50 anni',
  '51-60': 'tra 51 e 60 anni',
  '>60': 'oltre 60 anni',
};
const WHO: Record<Gender, string> = { F: 'Le donne', M: 'Gli uomini' };

/** The canonical category of a row of 1.1: its inquadramento, else its tipologia. */
function categoryOf(r: Cug11Row): Category {
  if (r.line.meaning.category) return r.line.meaning.category;
  for (const label of [...r.labels].reverse()) {
    const c = label ? mapCategory(label) : undefined;
    if (c) return c;
  }
  return r.scope === 'managerial' ? 'dirigente' : 'altro';
}

function levelName(c: Category): string {
  return c === 'altro' ? 'altro personale' : LEVEL_LABELS[c];
}

/** Where the total of a band of 1.1 is written (its «Totale personale» row), else the table. */
function totalPlace(c: Cug11, g: Gender, band: number): Place {
  const t = c.table;
  const total = t.table.staff.rows.find((r) => r.totalLevel === 0 && !r.percent);
  const cell = total ? t.byPosition.get(`${total.index}:${c.columns[g][band].index}`) : undefined;
  return cell?.at ?? placeOfRange(t.table.grid, t.table.range);
}

function compareWithRegister(c: Cug11, r: CugTally, out: CugDifference[]): void {
  const B = BANDS_WITH_UNKNOWN;
  const fromRegister = new Map<Category, Float64Array>();
  for (const l of r.levels.values()) {
    const acc = fromRegister.get(l.category) ?? new Float64Array(2 * B);
    l.counts.forEach((n, i) => (acc[i] += n));
    fromRegister.set(l.category, acc);
  }
  const rowsOf = new Map<Category, Cug11Row[]>();
  for (const row of c.rows) {
    const cat = categoryOf(row);
    rowsOf.set(cat, [...(rowsOf.get(cat) ?? []), row]);
  }
  const registerAt = r.from.category ?? r.from.gender;
  const categories = [...new Set([...rowsOf.keys(), ...fromRegister.keys()])];
  for (const cat of categories) {
    const rows = rowsOf.get(cat) ?? [];
    const counts = fromRegister.get(cat);
    for (const g of ['M', 'F'] as const) {
      CUG_AGE_BANDS.forEach((band, b) => {
        const expected = counts ? counts[(g === 'F' ? 0 : 1) * B + b] : 0;
        let actual = 0;
        const cells: StaffCell[] = [];
        for (const row of rows) {
          const cell = row.cells[g][b];
          const n = countOf(cell);
          if (n === null) return; // n.d.: nothing to compare
          actual += n;
          if (cell) cells.push(cell);
        }
        if (actual === expected) return;
        const data = { Who: WHO[g], band: BAND_IT[band], level: levelName(cat), here: c.table.name, there: r.sourceName, date: r.date ? isoDateIt(r.date) : '' };
        if (rows.length === 0) {
          out.push({ at: totalPlace(c, g, b), related: registerAt ? [registerAt] : [], actual, expected, data, messageId: 'cug11Absent' });
          return;
        }
        const at = cells[0]?.at ?? rows[0].line.at ?? placeOfRange(c.table.table.grid, c.table.table.range);
        out.push({ at, related: [...cells.slice(1).map((x) => x.at), ...(registerAt ? [registerAt] : [])], actual, expected, data, messageId: 'cug11' });
      });
    }
  }
}

const SCOPE_IT: Record<'managerial' | 'non-managerial', string> = { managerial: 'il personale dirigente', 'non-managerial': 'il personale non dirigente' };
const WHOM_IT: Record<Gender, string> = { F: 'delle donne', M: 'degli uomini' };

function compareTotals(model: Model, c: Cug11, out: CugDifference[]): void {
  const file = c.table.table.grid.file;
  for (const t of model.staff.tables) {
    if (t === c.table || t.table.grid.file !== file || t.referenceDate !== c.table.referenceDate) continue;
    const scope = reportTableScope(t);
    if (!scope) continue;
    const stated = statedGenderTotals(t);
    const scopes: RowScope[] = [scope];
    const part = cug11Staff(c, scopes);
    const whole = cug11Staff(c, ['top', 'managerial', 'non-managerial']);
    for (const g of ['M', 'F'] as const) {
      const s = stated[g];
      const expected = part[g];
      if (!s || expected === null || s.count === expected) continue;
      const related = [placeOfRange(c.table.table.grid, c.table.table.range)];
      const data = { whom: WHOM_IT[g], here: t.name, there: c.table.name, scope: SCOPE_IT[scope] };
      out.push({ at: s.cells[0].at, related, actual: s.count, expected, data, messageId: whole[g] === s.count && whole[g] !== expected ? 'cugTotalWhole' : 'cugTotal' });
    }
  }
}

/** Every CUG difference of the dossier, for cross-table-mismatch. */
export function cugDifferences(model: Model): CugDifference[] {
  const out: CugDifference[] = [];
  const tables = workbookTables11(model);
  for (const c of tables) {
    for (const r of model.cugRegisters ?? []) {
      // a register with people of unknown age gives only lower bounds: nothing to compare
      if (r.date && r.date === c.table.referenceDate && r.columns.age && r.unplaced.age === 0) compareWithRegister(c, r, out);
    }
    compareTotals(model, c, out);
  }
  return out;
}
