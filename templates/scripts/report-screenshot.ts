/**
 * Takes the screenshots of report.html shown in the README (npm run screenshot), in Debian's
 * headless Chromium at 1280 px: docs/report.png is the PAP section of the Provincia di Prato
 * dossier (objectives sample plus its published staff tables) with its charts; docs/report-top.png
 * the top of that page (sources and findings); docs/report-nd.png the PAP section of a dossier
 * with figures not known and figures resting on flagged cells (the Comune di Roccanera's staff
 * tables), with its notes; docs/report-anomalie.png a finding that leads to its objective.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, Page } from 'playwright-core';
import { annotatedNames } from '../../importer/write/cells';
import { writeReport } from '../../importer/write/report/report';
import { pratoDossierWithStaff } from './samples/prato-dossier';
import { roccaneraDossier } from './samples/roccanera-dossier';

const DOCS = join(__dirname, '..', '..', 'docs');
/** The day the screenshots say the report was made: the same pictures whenever they are taken. */
const MADE = new Date(2025, 2, 5);

async function open(page: Page, path: string): Promise<void> {
  await page.route('**/*', (route) => (route.request().url() === pathToFileURL(path).href ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'piao-screenshot-'));
  const prato = join(dir, 'prato.html');
  await writeReport(prato, await pratoDossierWithStaff(), { title: 'Provincia di Prato', made: MADE });
  const rocca = await roccaneraDossier();
  const roccanera = join(dir, 'roccanera.html');
  await writeReport(roccanera, rocca, { title: 'comune-roccanera', annotated: annotatedNames(rocca.sources.map((s) => s.file)), made: MADE });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
    await open(page, prato);
    await page.screenshot({ path: join(DOCS, 'report-top.png') });
    await page.locator('#pap').screenshot({ path: join(DOCS, 'report.png') });
    const other = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
    await open(other, roccanera);
    await other.locator('#pap').screenshot({ path: join(DOCS, 'report-nd.png') });
    // a finding of an objective, and where its link leads in the tree
    await other.locator('#anomalie tr', { hasText: 'è collocato sotto' }).first().getByText("Vedi l'obiettivo nell'albero").click();
    await other.evaluate(() => window.scrollBy(0, -200));
    await other.screenshot({ path: join(DOCS, 'report-albero.png') });
  } finally {
    await browser.close();
  }
  console.log('scritti docs/report.png, docs/report-top.png, docs/report-nd.png e docs/report-albero.png');
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
