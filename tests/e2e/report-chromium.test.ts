import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { annotatedNames } from '../../importer/write/cells';
import { writeReport } from '../../importer/write/report/report';
import { inconsistentStaffWorkbook } from '../../templates/scripts/samples/inconsistent-staff';
import { pratoObjectivesWorkbook } from '../../templates/scripts/samples/prato-objectives';
import { pratoDossier } from '../helpers/dossiers';
import { isA4, pdfPages } from '../helpers/pdf';
import { CHROMIUM, describeWithTool } from '../helpers/tools';
import { analyseWorkbooks, tempDir } from '../helpers/xlsx';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** Loads a page and returns every request it made except for the page itself (each one refused). */
async function load(browser: Browser, path: string, screenshot?: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const self = pathToFileURL(path).href;
  const others: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === self) return route.continue();
    others.push(url);
    return route.abort();
  });
  await page.goto(self, { waitUntil: 'load' });
  const charts = await page.$$eval('figure svg', (svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => ({ width: r.width, height: r.height })));
  const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  return { others, charts, headings };
}

describeWithTool(CHROMIUM, 'apt-get install -y chromium', 'report.html in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    dir = tempDir('piao-report-');
    await writeReport(join(dir, 'report.html'), await pratoDossier(), { title: 'Provincia di Prato' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('catches requests a page makes (the check itself works)', async () => {
    const control = join(dir, 'controllo.html');
    writeFileSync(control, '<!DOCTYPE html><html><body><img src="https://example.invalid/logo.png"><img src="logo.png"></body></html>');
    const { others } = await load(browser, control);
    expect(others).toEqual(expect.arrayContaining(['https://example.invalid/logo.png', pathToFileURL(join(dir, 'logo.png')).href]));
  }, 60_000);

  it('makes no request beyond its own file, shows its sections and draws the three charts', async () => {
    const shot = join(dir, 'report.png');
    const { others, charts, headings } = await load(browser, join(dir, 'report.html'), shot);
    expect(others).toEqual([]);
    expect(headings).toEqual(['Fonti', 'Anomalie', 'Albero degli obiettivi', 'Statistiche PAP al 31/12/2023']);
    expect(charts).toHaveLength(3);
    for (const c of charts) {
      expect(c.width).toBeGreaterThan(300);
      expect(c.height).toBeGreaterThan(200);
    }
    expect(existsSync(shot)).toBe(true);
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);
});

/** In the page: every text an officer reads, with its colour and the colour behind it (SVG text on the figure's white). */
function textColours(): { text: string; ratio: number; color: string; background: string }[] {
  const parse = (c: string): [number, number, number, number] => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const lum = ([r, g, b]: number[]) => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  /** The colour behind an element: its own background or the first opaque one above it, blended. */
  const backgroundOf = (el: Element | null): [number, number, number] => {
    const layers: [number, number, number, number][] = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let rgb: [number, number, number] = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse()) rgb = [r * a + rgb[0] * (1 - a), g * a + rgb[1] * (1 - a), b * a + rgb[2] * (1 - a)];
    return rgb;
  };
  const out: { text: string; ratio: number; color: string; background: string }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? '').trim();
    const el = n.parentElement;
    if (!text || !el) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    // an SVG text is painted with its fill (computed as rgb), on the figure behind the chart
    const svgText = el.closest('svg') !== null;
    const fg = parse(svgText ? style.fill : style.color);
    const bg = backgroundOf(svgText ? el.closest('figure') : el);
    const a = fg[3] ?? 1;
    const mixed = [fg[0] * a + bg[0] * (1 - a), fg[1] * a + bg[1] * (1 - a), fg[2] * a + bg[2] * (1 - a)];
    const [l1, l2] = [lum(mixed), lum(bg)];
    out.push({ text: text.slice(0, 40), ratio: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05), color: mixed.map(Math.round).join(','), background: bg.map(Math.round).join(',') });
  }
  return out;
}

/** In the page: the texts of each chart that run into each other (their boxes cross by more than a pixel each way). */
function chartClashes(): string[] {
  const out: string[] = [];
  document.querySelectorAll('figure svg').forEach((svg, i) => {
    const boxes = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim()).map((t) => ({ text: t.textContent!.trim(), r: t.getBoundingClientRect() }));
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const [x, y] = [boxes[a].r, boxes[b].r];
        const dx = Math.min(x.right, y.right) - Math.max(x.left, y.left);
        const dy = Math.min(x.bottom, y.bottom) - Math.max(x.top, y.top);
        if (dx > 1 && dy > 1) out.push(`grafico ${i + 1}: «${boxes[a].text}» e «${boxes[b].text}»`);
      }
    }
  });
  return out;
}

describeWithTool(CHROMIUM, 'apt-get install -y chromium', 'report.html as the officer reads and prints it', () => {
  let browser: Browser;
  let dir: string;
  const reports: Record<string, string> = {};
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    dir = tempDir('piao-report-lettura-');
    const { dossier } = await analyseWorkbooks({ 'personale-2024-da-verificare.xlsx': inconsistentStaffWorkbook(), 'piao-performance.xlsx': pratoObjectivesWorkbook() });
    const annotated = annotatedNames(dossier.sources.map((s) => s.file));
    reports.roccanera = join(dir, 'roccanera.html');
    await writeReport(reports.roccanera, dossier, { title: 'comune-roccanera', annotated });
    reports.prato = join(dir, 'prato.html');
    await writeReport(reports.prato, await pratoDossier(), { title: 'provincia-prato' });
    // many categories with long names, many years: the labels most likely to meet
    const crowded = structuredClone(await pratoDossier());
    crowded.pap.byCategory = (['dirigente', 'segretario', 'funzionario', 'istruttore', 'operatore-esperto', 'operatore', 'altro'] as const).map((category, i) => ({ category, F: 10 + i * 7, M: 12 + i * 5, total: 22 + i * 12, shareF: 0.5 }));
    crowded.pap.turnover = [2019, 2020, 2021, 2022, 2023].map((year, i) => ({ year, hires: { F: 10 + i, M: 9 }, terminations: { F: 12, M: 8 + i } }));
    reports.crowded = join(dir, 'crowded.html');
    await writeReport(reports.crowded, crowded, { title: 'molte-categorie' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (name: string) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(reports[name]).href, { waitUntil: 'load' });
    return page;
  };

  it.each(['roccanera', 'prato', 'crowded'])('%s: no label of a chart runs into another', async (name) => {
    const page = await open(name);
    expect(await page.$$eval('figure svg', (s) => s.length)).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(chartClashes)).toEqual([]);
    await page.close();
  }, 60_000);

  it('the check of labels finds two texts drawn over each other', async () => {
    const page = await open('prato');
    await page.evaluate(() => {
      const svg = document.querySelector('figure svg')!;
      const t = svg.querySelector('text')!;
      svg.appendChild(t.cloneNode(true));
    });
    expect((await page.evaluate(chartClashes)).length).toBeGreaterThan(0);
    await page.close();
  }, 60_000);

  it.each(['roccanera', 'prato'])('%s: every text reads at a contrast of 4.5:1 or more', async (name) => {
    const page = await open(name);
    const colours = await page.evaluate(textColours);
    expect(colours.length).toBeGreaterThan(100);
    expect(colours.filter((c) => c.ratio < 4.5)).toEqual([]);
    await page.close();
  }, 60_000);

  it('the check of contrast finds a pale text', async () => {
    const page = await open('prato');
    await page.evaluate(() => {
      document.querySelector('h2')!.setAttribute('style', 'color: #aaaaaa');
    });
    expect((await page.evaluate(textColours)).filter((c) => c.ratio < 4.5).map((c) => c.text)).toEqual(['Fonti']);
    await page.close();
  }, 60_000);

  it.each(['roccanera', 'prato'])('%s: prints on A4 with no page left half empty', async (name) => {
    const page = await open(name);
    const pdfPath = join(dir, `${name}.pdf`);
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.close();
    const pages = pdfPages(pdfPath);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(isA4(p)).toBe(true);
    // every page but the last is filled past its middle
    const filled = pages.slice(0, -1).map((p, i) => ({ page: i + 1, reach: Math.max(...p.words.map((w) => w.y1)) / p.height }));
    expect(filled.filter((f) => f.reach < 0.5)).toEqual([]);
  }, 60_000);

  it('each finding shows its cell with the text in it, links the cell of the annotated copy and its objective in the tree', async () => {
    const page = await open('roccanera');
    const row = page.locator('#anomalie tr', { hasText: 'è collocato sotto' }).first();
    await expect(row.locator('td').nth(2).textContent()).resolves.toMatch(/^[A-Z]+\d+«02\.02\.02\.01 /);
    const href = await row.locator('td').nth(2).locator('a').getAttribute('href');
    expect(href).toMatch(/^annotated\/piao-performance\.xlsx#'Performance 2024-2026'![A-Z]+\d+$/);
    await row.getByText("Vedi l'obiettivo nell'albero").click();
    const target = page.locator('li:target');
    await expect(target.getAttribute('class')).resolves.toBe('flagged error');
    await expect(target.locator('> code').textContent()).resolves.toBe('02.02.02.01');
    await expect(target.locator('> .badge').textContent()).resolves.toBe('Errore – Codice sotto il padre sbagliato');
    // on screen where the click led
    const box = await target.boundingBox();
    expect(box!.y).toBeGreaterThan(-2);
    expect(box!.y).toBeLessThan(900);
    await page.close();
  }, 60_000);
});
