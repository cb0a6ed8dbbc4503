/**
 * PIAO.xlsx: the normalised workbook of a dossier, made by filling templates/PIAO-template.xlsx.
 * The template's styles, widths, frozen panes, formats and validations are kept: each written row
 * takes the styles and validations of the template's model row (see piao-layout.ts).
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { parseA1, parseRange, rangeA1 } from '../engine/grid/address';
import { Dossier, Finding, PapStatistics, Place } from '../engine/schema/dossier';
import { writeFileAtomic } from './atomic';
import { annotatedNames, cellValue, cloneStyle, placeLink, PlainValue, SharedStyles } from './cells';
import { dateIt, KIND_IT } from './labels';
import { ruleLabel, severityLabel } from './finding-text';
import { DATA_SHEETS, LIST_SHEETS, ListSheetKey, PAP_NAMES, PAP_SECTIONS, PAP_SHEET, PAP_TURNOVER, papRowLabel, templatePath } from './piao-layout';
import { dataRows, papValues, sourceText } from './piao-tables';
import { workbookBytes } from './xlsx-bytes';

type Row = (PlainValue | ExcelJS.CellValue)[];

/** exceljs keeps a sheet's validations by cell address; its typings do not show the collection. */
interface Validations {
  find(address: string): ExcelJS.DataValidation | undefined;
  add(address: string, v: ExcelJS.DataValidation): void;
}
const validationsOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: Validations }).dataValidations;

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

/**
 * Writes rows under the header of a list sheet, each taking the model row's styles and validations.
 * The cells of a column share copies of the model cell's style (SharedStyles), so that exceljs
 * writes each style once instead of once a cell.
 */
function fillList(ws: ExcelJS.Worksheet, rows: Row[]): void {
  const { row: header, left, right } = autoFilterRange(ws);
  const model = header + 1;
  const styles: Partial<ExcelJS.Style>[] = [];
  const validations: (ExcelJS.DataValidation | undefined)[] = [];
  for (let c = left; c <= right; c++) {
    const cell = ws.getCell(model, c);
    styles[c] = cloneStyle(cell.style);
    validations[c] = validationsOf(ws).find(cell.address);
  }
  const height = ws.getRow(model).height;
  const shared = new SharedStyles();
  rows.forEach((values, i) => {
    const row = ws.getRow(model + i);
    if (height) row.height = height;
    for (let c = left; c <= right; c++) {
      const cell = row.getCell(c);
      const v = values[c - left];
      cell.value = v !== null && typeof v === 'object' && !(v instanceof Date) ? v : cellValue(v as PlainValue);
      shared.apply(cell, String(c), () => styles[c]);
      const dv = validations[c];
      if (dv) validationsOf(ws).add(cell.address, { ...dv });
    }
  });
  const last = Math.max(model, model + rows.length - 1);
  ws.autoFilter = { from: { row: header, column: left }, to: { row: last, column: right } };
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
function fillPap(wb: ExcelJS.Workbook, pap: PapStatistics): void {
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
        anchor!.ws.getCell(anchor!.row + offset, anchor!.col + i).value = cellValue(v);
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
  values.turnover.forEach((values, i) => {
    values.forEach((v, j) => {
      const cell = ws.getCell(row + i, col + j);
      cell.value = v;
      shared.apply(cell, String(j), () => styles[j]);
    });
  });
}

function sheetsText(d: Dossier['sources'][number]): string {
  return d.sheets.map((s) => `${s.name} (${KIND_IT[s.kind]}${s.referenceDate ? `, al ${dateIt(s.referenceDate)}` : ''})`).join('; ');
}

function relatedText(f: Finding): string {
  return (f.related ?? []).map((p) => (p.file === f.file ? (p.sheet === f.sheet ? p.cell : `${p.sheet}!${p.cell}`) : `${p.file} · ${p.sheet}!${p.cell}`)).join(', ');
}

/** Builds PIAO.xlsx from the template. `annotated` maps each source file to its annotated copy (relative path). */
export async function buildPiaoWorkbook(dossier: Dossier, annotated: Map<string, string>, template = templatePath()): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(template)) as unknown as ArrayBuffer);
  const link = (p: Place) => sourceCell(p, annotated);

  for (const key of DATA_SHEETS) {
    const { values, places } = dataRows(dossier, key);
    fillList(
      sheetOf(wb, key),
      values.map((row, i) => [...row.slice(0, -1), link(places[i])]),
    );
  }
  fillPap(wb, dossier.pap);
  fillList(
    sheetOf(wb, 'findings'),
    dossier.findings.map((f) => {
      const file = annotated.get(f.file);
      const place: Place = { file: f.file, sheet: f.sheet, cell: f.cell };
      return [severityLabel(f), ruleLabel(f), f.message, f.file, f.sheet, file ? placeLink(f.cell, place, file) : f.cell, relatedText(f)];
    }),
  );
  fillList(
    sheetOf(wb, 'sources'),
    dossier.sources.map((s) => [s.file, s.status === 'ok' ? 'letto' : 'non letto', sheetsText(s), s.error]),
  );
  wb.creator = 'piao';
  return wb;
}

/** Writes PIAO.xlsx atomically. */
export async function writePiaoXlsx(path: string, dossier: Dossier, annotated: Map<string, string> = annotatedNames(dossier.sources.filter((s) => s.status === 'ok').map((s) => s.file)), template?: string): Promise<void> {
  const wb = await buildPiaoWorkbook(dossier, annotated, template);
  await writeFileAtomic(path, await workbookBytes(wb));
}
