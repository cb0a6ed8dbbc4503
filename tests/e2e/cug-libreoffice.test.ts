/**
 * The sheet «Tabelle CUG» as LibreOffice prints it (PDF, read back by pdftotext): each table on
 * the page under its caption, «Uomini» and «Donne» over the bands, a line per row with its figures
 * in the portal's order, the totals, the percentages with two decimals; no table cut across pages.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../importer/cli/main';
import { Dossier } from '../../importer/engine/schema/dossier';
import { generatePeople, registerBook } from '../helpers/cug-register';
import { describeWhen, SOFFICE } from '../helpers/tools';
import { tempDir, writeXlsx } from '../helpers/xlsx';

jest.setTimeout(300_000);

function has(bin: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describeWhen(has(SOFFICE) && has('pdftotext'), `${SOFFICE} e pdftotext`, 'apt-get install -y libreoffice-calc poppler-utils', 'the sheet «Tabelle CUG» printed by LibreOffice', () => {
  let pages: string[];
  let dossier: Dossier;
  beforeAll(async () => {
    const work = tempDir('piao-cug-lo-');
    const { path } = await writeXlsx(registerBook(generatePeople(600, 31)), 'anagrafica-2024.xlsx');
    const out = join(work, 'out');
    expect(await main(['import', path, '--out', out, '-q'], { out: () => undefined, err: () => undefined })).toBe(0);
    dossier = JSON.parse(readFileSync(join(out, 'piao.json'), 'utf8')) as Dossier;
    // the whole workbook, as an officer prints it: the CUG sheet is the last one
    const only = join(work, 'tabelle-cug.xlsx');
    copyFileSync(join(out, 'PIAO.xlsx'), only);
    execFileSync(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profilo-lo')}`, '--convert-to', 'pdf', '--outdir', work, only], { stdio: 'pipe', timeout: 240_000 });
    pages = execFileSync('pdftotext', ['-layout', join(work, 'tabelle-cug.pdf'), '-'], { encoding: 'utf8' }).split('\f');
  });

  const pageOf = (text: string) => pages.findIndex((p) => p.includes(text));

  it('prints every table under its caption, each whole on one page', () => {
    for (const key of ['1.1', '1.2', '1.4', '1.6', '1.7', '2.1'] as const) {
      const t = dossier.cug![key]!;
      const caption = `Tabella ${key} – ${t.title}`;
      const p = pageOf(caption);
      expect([key, p >= 0]).toEqual([key, true]);
      // its last row is on the same page
      const last = t.rows[t.rows.length - 1].labels[0];
      expect([key, pages[p].slice(pages[p].indexOf(caption)).includes(last)]).toEqual([key, true]);
    }
  });

  it('prints the headings of 1.1 and its totals in the portal order, percentages with two decimals', () => {
    const t = dossier.cug!['1.1']!;
    const page = pages[pageOf('Tabella 1.1')];
    expect(page).toMatch(/Uomini\s+Donne/);
    expect(page).toMatch(/Tipologia di personale\s+Inquadramento\s+< 30\s+da 31 a 40\s+da 41 a 50\s+da 51 a 60\s+> 60\s+< 30/);
    const totals = t.rows.find((r) => r.labels[0] === 'Totale personale')!.values;
    expect(page).toMatch(new RegExp(`Totale personale\\s+${totals.join('\\s+')}\\s*\\n`));
    const pct = t.rows.find((r) => r.kind === 'percent')!.values.map((v) => (Math.round(v! * 10000) / 100).toFixed(2).replace('.', '[.,]'));
    expect(page).toMatch(new RegExp(`Totale % sul personale complessivo\\s+${pct.join('\\s+')}`));
  });
});
