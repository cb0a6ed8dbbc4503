/**
 * The add-in runs the same engine as the command line on the grid it builds from Excel: on the
 * same workbook it must report the same findings (and read the sheets the same way) as
 * `piao import`. Only `file` differs: the add-in names the workbook after its URL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../importer/cli/main';
import { Dossier, Finding } from '../../importer/engine/schema/dossier';
import { checkWorkbook } from '../../addin/office/actions';
import { SAMPLE_WORKBOOKS } from '../../templates/scripts/make-samples';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { FakeExcel } from './fake-excel/excel';
import { fakeWorkbookFromXlsx } from './fake-excel/from-xlsx';
import { trickyWorkbook } from './helpers/tricky-workbook';

const silent = { out: () => undefined, err: () => undefined };

async function cliImport(path: string): Promise<Dossier> {
  const out = tempDir('piao-cli-');
  const code = await main(['import', path, '--out', out, '-q'], silent);
  expect(code).toBe(0);
  return JSON.parse(readFileSync(join(out, 'piao.json'), 'utf8')) as Dossier;
}

function withoutFile(f: Finding) {
  const { file: _file, related, ...rest } = f;
  return { ...rest, related: related?.map(({ file: _f, ...p }) => p) };
}

const SAMPLES = join(__dirname, '..', '..', 'templates', 'samples');

async function compare(path: string): Promise<number> {
  const cli = await cliImport(path);
  const excel = FakeExcel.fromData(await fakeWorkbookFromXlsx(readFileSync(path), 'https://ente.example/Documenti/Copia%20di%20lavoro.xlsx'));
  const addin = await checkWorkbook(excel.host(), 'workbook');
  expect(addin.file).toBe('Copia di lavoro.xlsx');
  expect(addin.dossier.findings.map(withoutFile)).toEqual(cli.findings.map(withoutFile));
  expect(addin.dossier.sources[0].sheets).toEqual(cli.sources[0].sheets);
  expect(addin.dossier.objectives.map((o) => ({ ...o, at: o.at.cell }))).toEqual(cli.objectives.map((o) => ({ ...o, at: o.at.cell })));
  return cli.findings.length;
}

describe('same findings as `piao import` on the same workbook', () => {
  it.each(SAMPLE_WORKBOOKS.map(([file]) => file))('%s', async (file) => {
    await compare(join(SAMPLES, file));
  });

  it('on a workbook with dates, percentages, errors, formulas, merges, hidden sheets and odd sheet names', async () => {
    const { path } = await writeXlsx(trickyWorkbook(), 'difficile.xlsx');
    await compare(path);
  });

  it('the samples are not all clean (the comparison is not empty)', async () => {
    let total = 0;
    for (const [file] of SAMPLE_WORKBOOKS) total += (await cliImport(join(SAMPLES, file))).findings.length;
    expect(total).toBeGreaterThan(5);
  });
});
