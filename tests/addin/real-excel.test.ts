/**
 * The add-in against what real Excel does (modelled by the in-memory Excel, see
 * fake-excel-real.test.ts): the user typing while the add-in works, thousands of merged cells, a
 * record of 100,000 flagged cells, an older Excel clearing flags made on a newer one, no fill
 * against a white fill, its own writes and a co-author's firing onChanged, protection that allows
 * formatting, a workbook whose structure is protected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { a1 } from '../../importer/engine/grid/address';
import { main } from '../../importer/cli/main';
import { Dossier, Finding } from '../../importer/engine/schema/dossier';
import { CheckOutcome, checkWorkbook, clearFlags, markFindings } from '../../addin/office/actions';
import { detectCapabilities } from '../../addin/office/capabilities';
import { LIVE_RETRIES, LiveRecheck } from '../../addin/office/live';
import { applyNormalise, prepareNormalise } from '../../addin/office/normalise';
import { insertTemplates } from '../../addin/office/insert-templates';
import { readWorkbook } from '../../addin/office/read-workbook';
import { FLAG_FILL, NOTE_TITLE } from '../../addin/flags/look';
import { FLAG_NAMESPACE, storeParts } from '../../addin/flags/store-xml';
import { FlagRecord } from '../../addin/flags/records';
import { valueFingerprint } from '../../addin/flags/hash';
import { clearSentence } from '../../addin/taskpane/view';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { FakeExcel, PAYLOAD_LIMIT } from './fake-excel/excel';
import { fakeWorkbookFromXlsx } from './fake-excel/from-xlsx';
import { FakeWorkbook, FakeWorkbookData } from './fake-excel/workbook';

const SAMPLES = join(__dirname, '..', '..', 'templates', 'samples');
const ROCCANERA = join(SAMPLES, 'comune-roccanera', 'personale-2024-da-verificare.xlsx');
const BORGO = join(SAMPLES, 'comune-borgo-esempio', 'peg-2024.xlsx');

jest.setTimeout(180_000);

const silent = { out: () => undefined, err: () => undefined };
const tick = () => new Promise((r) => setTimeout(r, 5));

async function open(path: string, apiVersion = '1.18', mergedAreas: 'overlapping' | 'top-left' = 'overlapping'): Promise<FakeExcel> {
  return FakeExcel.fromData(await fakeWorkbookFromXlsx(readFileSync(path), 'https://ente.example/cartella.xlsx'), { apiVersion, mergedAreas });
}

function liveOn(excel: FakeExcel, check: CheckOutcome) {
  const updates: CheckOutcome[] = [];
  const errors: string[] = [];
  const live = new LiveRecheck(excel.host(), check, { update: (c) => updates.push(c), error: (m) => errors.push(m) }, undefined, 60_000);
  return { live, updates, errors };
}

const flagColour = (excel: FakeExcel, sheet: string, cell: string) => {
  const s = excel.workbook.sheet(sheet)!;
  const at = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const col = at[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return s.cell(Number(at[2]) - 1, col)?.fill?.color;
};

describe('1. typing while the add-in works', () => {
  it('«Controlla» pressed while a cell is being typed waits for Enter instead of failing', async () => {
    const excel = await open(ROCCANERA);
    excel.startCellEdit('Personale 2024', 'H2');
    let result: CheckOutcome | undefined;
    let error: unknown;
    const running = checkWorkbook(excel.host(), 'workbook').then(
      (r) => (result = r),
      (e) => (error = e),
    );
    await tick();
    expect(error).toBeUndefined();
    expect(result).toBeUndefined();
    await excel.finishCellEdit('nota a margine', 'String');
    await running;
    expect(error).toBeUndefined();
    expect(result!.dossier.findings.length).toBeGreaterThan(0);
  });

  it('the live re-check started during the next cell edit waits for it, and no edit is lost', async () => {
    const excel = await open(ROCCANERA);
    const check = await checkWorkbook(excel.host(), 'workbook');
    const { live, updates, errors } = liveOn(excel, check);
    await live.start();
    expect(flagColour(excel, 'Personale 2024', 'D6')).toBe(FLAG_FILL.error);
    await excel.userEdit('Personale 2024', 'D6', [[20]]); // fixes the total of «Cat. C»
    excel.startCellEdit('Personale 2024', 'B5'); // ...and types the next cell while the re-check starts
    const flushing = live.flush();
    await tick();
    await excel.finishCellEdit('tre', 'String'); // breaks «Cat. D»'s count
    await flushing;
    await live.flush();
    expect(errors).toEqual([]);
    expect(flagColour(excel, 'Personale 2024', 'D6')).not.toBe(FLAG_FILL.error);
    expect(flagColour(excel, 'Personale 2024', 'B5')).toBe(FLAG_FILL.error);
    const last = updates[updates.length - 1].dossier.findings;
    expect(last.some((f) => f.rule === 'sum-mismatch' && f.cell === 'D6')).toBe(false);
    expect(last.some((f) => f.rule === 'value-unparseable' && f.cell === 'B5')).toBe(true);
    await live.stop();
  });

  it('a re-check Excel refuses is tried again with its edits; the pane is told only when it keeps failing', async () => {
    const excel = await open(ROCCANERA);
    const check = await checkWorkbook(excel.host(), 'workbook');
    const { live, updates, errors } = liveOn(excel, check);
    await live.start();
    await excel.userEdit('Personale 2024', 'D6', [[20]]);
    excel.failNextSyncs.push('GeneralException');
    await live.flush();
    expect(updates).toHaveLength(0);
    expect(errors).toEqual([]);
    await live.flush(); // the quiet time passed again: the edit was kept
    expect(errors).toEqual([]);
    expect(updates).toHaveLength(1);
    expect(flagColour(excel, 'Personale 2024', 'D6')).not.toBe(FLAG_FILL.error);

    await excel.userEdit('Personale 2024', 'D6', [[21]]);
    for (let i = 0; i < LIVE_RETRIES; i++) {
      excel.failNextSyncs.push('GeneralException');
      await live.flush();
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Ricontrollo automatico non riuscito.*«Controlla»/);
    await live.stop();
  });
});

/** A PEG table whose missione, programma and struttura cells are merged over each pair of rows. */
function mergedPeg(pairs: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('PEG 2024');
  ws.getCell('A1').value = 'PEG 2024 - Obiettivi esecutivi';
  ['Missione', 'Programma', 'Codice', 'Obiettivo', 'Struttura', 'Peso'].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  for (let p = 0; p < pairs; p++) {
    const top = 4 + 2 * p;
    const m = String((p % 9) + 1).padStart(2, '0');
    ws.getCell(top, 1).value = m;
    ws.getCell(top, 2).value = `${m}.01`;
    ws.getCell(top, 5).value = `Settore ${p + 1}`;
    for (const c of [1, 2, 5]) ws.mergeCells(top, c, top + 1, c);
    for (let k = 0; k < 2; k++) {
      const r = top + k;
      ws.getCell(r, 3).value = p === 7 && k === 1 ? `${String(p + 1).padStart(2, '0')}.1.0${k + 1}` : `${String(p + 1).padStart(2, '0')}.01.0${k + 1}`;
      ws.getCell(r, 4).value = p === 11 && k === 0 ? '' : `Obiettivo ${p + 1}.${k + 1}`;
      ws.getCell(r, 6).value = p === 5 ? 40 : 50;
    }
  }
  return wb;
}

const withoutFile = (f: Finding) => {
  const { file: _file, related, ...rest } = f;
  return { ...rest, related: related?.map(({ file: _f, ...p }) => p) };
};

describe('2. many merged areas', () => {
  let path: string;
  let cli: Dossier;
  beforeAll(async () => {
    ({ path } = await writeXlsx(mergedPeg(850), 'peg-unito.xlsx')); // 2,550 merged areas, 5,100 merged cells
    const out = tempDir('piao-cli-');
    expect(await main(['import', path, '--out', out, '-q'], silent)).toBe(0);
    cli = JSON.parse(readFileSync(join(out, 'piao.json'), 'utf8')) as Dossier;
    expect(cli.findings.length).toBeGreaterThan(0);
  });

  it.each(['overlapping', 'top-left'] as const)('a sheet with 5,000 merged cells checks like the command line (Excel returning %s areas)', async (mode) => {
    const excel = await open(path, '1.18', mode);
    excel.resetStats();
    const out = await checkWorkbook(excel.host(), 'workbook');
    expect(out.dossier.findings.map(withoutFile)).toEqual(cli.findings.map(withoutFile));
    expect(out.dossier.sources[0].sheets).toEqual(cli.sources[0].sheets);
    expect(excel.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    // merged areas are not read per cell: a handful of rounds
    const merges = await excel.run(async (ctx) => {
      const caps = detectCapabilities((n, v) => excel.isSetSupported(n, v));
      excel.resetStats();
      const read = await readWorkbook(ctx, { file: 'x', scope: 'workbook', caps });
      return { count: read.sheets[0].grid.merges.length, syncs: excel.stats.syncs };
    });
    expect(merges.count).toBe(850 * 3);
    expect(merges.syncs).toBeLessThan(12);
  });

  it('the live re-check of a table with hundreds of merged areas reads them in pieces too', async () => {
    const excel = await open(path);
    const check = await checkWorkbook(excel.host(), 'workbook');
    const { live, updates, errors } = liveOn(excel, check);
    await live.start(true);
    await excel.userEdit('PEG 2024', 'D5', [['Obiettivo riscritto']]);
    await live.flush();
    expect(errors).toEqual([]);
    expect(updates).toHaveLength(1);
    expect(updates[0].dossier.findings.map(withoutFile)).toEqual(cli.findings.map(withoutFile));
    await live.stop();
  });
});

/** A sheet of `rows` x 10 numbers, each cell a finding (value-unparseable, say). */
function flaggedBook(rows: number): { excel: FakeExcel; findings: Finding[] } {
  const wb = new FakeWorkbook();
  const s = wb.addSheet('Registro');
  wb.addSheet('Altro').setValue(0, 0, 'x');
  const findings: Finding[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < 10; c++) {
      s.setValue(r, c, `v${r}-${c}`);
      findings.push({ rule: 'value-unparseable', severity: c % 2 ? 'warning' : 'error', file: 'x.xlsx', sheet: 'Registro', cell: a1(r, c), message: 'Non è un numero.' });
    }
  }
  s.setFill(0, 0, { color: '#D9E1F2', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 });
  return { excel: new FakeExcel(wb, { apiVersion: '1.9' }), findings };
}

describe('3. the flag store always loads', () => {
  it('records 100,000 flagged cells in syncs under 5 MB, and «Pulisci segnalazioni» removes them all after reopening', async () => {
    const { excel, findings } = flaggedBook(10_000);
    const caps = detectCapabilities((n, v) => excel.isSetSupported(n, v));
    await excel.run(async (ctx) => {
      const read = await readWorkbook(ctx, { file: 'x.xlsx', scope: 'workbook', caps });
      const out = await markFindings(ctx, read, findings, caps);
      expect(out.marked.cells).toBe(100_000);
      expect(out.notices).toEqual([]);
    });
    expect(excel.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(excel.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
    const again = excel.reopen();
    const cleared = await clearFlags(again.host());
    expect(cleared.report.restored).toBe(100_000);
    expect(cleared.report.failed).toBe(0);
    expect(again.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(again.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    const s = again.workbook.sheet('Registro')!;
    expect(s.cell(0, 0)?.fill?.color).toBe('#D9E1F2');
    expect([...s.cells.values()].filter((c) => c.fill).length).toBe(1);
    expect(again.workbook.customXmlParts).toEqual([]);
  });

  it('clears a record of 100,000 cells written by the first version (one store for the whole workbook)', async () => {
    const { excel } = flaggedBook(10_000);
    const s = excel.workbook.sheet('Registro')!;
    const records: FlagRecord[] = [];
    for (let r = 0; r < 10_000; r++) {
      for (let c = 0; c < 10; c++) {
        const cell = s.edit(r, c);
        const prior = cell.fill ? { ...cell.fill } : { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
        s.setFill(r, c, { color: FLAG_FILL.error, pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 });
        records.push({ sheet: 'Registro', sheetId: s.id, cell: a1(r, c), value: valueFingerprint(cell.value, cell.type!), severity: 'error', fill: { prior, ours: FLAG_FILL.error } });
      }
    }
    storeParts(records, '0000000001-0001').forEach((xml, i) => excel.workbook.customXmlParts.push({ id: `{old-${i}}`, xml }));
    expect(excel.workbook.customXmlParts.reduce((n, p) => n + p.xml.length, 0)).toBeGreaterThan(2 * PAYLOAD_LIMIT);
    const cleared = await clearFlags(excel.host());
    expect(cleared.report.restored).toBe(100_000);
    expect(excel.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect([...s.cells.values()].filter((c) => c.fill).length).toBe(1);
    expect(excel.workbook.customXmlParts.filter((p) => p.xml.includes(FLAG_NAMESPACE))).toEqual([]);
  });

  it('a check of one sheet reads and rewrites that sheet\'s records only', async () => {
    const { excel, findings } = flaggedBook(3_000);
    const caps = detectCapabilities((n, v) => excel.isSetSupported(n, v));
    await excel.run(async (ctx) => markFindings(ctx, await readWorkbook(ctx, { file: 'x.xlsx', scope: 'workbook', caps }), findings, caps));
    const before = excel.workbook.customXmlParts.map((p) => p.id);
    excel.workbook.activeSheetId = excel.workbook.sheet('Altro')!.id;
    excel.resetStats();
    await excel.run(async (ctx) => {
      const read = await readWorkbook(ctx, { file: 'x.xlsx', scope: 'active', caps });
      await markFindings(ctx, read, [{ rule: 'missing-value', severity: 'warning', file: 'x.xlsx', sheet: 'Altro', cell: 'A1', message: 'Manca.' }], caps);
    });
    expect(excel.stats.log.reduce((n, l) => n + l.responseBytes, 0)).toBeLessThan(100_000); // the other sheet's 30,000 records were not read
    expect(excel.workbook.customXmlParts.map((p) => p.id).filter((id) => before.includes(id))).toEqual(before);
  });
});

describe('4 and 5. older Excel, no fill against a white fill', () => {
  let data: FakeWorkbookData;
  beforeAll(async () => {
    data = await fakeWorkbookFromXlsx(readFileSync(BORGO), 'https://ente.example/peg-2024.xlsx');
  });

  /** Flags on ExcelApi 1.18 over a patterned fill, a tinted fill, a white fill and no fill. */
  async function flaggedOnNewExcel() {
    const excel = FakeExcel.fromData(structuredClone(data), { apiVersion: '1.18' });
    const check = await checkWorkbook(excel.host(), 'workbook');
    const cells = check.dossier.findings.filter((f) => !f.cell.includes(':')).map((f) => ({ sheet: f.sheet, cell: f.cell }));
    const unique = [...new Map(cells.map((c) => [`${c.sheet}!${c.cell}`, c])).values()].slice(0, 4);
    expect(unique).toHaveLength(4);
    const before = FakeExcel.fromData(structuredClone(data), { apiVersion: '1.18' });
    const prior = [
      { color: '#C6EFCE', pattern: 'Gray50', patternColor: '#FF0000', tintAndShade: 0, patternTintAndShade: 0 },
      { color: '#4472C4', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0.4, patternTintAndShade: 0 },
      { color: '#FFFFFF', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 },
    ];
    unique.slice(0, 3).forEach((c, i) => {
      const s = before.workbook.sheet(c.sheet)!;
      const at = /^([A-Z]+)(\d+)$/.exec(c.cell)!;
      s.setFill(Number(at[2]) - 1, at[1].charCodeAt(0) - 65, prior[i]);
    });
    const original = structuredClone(before.workbook.toData());
    await checkWorkbook(before.host(), 'workbook');
    return { flagged: before, original, cells: unique };
  }

  it('a white fill the user set stays white and a cell without fill gets no fill back, whatever Excel reads for them', async () => {
    const { flagged, original } = await flaggedOnNewExcel();
    const out = await clearFlags(flagged.host());
    expect(out.report.failed).toBe(0);
    expect(flagged.workbook.toData().sheets.map((s) => s.cells)).toEqual(original.sheets.map((s) => s.cells));
  });

  it('flags made on ExcelApi 1.18 are cleared on ExcelApi 1.8 as far as it can, and the pane says what was done, not what was planned', async () => {
    const { flagged, cells } = await flaggedOnNewExcel();
    const older = new FakeExcel(flagged.workbook.reopened(), { apiVersion: '1.8' });
    const out = await clearFlags(older.host());
    expect(out.notices.join(' ')).not.toMatch(/Alcune modifiche non sono riuscite/);
    expect(out.report.failed).toBe(0);
    expect(out.report.approximate).toBe(2); // the patterned and the tinted fill: colour back, pattern and tint need 1.9
    expect(out.report.pending).toBeGreaterThan(0); // our notes wait for an Excel that can read them
    const colourOf = (c: { sheet: string; cell: string }) => {
      const at = /^([A-Z]+)(\d+)$/.exec(c.cell)!;
      return older.workbook.sheet(c.sheet)!.cell(Number(at[2]) - 1, at[1].charCodeAt(0) - 65)?.fill?.color;
    };
    expect(cells.map(colourOf)).toEqual(['#C6EFCE', '#4472C4', '#FFFFFF', undefined]);
    const flaggedCells = older.workbook.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => c.fill && Object.values(FLAG_FILL).includes(c.fill.color));
    expect(flaggedCells).toEqual([]);
    expect(clearSentence(out.report)).toMatch(/colore di sfondo ma non il motivo o la tinta/);
    // on an up-to-date Excel the notes go too
    const newer = new FakeExcel(older.workbook.reopened(), { apiVersion: '1.18' });
    const rest = await clearFlags(newer.host());
    expect(rest.report.pending).toBe(0);
    expect(newer.workbook.sheets.flatMap((s) => [...s.notes.values()]).filter((n) => n.content.startsWith(NOTE_TITLE))).toEqual([]);
  });

  it('counts what Excel applied when it refuses some writes: notes refused leave coloured cells, fills refused stay recorded', async () => {
    const excel = FakeExcel.fromData(structuredClone(data), { apiVersion: '1.18', refuse: (api) => (api === 'NoteCollection.add' ? 'GeneralException' : undefined) });
    const check = await checkWorkbook(excel.host(), 'workbook');
    const coloured = excel.workbook.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => c.fill && Object.values(FLAG_FILL).includes(c.fill.color)).length;
    expect(coloured).toBeGreaterThan(0);
    expect(check.marked.cells).toBe(coloured);
    expect(check.marked.texts).toBe(0);
    expect(check.notices.join(' ')).toMatch(/Excel ha rifiutato \d+ note o commenti/);

    let refused = 0;
    excel.refuse = (api) => (api === 'RangeFill.clear' && refused++ < 1 ? 'GeneralException' : undefined);
    const first = await clearFlags(excel.host());
    expect(first.report.failed).toBeGreaterThan(0);
    const left = excel.workbook.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => c.fill && Object.values(FLAG_FILL).includes(c.fill.color)).length;
    expect(first.report.restored).toBe(coloured - left);
    expect(clearSentence(first.report)).toMatch(/non (è stata ripristinata|sono state ripristinate)/);
    const second = await clearFlags(excel.host());
    expect(second.report.restored).toBe(left);
    expect(excel.workbook.toData().sheets.map((s) => s.cells)).toEqual(data.sheets.map((s) => s.cells));
  });

  it.each(['1.5', '1.7', '1.9', '1.10', '1.13', '1.14', '1.18'])('on ExcelApi %s every command runs without calling an API it lacks', async (version) => {
    const excel = FakeExcel.fromData(structuredClone(data), { apiVersion: version });
    const check = await checkWorkbook(excel.host(), 'workbook');
    const clear = await clearFlags(excel.host());
    for (const n of [...check.notices, ...clear.notices]) expect(n).not.toMatch(/non sono riuscite|ApiNotFound/);
    const prepared = await prepareNormalise(excel.host());
    const written = await applyNormalise(excel.host(), prepared);
    expect(written.written.length).toBeGreaterThan(0);
  });
});

describe('7. events, co-authors, protection', () => {
  it.each(['1.18', '1.9'])('on ExcelApi %s the add-in\'s own flags do not start another re-check', async (version) => {
    const excel = await open(ROCCANERA, version);
    const check = await checkWorkbook(excel.host(), 'workbook');
    const { live, updates } = liveOn(excel, check);
    await live.start();
    await excel.userEdit('Personale 2024', 'D6', [[20]]);
    await live.flush();
    expect(updates).toHaveLength(1);
    await excel.events.settled(); // the fills the re-check wrote fired onChanged
    expect(excel.events.fired.some((e) => e.address !== 'D6')).toBe(true);
    await live.flush();
    expect(updates).toHaveLength(1);
    await live.stop();
  });

  it('a co-author\'s edit updates the pane but leaves the shared grid and the record alone', async () => {
    const excel = await open(ROCCANERA);
    const check = await checkWorkbook(excel.host(), 'workbook');
    const { live, updates } = liveOn(excel, check);
    await live.start();
    const parts = structuredClone(excel.workbook.customXmlParts);
    await excel.coauthorEdit('Personale 2024', 'D6', [[20]]);
    await live.flush();
    expect(updates).toHaveLength(1);
    expect(updates[0].dossier.findings.some((f) => f.rule === 'sum-mismatch' && f.cell === 'D6')).toBe(false);
    expect(updates[0].notices.join(' ')).toMatch(/Un altro autore ha modificato il foglio «Personale 2024»/);
    expect(flagColour(excel, 'Personale 2024', 'D6')).toBe(FLAG_FILL.error);
    expect(excel.workbook.customXmlParts).toEqual(parts);
    await live.stop();
  });

  it('colours a protected sheet whose protection allows formatting, writes no note there, and clears the colours', async () => {
    const excel = await open(ROCCANERA);
    const s = excel.workbook.sheet('Personale 2024')!;
    s.protected_ = true;
    s.protectionOptions = { allowFormatCells: true };
    const original = structuredClone(s.toData());
    const check = await checkWorkbook(excel.host(), 'workbook');
    expect(flagColour(excel, 'Personale 2024', 'D6')).toBe(FLAG_FILL.error);
    expect(s.notes.size).toBe(0);
    expect(check.notices.join(' ')).toMatch(/«?"Personale 2024"»? è protetto ma consente di formattare le celle/);
    expect(check.notices.join(' ')).not.toMatch(/non sono riuscite/);
    await clearFlags(excel.host());
    expect(s.toData()).toEqual(original);
  });

  it('«Normalizza» and «Inserisci modello» say why they cannot add sheets to a workbook whose structure is protected', async () => {
    const excel = await open(join(SAMPLES, 'provincia-prato', 'piao-2024-2026-pap.xlsx'));
    excel.workbook.structureProtected = true;
    const names = excel.workbook.sheets.map((s) => s.name);
    const prepared = await prepareNormalise(excel.host());
    await expect(applyNormalise(excel.host(), prepared)).rejects.toThrow(/struttura della cartella di lavoro è protetta.*Revisione/);
    await expect(insertTemplates(excel.host(), [{ label: 'Personale', base64: 'UEsDBA==' }])).rejects.toThrow(/struttura della cartella di lavoro è protetta/);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(names);
  });
});
