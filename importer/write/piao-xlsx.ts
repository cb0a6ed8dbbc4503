/**
 * PIAO.xlsx: the normalised workbook of a dossier, made by filling templates/PIAO-template.xlsx.
 * The template's styles, widths, frozen panes, formats and validations are kept: each written row
 * takes the styles and validations of the template's model row (see piao-layout.ts).
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseA1, parseRange, rangeA1 } from '../engine/grid/address';
import { Dossier, Finding, PapStatistics, Place } from '../engine/schema/dossier';
import { writeFileAtomic } from './atomic';
import { annotatedNames, cellValue, cloneStyle, fitWrappedRows, LINE_HEIGHT, placeLink, PlainValue, setWorkbookProperties, SharedStyles, wrappedHeight } from './cells';
import { dateIt, KIND_IT } from './labels';
import { ruleLabel, severityLabel } from './finding-text';
import { ColumnSpec, DATA_SHEETS, LIST_SHEETS, ListSheetKey, PAP_NAMES, PAP_SECTIONS, PAP_SHEET, PAP_TURNOVER, papRowLabel, templatePath } from './piao-layout';
import { setPrintLayout } from './print';
import { CellMark, dataRows, papValues, sourceText } from './piao-tables';
import { PapNote } from './pap-figures';
import { workbookBytes } from './xlsx-bytes';

type Row = (PlainValue | ExcelJS.CellValue)[];

/** exceljs keeps a sheet's validations by cell address (or by range), in a plain object. */
const validationsOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;

export class TemplateError extends Error {}

function sheetOf(wb: ExcelJS.Workbook, key: ListSheetKey | 'pap'): ExcelJS.Worksheet {
  const name = key === 'pap' ? PAP_SHEET : LIST_SHEETS[key].name;
  const ws = wb.getWorksheet(name);
  if (!ws) throw new TemplateError(`il modello PIAO-template.xlsx non ha il foglio «${name}».`);
  return ws;
}

function autoFilterRange(ws: ExcelJS.Worksheet): { row: number; left: number; right: number } {
  const af = ws.autoFilter as unknown;
  let ref: string | undefined;
  if (typeof af === 'string') ref = af;
  else if (af && typeof af === 'object' && 'from' in af && 'to' in af) {
    const o = af as { from: string | { row: number; column: number }; to: string | { row: number; column: number } };
    const cell = (x: string | { row: number; column: number }) => (typeof x === 'string' ? x : rangeA1({ top: x.row - 1, left: x.column - 1, bottom: x.row - 1, right: x.column - 1 }));
    ref = `${cell(o.from)}:${cell(o.to)}`;
  }
  if (!ref) throw new TemplateError(`nel modello il foglio «${ws.name}» non ha il filtro automatico sulla riga di intestazione.`);
  const r = parseRange(ref);
  return { row: r.top + 1, left: r.left + 1, right: r.right + 1 };
}

/** The text a cell shows: a link's text, or the value as text. */
function shownText(v: PlainValue | ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !(v instanceof Date) && 'text' in v) return String((v as ExcelJS.CellHyperlinkValue).text ?? '');
  return v instanceof Date ? '00/00/0000' : String(v);
}

/** What a list sheet was filled with: its header row, its rows (1-based, inclusive) and its columns. */
interface Filled {
  header: number;
  first: number;
  last: number;
  left: number;
  right: number;
}

/**
 * Writes rows under the header of a list sheet, each taking the model row's styles. The cells of a
 * column share copies of the model cell's style (SharedStyles), so that exceljs writes each style
 * once instead of once a cell. Each row is as tall as the wrapped texts of its wrapping columns;
 * each column's validation covers its rows as one range (never one per cell, which exceljs writes
 * as overlapping ranges); a column marked optional is hidden when no row has a value in it.
 */
function fillList(ws: ExcelJS.Worksheet, rows: Row[], specs: readonly ColumnSpec[]): Filled {
  const { row: header, left, right } = autoFilterRange(ws);
  const model = header + 1;
  const last = Math.max(model, model + rows.length - 1);
  const styles: Partial<ExcelJS.Style>[] = [];
  const validations: (ExcelJS.DataValidation | undefined)[] = [];
  const wraps: boolean[] = [];
  const dvs = validationsOf(ws);
  for (let c = left; c <= right; c++) {
    const cell = ws.getCell(model, c);
    styles[c] = cloneStyle(cell.style);
    wraps[c] = Boolean(cell.alignment?.wrapText);
    validations[c] = dvs[cell.address];
    delete dvs[cell.address];
  }
  const height = ws.getRow(model).height;
  const shared = new SharedStyles();
  rows.forEach((values, i) => {
    const row = ws.getRow(model + i);
    const wrapped: { text: string; width: number }[] = [];
    for (let c = left; c <= right; c++) {
      const cell = row.getCell(c);
      const v = values[c - left];
      cell.value = v !== null && typeof v === 'object' && !(v instanceof Date) ? v : cellValue(v as PlainValue);
      shared.apply(cell, String(c), () => styles[c]);
      if (wraps[c]) wrapped.push({ text: shownText(v), width: ws.getColumn(c).width ?? 9 });
    }
    row.height = wrappedHeight(wrapped, height ?? LINE_HEIGHT);
  });
  for (let c = left; c <= right; c++) {
    const dv = validations[c];
    const col = ws.getColumn(c).letter;
    if (dv) dvs[`${col}${model}:${col}${last}`] = { ...dv };
    const spec = specs[c - left];
    if (spec?.optional) ws.getColumn(c).hidden = rows.every((r) => r[c - left] === null || r[c - left] === undefined || r[c - left] === '');
  }
  ws.autoFilter = { from: { row: header, column: left }, to: { row: last, column: right } };
  return { header, first: model, last, left, right };
}

/**
 * The columns of codes and targets written as text: Excel is told, for their rows, not to flag a
 * number stored as text (`<ignoredErrors>`, which exceljs does not write: added to the sheet's XML).
 */
function ignoreNumbersAsText(filled: Filled, specs: readonly ColumnSpec[], ws: ExcelJS.Worksheet): string | undefined {
  const ranges = specs.map((c, i) => (c.text ? `${ws.getColumn(filled.left + i).letter}${filled.first}:${ws.getColumn(filled.left + i).letter}${filled.last}` : '')).filter(Boolean);
  return ranges.length ? ranges.join(' ') : undefined;
}

function sourceCell(p: Place, annotated: Map<string, string>): ExcelJS.CellValue {
  const file = annotated.get(p.file);
  return file ? placeLink(sourceText(p), p, file) : sourceText(p);
}

function namedCell(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; row: number; col: number } {
  const ranges = wb.definedNames.getRanges(name)?.ranges ?? [];
  const ref = ranges[0];
  const m = ref ? /^'?(.*?)'?!\$?([A-Z]+\$?\d+)/.exec(ref) : null;
  const ws = m ? wb.getWorksheet(m[1].replace(/''/g, "'")) : undefined;
  if (!m || !ws) throw new TemplateError(`nel modello manca il nome definito «${name}» (foglio ${PAP_SHEET}).`);
  const { row, col } = parseA1(m[2].replace(/\$/g, ''));
  return { ws, row: row + 1, col: col + 1 };
}

/**
 * Fills the PAP sheet: each row's values go right of its defined name (a row without a name sits
 * under the named row above it); the turnover table grows one row per year from its name, each
 * row taking the styles of the first.
 */
function fillPap(wb: ExcelJS.Workbook, pap: PapStatistics, annotated: Map<string, string>): void {
  const values = papValues(pap);
  const date = namedCell(wb, PAP_NAMES.date);
  date.ws.getCell(date.row, date.col).value = cellValue(values.date);
  PAP_SECTIONS.forEach((section, s) => {
    let anchor: { ws: ExcelJS.Worksheet; row: number; col: number } | undefined;
    let offset = 0;
    section.rows.forEach((spec, r) => {
      if (spec.name) {
        anchor = namedCell(wb, PAP_NAMES[spec.name]);
        offset = 0;
      }
      if (!anchor) throw new TemplateError(`nel modello manca il nome definito della riga «${spec.label}» (foglio ${PAP_SHEET}).`);
      values.sections[s][r].forEach((v, i) => {
        const cell = anchor!.ws.getCell(anchor!.row + offset, anchor!.col + i);
        cell.value = cellValue(v);
        markCell(cell, values.marks[s][r][i]);
      });
      // figures without gender: the template's label (whatever the office made of it) says so
      const label = anchor.col > 1 ? anchor.ws.getCell(anchor.row + offset, anchor.col - 1) : undefined;
      if (label && values.withoutGender[s][r] && typeof label.value === 'string') label.value = papRowLabel(label.value, true);
      offset++;
    });
  });

  const { ws, row, col } = namedCell(wb, PAP_NAMES.turnover);
  const styles = PAP_TURNOVER.headers.map((_, i) => cloneStyle(ws.getCell(row, col + i).style));
  const shared = new SharedStyles();
  values.turnover.forEach((cells, i) => {
    cells.forEach((v, j) => {
      const cell = ws.getCell(row + i, col + j);
      cell.value = cellValue(v);
      shared.apply(cell, String(j), () => styles[j]);
      markCell(cell, values.turnoverMarks[i][j]);
    });
  });
  papNotesList(ws, row + Math.max(1, values.turnover.length) + 1, col, values.notes, annotated);
}

/** Fill of a figure resting on flagged cells: the light red of the cells related to an error in the annotated copies. */
const FLAGGED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE3E0' }, bgColor: { argb: 'FFFFE3E0' } };

/**
 * A value cell that is not known («n.d.», right-aligned like the figures around it) or rests on
 * flagged cells (light red): its note says why. The cell's style is copied before it changes
 * (exceljs shares style objects).
 */
function markCell(cell: ExcelJS.Cell, mark: CellMark | undefined): void {
  if (!mark) return;
  cell.style = cloneStyle(cell.style);
  if (mark.kind === 'unknown') cell.alignment = { ...cell.alignment, horizontal: 'right' };
  else cell.fill = FLAGGED_FILL;
  cell.note = mark.text;
}

/** How many value columns a note's text spans (B to F, as wide as the turnover table). */
const NOTE_SPAN = 5;

/** A column's width in characters (Excel's default when the template sets none). */
function columnWidth(ws: ExcelJS.Worksheet, col: number): number {
  return ws.getColumn(col).width ?? 9;
}

/** «Note sui dati»: under the statistics, each figure not known or flagged, why, and a link to its cell. */
function papNotesList(ws: ExcelJS.Worksheet, top: number, col: number, notes: readonly PapNote[], annotated: Map<string, string>): void {
  if (!notes.length) return;
  const title = ws.getCell(top, col);
  title.value = 'Note sui dati';
  title.font = { bold: true, size: 12, color: { argb: 'FF1F3864' } };
  notes.forEach((n, i) => {
    // the figure's name leads to the cell (LibreOffice does not wrap a link's text: the reason is plain text, wrapped)
    const name = ws.getCell(top + 1 + i, col);
    const file = n.at ? annotated.get(n.at.file) : undefined;
    name.value = n.at && file ? placeLink(n.name, n.at, file) : cellValue(n.name);
    name.alignment = { vertical: 'top', wrapText: true };
    if (n.at && file) name.font = { color: { argb: 'FF0563C1' }, underline: true };
    const text = ws.getCell(top + 1 + i, col + 1);
    text.value = cellValue(n.text);
    if (n.kind === 'flagged') name.fill = FLAGGED_FILL;
    // the text spans the value columns, wrapped: the row is as tall as its lines
    ws.mergeCells(top + 1 + i, col + 1, top + 1 + i, col + NOTE_SPAN);
    text.alignment = { vertical: 'top', wrapText: true };
    ws.getRow(top + 1 + i).height = wrappedHeight([
      { text: n.name, width: columnWidth(ws, col) },
      { text: n.text, width: [...Array(NOTE_SPAN).keys()].reduce((w, k) => w + columnWidth(ws, col + 1 + k), 0) },
    ]);
  });
}

function sheetsText(d: Dossier['sources'][number]): string {
  return d.sheets.map((s) => `${s.name} (${KIND_IT[s.kind]}${s.referenceDate ? `, al ${dateIt(s.referenceDate)}` : ''})`).join('; ');
}

function relatedText(f: Finding): string {
  return (f.related ?? []).map((p) => (p.file === f.file ? (p.sheet === f.sheet ? p.cell : `${p.sheet}!${p.cell}`) : `${p.file} · ${p.sheet}!${p.cell}`)).join(', ');
}

/**
 * Builds PIAO.xlsx from the template. `annotated` maps each source file to its annotated copy
 * (relative path); `title` names the dossier (its folder) in the pages' footer when the sheets name
 * no entity.
 */
export async function buildPiaoWorkbook(dossier: Dossier, annotated: Map<string, string>, template = templatePath(), title = 'PIAO'): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(template)) as unknown as ArrayBuffer);
  const link = (p: Place) => sourceCell(p, annotated);
  const owner = dossier.entity?.name ?? title;
  const textColumns = new Map<number, string>();

  const list = (key: ListSheetKey, rows: Row[]) => {
    const ws = sheetOf(wb, key);
    const specs = LIST_SHEETS[key].columns;
    const filled = fillList(ws, rows, specs);
    const ignored = ignoreNumbersAsText(filled, specs, ws);
    if (ignored) textColumns.set(ws.id, ignored);
    setPrintLayout(ws, { owner, headerRows: [filled.header, filled.header], columns: filled.right });
  };
  for (const key of DATA_SHEETS) {
    const { values, places } = dataRows(dossier, key);
    list(
      key,
      values.map((row, i) => [...row.slice(0, -1), link(places[i])]),
    );
  }
  fillPap(wb, dossier.pap, annotated);
  fitWrappedRows(sheetOf(wb, 'pap'));
  setPrintLayout(sheetOf(wb, 'pap'), { owner, headerRows: [1, 2] });
  list(
    'findings',
    dossier.findings.map((f) => {
      const file = annotated.get(f.file);
      const place: Place = { file: f.file, sheet: f.sheet, cell: f.cell };
      return [severityLabel(f), ruleLabel(f), f.message, f.file, f.sheet, file ? placeLink(f.cell, place, file) : f.cell, relatedText(f), f.rule];
    }),
  );
  list(
    'sources',
    dossier.sources.map((s) => [s.file, s.status === 'ok' ? 'letto' : 'non letto', sheetsText(s), s.error]),
  );
  setWorkbookProperties(wb, `PIAO e statistiche PAP: ${owner}`);
  ignoredErrors.set(wb, textColumns);
  return wb;
}

/** For each workbook built, the ranges of text columns of each sheet (by sheet id), for ignoredErrorsXml. */
const ignoredErrors = new WeakMap<ExcelJS.Workbook, Map<number, string>>();

/** The sheet XML with Excel told not to warn of numbers stored as text in `sqref`. */
export function withIgnoredNumbersAsText(xml: string, sqref: string): string {
  const tag = `<ignoredErrors><ignoredError sqref="${sqref}" numberStoredAsText="1"/></ignoredErrors>`;
  // CT_Worksheet order: ignoredErrors comes after headerFooter and the breaks, before drawings, tables and extensions
  const next = /<(smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(xml);
  return next ? `${xml.slice(0, next.index)}${tag}${xml.slice(next.index)}` : xml;
}

/** The xlsx bytes of a workbook built by buildPiaoWorkbook. */
export async function piaoWorkbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const ranges = ignoredErrors.get(wb);
  return workbookBytes(wb, ranges ? (id, xml) => (ranges.has(id) ? withIgnoredNumbersAsText(xml, ranges.get(id)!) : xml) : undefined);
}

/** Writes PIAO.xlsx atomically. */
export async function writePiaoXlsx(path: string, dossier: Dossier, annotated: Map<string, string> = annotatedNames(dossier.sources.filter((s) => s.status === 'ok').map((s) => s.file)), template?: string): Promise<void> {
  const wb = await buildPiaoWorkbook(dossier, annotated, template, basename(dirname(resolve(path))));
  await writeFileAtomic(path, await piaoWorkbookBytes(wb));
}
