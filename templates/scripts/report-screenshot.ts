/**
 * Takes the screenshots of report.html shown in the README (npm run screenshot): the report of the
 * Provincia di Prato dossier (objectives sample plus its published staff tables), in Debian's
 * headless Chromium. docs/report.png is the PAP section with its charts; docs/report-top.png the
 * top of the page (sources and findings).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { writeReport } from '../../importer/write/report/report';
import { pratoDossierWithStaff } from './samples/prato-dossier';

const DOCS = join(__dirname, '..', '..', 'docs');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'piao-screenshot-'));
  const path = join(dir, 'report.html');
  await writeReport(path, await pratoDossierWithStaff(), { title: 'Provincia di Prato' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
    await page.route('**/*', (route) => (route.request().url() === pathToFileURL(path).href ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
    await page.screenshot({ path: join(DOCS, 'report-top.png') });
    await page.locator('#pap').screenshot({ path: join(DOCS, 'report.png') });
  } finally {
    await browser.close();
  }
  console.log('scritti docs/report.png e docs/report-top.png');
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
