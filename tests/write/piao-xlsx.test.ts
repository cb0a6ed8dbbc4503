import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dossier } from '../../importer/engine/schema/dossier';
import { annotatedNames } from '../../importer/write/cells';
import { CATEGORY_IT, LEVEL_IT } from '../../importer/write/labels';
import { buildPiaoWorkbook, writePiaoXlsx } from '../../importer/write/piao-xlsx';
import { LIST_SHEETS, PAP_SHEET, templatePath } from '../../importer/write/piao-layout';
import { workbookBytes } from '../../importer/write/xlsx-bytes';
import { piaoTemplateWorkbook } from '../../templates/scripts/make-template';
import { loadXlsx, pratoDossier, sheetPart } from '../helpers/dossiers';
import { tempDir } from '../helpers/xlsx';

async function roundTrip(d: Dossier, template?: string): Promise<{ wb: ExcelJS.Workbook; bytes: Buffer }> {
  const annotated = annotatedNames(d.sources.map((s) => s.file));
  const bytes = await workbookBytes(await buildPiaoWorkbook(d, annotated, template));
  return { wb: await loadXlsx(bytes), bytes };
}

/** Rows under the header of a list sheet, as plain values. */
function dataRows(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    out.push((row.values as ExcelJS.CellValue[]).slice(1));
  }
  return out;
}

describe('PIAO.xlsx', () => {
  let dossier: Dossier;
  let wb: ExcelJS.Workbook;
  let bytes: Buffer;
  beforeAll(async () => {
    dossier = await pratoDossier();
    ({ wb, bytes } = await roundTrip(dossier));
  });

  it('is the committed template, regenerated identically by its script (npm run template)', async () => {
    const committed = await loadXlsx(readFileSync(templatePath()));
    const fresh = await loadXlsx(await workbookBytes(piaoTemplateWorkbook()));
    expect(committed.worksheets.map((w) => w.name)).toEqual(fresh.worksheets.map((w) => w.name));
    for (const ws of fresh.worksheets) {
      const c = committed.getWorksheet(ws.name)!;
      expect(c.columns.map((x) => x.width)).toEqual(ws.columns.map((x) => x.width));
      expect(c.getRow(3).values).toEqual(ws.getRow(3).values);
    }
  });

  it('lists every objective of the cascade with its level, code, parent, structure and source', () => {
    const ws = wb.getWorksheet(LIST_SHEETS.objectives.name)!;
    const rows = dataRows(ws);
    expect(rows).toHaveLength(dossier.objectives.length);
    const o = dossier.objectives.find((x) => x.code === '01.01.02.01')!;
    const row = rows.find((r) => r[1] === '01.01.02.01')!;
    expect(row.slice(0, 5)).toEqual([LEVEL_IT.performance, '01.01.02.01', '01.01.02', o.title, 'Servizi Finanziari']);
    const source = row[LIST_SHEETS.objectives.columns.length - 1] as ExcelJS.CellHyperlinkValue;
    expect(source.text).toBe(`piao-2024-2026-performance.xlsx · ${o.at.sheet}!${o.at.cell}`);
  });

  it('writes the staff tables and the PAP statistics with number and percentage formats', () => {
    const hc = wb.getWorksheet(LIST_SHEETS.headcount.name)!;
    const rows = dataRows(hc);
    expect(rows).toHaveLength(dossier.headcount.length);
    const col = (header: string) => LIST_SHEETS.headcount.columns.findIndex((c) => c.header === header);
    const d = rows.find((r) => r[1] === CATEGORY_IT.funzionario && r[col('Genere')] === 'Donne')!;
    expect(d[col('Persone')]).toBe(28);
    expect(d[col('di cui a tempo determinato')]).toBe(1);
    expect((d[0] as Date).toISOString().slice(0, 10)).toBe('2023-12-31');
    expect(hc.getCell('A4').numFmt).toBe('dd/mm/yyyy');
    expect(dataRows(wb.getWorksheet(LIST_SHEETS.turnover.name)!)).toHaveLength(dossier.turnover.length);
    expect(dataRows(wb.getWorksheet(LIST_SHEETS.smartWorking.name)!)).toHaveLength(dossier.smartWorking.length);
    expect(dataRows(wb.getWorksheet(LIST_SHEETS.workTime.name)!)).toHaveLength(dossier.workTime.length);

    const pap = wb.getWorksheet(PAP_SHEET)!;
    const find = (label: string) => {
      for (let r = 1; r <= pap.rowCount; r++) if (pap.getCell(r, 1).value === label) return pap.getRow(r);
      throw new Error(`riga ${label} assente`);
    };
    const total = find('Totale personale');
    expect([total.getCell(2).value, total.getCell(3).value, total.getCell(4).value]).toEqual([46, 23, 69]);
    expect(total.getCell(5).value).toBeCloseTo(0.667, 3);
    expect(total.getCell(5).numFmt).toBe('0.0%');
    const funz = find(CATEGORY_IT.funzionario);
    expect([funz.getCell(2).value, funz.getCell(3).value, funz.getCell(4).value]).toEqual([28, 10, 38]);
    const sw = find('% del personale (per genere e in totale)');
    expect(sw.getCell(4).value).toBe(0.623); // 43 of 69, rounded as piao.json states it
    const years: number[] = [];
    pap.eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === 'number' && v > 2000) years.push(v);
    });
    expect(years).toEqual([2021, 2022, 2023]);
  });

  it('lists every finding with a link to its cell in the annotated copy', async () => {
    const ws = wb.getWorksheet(LIST_SHEETS.findings.name)!;
    const rows = dataRows(ws);
    expect(rows).toHaveLength(dossier.findings.length);
    const f = dossier.findings.find((x) => x.rule === 'code-parent-mismatch')!;
    // the rule's title for people, its id in the last column
    const row = rows.find((r) => r[7] === 'code-parent-mismatch')!;
    expect(row.slice(0, 5)).toEqual(['Errore', 'Codice sotto il padre sbagliato', f.message, f.file, f.sheet]);
    // Excel's own form: a relationship to the file, the cell in `location`
    const { xml, rels } = await sheetPart(bytes, LIST_SHEETS.findings.name);
    const link = new RegExp(`<hyperlink ref="F\\d+" r:id="(rId\\d+)" location="&apos;${f.sheet}&apos;!${f.cell}"`).exec(xml);
    expect(link).not.toBeNull();
    const formats = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    expect(formats[0].rules.map((r) => (r as ExcelJS.CellIsRuleType).formulae?.[0])).toEqual(['"Errore"', '"Avviso"', '"Nota"']);
    expect(rels).toContain(`Id="${link![1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="annotated/piao-2024-2026-performance.xlsx"`);
  });

  it('has frozen panes, an autofilter over the data, validation lists on every level and category cell, the template widths', () => {
    const ws = wb.getWorksheet(LIST_SHEETS.objectives.name)!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toBe(`A3:O${3 + dossier.objectives.length}`);
    expect(ws.columns.map((c) => c.width)).toEqual(LIST_SHEETS.objectives.columns.map((c) => c.width));
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    for (let r = 4; r < 4 + dossier.objectives.length; r++) {
      expect(dv[`A${r}`]?.type).toBe('list');
      expect(dv[`A${r}`]?.formulae?.[0]).toContain('Obiettivo operativo');
    }
    const hc = wb.getWorksheet(LIST_SHEETS.headcount.name)!;
    const hdv = (hc as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(hdv[`B${3 + dossier.headcount.length}`]?.formulae?.[0]).toContain(CATEGORY_IT.funzionario);
    expect(ws.getCell('I4').numFmt).toBe('0.##');
    expect(ws.getRow(3).getCell(1).font?.bold).toBe(true);
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const tricky = ['=HYPERLINK("http://example.invalid","x")', '+39 0574 1234', '-1+2', '@SUM(A1:A2)'];
    const d: Dossier = { ...dossier, objectives: dossier.objectives.slice(0, 4).map((o, i) => ({ ...o, title: tricky[i], structure: tricky[(i + 1) % 4] })) };
    const { wb: back, bytes: b } = await roundTrip(d);
    const ws = back.getWorksheet(LIST_SHEETS.objectives.name)!;
    for (let i = 0; i < 4; i++) {
      const cell = ws.getCell(4 + i, 4);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(tricky[i]);
    }
    const { xml } = await sheetPart(b, LIST_SHEETS.objectives.name);
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it("keeps an office's restyled template: fills, widths, labels and formats", async () => {
    const tpl = await loadXlsx(readFileSync(templatePath()));
    const ws = tpl.getWorksheet(LIST_SHEETS.objectives.name)!;
    ws.getColumn(4).width = 99;
    ws.getCell('D3').value = 'Descrizione obiettivo';
    ws.getCell('D3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00AA00' } };
    ws.getCell('D4').font = { italic: true, name: 'Arial', size: 9 };
    tpl.getWorksheet(PAP_SHEET)!.getCell('E13').numFmt = '0.00%';
    const path = join(tempDir(), 'modello-ufficio.xlsx');
    writeFileSync(path, await workbookBytes(tpl));
    const { wb: out } = await roundTrip(dossier, path);
    const o = out.getWorksheet(LIST_SHEETS.objectives.name)!;
    expect(o.getColumn(4).width).toBe(99);
    expect(o.getCell('D3').value).toBe('Descrizione obiettivo');
    expect((o.getCell('D3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF00AA00');
    for (let r = 4; r < 4 + dossier.objectives.length; r++) expect(o.getCell(r, 4).font).toMatchObject({ italic: true, name: 'Arial', size: 9 });
    expect(out.getWorksheet(PAP_SHEET)!.getCell('E13').numFmt).toBe('0.00%');
  });

  it('is written atomically and readable by exceljs from disk', async () => {
    const dir = tempDir();
    await writePiaoXlsx(join(dir, 'PIAO.xlsx'), dossier);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(join(dir, 'PIAO.xlsx'));
    expect(back.worksheets.map((w) => w.name)).toEqual(['Obiettivi', 'Personale', 'Part-time', 'Lavoro agile', 'Assunzioni e cessazioni', 'Statistiche PAP', 'Anomalie', 'Fonti']);
  });
});
