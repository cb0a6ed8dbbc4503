/**
 * One measurement, run in a fresh process so that its peak memory is its own. The bench compiles
 * this file into build/bench/task.js, where '../importer/...' is the built command's code.
 * Prints one JSON line: { ms, maxRssMB, phases? }.
 *
 *   node build/bench/task.js exceljs-load <file.xlsx>
 *   node build/bench/task.js papaparse <file.csv>
 *   node build/bench/task.js piao-import <outDir> <input>...      the whole `piao import` (all four outputs)
 *   node build/bench/task.js piao-json <outDir> <input>...        `piao import` up to piao.json, step by step
 *   node build/bench/task.js piao-batch <root> <outDir> <workers>
 *   node build/bench/task.js arithmetic | allocation        fixed work, to see how the machine scales
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { collectInputs } from '../importer/cli/collect';
import { tuneHeap } from '../importer/cli/heap';
import { readDossierInputs } from '../importer/cli/import-dossier';
import { main } from '../importer/cli/main';
import { analyse } from '../importer/engine/analyse';
import { writePiaoJson } from '../importer/write/piao-json';

const silent = { out: () => undefined, err: () => undefined };

async function run(task: string, args: string[]): Promise<Record<string, unknown>> {
  switch (task) {
    case 'exceljs-load': {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(args[0]);
      return { sheets: wb.worksheets.length };
    }
    case 'papaparse': {
      const parsed = Papa.parse<string[]>(readFileSync(args[0]).toString('utf8'), { delimiter: ';' });
      return { rows: parsed.data.length };
    }
    case 'piao-import': {
      const errors: string[] = [];
      const exit = await main(['import', ...args.slice(1), '--out', args[0], '--quiet'], { out: () => undefined, err: (l) => errors.push(l) });
      return { exit, errors };
    }
    case 'piao-batch':
      return { exit: await main(['batch', args[0], '--out', args[1], '--quiet', '--workers', args[2]], silent) };
    case 'piao-json': {
      // what `piao import` does before its copies (importer/cli/import-dossier.ts), step by step
      const t0 = performance.now();
      const { files } = await collectInputs(args.slice(1));
      const inputs = await readDossierInputs(files);
      const t1 = performance.now();
      const analysis = analyse(inputs);
      const t2 = performance.now();
      await writePiaoJson(join(args[0], 'piao.json'), analysis.dossier);
      const t3 = performance.now();
      return { phases: { read: t1 - t0, engine: t2 - t1, write: t3 - t2 }, cells: inputs.reduce((n, i) => n + (i.grids ?? []).reduce((m, g) => m + g.cellCount, 0), 0) };
    }
    case 'arithmetic': {
      // the same work every run, in registers only: scales with the cores
      let x = 0;
      for (let i = 0; i < 2e8; i++) x = (x + i * 7) % 1_000_003;
      return { x };
    }
    case 'allocation': {
      // the same work every run, allocating small objects and strings as exceljs does
      let kept: { n: number; s: string }[] = [];
      let total = 0;
      for (let i = 0; i < 1.5e7; i++) {
        kept.push({ n: i, s: `c${i % 5000}` });
        if (kept.length >= 500_000) {
          total += kept.length;
          kept = [];
        }
      }
      return { total };
    }
    default:
      throw new Error(`compito sconosciuto: ${task}`);
  }
}

async function start(): Promise<void> {
  const [task, ...args] = process.argv.slice(2);
  // piao's own tasks run as `piao` runs (importer/cli/run.ts); the libraries' with Node's defaults
  if (task.startsWith('piao-')) tuneHeap();
  const t = performance.now();
  const extra = await run(task, args);
  const ms = performance.now() - t;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, ...extra })}\n`);
}

start().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
