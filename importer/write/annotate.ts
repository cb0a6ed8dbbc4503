/**
 * Annotated copies: each source workbook copied with every finding marked where it is. A finding's
 * cell is filled by severity and carries a note with the Italian message; related cells are filled
 * lighter; an added sheet lists the findings with links to their cells. The source file itself is
 * only read.
 */
import ExcelJS from 'exceljs';
import { Finding } from '../engine/schema/dossier';
import { Grid } from '../engine/grid/grid';
import { LIMITS, itNumber } from '../read/limits';
import { ReadError } from '../read/read-error';
import { writeFileAtomic } from './atomic';
import { SharedStyles, annotatedSheet, cellValue, setWorkbookProperties } from './cells';
import { UnpatchableError, patchedCopy } from './copy/patch-copy';
import { workbookBytes } from './xlsx-bytes';

export { RELATED_FILL, SEVERITY_FILL } from './copy/marks';

function isCsv(file: string): boolean {
  return /\.(csv|txt|tsv)$/i.test(file);
}

/** A count or an amount as a CSV writes it: «12», «-3», «1.234», «12,5», «1.234,5» (no leading zero: «01» is a code). */
const CSV_NUMBER = /^[-+−]?(?:0|[1-9]\d{0,14}|[1-9]\d{0,2}(?:\.\d{3})+)(?:,\d+)?$/;

/**
 * The number a CSV cell's text stands for, with the format that shows it as written: so that a
 * sum over the copy gives the real total. Only unambiguous numbers: a code («01», «01.02»,
 * «3.02.01»), a text with a single dot («1.5», a code or an English decimal), a date, an
 * identifier with leading zeros stay text. «62,5%» is the fraction 0,625 shown as a percentage.
 */
export function csvNumber(text: string): { value: number; numFmt?: string } | undefined {
  const t = text.trim();
  const percent = t.endsWith('%');
  const body = percent ? t.slice(0, -1).trim() : t;
  if (!CSV_NUMBER.test(body)) return undefined;
  const n = Number(body.replace(/^[−]/, '-').replace(/^\+/, '').replace(/\./g, '').replace(',', '.'));
  if (!Number.isFinite(n)) return undefined;
  const decimals = body.includes(',') ? body.split(',')[1].length : 0;
  if (percent) return { value: n / 100, numFmt: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' };
  if (body.includes('.')) return { value: n, numFmt: decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0' };
  return decimals ? { value: n, numFmt: `0.${'0'.repeat(decimals)}` } : { value: n };
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
 * formatting. What a CSV becomes (record n on row n, its numbers as numbers), and the fallback for a workbook whose package
 * cannot be edited (a damaged sheet). Refused (ReadError) beyond
 * LIMITS.maxCopyCells cells or LIMITS.maxFullLoadRows rows.
 */
export function workbookFromGrids(grids: readonly Grid[], file: string, why?: string): ExcelJS.Workbook {
  assertCopyFits(grids, file, why);
  const csv = isCsv(file);
  const wb = new ExcelJS.Workbook();
  setWorkbookProperties(wb);
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
        const csvValue = csv ? csvNumber(text) : undefined;
        if (!csv && (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date)) {
          cell.value = v;
          const fmt = grid.numFmt(r, c) ?? '';
          styles.apply(cell, fmt, () => (fmt ? { numFmt: fmt } : {}));
        } else if (csvValue) {
          // a CSV's numbers are numbers in its copy: a sum over them gives the real total
          cell.value = csvValue.value;
          const fmt = csvValue.numFmt ?? '';
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
 * The source as the engine read it: its bytes (to copy an xlsx), or how to read them again when
 * needed (a CSV's copy is built from its grids: its bytes are never read twice), and its grids.
 */
export interface AnnotationSource {
  bytes: Uint8Array | (() => Promise<Uint8Array>);
  file: string;
  grids: readonly Grid[];
}

/** The reason a package could not be edited, as the warning about a degraded copy says it. */
function degradedReason(err: unknown): string {
  if (err instanceof UnpatchableError) return err.message;
  // parts the readers read (copy/xml-scan.ts edits UTF-8 markup only)
  if (err instanceof Error && err.message === 'parte XML in UTF-16') return 'ha parti XML in UTF-16, che la copia non modifica';
  // a part the edit could not follow: the message says nothing to a user
  return `una sua parte non è nel formato che Excel scrive${process.env.PIAO_DEBUG ? ` (${err instanceof Error ? err.message.slice(0, 120) : String(err)})` : ''}`;
}

/**
 * Writes the annotated copy of one source atomically. An xlsx is copied by editing its package
 * (copy/patch-copy.ts): only the parts that marking needs change, everything else is copied as it
 * is. A CSV becomes a workbook built from its grids (record n on row n), then marked the same way;
 * so does a workbook whose package cannot be edited (a damaged sheet...): the copy then holds the
 * values, the marks and the notes, and the reason is returned as `degraded`.
 */
export async function writeAnnotatedCopy(source: AnnotationSource, findings: readonly Finding[], outPath: string, options: { owner?: string } = {}): Promise<{ degraded?: string }> {
  const { file, grids } = source;
  const macros = /\.xlsm$/i.test(file);
  const rebuilt = async (why?: string) => patchedCopy({ bytes: await workbookBytes(workbookFromGrids(grids, file, why)), file, grids }, findings, { macroEnabled: macros, owner: options.owner, fromGrids: true });
  if (isCsv(file)) {
    await writeFileAtomic(outPath, await rebuilt());
    return {};
  }
  const bytes = typeof source.bytes === 'function' ? await source.bytes() : source.bytes;
  let copy: Buffer;
  try {
    copy = await patchedCopy({ bytes, file, grids }, findings, { owner: options.owner });
  } catch (err) {
    if (err instanceof ReadError) throw err;
    const why = degradedReason(err);
    await writeFileAtomic(outPath, await rebuilt(why));
    return { degraded: why };
  }
  await writeFileAtomic(outPath, copy);
  return {};
}
