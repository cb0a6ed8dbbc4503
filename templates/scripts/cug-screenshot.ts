/**
 * The picture of the sheet «Tabelle CUG» in the README (npm run screenshot:cug): the tables of the
 * Comune di Pian del Lago sample register, as LibreOffice prints the sheet of PIAO.xlsx (first page:
 * 1.1, anzianità, titolo di studio), into docs/tabelle-cug.png. Needs soffice and pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { analyse } from '../../importer/engine/analyse';
import { readSource } from '../../importer/read/read-source';
import { addCugSheet } from '../../importer/write/cug-sheet';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = join(ROOT, 'templates', 'samples', 'comune-pian-del-lago', 'anagrafica-personale-2024.xlsx');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'piao-cug-shot-'));
  const grids = await readSource(SAMPLE, 'anagrafica-personale-2024.xlsx');
  const { dossier } = analyse([{ file: 'anagrafica-personale-2024.xlsx', grids }]);
  if (!dossier.cug) throw new Error('il campione non dà tabelle CUG');
  const wb = new ExcelJS.Workbook();
  addCugSheet(wb, dossier.cug, 'Comune di Pian del Lago');
  const xlsx = join(dir, 'tabelle-cug.xlsx');
  await wb.xlsx.writeFile(xlsx);
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profilo-lo')}`, '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'pipe', timeout: 240_000 });
  // the first page at 150 dpi (A4 landscape: 1754 x 1240), its top part with the tables
  execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-x', '40', '-y', '60', '-W', '1680', '-H', '700', '-png', '-singlefile', join(dir, 'tabelle-cug.pdf'), join(ROOT, 'docs', 'tabelle-cug')]);
  console.log('scritto docs/tabelle-cug.png');
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
