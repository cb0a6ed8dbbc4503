/**
 * «Ricontrollo automatico»: the pure parts (quiet-time scheduling with fake timers, edited range ->
 * tables to re-read) and the adapter on the strict in-memory Excel: handlers registered on the
 * checked sheets and removed when turned off, an edit that fixes a cell clears its flag, an edit
 * that breaks one flags it, and the findings after a live re-check are those a full check gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRange } from '../../importer/engine/grid/address';
import { Finding } from '../../importer/engine/schema/dossier';
import { CheckOutcome, checkWorkbook } from '../../addin/office/actions';
import { BETWEEN_TABLES, LIVE_MAX_CELLS, LiveRecheck } from '../../addin/office/live';
import { GROWTH_ROWS, recheckAreas } from '../../addin/live/areas';
import { Changes, LiveScheduler, Timers } from '../../addin/live/scheduler';
import { FLAG_FILL } from '../../addin/flags/look';
import { FakeExcel, PAYLOAD_LIMIT } from './fake-excel/excel';
import { FakeWorkbook } from './fake-excel/workbook';
import { fakeWorkbookFromXlsx } from './fake-excel/from-xlsx';

const SAMPLES = join(__dirname, '..', '..', 'templates', 'samples');

const jestTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

describe('LiveScheduler (quiet time after the last edit)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs once for a burst of edits, with every range, after the quiet time', async () => {
    const runs: Changes[] = [];
    const s = new LiveScheduler(async (c) => void runs.push(c), jestTimers, 800);
    s.notify('s1', parseRange('B3'));
    jest.advanceTimersByTime(500);
    s.notify('s1', parseRange('B4'));
    s.notify('s2', parseRange('C9'));
    jest.advanceTimersByTime(799);
    expect(runs).toHaveLength(0);
    jest.advanceTimersByTime(1);
    await Promise.resolve();
    expect(runs).toHaveLength(1);
    expect([...runs[0].keys()]).toEqual(['s1', 's2']);
    expect(runs[0].get('s1')).toEqual({ edits: [parseRange('B3'), parseRange('B4')], local: true });
  });

  it('keeps edits made during a re-check for the next one, never running two at once', async () => {
    let release!: () => void;
    let active = 0;
    let most = 0;
    const runs: Changes[] = [];
    const s = new LiveScheduler(
      (c) => {
        runs.push(c);
        active++;
        most = Math.max(most, active);
        return new Promise<void>((r) => (release = () => (active--, r())));
      },
      jestTimers,
      100,
    );
    s.notify('s1', parseRange('A1'));
    jest.advanceTimersByTime(100);
    s.notify('s1', parseRange('A2')); // while the first runs
    jest.advanceTimersByTime(100);
    await Promise.resolve();
    expect(runs).toHaveLength(1);
    release();
    await jest.runAllTimersAsync();
    expect(runs).toHaveLength(2);
    expect(runs[1].get('s1')).toEqual({ edits: [parseRange('A2')], local: true });
    release();
    await jest.runAllTimersAsync();
    expect(most).toBe(1);
    expect(s.busy).toBe(false);
  });

  it('tries the edits of a failed re-check again, before the newer ones, and marks co-author edits', async () => {
    const runs: Changes[] = [];
    let fail = true;
    const s = new LiveScheduler(
      async (c) => {
        runs.push(c);
        if (fail) {
          fail = false;
          return c; // handed back: a failed re-check
        }
      },
      jestTimers,
      100,
    );
    s.notify('s1', parseRange('A1'));
    s.notify('s2', parseRange('B1'), false);
    await s.flush();
    s.notify('s1', parseRange('A2'));
    await jest.runAllTimersAsync();
    expect(runs).toHaveLength(2);
    expect(runs[1].get('s1')).toEqual({ edits: [parseRange('A1'), parseRange('A2')], local: true });
    expect(runs[1].get('s2')).toEqual({ edits: [parseRange('B1')], local: false });
    expect(s.busy).toBe(false);
  });

  it('drops waiting edits when stopped', async () => {
    const run = jest.fn(async () => undefined);
    const s = new LiveScheduler(run, jestTimers, 100);
    s.notify('s1', parseRange('A1'));
    await s.stop();
    s.notify('s1', parseRange('A2'));
    await jest.runAllTimersAsync();
    expect(run).not.toHaveBeenCalled();
  });
});

describe('recheckAreas (edited range -> tables to read)', () => {
  const tables = ['A3:E11', 'A14:D18', 'A27:E30', 'A31:E33'];

  it('reads the edited table with its title rows, never into the tables around it', () => {
    const r = recheckAreas(tables, [parseRange('C6')]);
    expect(r).toEqual({ whole: false, areas: [{ read: parseRange('A1:F11'), owns: parseRange('A3:F11') }] });
    // a stacked table: its title rows would be the table above
    const stacked = recheckAreas(tables, [parseRange('B32')]);
    expect(stacked.whole).toBe(false);
    if (!stacked.whole) expect(stacked.areas[0].read.top).toBe(parseRange('A31').top);
  });

  it('counts a row added just below a table as that table', () => {
    const r = recheckAreas(['A3:E11'], [parseRange('B13')]);
    expect(r).toEqual({ whole: false, areas: [{ read: parseRange(`A1:F${11 + GROWTH_ROWS}`), owns: parseRange(`A3:F${11 + GROWTH_ROWS}`) }] });
  });

  it('reads the whole sheet for an edit outside every table, and each table once', () => {
    expect(recheckAreas(tables, [parseRange('K40')])).toEqual({ whole: true });
    expect(recheckAreas([], [parseRange('A1')])).toEqual({ whole: true });
    const twice = recheckAreas(tables, [parseRange('B5'), parseRange('C7')]);
    expect(!twice.whole && twice.areas).toHaveLength(1);
  });

  it('reads the whole sheet (its used range) when rows or columns moved, whatever else was edited', () => {
    expect(recheckAreas(tables, [parseRange('B5'), 'whole-sheet'])).toEqual({ whole: true });
  });
});

const key = (f: Finding) => `${f.rule}|${f.sheet}!${f.cell}|${f.message}`;
const sorted = (fs: readonly Finding[]) => fs.map(key).sort();

async function open(path: string, apiVersion = '1.18') {
  const excel = FakeExcel.fromData(await fakeWorkbookFromXlsx(readFileSync(path), 'https://ente.example/personale.xlsx'), { apiVersion });
  const check = await checkWorkbook(excel.host(), 'workbook');
  const updates: { check: CheckOutcome; sheets: string[] }[] = [];
  const errors: string[] = [];
  // a long quiet time: the tests run the re-check with flush()
  const live = new LiveRecheck(excel.host(), check, { update: (c, sheets) => updates.push({ check: c, sheets }), error: (m) => errors.push(m) }, undefined, 60_000);
  return { excel, check, live, updates, errors };
}

describe('LiveRecheck on the in-memory Excel', () => {
  const ROCCANERA = join(SAMPLES, 'comune-roccanera', 'personale-2024-da-verificare.xlsx');

  it('watches the checked sheets, re-checks an edited table, and flags as a full check would', async () => {
    const { excel, check, live, updates, errors } = await open(ROCCANERA);
    const start = await live.start();
    expect(start.watching).toEqual(check.checked.map((s) => s.name));
    expect(excel.events.count()).toBe(check.checked.length);
    const before = check.dossier.findings.find((f) => f.rule === 'sum-mismatch' && f.cell === 'D6')!;
    expect(before).toBeDefined();
    const sheet = excel.workbook.sheet('Personale 2024')!;
    const flagged = () => sheet.cell(5, 3)?.fill?.color;
    expect(flagged()).toBe(FLAG_FILL.error);

    // the user fixes the total of «Cat. C» (21 -> 20) and breaks «Cat. D»'s count
    await excel.userEdit('Personale 2024', 'D6', [[20]]);
    await excel.userEdit('Personale 2024', 'B5', [['tre']], 'String');
    expect(updates).toHaveLength(0); // the quiet time has not passed
    excel.resetStats();
    await live.flush();
    expect(errors).toEqual([]);
    expect(updates).toHaveLength(1);
    expect(updates[0].sheets).toEqual(['Personale 2024']);
    const after = updates[0].check.dossier.findings;
    expect(after.some((f) => f.rule === 'sum-mismatch' && f.cell === 'D6')).toBe(false);
    expect(after.some((f) => f.rule === 'value-unparseable' && f.cell === 'B5')).toBe(true);
    expect(flagged()).not.toBe(FLAG_FILL.error); // the fixed cell is as it was
    expect(sheet.cell(4, 1)?.fill?.color).toBe(FLAG_FILL.error); // the broken one is flagged
    expect(excel.stats.syncs).toBeLessThan(20);
    // the pane's count of flagged cells is the whole check's, with this sheet's cells replaced
    const cells = (fake: FakeExcel) => fake.workbook.sheets.flatMap((x) => [...x.cells.values()].filter((c) => c.fill && Object.values(FLAG_FILL).includes(c.fill.color))).length;
    expect(updates[0].check.marked.cells).toBe(cells(excel));

    // the same findings as a full check now, but for comparisons between tables (next «Controlla»)
    const full = await checkWorkbook(excel.host(), 'workbook');
    const same = (fs: readonly Finding[]) => sorted(fs.filter((f) => !BETWEEN_TABLES.has(f.rule)));
    expect(same(after)).toEqual(same(full.dossier.findings));
    // untouched tables keep their findings as they were
    for (const f of check.dossier.findings.filter((x) => x.sheet === 'Part-time 2024')) expect(after.map(key)).toContain(key(f));

    await live.stop();
    expect(excel.events.count()).toBe(0);
    await excel.userEdit('Personale 2024', 'D6', [[21]]);
    await live.flush();
    expect(updates).toHaveLength(1); // nothing runs once turned off
  });

  it('re-reads the used range, in a few syncs, after rows are inserted or for an address that names no cells', async () => {
    const { excel, check, live, updates, errors } = await open(ROCCANERA);
    await live.start();
    const sheet = excel.workbook.sheet('Personale 2024')!;
    excel.resetStats();
    await excel.events.fire(sheet.id, "'Personale 2024'!5:5", 'RowInserted');
    await excel.events.fire(sheet.id, "'Personale 2024'!C:C", 'RangeEdited');
    await live.flush();
    expect(errors).toEqual([]);
    expect(updates).toHaveLength(1);
    expect(excel.stats.syncs).toBeLessThan(20);
    const same = (fs: readonly Finding[]) => sorted(fs.filter((f) => !BETWEEN_TABLES.has(f.rule)));
    expect(same(updates[0].check.dossier.findings)).toEqual(same(check.dossier.findings));
    await live.stop();
  });

  it('re-reads a sheet too large for one response as «Controlla» does: smaller blocks, nothing lost', async () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet('Note');
    for (let r = 0; r < 400; r++) for (let c = 0; c < 50; c++) s.setValue(r, c, `${r}:${c}:${'lungo '.repeat(60)}`); // ~7 MB in all
    const excel = new FakeExcel(wb);
    const check = await checkWorkbook(excel.host(), 'workbook');
    const updates: CheckOutcome[] = [];
    const errors: string[] = [];
    const live = new LiveRecheck(excel.host(), check, { update: (c) => updates.push(c), error: (m) => errors.push(m) }, undefined, 60_000);
    await live.start();
    excel.resetStats();
    await excel.userEdit('Note', 'A401:C403', [
      ['Categoria', 'Donne', 'Uomini'],
      ['Cat. C', 4, 2],
      ['Totale', 4, 3],
    ]);
    await live.flush();
    expect(errors).toEqual([]);
    expect(excel.stats.log.some((l) => l.responseBytes > PAYLOAD_LIMIT)).toBe(true); // refused once, then read in halves
    expect(updates[0].dossier.findings.some((f) => f.rule === 'sum-mismatch' && f.sheet === 'Note')).toBe(true);
    await live.stop();
  });

  it('re-reads the whole sheet for an edit outside the known tables (a new table)', async () => {
    const { excel, live, updates } = await open(join(SAMPLES, 'comune-valle-serena', 'personale-2023-2024.xlsx'));
    await live.start();
    await excel.userEdit('2024', 'A40:C42', [
      ['Categoria', 'Donne', 'Uomini'],
      ['Cat. C', 4, 2],
      ['Totale', 4, 3],
    ]);
    await live.flush();
    const after = updates[0].check.dossier.findings;
    expect(after.some((f) => f.rule === 'sum-mismatch' && f.sheet === '2024' && /^C4\d$/.test(f.cell))).toBe(true);
    const full = await checkWorkbook(excel.host(), 'workbook');
    const same = (fs: readonly Finding[]) => sorted(fs.filter((f) => !BETWEEN_TABLES.has(f.rule)));
    expect(same(after)).toEqual(same(full.dossier.findings));
    await live.stop();
  });

  it('leaves out sheets over the size limit unless asked, and needs ExcelApi 1.7', async () => {
    const { check } = await open(ROCCANERA);
    const big: CheckOutcome = { ...check, checked: [...check.checked, { name: 'Anagrafica', id: '{x}', cells: LIVE_MAX_CELLS + 1 }] };
    expect(LiveRecheck.eligible(big)).toEqual({ watching: check.checked.map((s) => s.name), tooLarge: [{ name: 'Anagrafica', cells: LIVE_MAX_CELLS + 1 }] });
    expect(LiveRecheck.eligible(big, true).watching).toContain('Anagrafica');
    const old = await open(ROCCANERA, '1.6');
    await expect(old.live.start()).rejects.toThrow(/ExcelApi 1\.7/);
    expect(old.excel.events.count()).toBe(0);
  });
});
