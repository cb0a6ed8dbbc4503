import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../importer/engine/analyse';
import { Finding } from '../../importer/engine/schema/dossier';
import { readSource } from '../../importer/read/read-source';
import { RELATED_FILL, SEVERITY_FILL, writeAnnotatedCopy } from '../../importer/write/annotate';
import { borgoPegWorkbook } from '../../templates/scripts/samples/borgo-objectives';
import { sheetPart } from '../helpers/dossiers';
import { CORPUS } from '../robustness/make-corpus';
import { tempDir, writeXlsx } from '../helpers/xlsx';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const fillOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
const noteOf = (c: ExcelJS.Cell) => (typeof c.note === 'string' ? c.note : (c.note?.texts ?? []).map((t) => t.text).join(''));

/** Imports one workbook as the CLI does and writes its annotated copy. */
async function annotate(wb: ExcelJS.Workbook, file: string) {
  const { path } = await writeXlsx(wb, file);
  const before = sha(path);
  const { dossier } = analyse([{ file, grids: await readSource(path, file) }]);
  const out = join(tempDir(), 'annotated', file);
  await writeAnnotatedCopy({ bytes: readFileSync(path), file: file, grids: await readSource(path, file) }, dossier.findings, out);
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(out);
  return { path, before, dossier, out, copy };
}

describe('annotated copy of a source workbook', () => {
  let r: Awaited<ReturnType<typeof annotate>>;
  let source: ExcelJS.Workbook;
  beforeAll(async () => {
    const wb = borgoPegWorkbook();
    // a note the office wrote, and a sheet the importer does not read: both must survive
    wb.worksheets[0].getCell('E5').note = 'Verificare con il dirigente';
    const other = wb.addWorksheet('Appunti');
    other.getCell('B2').value = 'da rivedere a giugno';
    other.getCell('B2').font = { bold: true, color: { argb: 'FF7030A0' } };
    r = await annotate(wb, 'peg-2024.xlsx');
    source = new ExcelJS.Workbook();
    await source.xlsx.readFile(r.path);
  });

  it('never modifies the source file (byte for byte)', () => {
    expect(sha(r.path)).toBe(r.before);
  });

  it('fills each finding cell by severity and adds a note with the Italian message', () => {
    expect(r.dossier.findings.length).toBeGreaterThan(1);
    for (const f of r.dossier.findings) {
      const cell = r.copy.getWorksheet(f.sheet)!.getCell(f.cell.split(':')[0]);
      const target = cell.isMerged ? cell.master : cell;
      expect(noteOf(target)).toContain(f.message);
      const worst = r.dossier.findings.filter((g) => g.sheet === f.sheet && g.cell === f.cell).some((g) => g.severity === 'error') ? 'error' : f.severity;
      expect(fillOf(target)).toBe(SEVERITY_FILL[worst]);
    }
  });

  it('marks related cells lighter', () => {
    const f = r.dossier.findings.find((x) => x.rule === 'weight-sum')!;
    expect(f.related?.length).toBeGreaterThan(0);
    for (const p of f.related!) expect(fillOf(r.copy.getWorksheet(p.sheet)!.getCell(p.cell))).toBe(RELATED_FILL.warning);
  });

  it('changes only the flagged cells: a cell sharing their style keeps it (styles are cloned)', () => {
    const f = r.dossier.findings.find((x) => x.rule === 'weight-sum')!;
    const ws = r.copy.getWorksheet(f.sheet)!;
    const src = source.getWorksheet(f.sheet)!;
    const flagged = new Set(r.dossier.findings.flatMap((x) => [x, ...(x.related ?? [])]).filter((p) => p.sheet === f.sheet).map((p) => p.cell));
    let compared = 0;
    src.eachRow((row) =>
      row.eachCell((c) => {
        if (flagged.has(c.address) || c.isMerged) return;
        const copy = ws.getCell(c.address);
        expect(copy.value).toEqual(c.value);
        expect(copy.fill).toEqual(c.fill);
        expect(copy.font).toEqual(c.font);
        expect(copy.numFmt).toEqual(c.numFmt);
        compared++;
      }),
    );
    expect(compared).toBeGreaterThan(30);
  });

  it('keeps merges, widths, other sheets and the notes already there', () => {
    for (const ws of source.worksheets) {
      const copy = r.copy.getWorksheet(ws.name)!;
      expect(copy).toBeDefined();
      expect((copy.model as { merges?: string[] }).merges?.sort()).toEqual((ws.model as { merges?: string[] }).merges?.sort());
      expect(copy.columns?.map((c) => c.width)).toEqual(ws.columns?.map((c) => c.width));
    }
    expect(r.copy.getWorksheet('Appunti')!.getCell('B2').font?.color?.argb).toBe('FF7030A0');
    expect(noteOf(r.copy.worksheets[0].getCell('E5'))).toContain('Verificare con il dirigente');
  });

  it('adds an "Anomalie" sheet listing every finding with an in-workbook link to its cell', async () => {
    const ws = r.copy.getWorksheet('Anomalie')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Gravità', 'Controllo', 'Foglio', 'Cella', 'Messaggio', 'Celle collegate', 'Id del controllo']);
    expect(ws.rowCount).toBe(r.dossier.findings.length + 1);
    // the rule's title for people, its id for machines
    const weights = r.dossier.findings.findIndex((x) => x.rule === 'weight-sum') + 2;
    expect([ws.getCell(weights, 2).value, ws.getCell(weights, 7).value]).toEqual(['Pesi che non sommano a 100', 'weight-sum']);
    const { xml, rels } = await sheetPart(readFileSync(r.out), 'Anomalie');
    const f = r.dossier.findings[0];
    expect(xml).toContain(`<hyperlink ref="D2" location="&apos;${f.sheet}&apos;!${f.cell}"/>`);
    expect(rels).not.toContain('hyperlink');
  });
});

describe('annotated copy: edge cases', () => {
  it('flags the top-left cell of a merged range', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Obiettivi');
    ws.addRow(['Codice', 'Obiettivo', 'Responsabile', 'Peso %']);
    ws.addRow(['01.01.01.01', 'Primo', 'Settore A', 50]);
    ws.addRow(['01.01.01.02', 'Secondo', 'Settore A', 30]);
    const { path } = await writeXlsx(wb, 'pesi.xlsx');
    const merged = new ExcelJS.Workbook();
    await merged.xlsx.readFile(path);
    merged.worksheets[0].mergeCells('C2:C3');
    const { path: p2 } = await writeXlsx(merged, 'pesi.xlsx');
    const finding: Finding = { rule: 'missing-value', severity: 'warning', file: 'pesi.xlsx', sheet: 'Obiettivi', cell: 'C3', message: 'Manca la struttura.' };
    const out = join(tempDir(), 'pesi.xlsx');
    await writeAnnotatedCopy({ bytes: readFileSync(p2), file: 'pesi.xlsx', grids: await readSource(p2, 'pesi.xlsx') }, [finding], out);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(fillOf(back.worksheets[0].getCell('C2'))).toBe(SEVERITY_FILL.warning);
    expect(noteOf(back.worksheets[0].getCell('C2'))).toContain('Manca la struttura.');
  });

  it("keeps a source's own «Anomalie» sheet and lists findings of unknown places without marking anything", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Anomalie').getCell('A1').value = 'registro interno';
    wb.addWorksheet('Dati').getCell('A1').value = 'x';
    const { path } = await writeXlsx(wb, 'registro.xlsx');
    const findings: Finding[] = [
      { rule: 'missing-value', severity: 'warning', file: 'registro.xlsx', sheet: 'Dati', cell: 'A1', message: 'Valore mancante.' },
      { rule: 'header-unrecognised', severity: 'info', file: 'registro.xlsx', sheet: 'Foglio sparito', cell: 'B2', message: 'Foglio non trovato.' },
    ];
    const out = join(tempDir(), 'registro.xlsx');
    await writeAnnotatedCopy({ bytes: readFileSync(path), file: 'registro.xlsx', grids: await readSource(path, 'registro.xlsx') }, findings, out);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.worksheets.map((w) => w.name)).toEqual(['Anomalie', 'Dati', 'Anomalie piao']);
    expect(back.getWorksheet('Anomalie')!.getCell('A1').value).toBe('registro interno');
    const list = back.getWorksheet('Anomalie piao')!;
    expect(list.getCell('E3').value).toBe('Foglio non trovato.');
    expect(list.getCell('D3').value).toBe('B2');
    expect(fillOf(back.getWorksheet('Dati')!.getCell('A1'))).toBe(SEVERITY_FILL.warning);
  });

  it('turns a CSV into an xlsx with record n on row n, sheet named after the file', async () => {
    const dir = tempDir();
    const csv = join(dir, 'obiettivi-2024.csv');
    writeFileSync(csv, 'Codice;Obiettivo;Struttura;Peso\n01;Comune aperto;;\n01.01;Servizi;;\n01.01.01;Sportello;;\n01.01.01.01;Prenotazioni;Demografici;=1+1\n', 'latin1');
    const file = 'obiettivi-2024.csv';
    const grids = await readSource(csv, file);
    const finding: Finding = { rule: 'value-unparseable', severity: 'error', file, sheet: 'obiettivi-2024', cell: 'D5', message: 'Il peso «=1+1» non è un numero.' };
    const out = join(dir, 'annotated', 'obiettivi-2024.xlsx');
    await writeAnnotatedCopy({ bytes: readFileSync(csv), file: file, grids: await readSource(csv, file) }, [finding], out);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.getWorksheet('obiettivi-2024')!;
    expect(ws.getCell('A1').value).toBe('Codice');
    expect(ws.getCell('A5').value).toBe(grids[0].text(4, 0));
    expect(ws.getCell('D5').value).toBe('=1+1');
    expect(ws.getCell('D5').type).toBe(ExcelJS.ValueType.String);
    expect(fillOf(ws.getCell('D5'))).toBe(SEVERITY_FILL.error);
  });

  it('names the sheet of a CSV with a long or odd file name so that Excel accepts it, and still marks the cell', async () => {
    const dir = tempDir();
    const file = 'personale [dati ufficio] al 31-12-2023 versione definitiva.csv';
    writeFileSync(join(dir, file), 'Categoria;Donne;Uomini\nCat. D;28;n.d.\n');
    const sheet = file.replace(/\.csv$/, '');
    const finding: Finding = { rule: 'missing-value', severity: 'warning', file, sheet, cell: 'C2', message: 'Valore non disponibile.' };
    const out = join(dir, 'annotated.xlsx');
    await writeAnnotatedCopy({ bytes: readFileSync(join(dir, file)), file: file, grids: await readSource(join(dir, file), file) }, [finding], out);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.worksheets[0];
    expect(ws.name).toBe('personale _dati ufficio_ al 31-'); // 31 characters, no brackets
    expect(fillOf(ws.getCell('C2'))).toBe(SEVERITY_FILL.warning);
    const { xml } = await sheetPart(readFileSync(out), 'Anomalie');
    expect(xml).toContain(`location="&apos;${ws.name}&apos;!C2"`);
  });
});

describe('annotated copy of a workbook with a damaged sheet', () => {
  it('is rebuilt from the values read, marks the findings and says the formatting was not kept', async () => {
    const dir = tempDir();
    const entry = CORPUS.find((c) => c.id === 'zero-byte-sheet')!;
    const path = join(dir, entry.file);
    writeFileSync(path, await entry.bytes());
    const grids = await readSource(path, entry.file);
    const sheet = grids.find((g) => g.rowCount > 0)!;
    const finding: Finding = { rule: 'missing-value', severity: 'warning', file: entry.file, sheet: sheet.sheet, cell: 'B2', message: 'Manca il titolo.' };
    const out = join(dir, 'copia.xlsx');
    const r = await writeAnnotatedCopy({ bytes: readFileSync(path), file: entry.file, grids }, [finding], out);
    expect(r.degraded).toMatch(/\S/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.getWorksheet(sheet.sheet)!;
    expect(ws.getCell('A1').value).toBe(sheet.text(0, 0));
    expect(fillOf(ws.getCell('B2'))).toBe(SEVERITY_FILL.warning);
    expect(noteOf(ws.getCell('B2'))).toContain('Manca il titolo.');
  });
});
