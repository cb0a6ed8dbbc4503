/**
 * Annotated copies: each source workbook copied with every finding marked where it is. A finding's
 * cell is filled by severity and carries a note with the Italian message; related cells are filled
 * lighter; an added sheet lists the findings with links to their cells. Everything else of the
 * source (values, styles, merges, other sheets, widths) is kept as exceljs reads it. A CSV source
 * becomes an xlsx with one sheet, record n on row n. The source file itself is only read.
 */
import ExcelJS from 'exceljs';
import { parseA1 } from '../engine/grid/address';
import { Finding, Place, Severity } from '../engine/schema/dossier';
import { Grid } from '../engine/grid/grid';
import { LIMITS, itNumber } from '../read/limits';
import { ReadError } from '../read/read-error';
import { loadWorkbook } from '../read/xlsx';
import { writeFileAtomic } from './atomic';
import { SharedStyles, annotatedSheet, cellValue, cloneStyle, placeLink, topLeft } from './cells';
import { SEVERITY_IT } from './labels';
import { workbookBytes } from './xlsx-bytes';

export const SEVERITY_FILL: Record<Severity, string> = { error: 'FFFF8A80', warning: 'FFFFD54F', info: 'FF9FC5E8' };
export const RELATED_FILL: Record<Severity, string> = { error: 'FFFFE3E0', warning: 'FFFFF4CC', info: 'FFE1EEF9' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

function isCsv(file: string): boolean {
  return /\.(csv|txt|tsv)$/i.test(file);
}

/**
 * Refuses a copy built from grids beyond LIMITS.maxCopyCells cells or LIMITS.maxFullLoadRows rows:
 * exceljs would hold gigabytes (a CSV export of a million rows ran out of memory).
 */
function assertCopyFits(grids: readonly Grid[], file: string, why?: string): void {
  const cells = grids.reduce((n, g) => n + g.cellCount, 0);
  const rows = Math.max(0, ...grids.map((g) => g.rowCount));
  const over =
    cells > LIMITS.maxCopyCells
      ? `${itNumber(cells)} celle piene e una copia annotata ne può avere al massimo ${itNumber(LIMITS.maxCopyCells)}`
      : rows > LIMITS.maxFullLoadRows
        ? `${itNumber(rows)} righe e una copia annotata ne può avere al massimo ${itNumber(LIMITS.maxFullLoadRows)}`
        : undefined;
  if (over) throw new ReadError(file, `${why ? `${why}; ha inoltre` : 'ha'} ${over}: le segnalazioni sono in piao.json, PIAO.xlsx e report.html.`);
}

/**
 * A workbook rebuilt from the engine's grids: one sheet per grid, values as read, merges kept, no
 * formatting. What a CSV becomes (record n on row n), and the fallback for a workbook exceljs cannot
 * load whole (too many formatted rows, parts it does not understand). Refused (ReadError) beyond
 * LIMITS.maxCopyCells cells or LIMITS.maxFullLoadRows rows.
 */
export function workbookFromGrids(grids: readonly Grid[], file: string, why?: string): ExcelJS.Workbook {
  assertCopyFits(grids, file, why);
  const csv = isCsv(file);
  const wb = new ExcelJS.Workbook();
  // a style object per number format and type of value, shared by its cells (fill() copies before
  // changing one): exceljs writes a new cell's own empty style once per cell
  const styles = new SharedStyles();
  for (const grid of grids) {
    const ws = wb.addWorksheet(annotatedSheet(file, grid.sheet));
    const widths: number[] = [];
    for (let r = 0; r < grid.rowCount; r++) {
      for (const c of grid.filledColumns(r)) {
        const text = grid.text(r, c);
        const v = grid.value(r, c);
        const cell = ws.getCell(r + 1, c + 1);
        if (!csv && (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date)) {
          cell.value = v;
          const fmt = grid.numFmt(r, c) ?? '';
          styles.apply(cell, fmt, () => (fmt ? { numFmt: fmt } : {}));
        } else {
          cell.value = cellValue(text);
          styles.apply(cell, '', () => ({}));
        }
        widths[c] = Math.max(widths[c] ?? 8, Math.min(50, text.length + 2));
      }
    }
    // merges clipped to the cells in use: exceljs creates every cell a merge covers
    for (const m of grid.merges) {
      const bottom = Math.min(m.bottom, grid.rowCount - 1);
      const right = Math.min(m.right, grid.colCount - 1);
      if (bottom > m.top || right > m.left) ws.mergeCells(m.top + 1, m.left + 1, bottom + 1, right + 1);
    }
    widths.forEach((w, c) => {
      if (w) ws.getColumn(c + 1).width = w;
    });
  }
  return wb;
}

/**
 * The source as the engine read it: its bytes (to copy an xlsx whole), or how to read them again
 * when needed (a CSV's copy is built from its grids: its bytes are never read twice), and its grids.
 */
export interface AnnotationSource {
  bytes: Uint8Array | (() => Promise<Uint8Array>);
  file: string;
  grids: readonly Grid[];
}

/**
 * The workbook to annotate: the source xlsx as exceljs loads it, with everything it keeps; a CSV
 * laid out record n on row n; or, when exceljs cannot load the xlsx whole, the values read from it.
 * `degraded` says why the formatting was not kept.
 */
async function sourceWorkbook(source: AnnotationSource): Promise<{ wb: ExcelJS.Workbook; degraded?: string }> {
  if (isCsv(source.file)) return { wb: workbookFromGrids(source.grids, source.file) };
  try {
    const bytes = typeof source.bytes === 'function' ? await source.bytes() : source.bytes;
    return { wb: await loadWorkbook(bytes, source.file) };
  } catch (err) {
    const why = err instanceof ReadError ? err.reason.replace(/\.$/, '') : err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { wb: workbookFromGrids(source.grids, source.file, why), degraded: why };
  }
}

/** The cell a Place marks: the top-left of a range, the master of a merged cell. */
function targetCell(ws: ExcelJS.Worksheet, cell: string): ExcelJS.Cell | undefined {
  try {
    const { row, col } = parseA1(topLeft(cell));
    const c = ws.getCell(row + 1, col + 1);
    return c.isMerged ? c.master : c;
  } catch {
    return undefined;
  }
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

function uniqueSheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 1; ; i++) {
    const name = `${wanted} piao${i > 1 ? ` ${i}` : ''}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function fill(cell: ExcelJS.Cell, argb: string): void {
  cell.style = cloneStyle(cell.style); // exceljs shares style objects between cells: never change one in place
  cell.fill = solid(argb);
}

/** Marks the findings of one file on its workbook and adds the findings sheet. */
export function annotateWorkbook(wb: ExcelJS.Workbook, file: string, findings: readonly Finding[]): void {
  const mine = findings.filter((f) => f.file === file);
  const byCell = new Map<ExcelJS.Cell, Finding[]>();
  for (const f of mine) {
    const ws = wb.getWorksheet(annotatedSheet(file, f.sheet));
    const cell = ws && targetCell(ws, f.cell);
    if (!cell) continue;
    const list = byCell.get(cell) ?? [];
    list.push(f);
    byCell.set(cell, list);
  }
  const related = new Map<ExcelJS.Cell, Severity>();
  for (const f of mine) {
    for (const p of f.related ?? []) {
      if (p.file !== file) continue;
      const ws = wb.getWorksheet(annotatedSheet(file, p.sheet));
      const cell = ws && targetCell(ws, p.cell);
      if (!cell || byCell.has(cell)) continue;
      const prev = related.get(cell);
      if (!prev || RANK[f.severity] < RANK[prev]) related.set(cell, f.severity);
    }
  }
  for (const [cell, list] of byCell) {
    const worst = list.reduce((a, f) => (RANK[f.severity] < RANK[a] ? f.severity : a), 'info' as Severity);
    fill(cell, SEVERITY_FILL[worst]);
    const ours = list.map((f) => `${SEVERITY_IT[f.severity]} [${f.rule}]: ${f.message}`).join('\n\n');
    const before = noteText(cell.note);
    cell.note = before ? `${before}\n\n${ours}` : ours;
  }
  for (const [cell, severity] of related) fill(cell, RELATED_FILL[severity]);
  addFindingsSheet(wb, file, mine);
}

function addFindingsSheet(wb: ExcelJS.Workbook, file: string, findings: readonly Finding[]): void {
  const ws = wb.addWorksheet(uniqueSheetName(wb, 'Anomalie'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 10 }, { width: 22 }, { width: 26 }, { width: 10 }, { width: 90 }, { width: 24 }];
  const header = ws.addRow(['Gravità', 'Controllo', 'Foglio', 'Cella', 'Messaggio', 'Celle collegate']);
  header.eachCell((c) => {
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = solid('FF1F3864');
  });
  for (const f of findings) {
    const place: Place = { file, sheet: f.sheet, cell: f.cell };
    const row = ws.addRow([
      SEVERITY_IT[f.severity],
      f.rule,
      cellValue(f.sheet),
      wb.getWorksheet(annotatedSheet(file, f.sheet)) ? placeLink(f.cell, place, null) : f.cell,
      cellValue(f.message),
      (f.related ?? []).map((p) => (p.file !== file ? `${p.file} · ${p.sheet}!${p.cell}` : p.sheet === f.sheet ? p.cell : `${p.sheet}!${p.cell}`)).join(', ') || null,
    ]);
    row.getCell(1).fill = solid(SEVERITY_FILL[f.severity]);
    row.getCell(4).font = { color: { argb: 'FF0563C1' }, underline: true };
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  }
  if (findings.length === 0) ws.addRow([null, null, null, null, 'Nessuna anomalia trovata in questo file.']);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, findings.length + 1), column: 6 } };
}

/** Reads a source's bytes, marks its findings and writes the annotated copy atomically. */
/**
 * Writes the annotated copy of one source. Returns, when the copy could not keep the source's
 * formatting, the reason (the copy then holds the values, the marks and the notes).
 */
export async function writeAnnotatedCopy(source: AnnotationSource, findings: readonly Finding[], outPath: string): Promise<{ degraded?: string }> {
  const { wb, degraded } = await sourceWorkbook(source);
  annotateWorkbook(wb, source.file, findings);
  await writeFileAtomic(outPath, await workbookBytes(wb));
  return degraded ? { degraded } : {};
}
