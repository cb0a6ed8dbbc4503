import { TableDetector } from '../detect/table';
import { ClaimedRows, NO_CLAIMS } from '../detect/claims';
import { Grid } from '../grid/grid';
import { readCount } from '../normalise/counts';
import { SheetKind } from '../schema/dossier';
import { combine, isDetail, keyOf, markSubsets, voteDim, wholeOfParts } from './axes';
import { dropRowRemarks, titleDate } from './remarks';
import { PageContinuation, continuesOnNextPage, sumsRows, withoutPageSums } from './pages';
import { CHANGE_WORDS, LabelMeaning, classifyLabel, hasStaffDimension, isClassified } from './labels';
import { normaliseLabel } from '../text/normalise';
import { columnLines, isArithmeticTotalColumn, isArithmeticTotalRow, rowLines, settle, settleCarriedTotals } from './lines';
import { Block, RowReader, captionRows, dataColumns, growBlock, headerRowsAbove, settleLabelColumns } from './rows';
import { datesBesideCaptions, tableDate, titleContext } from './titles';
import { maxOf, minOf } from '../grid/spread';
import { AxisDim, AxisLine, STAFF_FAMILY, StaffDetectedTable } from './types';

const SCAN_LIMIT = 200_000;

function kindOf(rows: AxisLine[], columns: AxisLine[], context: LabelMeaning): SheetKind {
  // a total with its "di cui" parts counts the staff, whatever the parts say
  const parts = wholeOfParts(rows) || wholeOfParts(columns);
  const all = [...rows, ...columns].filter((l) => !(parts && l.subset)).map((l) => l.meaning).concat([context]);
  if (all.some((m) => m.smart)) return 'smart-working';
  if (all.some((m) => m.regime)) return 'work-time';
  // a «di cui assunti nel 2023» line under the staff lines is a part of a headcount table, not a turnover table
  const moves = (lines: AxisLine[]) => lines.some((l) => l.meaning.movement && !(l.subset && lines.some((o) => isDetail(o) && !o.meaning.movement)));
  if (context.movement || moves(rows) || moves(columns)) return 'turnover';
  return 'headcount';
}

/** Faculty as universities label it: «PA» (associati), «RU», «RD», «RTD» (ricercatori), professori, docenti. */
const FACULTY = /^(pa|ru|rd|rtd|rtd ?[ab]|ricercator\w*|professor\w*|docent\w*)\b/;

/**
 * A university's «PO» beside «PA», «RU», «RD» is a professore ordinario, not a posizione
 * organizzativa of a Comune: faculty has no area of the CCNL Funzioni Locali, so it is «altro».
 */
function universityRoles(rows: AxisLine[]): void {
  if (rows.filter((r) => r.labels.some((l) => FACULTY.test(keyOf(l ?? '')))).length < 2) return;
  for (const r of rows) {
    let changed = false;
    r.levels.forEach((m, i) => {
      if (m?.category === 'funzionario' && /^p ?o\b/.test(keyOf(r.labels[i] ?? ''))) {
        m.category = 'altro';
        changed = true;
      }
    });
    if (!changed) continue;
    const { meaning, totalLevel } = combine(r.levels);
    r.meaning = meaning;
    r.totalLevel = totalLevel;
  }
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
export function detectStaffTables(grid: Grid, claimed: ClaimedRows = NO_CLAIMS): StaffDetectedTable[] {
  const reader = new RowReader(grid);
  const tables: StaffDetectedTable[] = [];
  const last = Math.min(grid.rowCount, SCAN_LIMIT);
  let floor = -1;
  let r = 0;
  let lastBlock: Block | undefined;
  while (r < last) {
    if ((claimed.size && claimed.has(grid, r)) || !reader.mayBeBody(r) || reader.profile(r).kind !== 'body') {
      r++;
      continue;
    }
    const block = growBlock(reader, r, last);
    const prev = tables[tables.length - 1];
    const page = prev && lastBlock ? continuesOnNextPage(grid, reader, prev, lastBlock, block) : undefined;
    if (prev && lastBlock && page) {
      // the same table on its next page: one table, read without the sums of each page
      const joined: Block = { rows: joinPages(grid, reader, prev, lastBlock, block, page), labelMax: lastBlock.labelMax };
      const table = buildTable(grid, reader, joined, prev.headerRows, tables[tables.length - 2]);
      if (table) {
        tables[tables.length - 1] = table;
        lastBlock = joined;
        floor = block.rows[block.rows.length - 1];
        r = block.rows[block.rows.length - 1] + 1;
        continue;
      }
    }
    if (prev && lastBlock && continuesAfterBlank(grid, reader, prev, lastBlock, block)) {
      // rows under a blank separator, with no header of their own, in the columns of the table above
      const joined: Block = { rows: [...lastBlock.rows, ...block.rows], labelMax: lastBlock.labelMax };
      const table = buildTable(grid, reader, joined, prev.headerRows, tables[tables.length - 2]);
      if (table) {
        tables[tables.length - 1] = table;
        lastBlock = joined;
        floor = table.bodyEnd;
        r = block.rows[block.rows.length - 1] + 1;
        continue;
      }
    }
    const maxLabel = maxOf(block.rows.map((x) => { const p = reader.profile(x); return p.leading.length ? Math.max(...p.leading) : -1; }), block.labelMax);
    let headerRows = headerRowsAbove(grid, reader, block, floor);
    if (headerRows.length) {
      settleLabelColumns(grid, reader, block, headerRows, maxLabel);
      headerRows = headerRowsAbove(grid, reader, block, floor);
    }
    const next = block.rows[block.rows.length - 1] + 1;
    const table = headerRows.length ? buildTable(grid, reader, block, headerRows, tables[tables.length - 1]) : undefined;
    if (table) {
      tables.push(table);
      lastBlock = block;
      floor = table.bodyEnd;
    }
    r = next;
  }
  return tables;
}

/**
 * The rows of a table and of its next page, without the sums of a page: «Totale pagina», «A
 * riportare», «Riporto»; a «Totale» closing the first page; a «Totale» closing the next page that
 * adds only that page's rows.
 */
function joinPages(grid: Grid, reader: RowReader, prev: StaffDetectedTable, prevBlock: Block, block: Block, page: PageContinuation): number[] {
  const first = page.closedByTotal ? prevBlock.rows.slice(0, -1) : prevBlock.rows;
  const rows = withoutPageSums(grid, reader, [...first, ...block.rows], prevBlock.labelMax);
  if (page.closedByTotal) {
    const end = rows[rows.length - 1];
    const own = rows.filter((r) => r > prev.bodyEnd && r !== end);
    const cols = prev.staff.columns.filter((c) => c.totalLevel < 0 && !c.percent).map((c) => c.index);
    const all = rows.filter((r) => r !== end);
    if (end > prev.bodyEnd && sumsRows(grid, end, own, cols) && !sumsRows(grid, end, all, cols)) rows.pop();
  }
  return rows;
}

/**
 * A block of body rows goes on the table above when only one blank row parts them, it has no
 * header of its own, its labels start in the same column and its figures sit in the table's
 * columns, and the table above has not closed with a total row yet.
 */
function continuesAfterBlank(grid: Grid, reader: RowReader, prev: StaffDetectedTable, prevBlock: Block, block: Block): boolean {
  const gap = block.rows[0] - prev.bodyEnd - 1;
  if (gap !== 1 || reader.profile(prev.bodyEnd + 1).kind !== 'blank') return false;
  if (prev.staff.rows.some((x) => x.totalLevel >= 0 && !x.percent)) return false;
  const start = (b: Block) => minOf(b.rows.map((x) => reader.profile(x).leading[0] ?? Infinity));
  if (start(block) !== start(prevBlock)) return false;
  const cols = new Set(prev.staff.columns.map((c) => c.index));
  return block.rows.every((x) => reader.profile(x).filled.every((c) => c <= prevBlock.labelMax || cols.has(c)));
}

function buildTable(grid: Grid, reader: RowReader, block: Block, headerRows: number[], above: StaffDetectedTable | undefined): StaffDetectedTable | undefined {
  const labelCols = [...new Set(block.rows.flatMap((x) => reader.profile(x).filled))].filter((c) => c <= block.labelMax).sort((a, b) => a - b);
  const cols = dataColumns(grid, reader, block, headerRows);
  if (cols.length === 0) return undefined;
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
  universityRoles(rows);
  // tipologia (CUG): an inner label that cannot be placed takes the category of its tipologia
  const tip = rowDims.indexOf('tipologia');
  if (tip >= 0) {
    for (const row of rows) {
      const outer = row.levels[tip];
      const own = row.levels.find((m, i) => i !== tip && m?.category);
      const inner = row.labels.filter((_, i) => i !== tip).join(' ');
      if (own?.category === 'altro' && outer?.category) own.category = outer.category;
      // "art. 110" contracts are dirigenti or alte specializzazioni: a "non dirigente" tipologia says which
      if (own?.category === 'dirigente' && /\bnon dirigen/.test(keyOf(row.labels[tip] ?? '')) && !/\b(dirigen|direttor)/.test(keyOf(inner))) own.category = 'altro';
      // no inner label at all ("Dirigente di livello generale" with the inquadramento left empty): the tipologia names the row
      if (outer && (own || inner.trim())) outer.category = undefined;
      const { meaning, totalLevel } = combine(row.levels);
      row.meaning = meaning;
      row.totalLevel = totalLevel;
    }
  }

  // captions above: the table's title, its date, and what it counts when the labels do not say
  const titleRows = captionRows(grid, reader, headerRows[0], above?.bodyEnd ?? -1);
  const titles = titleRows.map((t) => grid.text(t, grid.filledColumns(t)[0]));
  const cornerTexts = headerRows.flatMap((h) => grid.filledColumns(h).filter((c) => c <= block.labelMax).map((c) => grid.text(h, c)));
  // «Personale in servizio al» | 31/12/2023: a date in the caption's row, when the caption itself names none
  const captionTexts = titleDate([...titles, ...cornerTexts]) ? [...titles, ...cornerTexts] : [...titles, ...cornerTexts, ...datesBesideCaptions(grid, titleRows)];
  // titles and headers first: a year or a movement inside a row label is a remark, not the table's date or kind
  dropRowRemarks(rows, rowDims, titleDate(captionTexts));

  settleCarriedTotals(grid, rows, columns);
  // a column of remarks beside the figures ("Note": "di cui 2 in comando") is not read as counts
  for (const c of columns) if (!isClassified(c.meaning) && !c.inherited && isTextColumn(reader, rows, c.index)) c.remarks = true;

  // validate: enough header labels understood, a staff dimension, whole numbers
  const withFigures = columns.filter((c) => rows.some((x) => !grid.isEmpty(x.index, c.index)));
  const understood = columns.filter((c) => isClassified(c.meaning) || c.inherited);
  // one column of figures is enough for a long table whose label columns carry gender and one more dimension
  const longTable = understood.length === 1 && rowDims.includes('gender') && rowDims.filter((d) => d !== 'free' && d !== 'gender').length >= 1;
  if ((understood.length < 2 && !longTable) || understood.filter((c) => withFigures.includes(c)).length < Math.ceil(withFigures.length / 2)) return undefined;
  const staffDim = [...columns, ...rows].some((l) => hasStaffDimension(l.meaning)) || hasStaffDimension(context) || rowDims.some((d) => d === 'category' || d === 'gender');
  if (!staffDim) return undefined;
  const numbers = wholeNumberShare(grid, rows, columns);
  if (numbers.whole === 0 || numbers.whole < numbers.counts * 0.8) return undefined;

  // unlabelled totals, verified arithmetically
  for (const c of columns) if (!c.keys.some(Boolean) && isArithmeticTotalColumn(grid, c, columns, rows)) Object.assign(c, { totalLevel: 0, arithmeticTotal: true, meaning: { ...c.meaning, total: true } });
  for (const x of rows) if (!x.keys.some(Boolean) && isArithmeticTotalRow(grid, x, rows, columns)) Object.assign(x, { totalLevel: 0, arithmeticTotal: true, meaning: { ...x.meaning, total: true } });
  // a column headed by a label that names nothing the table counts («FTE», «Costo»): reported as not read (header-unrecognised), so never counted
  for (const c of columns) if (c.keys.some(Boolean) && roleOf(c) === null) c.remarks = true;
  // "Totale dipendenti" beside smart workers: the total of the lines when they add up to it, else the staff
  const asTotal = (l: AxisLine) => Object.assign(l, { totalLevel: Math.max(0, l.levels.findIndex((m) => m?.staffOrTotal)), meaning: { ...l.meaning, total: true, staff: undefined } });
  for (const c of columns) if (c.meaning.staffOrTotal && isArithmeticTotalColumn(grid, c, columns, rows)) asTotal(c);
  for (const x of rows) if (x.meaning.staffOrTotal && isArithmeticTotalRow(grid, x, rows, columns)) asTotal(x);
  markSubsets(columns);
  markSubsets(rows);

  const fromTitle = titleContext(titles[0] ?? '');
  const lines = [...rows, ...columns].map((l) => l.meaning);
  if (fromTitle.smart && !lines.some((m) => m.smart || m.regime || m.movement)) context.smart = fromTitle.smart;
  if (fromTitle.regime && !lines.some((m) => m.smart || m.regime || m.movement)) context.regime = fromTitle.regime;
  if (fromTitle.movement && !lines.some((m) => m.movement) && !context.movement) context.movement = fromTitle.movement;
  if (fromTitle.contract && !lines.some((m) => m.contract) && !context.contract) context.contract = fromTitle.contract;

  // a table of differences between two dates ("Delta organico 2019-2015", "Variazione"): not a count of people
  if ([...titles.slice(0, 1), ...headerRows.flatMap((h) => grid.filledColumns(h).filter((c) => c <= block.labelMax).map((c) => grid.text(h, c)))].some((t) => CHANGE_WORDS.test(` ${normaliseLabel(t)} `))) return undefined;

  // a table of days, hours, permits or money by gender (CUG: permessi L. 104, formazione in ore) counts no people
  if (countsNoPeople(titles[0] ?? '', rows)) return undefined;

  const kind = kindOf(rows, columns, context);
  const referenceDate = tableDate(captionTexts, grid, above, rows, columns, kind);
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

/** Quantities that are not people: days, hours, permits, leaves, absences, training, money. */
const MEASURE = /\b(ore|giorni|giornate|permessi|congedi|assenze|ferie|formazione|euro|importi|importo|spesa|costi|costo|retribuzion\w*|indennita|compensi)\b/;
const PEOPLE = /\b(personale|dipendent\w*|persone|unita|lavorator\w*|lavoratric\w*|addett\w*|organico|dirigent\w*|assunt\w*|cessat\w*|che fruisc\w*|beneficiari)\b/;

/**
 * True when the caption says the table counts something other than people ("Fruizione dei
 * congedi parentali e permessi", "(ore)"), or when most row labels name such a quantity
 * ("Numero permessi giornalieri fruiti").
 */
function countsNoPeople(caption: string, rows: AxisLine[]): boolean {
  const measure = (t: string) => MEASURE.test(t) && !PEOPLE.test(t);
  if (measure(normaliseLabel(caption))) return true;
  const labelled = rows.filter((x) => x.totalLevel < 0 && !x.percent && x.labels.some(Boolean));
  const measured = labelled.filter((x) => measure(normaliseLabel(x.labels.filter(Boolean).join(' '))));
  return labelled.length > 0 && measured.length * 2 > labelled.length;
}

/** Most filled body cells of the column are texts, not figures. */
function isTextColumn(reader: RowReader, rows: AxisLine[], col: number): boolean {
  let texts = 0;
  let values = 0;
  for (const r of rows) {
    if (reader.profile(r.index).filled.indexOf(col) < 0) continue;
    if (reader.isValueCell(r.index, col)) values++;
    else texts++;
  }
  return texts > values;
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
  if (m.count) parts.push('count');
  if (m.change) parts.push('change');
  if (c.inherited && parts.length === 0) parts.push('inherited');
  return parts.length ? parts.join(' ') : null;
}

export const staffDetector: TableDetector = {
  family: STAFF_FAMILY,
  detect: detectStaffTables,
};

