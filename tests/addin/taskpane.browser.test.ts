/**
 * The built task pane in headless Chromium, against the in-memory Excel through an office.js
 * stand-in: click "Controlla", see the findings, click one and its cell is selected; press the
 * ribbon's "Pulisci segnalazioni" and the grid is as before. Any request that is not for the
 * page's own files fails the test (office.js is answered by the stand-in).
 * `npm run screenshot` also writes docs/taskpane.png.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { Server } from 'node:http';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { checkWorkbook } from '../../addin/office/actions';
import { FLAG_FILL } from '../../addin/flags/look';
import { countBySeverity, countsSentence } from '../../addin/taskpane/view';
import { tempDir } from '../helpers/xlsx';
import { FakeExcel } from './fake-excel/excel';
import { fakeWorkbookFromXlsx } from './fake-excel/from-xlsx';
import { FakeWorkbookData } from './fake-excel/workbook';
import { buildAddin } from './helpers/build';
import { serveFolder } from './helpers/static-server';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHROMIUM = process.env.PIAO_CHROMIUM ?? '/usr/bin/chromium';
const SAMPLE = join(__dirname, '..', '..', 'templates', 'samples', 'comune-borgo-esempio', 'peg-2024.xlsx');
const ROOT = join(__dirname, '..', '..');

jest.setTimeout(240_000);

describe('task pane in headless Chromium', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let standin: string;
  let data: FakeWorkbookData;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium non trovato in ${CHROMIUM}: installalo con "apt-get install -y chromium" (o indica PIAO_CHROMIUM).`);
    const dist = tempDir('piao-dist-');
    const standinDir = tempDir('piao-standin-');
    await buildAddin(dist, standinDir);
    standin = readFileSync(join(standinDir, 'office-standin.js'), 'utf8');
    ({ origin, server } = await serveFolder(dist));
    data = await fakeWorkbookFromXlsx(readFileSync(SAMPLE), 'https://comune.example/condivisi/peg-2024.xlsx');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('checks, lists the findings, selects a finding\'s cell, and clears from the ribbon, fetching nothing but its own files', async () => {
    // what the pane must show: the same engine on the same workbook, in Node
    const expected = (await checkWorkbook(FakeExcel.fromData(structuredClone(data)).host(), 'workbook')).dossier.findings;
    expect(expected.length).toBeGreaterThan(2);

    const page = await browser.newPage({ viewport: { width: 420, height: 980 } });
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'application/javascript', body: standin });
      foreign.push(url);
      return route.abort();
    });
    await page.addInitScript((wb) => {
      (window as unknown as { __PIAO_FAKE_WORKBOOK__: unknown }).__PIAO_FAKE_WORKBOOK__ = wb;
    }, data);
    await page.goto(`${origin}/taskpane.html`);

    await page.getByRole('button', { name: 'Controlla' }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    expect(await status.innerText()).toContain(countsSentence(countBySeverity(expected)));

    // every finding of the first (open) groups is listed with its message
    const items = page.locator('li button');
    await items.first().waitFor();
    const shown = await items.allInnerTexts();
    for (const text of shown) expect(expected.some((f) => text.includes(f.message) && text.includes(f.cell))).toBe(true);

    // the cells are flagged in the grid
    const fake = () => page.evaluate(() => (window as unknown as { __piaoFake: { excel: FakeExcel } }).__piaoFake.excel.workbook.toData());
    const flagged = await fake();
    const colours = Object.values(FLAG_FILL);
    const fills = flagged.sheets.flatMap((s) => s.cells.filter(([, c]) => c.fill && colours.includes(c.fill.color)).map(([ref]) => `${s.name}!${ref}`));
    expect(fills.length).toBeGreaterThanOrEqual(new Set(expected.map((f) => `${f.sheet}!${f.cell}`)).size);

    // a finding on a sheet that is not the active one: clicking it activates the sheet and selects the cell
    const target = expected.find((f) => f.sheet !== data.sheets[0].name) ?? expected[0];
    await page.getByRole('button', { name: new RegExp(`${target.sheet} · ${target.cell}`) }).first().click();
    await page.waitForFunction(
      (cell) => (window as unknown as { __piaoFake: { excel: FakeExcel } }).__piaoFake.excel.workbook.selection?.address === cell,
      target.cell,
    );
    const selected = await fake();
    const sheetId = selected.sheets.find((s) => s.name === target.sheet)!.id;
    expect(selected.activeSheetId).toBe(sheetId);
    expect(selected.selection).toEqual({ sheetId, address: target.cell });

    // why: the sheet kinds and the column mapping the engine inferred
    const firstSheet = expected.length && data.sheets[0].name;
    await page.getByRole('button', { name: `${firstSheet}: Obiettivi` }).click();
    const mapping = page.getByRole('table', { name: /Colonne della tabella/ }).first();
    await mapping.waitFor();
    expect(await mapping.innerText()).toMatch(/codice|titolo|struttura responsabile/);

    await mapping.locator('tr').last().waitFor();
    await page.waitForTimeout(500); // let the accordion's opening transition end before the picture
    const shot = process.env.PIAO_UPDATE_SCREENSHOT ? join(ROOT, 'docs', 'taskpane.png') : join(tempDir('piao-shot-'), 'taskpane.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);

    // the ribbon button "Pulisci segnalazioni" runs in the same page (shared runtime)
    expect(await page.evaluate(() => (window as unknown as { __piaoFake: { actions(): string[] } }).__piaoFake.actions())).toEqual(['piaoControlla', 'piaoPulisci']);
    await page.evaluate(() => (window as unknown as { __piaoFake: { press(n: string): Promise<void> } }).__piaoFake.press('piaoPulisci'));
    const cleared = await fake();
    expect(cleared.sheets.map((s) => ({ cells: s.cells, notes: s.notes }))).toEqual(data.sheets.map((s) => ({ cells: s.cells, notes: s.notes })));
    expect(cleared.customXmlParts).toEqual([]);
    await page.getByText(/Segnalazioni tolte da/).waitFor();

    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
