/**
 * What «Tabelle CUG» writes into the open workbook, as pure data: the cells of the sheet «Tabelle
 * CUG» of PIAO.xlsx (importer/write/cug-layout.ts) as one block of values and number formats, the
 * merged areas, and the look of each run of cells (bold headings and totals, fills). The sheet gets
 * a name no sheet of the workbook has. addin/office/cug-tables.ts only carries this out.
 */
import { a1, rangeA1 } from '../../importer/engine/grid/address';
import { CugSection } from '../../importer/engine/schema/cug';
import { CUG_COUNT_FMT, CUG_PERCENT_FMT, CUG_SHEET, CugCellStyle, cugSheetPlan } from '../../importer/write/cug-layout';
import { widthPoints } from '../normalise/plan';
import { OfficeValue, textValue } from '../sheet/office-values';

export const CUG_KEY = 'cug';

export interface CugLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
}

export interface CugAddinPlan {
  name: string;
  /** The block of cells from A1: values ('' empty) and number formats. */
  values: OfficeValue[][];
  formats: string[][];
  /** Merged areas, A1 ranges. */
  merges: string[];
  /** Runs of cells of one look, A1 ranges. */
  looks: { address: string; look: CugLook }[];
  /** Column widths in points, from column A. */
  widths: number[];
  /** How many tables of the format, whether the year's hires and terminations are there, which tables the inputs cannot give. */
  tables: number;
  movements: boolean;
  missing: { table: string; needs: string }[];
}

const HEADER = '#D9E1F2';
const TOTAL = '#F2F2F2';
const TO_FILL = '#FFF2CC';

const LOOKS: Record<CugCellStyle, CugLook | undefined> = {
  title: { bold: true, size: 14 },
  subtitle: { italic: true, color: '#595959' },
  section: { bold: true, size: 12, color: '#1F3864' },
  caption: { bold: true },
  group: { bold: true, fill: HEADER },
  heading: { bold: true, fill: HEADER, wrap: true },
  label: { wrap: true },
  count: undefined,
  percent: undefined,
  totalLabel: { bold: true, fill: TOTAL },
  totalCount: { bold: true, fill: TOTAL },
  totalPercent: { bold: true, fill: TOTAL },
  toFill: { italic: true, color: '#7F6000', fill: TO_FILL },
  note: { italic: true, size: 9, color: '#595959' },
  missingHeading: { bold: true, fill: HEADER },
  missing: { wrap: true },
};

const sameLook = (a: CugLook | undefined, b: CugLook | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The sheet name: «Tabelle CUG», unless a sheet has it (names compare without case); then «Tabelle CUG (PIAO)», «Tabelle CUG (PIAO 2)»… */
export function cugSheetName(taken: readonly string[]): string {
  const names = new Set(taken.map((n) => n.toLowerCase()));
  let name = CUG_SHEET;
  for (let n = 1; names.has(name.toLowerCase()); n++) name = `${CUG_SHEET} (PIAO${n > 1 ? ` ${n}` : ''})`;
  return name;
}

export function cugAddinPlan(cug: CugSection, name: string): CugAddinPlan {
  const plan = cugSheetPlan(cug);
  const rows = Math.max(...plan.cells.map((c) => c.row)) + 1;
  const cols = plan.widths.length;
  const values: OfficeValue[][] = Array.from({ length: rows }, () => Array<OfficeValue>(cols).fill(''));
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill('General'));
  const styles: (CugCellStyle | undefined)[][] = Array.from({ length: rows }, () => Array<CugCellStyle | undefined>(cols).fill(undefined));
  for (const c of plan.cells) {
    values[c.row][c.col] = c.value === null ? '' : typeof c.value === 'string' ? textValue(c.value) : c.value;
    styles[c.row][c.col] = c.style;
    if (c.style === 'count' || c.style === 'totalCount') formats[c.row][c.col] = CUG_COUNT_FMT;
    if (c.style === 'percent' || c.style === 'totalPercent') formats[c.row][c.col] = CUG_PERCENT_FMT;
  }
  // cells of a table's grid with no value take the look of their row (a total row's empty share cells)
  for (const t of plan.tables) {
    for (let r = t.top; r <= t.bottom; r++) {
      const rowStyle = styles[r].find((s) => s === 'totalLabel' || s === 'toFill');
      for (let c = t.left; c <= t.right; c++) if (!styles[r][c] && rowStyle) styles[r][c] = rowStyle;
    }
  }
  const looks: CugAddinPlan['looks'] = [];
  styles.forEach((row, r) => {
    let c = 0;
    while (c < cols) {
      const look = row[c] ? LOOKS[row[c]!] : undefined;
      let end = c;
      while (end + 1 < cols && sameLook(row[end + 1] ? LOOKS[row[end + 1]!] : undefined, look)) end++;
      if (look) looks.push({ address: rangeA1({ top: r, left: c, bottom: r, right: end }), look });
      c = end + 1;
    }
  });
  return {
    name,
    values,
    formats,
    merges: plan.merges.map((m) => (m.top === m.bottom && m.left === m.right ? a1(m.top, m.left) : rangeA1(m))),
    looks,
    widths: plan.widths.map(widthPoints),
    tables: plan.tables.filter((t) => t.key !== 'missing' && t.key !== 'movimenti').length,
    movements: plan.tables.some((t) => t.key === 'movimenti'),
    missing: cug.missing.map((m) => ({ table: m.table, needs: m.needs })),
  };
}
