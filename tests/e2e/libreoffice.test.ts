import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writePiaoXlsx } from '../../importer/write/piao-xlsx';
import { SAMPLE_WORKBOOKS } from '../../templates/scripts/make-samples';
import { saveWorkbook } from '../../templates/scripts/workbook';
import { writeBadInputs } from '../helpers/bad-inputs';
import { runCli } from '../helpers/cli';
import { pratoDossier } from '../helpers/dossiers';
import { describeWithTool, SOFFICE } from '../helpers/tools';
import { tempDir } from '../helpers/xlsx';

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? xlsxFiles(join(dir, e.name)) : e.name.endsWith('.xlsx') ? [join(dir, e.name)] : []));
}

function soffice(args: string[], work: string): void {
  execFileSync(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profilo-lo')}`, ...args], { stdio: 'pipe', timeout: 240_000 });
}

describeWithTool(SOFFICE, 'apt-get install -y libreoffice-calc', 'every output workbook opens in exceljs and in LibreOffice', () => {
  let work: string;
  let flat: string[];
  beforeAll(async () => {
    work = tempDir('piao-lo-');
    const root = join(work, 'ingresso');
    for (const [file, make] of SAMPLE_WORKBOOKS) await saveWorkbook(make(), join(root, file));
    await writeBadInputs(join(root, 'archivio'));
    const out = join(work, 'risultati');
    expect(runCli(['batch', root, '--out', out]).status).toBe(3);
    const d = await pratoDossier();
    d.objectives[0] = { ...d.objectives[0], title: '=1+1' };
    await writePiaoXlsx(join(out, 'prato-con-personale', 'PIAO.xlsx'), d);
    // one flat folder, unique names: LibreOffice converts them in one run
    const all = xlsxFiles(out);
    const flatDir = join(work, 'tutti');
    mkdirSync(flatDir);
    flat = all.map((p) => {
      const name = p.slice(out.length + 1).replace(/[/\\]/g, '__');
      copyFileSync(p, join(flatDir, name));
      return join(flatDir, name);
    });
  }, 240_000);

  it('covers PIAO.xlsx of every dossier, every annotated copy and summary.xlsx', () => {
    const names = flat.map((p) => p.split('/').pop()!);
    expect(names).toEqual(expect.arrayContaining(['summary.xlsx', 'provincia-prato__PIAO.xlsx', 'provincia-prato__annotated__piao-2024-2026-performance.xlsx', 'archivio__annotated__errori-formule.xlsx', 'prato-con-personale__PIAO.xlsx']));
    const dossiers = new Set(SAMPLE_WORKBOOKS.map(([f]) => f.split('/')[0])).size + 1; // + archivio
    // a PIAO.xlsx per dossier and the one with staff, an annotated copy per readable workbook (2 in archivio), summary.xlsx
    expect(flat).toHaveLength(dossiers + 1 + SAMPLE_WORKBOOKS.length + 2 + 1);
  });

  it('opens each of them with exceljs', async () => {
    for (const p of flat) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(p);
      expect(wb.worksheets.length).toBeGreaterThan(0);
    }
  });

  it('converts each of them with LibreOffice headless', () => {
    const ods = join(work, 'ods');
    soffice(['--convert-to', 'ods', '--outdir', ods, ...flat], work);
    for (const p of flat) {
      const converted = join(ods, p.split('/').pop()!.replace(/\.xlsx$/, '.ods'));
      expect(existsSync(converted)).toBe(true);
      expect(statSync(converted).size).toBeGreaterThan(2000);
    }
  }, 240_000);

  it('shows text that looks like a formula as that text in LibreOffice, not as a result', () => {
    const csv = join(work, 'csv');
    const piao = flat.find((p) => p.endsWith('prato-con-personale__PIAO.xlsx'))!;
    soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', csv, piao], work);
    const text = readFileSync(join(csv, 'prato-con-personale__PIAO.csv'), 'utf8');
    expect(text).toContain('Sezione 2.2 Performance');
    expect(text).toMatch(/^"Valore pubblico","1",,"=1\+1",/m);
  }, 120_000);
});
