import { TableDetector } from '../detect/table';
import { Grid, isErrorValue } from '../grid/grid';
import { placeOf } from '../model';
import { isCountLike, readCount } from '../normalise/counts';
import { SheetKind } from '../schema/dossier';
import { combine, isDetail, keyOf, markSubsets, settleLevel, voteDim } from './axes';
import { LabelMeaning, classifyLabel, hasStaffDimension, isClassified } from './labels';
import { tableDate, titleContext } from './titles';
import { AxisDim, AxisLine, STAFF_FAMILY, StaffDetectedTable } from './types';

const SCAN_LIMIT = 200_000;
const MAX_LABEL_COLS = 3;
const MAX_HEADER_ROWS = 3;

type RowKind = 'blank' | 'body' | 'years' | 'text';
interface RowProfile {
  kind: RowKind;
  filled: number[];
  /** Label cells at the start of a body row. */
  leading: number[];
  /** The other cells. */
  data: number[];
}

function isYearValue(grid: Grid, row: number, col: number): boolean {
  const v = grid.value(row, col);
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1950 && v <= 2100;
  return typeof v === 'string' && /^\s*(19[5-9]\d|20\d\d)\s*$/.test(v);
}

function yearOf(grid: Grid, row: number, col: number): number {
  const v = grid.value(row, col);
  return typeof v === 'number' ? v : Number(String(v).trim());
}

/** Reads rows once; cell texts that repeat (registers, long tables) are judged once. */
class RowReader {
  private readonly profiles: (RowProfile | undefined)[] = [];
  private readonly valueText = new Map<string, boolean>();

  constructor(private readonly grid: Grid) {}

  /** A body value: a count, a count notation, `-`, `n.d.`, a percentage or a number. */
  isValueCell(row: number, col: number): boolean {
    const v = this.grid.value(row, col);
    if (typeof v === 'number') return true;
    if (v instanceof Date || typeof v === 'boolean') return false;
    if (isErrorValue(v)) return true;
    const t = this.grid.text(row, col);
    let known = this.valueText.get(t);
    if (known === undefined) {
      known = isCountLike(v, t) || /^[-+]?\d[\d.,]*\s*%$/.test(t);
      if (this.valueText.size < 50_000) this.valueText.set(t, known);
    }
    return known;
  }

  profile(row: number): RowProfile {
    const cached = this.profiles[row];
    if (cached) return cached;
    const p = this.compute(row);
    this.profiles[row] = p;
    return p;
  }

  private compute(row: number): RowProfile {
    const grid = this.grid;
    const filled = grid.filledColumns(row);
    if (filled.length === 0) return { kind: 'blank', filled, leading: [], data: [] };
    let leading: number[] = [];
    let i = 0;
    while (i < filled.length && !this.isValueCell(row, filled[i])) leading.push(filled[i++]);
    let data = filled.slice(i);
    // a row of years under a corner label ("Cessati | 2021 | 2022 | 2023 | Totale complessivo") is a header
    const numeric = data.filter((c) => typeof grid.value(row, c) === 'number' || isYearValue(grid, row, c));
    if (numeric.length >= 2 && leading.length <= 2 && numeric.every((c) => isYearValue(grid, row, c))) {
      const years = numeric.map((c) => yearOf(grid, row, c));
      const steps = years.slice(1).map((y, k) => y - years[k]);
      if (steps.every((s) => s >= 1 && s <= 5) || steps.every((s) => s <= -1 && s >= -5)) return { kind: 'years', filled, leading, data };
    }
    // a year written as the label of a body row ("2022 | 30 | 20 | 50")
    if (leading.length === 0 && data.length >= 2 && isYearValue(grid, row, data[0])) {
      leading = [data[0]];
      data = data.slice(1);
    }
    if (leading.length > MAX_LABEL_COLS || data.length === 0) return { kind: 'text', filled, leading, data };
    let values = 0;
    for (const c of data) if (this.isValueCell(row, c)) values++;
    if (values >= 1 && values / data.length >= 0.5) return { kind: 'body', filled, leading, data };
    return { kind: 'text', filled, leading, data };
  }
}

interface Block {
  rows: number[];
  /** Last label column (the header may move it left: see `settleLabelColumns`). */
  labelMax: number;
}

/** The most common last label column of the rows (a stray text in a figure cell does not move it). */
function commonLabelMax(reader: RowReader, rows: number[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) {
    const p = reader.profile(r);
    const m = p.leading.length ? Math.max(...p.leading) : -1;
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  let best = -1;
  let bestN = 0;
  for (const [m, n] of counts) if (n > bestN || (n === bestN && m > best)) [best, bestN] = [m, n];
  return best;
}

function growBlock(reader: RowReader, start: number, last: number): Block {
  const first = reader.profile(start);
  const startCol = first.leading.length ? first.leading[0] : -1;
  const fits = (p: RowProfile) => p.kind === 'body' && (p.leading.length === 0 ? startCol < 0 : startCol >= 0 && p.leading[0] <= startCol + 1 && p.leading[0] >= startCol - 1);
  const rows = [start];
  let labelMax = first.leading.length ? Math.max(...first.leading) : -1;
  let x = start + 1;
  while (x < last) {
    const p = reader.profile(x);
    if (fits(p)) {
      rows.push(x);
      if (p.leading.length) labelMax = Math.max(labelMax, ...p.leading);
    } else if (p.kind === 'text' && p.data.length === 0 && labelMax >= 0 && p.leading.every((c) => c <= labelMax) && x + 1 < last && fits(reader.profile(x + 1))) {
      rows.push(x); // a row with its label only: every figure empty
    } else break;
    x++;
  }
  return { rows, labelMax: commonLabelMax(reader, rows) };
}

/**
 * The label columns end at the first column that holds figures: most of its body cells are values,
 * or as many as are texts under a header naming a value ("Donne"). A stray text in a figure cell
 * ("dodici") does not make a column of labels of it.
 */
function settleLabelColumns(grid: Grid, reader: RowReader, block: Block, headerRows: number[], maxLabel: number): void {
  const start = Math.min(...block.rows.map((r) => reader.profile(r).leading[0] ?? Infinity));
  if (!Number.isFinite(start)) return;
  for (let c = start; c <= maxLabel; c++) {
    let values = 0;
    let texts = 0;
    for (const r of block.rows) {
      if (grid.isEmpty(r, c)) continue;
      // a year written as the row's label ("2022 | 30 | 20") is a label
      if (reader.isValueCell(r, c) && !(isYearValue(grid, r, c) && reader.profile(r).leading.includes(c))) values++;
      else texts++;
    }
    const headed = headerRows.some((h) => {
      const m = classifyLabel(grid.shownValue(h, c), grid.shownText(h, c));
      return m !== undefined && !m.axisName && isClassified(m) && values > 0;
    });
    if (values > texts || (values > 0 && values === texts && headed)) {
      block.labelMax = c - 1;
      return;
    }
  }
  block.labelMax = maxLabel;
}

function isMergedAcross(grid: Grid, row: number, col: number): boolean {
  const m = grid.mergeAt(row, col);
  return m !== undefined && m.right > m.left;
}

function headerRowsAbove(grid: Grid, reader: RowReader, block: Block, floor: number): number[] {
  const rows: number[] = [];
  let h = block.rows[0] - 1;
  while (h > floor && rows.length < MAX_HEADER_ROWS) {
    const p = reader.profile(h);
    if (p.kind === 'blank' || p.kind === 'body') break;
    const over = p.filled.filter((c) => c > block.labelMax);
    if (over.length === 0) break;
    if (rows.length > 0 && over.length === 1 && p.filled.length === 1 && !isMergedAcross(grid, h, over[0])) break;
    rows.unshift(h);
    h--;
  }
  return rows;
}

/** The data columns of a table: every column right of the labels with a header or a figure. */
function dataColumns(grid: Grid, reader: RowReader, block: Block, headerRows: number[]): number[] {
  const cols = new Set<number>();
  for (const r of block.rows) for (const c of reader.profile(r).filled) if (c > block.labelMax) cols.add(c);
  for (const h of headerRows) {
    for (const c of grid.filledColumns(h)) {
      if (c <= block.labelMax) continue;
      cols.add(c);
      const m = grid.mergeAt(h, c);
      if (m) for (let x = m.left; x <= m.right; x++) if (x > block.labelMax) cols.add(x);
    }
  }
  const right = Math.max(...cols);
  const out: number[] = [];
  for (let c = block.labelMax + 1; c <= right; c++) if (cols.has(c)) out.push(c);
  return out;
}

function columnLines(grid: Grid, headerRows: number[], cols: number[], labelMax: number): AxisLine[] {
  const lowest = headerRows[headerRows.length - 1];
  return cols.map((c) => {
    const labels: string[] = [];
    const meanings: (LabelMeaning | undefined)[] = [];
    let atRow = -1;
    let atCol = c;
    headerRows.forEach((h, i) => {
      let text = grid.shownText(h, c);
      let value = grid.shownValue(h, c);
      let from = c;
      if (!text && i < headerRows.length - 1 && !grid.mergeAt(h, c) && grid.shownText(lowest, c)) {
        // a group label written once over its columns ("Uomini" over the age bands)
        for (let x = c - 1; x > labelMax; x--) {
          if (!grid.shownText(h, x)) continue;
          if (grid.shownText(lowest, x)) {
            text = grid.shownText(h, x);
            value = grid.shownValue(h, x);
            from = x;
          }
          break;
        }
      }
      labels.push(text);
      meanings.push(text ? classifyLabel(value, text) : undefined);
      if (text) {
        atRow = h;
        atCol = from;
      }
    });
    const { meaning, totalLevel } = combine(meanings);
    return {
      index: c,
      keys: labels.map(keyOf),
      labels,
      meaning,
      totalLevel,
      percent: Boolean(meaning.percent),
      subset: false,
      at: atRow >= 0 ? placeOf(grid, atRow, atCol) : undefined,
      levels: meanings,
    } as AxisLine;
  });
}

function rowLines(grid: Grid, rows: number[], labelCols: number[]): AxisLine[] {
  const out: AxisLine[] = [];
  let prev: { labels: string[]; values: unknown[]; totalLevel: number } | undefined;
  for (const r of rows) {
    const labels: string[] = [];
    const values: unknown[] = [];
    let atCol = -1;
    labelCols.forEach((lc, i) => {
      let text = grid.shownText(r, lc);
      let value: unknown = grid.shownValue(r, lc);
      if (text) atCol = lc;
      // an outer label left blank below its first row (or merged down) holds for the rows below
      if (!text && i < labelCols.length - 1 && prev && prev.labels[i] && (prev.totalLevel < 0 || prev.totalLevel > i)) {
        text = prev.labels[i];
        value = prev.values[i];
      }
      labels.push(text);
      values.push(value);
    });
    const meanings = labels.map((t, i) => (t ? classifyLabel(values[i] as never, t) : undefined));
    const { meaning, totalLevel } = combine(meanings);
    out.push({
      index: r,
      keys: labels.map(keyOf),
      labels,
      meaning,
      totalLevel,
      percent: Boolean(meaning.percent),
      subset: false,
      at: atCol >= 0 ? placeOf(grid, r, atCol) : undefined,
      levels: meanings,
    });
    prev = { labels, values, totalLevel };
  }
  return out;
}

/** Re-reads the meanings of every line once the dimension of each level is settled. */
function settle(lines: AxisLine[], dims: AxisDim[]): void {
  dims.forEach((dim, level) => {
    settleLevel(
      lines.map((l) => l.levels[level]),
      dim,
      lines.map((l) => l.labels[level]),
    );
  });
  for (const l of lines) {
    const { meaning, totalLevel } = combine(l.levels);
    l.meaning = meaning;
    l.totalLevel = totalLevel;
    l.percent = Boolean(meaning.percent);
  }
}

function countAt(grid: Grid, row: number, col: number): { count: number; fixedTerm: number } | undefined {
  const r = readCount(grid.value(row, col), grid.text(row, col));
  if (r.kind === 'count') return { count: r.count, fixedTerm: r.fixedTerm };
  if (r.kind === 'empty') return { count: 0, fixedTerm: 0 };
  return undefined;
}

/** A column with no header whose every figure is the sum of the detail figures of its row: a total. */
function isArithmeticTotalColumn(grid: Grid, col: AxisLine, columns: AxisLine[], rows: AxisLine[]): boolean {
  const parts = columns.filter((c) => c !== col && isDetail(c) && c.keys.some(Boolean));
  if (parts.length < 2) return false;
  let nonZero = 0;
  for (const r of rows) {
    if (r.percent) continue;
    const whole = countAt(grid, r.index, col.index);
    if (!whole) return false;
    let sum = 0;
    for (const p of parts) {
      const v = countAt(grid, r.index, p.index);
      if (!v) return false;
      sum += v.count;
    }
    if (sum !== whole.count) return false;
    if (sum > 0) nonZero++;
  }
  return nonZero >= 2;
}

function isArithmeticTotalRow(grid: Grid, row: AxisLine, rows: AxisLine[], columns: AxisLine[]): boolean {
  const above = rows.filter((r) => r.index < row.index && isDetail(r));
  if (above.length < 2) return false;
  let nonZero = 0;
  for (const c of columns) {
    if (c.percent || !c.keys.some(Boolean)) continue;
    const whole = countAt(grid, row.index, c.index);
    if (!whole) return false;
    let sum = 0;
    for (const p of above) {
      const v = countAt(grid, p.index, c.index);
      if (!v) return false;
      sum += v.count;
    }
    if (sum !== whole.count) return false;
    if (sum > 0) nonZero++;
  }
  return nonZero >= 2;
}

function kindOf(rows: AxisLine[], columns: AxisLine[], context: LabelMeaning): SheetKind {
  const all = [...rows, ...columns].map((l) => l.meaning).concat([context]);
  if (all.some((m) => m.smart)) return 'smart-working';
  if (all.some((m) => m.regime)) return 'work-time';
  if (all.some((m) => m.movement)) return 'turnover';
  return 'headcount';
}

/** Share of the count cells of a table that are whole numbers (amounts in euro are not staff). */
function wholeNumberShare(grid: Grid, rows: AxisLine[], columns: AxisLine[]): { counts: number; whole: number } {
  let counts = 0;
  let whole = 0;
  for (const r of rows) {
    if (r.percent) continue;
    for (const c of columns) {
      if (c.percent || !isClassified(c.meaning)) continue;
      const v = readCount(grid.value(r.index, c.index), grid.text(r.index, c.index));
      if (v.kind === 'count') {
        counts++;
        whole++;
      } else if (v.kind === 'unparseable' && v.why === 'fraction') counts++;
    }
  }
  return { counts, whole };
}

/**
 * Finds staff cross-tables on a grid, whatever their layout: categories as rows and genders as
 * columns or the reverse, years as columns, two header rows (genders over age bands), two label
 * columns (tipologia and inquadramento, Settore and categoria), several tables stacked in one sheet
 * under captions. A table is a body of rows with a label and count-like figures under a header whose
 * labels name staff dimensions; totals are recognised by label (or, unlabelled, by arithmetic).
 */
export function detectStaffTables(grid: Grid): StaffDetectedTable[] {
  const reader = new RowReader(grid);
  const tables: StaffDetectedTable[] = [];
  const last = Math.min(grid.rowCount, SCAN_LIMIT);
  let floor = -1;
  let r = 0;
  while (r < last) {
    if (reader.profile(r).kind !== 'body') {
      r++;
      continue;
    }
    const block = growBlock(reader, r, last);
    const maxLabel = Math.max(block.labelMax, ...block.rows.map((x) => { const p = reader.profile(x); return p.leading.length ? Math.max(...p.leading) : -1; }));
    let headerRows = headerRowsAbove(grid, reader, block, floor);
    if (headerRows.length) {
      settleLabelColumns(grid, reader, block, headerRows, maxLabel);
      headerRows = headerRowsAbove(grid, reader, block, floor);
    }
    const next = block.rows[block.rows.length - 1] + 1;
    const table = headerRows.length ? buildTable(grid, reader, block, headerRows, tables[tables.length - 1]) : undefined;
    if (table) {
      tables.push(table);
      floor = table.bodyEnd;
    }
    r = next;
  }
  return tables;
}

function buildTable(grid: Grid, reader: RowReader, block: Block, headerRows: number[], above: StaffDetectedTable | undefined): StaffDetectedTable | undefined {
  const labelCols = [...new Set(block.rows.flatMap((x) => reader.profile(x).leading))].filter((c) => c <= block.labelMax).sort((a, b) => a - b);
  const cols = dataColumns(grid, reader, block, headerRows);
  if (cols.length < 2) return undefined;
  const columns = columnLines(grid, headerRows, cols, block.labelMax);
  const rows = rowLines(grid, block.rows, labelCols);

  // corner labels: what the label columns hold ("Categoria", "Settore"), or a value for the whole table ("Cessati")
  const context: LabelMeaning = { unexplained: '' };
  const rowHints = new Map<number, AxisDim>();
  for (const h of headerRows) {
    for (const c of grid.filledColumns(h)) {
      if (c > block.labelMax) continue;
      const m = classifyLabel(grid.value(h, c), grid.text(h, c));
      if (!m) continue;
      if (m.axisName) {
        const level = labelCols.indexOf(c);
        rowHints.set(level >= 0 ? level : labelCols.length - 1, m.axisName === 'tipologia' ? 'tipologia' : (m.axisName as AxisDim));
      } else Object.assign(context, { ...m, unexplained: '' });
    }
  }

  // a header missing on a table stacked right under another with the same columns: take it from there
  if (above && above.bodyEnd >= headerRows[0] - 2) {
    const aboveCols = new Map(above.staff.columns.map((c) => [c.index, c]));
    const labelled = columns.filter((c) => c.keys.some(Boolean));
    const same = labelled.length > 0 && labelled.every((c) => aboveCols.get(c.index)?.keys.join('|') === c.keys.join('|'));
    if (same) {
      for (const c of columns) {
        const from = aboveCols.get(c.index);
        if (c.keys.some(Boolean) || !from) continue;
        Object.assign(c, { keys: [...from.keys], labels: [...from.labels], meaning: { ...from.meaning }, totalLevel: from.totalLevel, percent: from.percent, at: from.at, inherited: true });
        c.levels = from.levels.map((m) => (m ? { ...m } : undefined));
      }
    }
  }

  const colDims = headerRows.map((_, level) => voteDim((columns as AxisLine[]).map((c) => c.levels[level])));
  settle(columns as AxisLine[], colDims);
  const rowDims = labelCols.map((_, level) => rowHints.get(level) ?? voteDim(rows.map((x) => x.levels[level])));
  settle(rows, rowDims);
  // tipologia (CUG): an inner label that cannot be placed takes the category of its tipologia
  const tip = rowDims.indexOf('tipologia');
  if (tip >= 0) {
    for (const row of rows) {
      const outer = row.levels[tip];
      const own = row.levels.find((m, i) => i !== tip && m?.category);
      if (own?.category === 'altro' && outer?.category) own.category = outer.category;
      if (outer) outer.category = undefined;
      const { meaning, totalLevel } = combine(row.levels);
      row.meaning = meaning;
      row.totalLevel = totalLevel;
    }
  }

  // validate: enough header labels understood, a staff dimension, whole numbers
  const withFigures = columns.filter((c) => rows.some((x) => !grid.isEmpty(x.index, c.index)));
  const understood = columns.filter((c) => isClassified(c.meaning) || c.inherited);
  if (understood.length < 2 || understood.filter((c) => withFigures.includes(c)).length < Math.ceil(withFigures.length / 2)) return undefined;
  const staffDim = [...columns, ...rows].some((l) => hasStaffDimension(l.meaning)) || hasStaffDimension(context) || rowDims.some((d) => d === 'category' || d === 'gender');
  if (!staffDim) return undefined;
  const numbers = wholeNumberShare(grid, rows, columns);
  if (numbers.whole === 0 || numbers.whole < numbers.counts * 0.8) return undefined;

  // unlabelled totals, verified arithmetically
  for (const c of columns) if (!c.keys.some(Boolean) && isArithmeticTotalColumn(grid, c, columns, rows)) Object.assign(c, { totalLevel: 0, arithmeticTotal: true, meaning: { ...c.meaning, total: true } });
  for (const x of rows) if (!x.keys.some(Boolean) && isArithmeticTotalRow(grid, x, rows, columns)) Object.assign(x, { totalLevel: 0, arithmeticTotal: true, meaning: { ...x.meaning, total: true } });
  markSubsets(columns);
  markSubsets(rows);

  // captions above: the table's title, its date, and what it counts when the labels do not say
  const titleRows = captionRows(grid, reader, headerRows[0], above?.bodyEnd ?? -1);
  const titles = titleRows.map((t) => grid.text(t, grid.filledColumns(t)[0]));
  const fromTitle = titleContext(titles[0] ?? '');
  const lines = [...rows, ...columns].map((l) => l.meaning);
  if (fromTitle.smart && !lines.some((m) => m.smart || m.regime || m.movement)) context.smart = fromTitle.smart;
  if (fromTitle.regime && !lines.some((m) => m.smart || m.regime || m.movement)) context.regime = fromTitle.regime;
  if (fromTitle.movement && !lines.some((m) => m.movement) && !context.movement) context.movement = fromTitle.movement;

  const kind = kindOf(rows, columns, context);
  const cornerTexts = headerRows.flatMap((h) => grid.filledColumns(h).filter((c) => c <= block.labelMax).map((c) => grid.text(h, c)));
  const referenceDate = tableDate([...titles, ...cornerTexts], grid, above, rows, columns, kind);
  const top = headerRows[0];
  const bodyEnd = block.rows[block.rows.length - 1];
  const left = labelCols.length ? labelCols[0] : cols[0];
  const right = cols[cols.length - 1];
  const classifiedRows = rows.filter((x) => isClassified(x.meaning)).length;
  return {
    grid,
    family: STAFF_FAMILY,
    kind,
    range: { top, left, bottom: bodyEnd, right },
    titleRows,
    title: titles[0],
    headerRows,
    columns: [
      ...labelCols.map((c, i) => {
        const h = headerRows.find((x) => grid.text(x, c));
        return { col: c, label: h !== undefined ? grid.text(h, c) : '', row: h ?? top, role: `label:${rowDims[i]}`, how: null };
      }),
      ...columns.map((c) => ({ col: c.index, label: c.labels.filter(Boolean).join(' / '), row: headerRows[headerRows.length - 1], role: roleOf(c), how: null })),
    ],
    bodyStart: block.rows[0],
    bodyEnd,
    ...(referenceDate ? { referenceDate } : {}),
    score: 10 + understood.length + Math.min(classifiedRows, 5),
    staff: { rows, columns, labelCols, rowDims, colDims, context, titles },
  };
}

/** The role shown for a column in piao.json (null when its header was not understood). */
function roleOf(c: AxisLine): string | null {
  const m = c.meaning;
  if (c.totalLevel >= 0 && !c.percent) return 'total';
  if (c.percent) return 'percentage';
  const parts: string[] = [];
  if (m.gender) parts.push(`gender:${m.gender}`);
  if (m.category) parts.push(`category:${m.category}`);
  if (m.regime) parts.push(`regime:${m.regime}`);
  if (m.smart) parts.push(`smart-working:${m.smart}`);
  if (m.movement) parts.push(`movement:${m.movement}`);
  if (m.year !== undefined) parts.push(`year:${m.year}`);
  if (m.age) parts.push(`age:${m.age}`);
  if (m.contract) parts.push(`contract:${m.contract}`);
  if (m.staff) parts.push('staff');
  if (m.structure) parts.push('structure');
  if (c.inherited && parts.length === 0) parts.push('inherited');
  return parts.length ? parts.join(' ') : null;
}

/** Caption rows above a header: single texts, nearest first, up to a blank gap of two rows. */
function captionRows(grid: Grid, reader: RowReader, headerTop: number, floor: number): number[] {
  const out: number[] = [];
  let blanks = 0;
  for (let t = headerTop - 1; t > floor && out.length < 3; t--) {
    const p = reader.profile(t);
    if (p.kind === 'blank') {
      if (++blanks > 2) break;
      continue;
    }
    blanks = 0;
    if (p.kind !== 'text' || p.filled.length !== 1) break;
    out.push(t);
  }
  return out;
}

export const staffDetector: TableDetector = {
  family: STAFF_FAMILY,
  detect: detectStaffTables,
};

