import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { writeReport } from '../../importer/write/report/report';
import { pratoDossier } from '../helpers/dossiers';
import { CHROMIUM, describeWithTool } from '../helpers/tools';
import { tempDir } from '../helpers/xlsx';

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
