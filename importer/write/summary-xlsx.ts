/**
 * summary.xlsx of a batch: one row per dossier (sources, objectives by level, headline PAP figures,
 * findings by severity) with a link to its PIAO.xlsx, the findings by rule, and the files not read.
 */
import ExcelJS from 'exceljs';
import type { DossierSummary } from '../cli/batch-summary';
import { writeFileAtomic } from './atomic';
import { cellValue } from './cells';
import { isoDate } from './piao-tables';
import { LEVEL_IT, LEVELS } from './labels';
import { workbookBytes } from './xlsx-bytes';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } };

interface Col {
  header: string;
  width: number;
  numFmt?: string;
}

function table(wb: ExcelJS.Workbook, name: string, cols: Col[], rows: ExcelJS.CellValue[][]): ExcelJS.Worksheet {
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
      if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: cols.length } };
  return ws;
}

export function buildSummaryWorkbook(root: string, summaries: readonly DossierSummary[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'piao';
  const n = '#,##0';
  const p = '0.0%';
  table(
    wb,
    'Dossier',
    [
      { header: 'Dossier', width: 28 },
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
      { header: 'Assunzioni', width: 11, numFmt: n },
      { header: 'Cessazioni', width: 11, numFmt: n },
      { header: 'Errori', width: 8, numFmt: n },
      { header: 'Avvisi', width: 8, numFmt: n },
      { header: 'Note', width: 8, numFmt: n },
      { header: 'Risultati', width: 30 },
    ],
    summaries.map((s) => [
      cellValue(s.name),
      s.sources.ok,
      s.sources.failed,
      ...LEVELS.map((l) => s.objectives[l] ?? 0),
      isoDate(s.pap.referenceDate ?? undefined),
      s.pap.staff,
      // a staff total with no gender: Donne and Uomini left empty, never 0
      s.pap.byGender === false ? null : s.pap.F,
      s.pap.byGender === false ? null : s.pap.M,
      s.pap.shareF,
      s.pap.topShareF,
      s.pap.partTime,
      s.pap.fixedTerm,
      s.pap.smartWorking,
      s.pap.smartWorkingShare,
      s.pap.hires,
      s.pap.terminations,
      s.findings.error,
      s.findings.warning,
      s.findings.info,
      s.outputs.includes('PIAO.xlsx') ? { text: `${s.name}/PIAO.xlsx`, hyperlink: `${encodeURIComponent(s.outDir)}/PIAO.xlsx` } : cellValue(s.error ?? null),
    ]),
  );
  table(
    wb,
    'Segnalazioni per controllo',
    [
      { header: 'Dossier', width: 28 },
      { header: 'Controllo', width: 24 },
      { header: 'Segnalazioni', width: 12, numFmt: n },
    ],
    summaries.flatMap((s) => Object.entries(s.findings.byRule).map(([rule, count]) => [cellValue(s.name), rule, count])),
  );
  table(
    wb,
    'File non letti',
    [
      { header: 'Dossier', width: 28 },
      { header: 'File', width: 40 },
      { header: 'Motivo', width: 100 },
    ],
    summaries.flatMap((s) => [
      ...s.sources.failures.map((f) => [cellValue(s.name), cellValue(f.file), cellValue(f.error)]),
      ...(s.error ? [[cellValue(s.name), null, cellValue(s.error)]] : []),
    ]),
  );
  wb.getWorksheet('Dossier')!.getCell('A1').note = `Riepilogo del batch sulla cartella ${root}`;
  return wb;
}

export async function writeSummaryXlsx(path: string, root: string, summaries: readonly DossierSummary[]): Promise<void> {
  await writeFileAtomic(path, await workbookBytes(buildSummaryWorkbook(root, summaries)));
}
