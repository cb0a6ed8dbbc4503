/**
 * summary.xlsx of a batch: one row per dossier (sources, objectives by level, headline PAP figures,
 * findings by severity) with a link to its PIAO.xlsx; hires and terminations of each dossier year
 * by year; the findings by rule; and the files not read. A figure that is not known is «n.d.»,
 * with why in the row's notes, never 0. Every sheet prints on A4, one page wide.
 */
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { DossierSummary, SummaryFigure } from '../cli/batch-summary';
import { ruleTitle } from '../engine/rules/registry';
import { writeFileAtomic } from './atomic';
import { cellValue, fitWrappedRows, setWorkbookProperties } from './cells';
import { isoDate } from './piao-tables';
import { LEVEL_IT, LEVELS, PERCENT_FMT } from './labels';
import { ND } from './pap-figures';
import { setPrintLayout } from './print';
import { workbookBytes } from './xlsx-bytes';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } };

interface Col {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

/** A value of a figure: its number, «n.d.» (right-aligned like the numbers) when it is not known. */
type Value = ExcelJS.CellValue;

function table(wb: ExcelJS.Workbook, name: string, cols: Col[], rows: Value[][], owner: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.addRow(cols.map((c) => c.header));
  header.height = 32;
  header.eachCell((c) => {
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = HEADER_FILL;
    c.alignment = { wrapText: true, vertical: 'middle' };
  });
  for (const r of rows) {
    const row = ws.addRow(r);
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (cell.value === ND) cell.alignment = { horizontal: 'right', vertical: 'top' };
      else if (c.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
      else cell.alignment = { vertical: 'top' };
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: cols.length } };
  fitWrappedRows(ws);
  setPrintLayout(ws, { owner, headerRows: [1, 1] });
  return ws;
}

const NOTE_NAMES: Record<SummaryFigure, string> = {
  staff: 'Personale',
  F: 'Donne',
  M: 'Uomini',
  shareF: '% donne',
  topShareF: '% donne al vertice',
  partTime: 'Part-time',
  fixedTerm: 'Tempo determinato',
  smartWorking: 'Lavoro agile',
  smartWorkingShare: '% lavoro agile',
};

/** «Part-time: nessuna tabella del dossier lo indica; …»: why the figures of a line are «n.d.». */
function notesText(s: DossierSummary): string | null {
  const unknown = s.pap.unknown ?? {};
  const lines = (Object.keys(NOTE_NAMES) as SummaryFigure[]).filter((k) => unknown[k]).map((k) => `${NOTE_NAMES[k]}: ${unknown[k]}`);
  return lines.length ? `${ND}: ${lines.join('; ')}` : null;
}

export function buildSummaryWorkbook(root: string, summaries: readonly DossierSummary[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const owner = `Riepilogo di ${basename(root) || root}`;
  setWorkbookProperties(wb, owner);
  const n = '#,##0';
  const p = PERCENT_FMT;
  /** A figure of the summary line: «n.d.» when it is not known. */
  const fig = (s: DossierSummary, key: SummaryFigure, v: number | null): Value => (s.pap.unknown?.[key] ? ND : v);
  table(
    wb,
    'Dossier',
    [
      { header: 'Dossier', width: 28, wrap: true },
      { header: 'File letti', width: 9, numFmt: n },
      { header: 'File non letti', width: 9, numFmt: n },
      ...LEVELS.map((l) => ({ header: LEVEL_IT[l], width: 13, numFmt: n })),
      { header: 'Data di riferimento del personale', width: 14, numFmt: 'dd/mm/yyyy' },
      { header: 'Personale', width: 10, numFmt: n },
      { header: 'Donne', width: 9, numFmt: n },
      { header: 'Uomini', width: 9, numFmt: n },
      { header: '% donne', width: 9, numFmt: p },
      { header: '% donne al vertice', width: 10, numFmt: p },
      { header: 'Part-time', width: 10, numFmt: n },
      { header: 'Tempo determinato', width: 11, numFmt: n },
      { header: 'Lavoro agile', width: 10, numFmt: n },
      { header: '% lavoro agile', width: 10, numFmt: p },
      { header: 'Errori', width: 8, numFmt: n },
      { header: 'Avvisi', width: 8, numFmt: n },
      { header: 'Note', width: 8, numFmt: n },
      { header: 'Risultati', width: 30, wrap: true },
      { header: 'Dati non noti', width: 50, wrap: true },
    ],
    summaries.map((s) => [
      cellValue(s.name),
      s.sources.ok,
      s.sources.failed,
      ...LEVELS.map((l) => s.objectives[l] ?? 0),
      isoDate(s.pap.referenceDate ?? undefined),
      fig(s, 'staff', s.pap.staff),
      // a staff total with no gender: Donne and Uomini left empty, never 0
      s.pap.byGender === false ? null : fig(s, 'F', s.pap.F),
      s.pap.byGender === false ? null : fig(s, 'M', s.pap.M),
      fig(s, 'shareF', s.pap.shareF),
      fig(s, 'topShareF', s.pap.topShareF),
      fig(s, 'partTime', s.pap.partTime),
      fig(s, 'fixedTerm', s.pap.fixedTerm),
      fig(s, 'smartWorking', s.pap.smartWorking),
      fig(s, 'smartWorkingShare', s.pap.smartWorkingShare),
      s.findings.error,
      s.findings.warning,
      s.findings.info,
      s.outputs.includes('PIAO.xlsx') ? { text: `${s.name}/PIAO.xlsx`, hyperlink: `${encodeURIComponent(s.outDir)}/PIAO.xlsx` } : cellValue(s.error ?? null),
      notesText(s),
    ]),
    owner,
  );
  const count = (v: number | null): Value => (v === null ? ND : v);
  table(
    wb,
    'Assunzioni e cessazioni',
    [
      { header: 'Dossier', width: 28, wrap: true },
      { header: 'Anno', width: 8, numFmt: '0' },
      { header: 'Assunzioni donne', width: 11, numFmt: n },
      { header: 'Assunzioni uomini', width: 11, numFmt: n },
      { header: 'Cessazioni donne', width: 11, numFmt: n },
      { header: 'Cessazioni uomini', width: 11, numFmt: n },
      { header: 'Saldo', width: 9, numFmt: '+#,##0;-#,##0;0' },
    ],
    summaries.flatMap((s) =>
      (s.pap.turnover ?? []).map((t) => {
        const all = [t.hires.F, t.hires.M, t.terminations.F, t.terminations.M];
        const balance = all.some((v) => v === null) ? ND : t.hires.F! + t.hires.M! - t.terminations.F! - t.terminations.M!;
        return [cellValue(s.name), t.year, ...all.map(count), balance];
      }),
    ),
    owner,
  );
  table(
    wb,
    'Segnalazioni per controllo',
    [
      { header: 'Dossier', width: 28, wrap: true },
      { header: 'Controllo', width: 36, wrap: true },
      { header: 'Segnalazioni', width: 12, numFmt: n },
      { header: 'Id del controllo', width: 22 },
    ],
    summaries.flatMap((s) => Object.entries(s.findings.byRule).map(([rule, count]) => [cellValue(s.name), ruleTitle(rule), count, rule])),
    owner,
  );
  table(
    wb,
    'File non letti',
    [
      { header: 'Dossier', width: 28, wrap: true },
      { header: 'File', width: 40, wrap: true },
      { header: 'Motivo', width: 100, wrap: true },
    ],
    summaries.flatMap((s) => [
      ...s.sources.failures.map((f) => [cellValue(s.name), cellValue(f.file), cellValue(f.error)]),
      ...(s.error ? [[cellValue(s.name), null, cellValue(s.error)]] : []),
    ]),
    owner,
  );
  wb.getWorksheet('Dossier')!.getCell('A1').note = `Riepilogo del batch sulla cartella ${root}`;
  return wb;
}

export async function writeSummaryXlsx(path: string, root: string, summaries: readonly DossierSummary[]): Promise<void> {
  await writeFileAtomic(path, await workbookBytes(buildSummaryWorkbook(root, summaries)));
}
