/**
 * Atomic outputs: a batch killed with SIGKILL at random moments leaves only complete, valid output
 * files (plus, at most, `.piao-tmp-*` files, which the next run removes), and never touches a
 * source. PIAO_KILL_RUNS sets how many kills (3 here, more with `npm run fuzz`).
 */
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Random } from '../../bench/generate/random';
import { registerCsvLines } from '../../bench/generate/register';
import { Mapping } from '../../importer/engine/mapping/schema';
import { Dossier } from '../../importer/engine/schema/dossier';
import { SAMPLE_WORKBOOKS } from '../../templates/scripts/make-samples';
import { hashFiles, listFiles, runCli, runCliKilledAfter } from '../helpers/cli';
import { tempDir } from '../helpers/xlsx';

const KILLS = Number(process.env.PIAO_KILL_RUNS ?? 3);

async function makeTree(root: string, dossiers: number): Promise<void> {
  const books = await Promise.all(SAMPLE_WORKBOOKS.map(async ([file, make]) => [file.split('/').pop()!, Buffer.from((await make().xlsx.writeBuffer()) as ArrayBuffer)] as const));
  const csv = `${[...registerCsvLines(3000)].join('\r\n')}\r\n`;
  for (let i = 0; i < dossiers; i++) {
    const dir = join(root, `comune-${String(i + 1).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    for (const [name, bytes] of books) writeFileSync(join(dir, name), bytes);
    writeFileSync(join(dir, 'personale.csv'), csv);
  }
}

/** Every output present is complete: JSON parses (piao.json against the contract), xlsx opens. */
async function checkOutputs(out: string): Promise<{ files: number; temps: number }> {
  let files = 0;
  let temps = 0;
  for (const rel of listFiles(out)) {
    const name = rel.split('/').pop()!;
    const path = join(out, rel);
    if (name.startsWith('.piao-tmp-')) {
      temps++;
      continue;
    }
    files++;
    if (name === 'piao.json') Dossier.parse(JSON.parse(readFileSync(path, 'utf8')));
    else if (name === 'mappatura.json') Mapping.parse(JSON.parse(readFileSync(path, 'utf8')));
    else if (name.endsWith('.json')) expect(Array.isArray((JSON.parse(readFileSync(path, 'utf8')) as { dossiers: unknown }).dossiers)).toBe(true);
    else if (name.endsWith('.xlsx')) await new ExcelJS.Workbook().xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    else if (name === 'report.html') expect(readFileSync(path, 'utf8').trimEnd().endsWith('</html>')).toBe(true);
    else if (/^cug-[\w.]+\.csv$/.test(name)) expect(readFileSync(path, 'utf8').endsWith('\r\n')).toBe(true);
    else throw new Error(`file di uscita inatteso: ${rel}`);
  }
  return { files, temps };
}

describe('piao batch killed at random moments', () => {
  it(`leaves only complete outputs and untouched sources (${KILLS} kills)`, async () => {
    const root = tempDir('piao-kill-src-');
    const out = join(tempDir('piao-kill-out-'), 'risultati');
    await makeTree(root, 8);
    const sources = hashFiles(root);

    const started = Date.now();
    const full = runCli(['batch', root, '--out', out]);
    const duration = Date.now() - started;
    expect(full.status).toBe(0);
    const complete = (await checkOutputs(out)).files;
    // per dossier piao.json, PIAO.xlsx, report.html and an annotated copy of each source; summary.json and .xlsx
    expect(listFiles(out).filter((f) => f.endsWith('/piao.json'))).toHaveLength(8);
    expect(complete).toBeGreaterThanOrEqual(8 * 4 + 2);

    const rnd = new Random(Number(process.env.PIAO_KILL_SEED ?? 11));
    const kills: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      const at = Math.round(duration * (0.05 + 0.9 * rnd.next()));
      kills.push(at);
      const r = await runCliKilledAfter(['batch', root, '--out', out], at);
      const seen = await checkOutputs(out);
      expect(seen.files).toBe(complete); // the first run's outputs are replaced whole or not at all
      if (!r.killed) expect(r.status).toBe(0);
    }

    const last = runCli(['batch', root, '--out', out]);
    expect(last.status).toBe(0);
    expect(await checkOutputs(out)).toEqual({ files: complete, temps: 0 });
    expect(hashFiles(root)).toEqual(sources);
  }, 300_000);
});
