/**
 * The built task pane in headless Chromium, against the in-memory Excel through an office.js
 * stand-in: click "Controlla", see the findings, click one and its cell is selected; press the
 * ribbon's "Pulisci segnalazioni" and the grid is as before. Any request that is not for the
 * page's own files fails the test (office.js is answered by the stand-in).
 * Then the workflows: «Normalizza» (and its question before replacing), «Inserisci modello» with
 * its picker, «Ricontrollo automatico» updating the pane as a cell is edited, and the custom
 * functions of the built functions.js with the built functions.json.
 * `npm run screenshot` also writes docs/taskpane.png and the workflow pictures in docs/.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { Server } from 'node:http';
import { join } from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { OFFICE_TEMPLATES } from '../../addin/templates/catalog';
import { NORMALISED_SHEETS } from '../../addin/normalise/plan';
import { decodeXlsxBase64 } from './fake-excel/from-xlsx';
import { FakeSheetData } from './fake-excel/workbook';
import { checkWorkbook } from '../../addin/office/actions';
import { FLAG_FILL } from '../../addin/flags/look';
import { countBySeverity, countsSentence } from '../../addin/taskpane/view';
import { tempDir } from '../helpers/xlsx';
import { FakeExcel } from './fake-excel/excel';
import { fakeWorkbookFromXlsx } from './fake-excel/from-xlsx';
import { FakeWorkbookData } from './fake-excel/workbook';
import { buildAddin } from './helpers/build';
import { Row, xlsx } from '../corpus/fixtures/kit';
import { mappingJsonOf } from '../../addin/mapping/mapping-xml';
import { serveFolder } from './helpers/static-server';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHROMIUM = process.env.PIAO_CHROMIUM ?? '/usr/bin/chromium';
const SAMPLE = join(__dirname, '..', '..', 'templates', 'samples', 'comune-borgo-esempio', 'peg-2024.xlsx');
const ROOT = join(__dirname, '..', '..');
/** Excel's usual task pane width, and a height a laptop screen leaves it. */
const PANE_WIDTH = 320;
const PANE_HEIGHT = 640;

jest.setTimeout(240_000);

describe('task pane in headless Chromium', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let standin: string;
  let data: FakeWorkbookData;
  let dist: string;
  let templates: Record<string, FakeSheetData[]>;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium non trovato in ${CHROMIUM}: installalo con "apt-get install -y chromium" (o indica PIAO_CHROMIUM).`);
    dist = tempDir('piao-dist-');
    const standinDir = tempDir('piao-standin-');
    await buildAddin(dist, standinDir);
    standin = readFileSync(join(standinDir, 'office-standin.js'), 'utf8');
    ({ origin, server } = await serveFolder(dist));
    data = await fakeWorkbookFromXlsx(readFileSync(SAMPLE), 'https://comune.example/condivisi/peg-2024.xlsx');
    templates = {};
    for (const t of OFFICE_TEMPLATES) {
      const b64 = readFileSync(join(ROOT, 'templates', 'modelli', t.file)).toString('base64');
      templates[b64] = await decodeXlsxBase64(b64);
    }
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

    const { page, foreign, errors } = await openPane(data);

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
    const shownBefore = await page.evaluate(() => (window as unknown as { __piaoFake: { shown(): number } }).__piaoFake.shown());
    await page.evaluate(() => (window as unknown as { __piaoFake: { press(n: string): Promise<void> } }).__piaoFake.press('piaoPulisci'));
    // the pane opens to show what the button did
    expect(await page.evaluate(() => (window as unknown as { __piaoFake: { shown(): number } }).__piaoFake.shown())).toBe(shownBefore + 1);
    const cleared = await fake();
    expect(cleared.sheets.map((s) => ({ cells: s.cells, notes: s.notes }))).toEqual(data.sheets.map((s) => ({ cells: s.cells, notes: s.notes })));
    expect(cleared.customXmlParts).toEqual([]);
    await page.getByText(/Segnalazioni tolte da/).waitFor();

    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  interface PaneOptions {
    apiVersion?: string;
    /** Office.context.officeTheme. */
    theme?: Record<string, unknown>;
    /** Ribbon buttons pressed while the add-in loads. */
    pressAtStart?: string[];
  }

  /**
   * The pane on a workbook, at Excel's usual task pane width (320 px) and a height a laptop gives
   * it, with the network closed but for its own files and the office.js stand-in.
   */
  async function openPane(workbook: FakeWorkbookData, apiVersion = '1.18', options: PaneOptions = {}): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: PANE_WIDTH, height: PANE_HEIGHT } });
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
    await page.addInitScript(
      ({ wb, api, xlsx, theme, press }) => {
        const w = window as unknown as Record<string, unknown>;
        w.__PIAO_FAKE_WORKBOOK__ = wb;
        w.__PIAO_FAKE_API__ = api;
        w.__PIAO_FAKE_XLSX__ = xlsx;
        w.__PIAO_FAKE_THEME__ = theme;
        w.__PIAO_PRESS_AT_START__ = press;
      },
      { wb: workbook, api: options.apiVersion ?? apiVersion, xlsx: templates, theme: options.theme, press: options.pressAtStart ?? [] },
    );
    await page.goto(`${origin}/taskpane.html`);
    return { page, foreign, errors };
  }

  const fakeData = (page: Page) => page.evaluate(() => (window as unknown as { __piaoFake: { excel: FakeExcel } }).__piaoFake.excel.workbook.toData());
  const shotPath = (name: string) => (process.env.PIAO_UPDATE_SCREENSHOT ? join(ROOT, 'docs', name) : join(tempDir('piao-shot-'), name));

  it('«Normalizza» writes the PIAO sheets, then asks before replacing them', async () => {
    const prato = await fakeWorkbookFromXlsx(readFileSync(join(ROOT, 'templates', 'samples', 'provincia-prato', 'piao-2024-2026-pap.xlsx')), 'https://ente.example/piao-2024-2026-pap.xlsx');
    const { page, foreign, errors } = await openPane(prato);
    await page.getByRole('button', { name: 'Normalizza' }).click();
    await page.getByText(/Scritti i fogli/).waitFor();
    const names = (await fakeData(page)).sheets.map((x) => x.name);
    expect(names).toEqual(['Monitoraggio dati PAP', ...NORMALISED_SHEETS.filter((x) => x.key !== 'objectives').map((x) => x.name)]);
    const pap = (await fakeData(page)).sheets.find((x) => x.name === 'Statistiche PAP')!;
    expect(pap.tables!.map((t) => t.name)).toContain('PAP_Categorie');

    await page.getByRole('button', { name: 'Normalizza' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sostituire i fogli normalizzati?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('«Statistiche PAP»');
    await page.waitForTimeout(400); // the dialog's opening animation
    const shot = shotPath('normalizza.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await dialog.getByRole('button', { name: 'Sostituisci' }).click();
    await page.getByText(/Sostituiti i fogli/).waitFor();
    expect((await fakeData(page)).sheets.map((x) => x.name)).toEqual(names);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('«Inserisci modello» inserts the templates picked, and serves them as files for older Excel', async () => {
    const { page, foreign, errors } = await openPane(structuredClone(data));
    await page.getByRole('button', { name: 'Inserisci modello' }).click();
    const dialog = page.getByRole('dialog', { name: 'Inserisci modello' });
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox').count()).toBe(OFFICE_TEMPLATES.length);
    await dialog.getByRole('checkbox', { name: 'Personale' }).check();
    await dialog.getByRole('checkbox', { name: 'Lavoro agile' }).check();
    await page.waitForTimeout(400);
    const shot = shotPath('inserisci-modello.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await dialog.getByRole('button', { name: 'Inserisci', exact: true }).click();
    await page.getByText(/Inseriti i fogli/).waitFor();
    const after = await fakeData(page);
    expect(after.sheets.map((x) => x.name)).toEqual([...data.sheets.map((x) => x.name), 'Personale AAAA', 'Lavoro agile AAAA']);
    expect(after.sheets.slice(0, data.sheets.length)).toEqual(data.sheets);
    for (const t of OFFICE_TEMPLATES) {
      const res = await page.request.get(`${origin}/modelli/${t.file}`);
      expect(res.status()).toBe(200);
      expect(Buffer.from(await res.body())).toEqual(readFileSync(join(ROOT, 'templates', 'modelli', t.file)));
    }
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('«Inserisci modello» on ExcelApi 1.12 says how to copy the sheets by hand, with links to the files', async () => {
    const { page, errors } = await openPane(structuredClone(data), '1.12');
    await page.getByRole('button', { name: 'Inserisci modello' }).click();
    const dialog = page.getByRole('dialog', { name: 'Inserisci modello' });
    await dialog.getByRole('checkbox', { name: 'Obiettivi' }).check();
    await dialog.getByRole('button', { name: 'Inserisci', exact: true }).click();
    await page.getByText(/ExcelApi 1\.13/).waitFor();
    expect(await page.getByText(/ExcelApi 1\.13/).innerText()).toContain(`${origin}/modelli/obiettivi.xlsx`);
    expect((await fakeData(page)).sheets).toEqual(data.sheets);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('«Ricontrollo automatico» updates the counts as a cell is corrected, and stops when turned off', async () => {
    const book = await fakeWorkbookFromXlsx(readFileSync(join(ROOT, 'templates', 'samples', 'comune-roccanera', 'personale-2024-da-verificare.xlsx')), 'https://ente.example/personale-2024.xlsx');
    const { page, errors, foreign } = await openPane(book);
    await page.getByRole('button', { name: 'Controlla' }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    const toggle = page.getByRole('switch', { name: 'Ricontrollo automatico' });
    await page.getByText(/Attivo su «Personale 2024»/).waitFor();
    expect(await toggle.isChecked()).toBe(true);
    const before = await status.innerText();
    // the user corrects the total of «Cat. C» (21 -> 20)
    await page.evaluate(() => (window as unknown as { __piaoFake: { excel: FakeExcel } }).__piaoFake.excel.userEdit('Personale 2024', 'D6', [[20]]));
    await page.getByText(/Ultimo aggiornamento: «Personale 2024»/).waitFor();
    const after = await status.innerText();
    expect(after).not.toBe(before);
    const errorCount = (text: string) => Number(/(\d+) error[ei]/.exec(text)![1]);
    expect(errorCount(after)).toBe(errorCount(before) - 1);
    await page.waitForTimeout(300);
    const shot = shotPath('ricontrollo.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);

    await toggle.click();
    await page.getByText(/Disattivato/).waitFor();
    const handlers = await page.evaluate(() => (window as unknown as { __piaoFake: { excel: FakeExcel } }).__piaoFake.excel.events.count());
    expect(handlers).toBe(0);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('at 320 px shows the first finding without scrolling, counts in the singular where there is one, and the warning icon on the grid\'s warning fill', async () => {
    const { page, errors, foreign } = await openPane(structuredClone(data));
    await page.getByRole('button', { name: 'Controlla' }).click();
    const first = page.locator('li button').first();
    await first.waitFor();
    const box = (await first.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PANE_HEIGHT);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // nothing wider than the pane
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
    // the tools come after the findings
    const tools = (await page.getByRole('region', { name: 'Strumenti' }).boundingBox())!;
    expect(tools.y).toBeGreaterThan(box.y);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\b1 (errori|avvisi|note|segnalazioni|celle)\b/);
    expect(text).not.toMatch(/\b(0|[2-9]|\d\d+) (errore|avviso|nota|segnalazione|cella)\b/);
    // each severity's icon sits on the fill its cells have in the grid
    const swatches = await page.locator('[data-severity]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-severity'), getComputedStyle(e).backgroundColor]));
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect(swatches.length).toBeGreaterThan(1);
    for (const [severity, colour] of swatches) expect(colour).toBe(rgb(FLAG_FILL[severity as keyof typeof FLAG_FILL]));
    expect(swatches.some(([severity]) => severity === 'warning')).toBe(true);
    await page.waitForTimeout(300);
    const shot = shotPath('taskpane-320.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('follows a dark Office theme: dark background, light text, readable', async () => {
    const dark = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#363636', controlForegroundColor: '#FFFFFF', isDarkTheme: true };
    const { page, errors } = await openPane(structuredClone(data), '1.18', { theme: dark });
    await page.getByRole('button', { name: 'Controlla' }).click();
    await page.locator('li button').first().waitFor();
    const colours = await page.locator('main').evaluate((m) => {
      let el: Element | null = m;
      let bg = 'rgba(0, 0, 0, 0)';
      while (el && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) {
        bg = getComputedStyle(el).backgroundColor;
        el = el.parentElement;
      }
      return { bg, fg: getComputedStyle(m.querySelector('h1')!).color, item: getComputedStyle(m.querySelector('li button')!).color };
    });
    const lum = (css: string) => {
      const [r, g, b] = css.match(/\d+/g)!.slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect(colours.bg).toBe('rgb(38, 38, 38)');
    for (const fg of [colours.fg, colours.item]) expect((lum(fg) + 0.05) / (lum(colours.bg) + 0.05)).toBeGreaterThan(4.5);
    await page.waitForTimeout(300);
    const shot = shotPath('taskpane-scuro.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a ribbon button pressed while the add-in loads (its first click), and opens the pane to show what it did', async () => {
    const { page, errors } = await openPane(structuredClone(data), '1.18', { pressAtStart: ['piaoControlla'] });
    const status = page.getByRole('status');
    await status.waitFor();
    const presses = await page.evaluate(() => (window as unknown as { __piaoFake: { startPresses(): { completed: string[]; dropped: string[] } } }).__piaoFake.startPresses());
    expect(presses.dropped).toEqual([]);
    await page.waitForFunction(() => (window as unknown as { __piaoFake: { startPresses(): { completed: string[] } } }).__piaoFake.startPresses().completed.length === 1);
    expect(await page.evaluate(() => (window as unknown as { __piaoFake: { shown(): number } }).__piaoFake.shown())).toBe(1);
    const flagged = (await fakeData(page)).sheets.flatMap((s) => s.cells.filter(([, c]) => c.fill && Object.values(FLAG_FILL).includes(c.fill.color)));
    expect(flagged.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('«Come sono stati letti i fogli»: the officer points at the header of a sheet not recognised, and the reading is kept in the workbook', async () => {
    const rows: Row[] = [
      ['Programma delle attività 2024 - Ufficio tecnico'],
      [],
      ['Attività programmata', 'Ufficio', 'Punteggio atteso', 'Referente'],
      ['Rifacimento della segnaletica orizzontale', 'Manutenzioni', 40, 'Geom. Rossi'],
      ['Censimento delle alberature', 'Verde pubblico', 35, 'Geom. Rossi'],
      ['Sportello telematico edilizia', 'Edilizia privata', 25, 'Arch. Verdi'],
    ];
    const wb = await fakeWorkbookFromXlsx(Buffer.from(await xlsx([{ name: 'Attività', rows }])), 'https://comune.example/attivita-2024.xlsx');
    const { page, foreign, errors } = await openPane(wb);
    await page.getByRole('button', { name: 'Controlla' }).click();
    await page.getByRole('status').waitFor();
    await page.getByText(/^Attivo su/).waitFor(); // the live re-check has started: the check is over
    await page.getByRole('button', { name: /Attività: Non riconosciuto/ }).click();
    await page.getByLabel('Riga delle intestazioni del foglio «Attività»').fill('3');
    await page.getByRole('button', { name: 'Leggi come tabella di obiettivi' }).click();
    // read again: the labels gave office, weight and responsible, but no column names the objectives yet
    await page.getByText('1 avviso').waitFor().catch(async (err: unknown) => {
      throw new Error(`${String(err)}\n--- il riquadro:\n${await page.locator('main').innerText()}`);
    });
    await page.getByRole('button', { name: /Attività: Non riconosciuto/ }).waitFor();
    const stored = (await fakeData(page)).customXmlParts.filter((p) => p.xml.includes('urn:piao:mappatura:1'));
    expect(stored).toHaveLength(1);

    // the entry is kept but unusable until a column names the objectives: the sheet shows no table; the finding says why
    expect(await page.getByRole('status').innerText()).toContain('1 avviso');
    const entry = JSON.parse(mappingJsonOf(stored[0].xml)).sheets[0];
    expect(entry.tables[0].columns.map((c: { role: string }) => c.role)).toEqual(['ignored', 'structure', 'weight', 'responsible']);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('«Come sono stati letti i fogli»: a column given another role from its list is read that way at once and at the next «Controlla»', async () => {
    const rows: Row[] = [
      ['N.', 'Obiettivo', 'Responsabile', 'Peso %'],
      [1, 'Ridurre i tempi di pagamento', 'Dott. Rossi', 50],
      [2, 'Digitalizzare le determine', 'Dott. Rossi', 40],
    ];
    const wb = await fakeWorkbookFromXlsx(Buffer.from(await xlsx([{ name: 'PEG', rows }])), 'https://comune.example/peg.xlsx');
    const { page, foreign, errors } = await openPane(wb);
    await page.getByRole('button', { name: 'Controlla' }).click();
    await page.getByText('1 avviso').waitFor(); // the weights make 90
    await page.getByText(/^Attivo su/).waitFor();
    await page.getByRole('button', { name: /PEG: Obiettivi/ }).click();
    const weight = page.getByLabel('Ruolo della colonna D («Peso %») del foglio «PEG»');
    expect(await weight.inputValue()).toBe('weight');
    await weight.selectOption('ignored');
    await page.getByText('Nessuna segnalazione').waitFor();
    await page.getByText('letto come hai indicato').waitFor();
    expect(await page.getByLabel('Ruolo della colonna D («Peso %») del foglio «PEG»').inputValue()).toBe('ignored');
    const shot = shotPath('mappatura-riquadro.png');
    await page.getByLabel('Ruolo della colonna D («Peso %») del foglio «PEG»').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);

    // back to the program's own reading
    await page.getByRole('button', { name: 'Torna alla lettura automatica' }).click();
    await page.getByText('1 avviso').waitFor();
    expect((await fakeData(page)).customXmlParts.filter((p) => p.xml.includes('urn:piao:mappatura:1'))).toEqual([]);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('ships the custom functions: functions.json as generated from the source, functions.js bound to each id', async () => {
    const built = JSON.parse(readFileSync(join(dist, 'functions.json'), 'utf8'));
    const generated = await generateCustomFunctionsMetadata([join(ROOT, 'addin', 'functions', 'functions.ts')], true);
    expect(built).toEqual(JSON.parse(generated.metadataJson));
    const { page, errors } = await openPane(structuredClone(data));
    await page.getByRole('button', { name: 'Controlla' }).waitFor();
    const call = (id: string, ...args: unknown[]) =>
      page.evaluate(({ id, args }) => (window as unknown as { __piaoFake: { callFunction(id: string, ...a: unknown[]): unknown } }).__piaoFake.callFunction(id, ...args), { id, args });
    expect(await page.evaluate(() => (window as unknown as { __piaoFake: { functions(): string[] } }).__piaoFake.functions())).toEqual(built.functions.map((f: { id: string }) => f.id));
    expect(await call('PROGRAMMA', '04.02')).toBe('Altri ordini di istruzione non universitaria');
    expect(await call('MISSIONE', 4)).toBe('Istruzione e diritto allo studio');
    expect(await call('QUOTA', 43, 69)).toBe(0.623);
    expect(await call('PROGRAMMA', '01.99')).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/non esiste/) });
    expect(errors).toEqual([]);
    await page.close();
  });
});
