import { ParsedMapping } from '../engine/mapping/parse';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { EMPTY_PAP } from '../engine/pap/compute';
import { writeFileAtomic } from '../write/atomic';
import { severityCount } from '../write/labels';
import { distinctSafeSegments, outputPath } from '../write/safe-path';
import { removeStaleTemps } from '../write/stale-temp';
import { writeSummaryXlsx } from '../write/summary-xlsx';
import { DossierSummary, summarise } from './batch-summary';
import type { DossierOutcome, DossierTask } from './batch-worker';
import { collectInputs, CollectedFile, entryKind, markSameFiles, sortedEntries } from './collect';
import { createProgress, ProgressSink } from './progress';

export { summarise };
export type { DossierSummary };

export interface BatchDossier {
  name: string;
  root: string;
  files: CollectedFile[];
}

/** Every immediate subfolder of root is a dossier; files directly in root form one more, named after root. */
export async function planBatch(root: string): Promise<BatchDossier[]> {
  const abs = resolve(root);
  const dossiers: BatchDossier[] = [];
  const loose: CollectedFile[] = [];
  const folders: { name: string; path: string; raw?: Buffer }[] = [];
  for (const e of await sortedEntries(abs)) {
    const k = await entryKind(abs, e);
    if (!k) continue;
    if ('folder' in k) folders.push({ name: e.name, path: k.folder, ...(k.raw ? { raw: k.raw } : {}) });
    else loose.push({ path: k.file, file: e.name, ...(k.raw ? { raw: k.raw } : {}), ...(k.refused ? { refused: k.refused } : {}) });
  }
  await markSameFiles(loose);
  if (loose.length) {
    // the loose files' dossier is named after root, unless a subfolder already has that name
    const name = folders.some((f) => f.name === basename(abs)) ? `${basename(abs)} (file nella cartella radice)` : basename(abs);
    dossiers.push({ name, root: abs, files: loose });
  }
  for (const f of folders) {
    const { files } = await collectInputs([f.path], f.raw);
    dossiers.push({ name: f.name, root: f.path, files });
  }
  return dossiers;
}

/** The compiled worker: beside this file in the build, or in build/ when running from the sources (tests). */
export function workerFile(): string {
  const candidates = [join(__dirname, 'batch-worker.js'), join(__dirname, '..', '..', 'build', 'importer', 'cli', 'batch-worker.js')];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error("il programma non è compilato: esegui 'npm run build:cli' nella cartella del progetto.");
  return found;
}

export interface BatchOptions {
  /** Worker threads (default: the machine's cores, at most one per dossier). */
  workers?: number;
  /** Where the progress goes (a terminal gets a bar, anything else plain lines). */
  progress?: ProgressSink;
  /** A mapping applied to every dossier's sheets (--mappa). */
  mapping?: ParsedMapping;
}

export interface BatchResult {
  summaries: DossierSummary[];
  outcomes: DossierOutcome[];
  failed: number;
}

/** "1 file letto", "3 file letti": the noun is invariable, the participle agrees. */
function filesRead(n: number, one: string, many: string): string {
  return `${n} file ${n === 1 ? one : many}`;
}

function doneLine(o: DossierOutcome): string {
  const s = o.summary;
  const f = s.findings;
  if (o.error) return `${s.name}: non importato (${o.error})`;
  return `${s.name}: ${filesRead(s.sources.ok, 'letto', 'letti')}${s.sources.failed ? `, ${filesRead(s.sources.failed, 'non letto', 'non letti')}` : ''}; ${severityCount(f.error, 'error')}, ${severityCount(f.warning, 'warning')}, ${severityCount(f.info, 'info')}`;
}

/**
 * Imports every dossier of a batch on a pool of worker threads, then writes summary.json and
 * summary.xlsx. Results are gathered in the plan's order (alphabetical), so the outputs do not
 * depend on the number of workers or on which finishes first.
 */
export async function runBatch(root: string, outDir: string, opts: BatchOptions = {}): Promise<BatchResult> {
  const plan = await planBatch(root);
  await removeStaleTemps(outDir);
  // folder names come from the input: each becomes one safe name inside outDir, never a path
  const outNames = distinctSafeSegments(plan.map((d) => d.name), ['summary.json', 'summary.xlsx']);
  const threads = Math.max(1, Math.min(opts.workers ?? availableParallelism(), Math.max(1, plan.length)));
  const pool = new Piscina<DossierTask, DossierOutcome>({ filename: workerFile(), minThreads: 0, maxThreads: threads, idleTimeout: 1000 });
  const progress = opts.progress ? createProgress(plan.length, opts.progress) : undefined;
  const emptySummary = (d: BatchDossier, outName: string, error: string): DossierOutcome => {
    const s = summarise(d.name, outName, { schemaVersion: 1, sources: [], objectives: [], headcount: [], workTime: [], smartWorking: [], turnover: [], pap: EMPTY_PAP, findings: [] });
    return { summary: { ...s, error }, details: '', failed: 1, warnings: [], error };
  };
  let outcomes: DossierOutcome[];
  try {
    outcomes = await Promise.all(
      plan.map(async (d, i) => {
        const { port1, port2 } = new MessageChannel();
        port1.on('message', (m: { file?: string }) => m.file && progress?.file(d.name, m.file));
        try {
          const o = await pool.run({ name: d.name, outName: outNames[i], files: d.files, outDir: outputPath(outDir, outNames[i]), port: port2, mapping: opts.mapping }, { transferList: [port2] });
          progress?.done(d.name, doneLine(o));
          return o;
        } catch (err) {
          const o = emptySummary(d, outNames[i], err instanceof Error ? err.message.split('\n')[0] : String(err));
          progress?.done(d.name, doneLine(o));
          return o;
        } finally {
          port1.close();
        }
      }),
    );
  } finally {
    progress?.finish();
    await pool.destroy();
  }
  const summaries = outcomes.map((o) => o.summary);
  await writeFileAtomic(join(outDir, 'summary.json'), `${JSON.stringify({ schemaVersion: 1, root: basename(resolve(root)), dossiers: summaries }, null, 2)}\n`);
  await writeSummaryXlsx(join(outDir, 'summary.xlsx'), basename(resolve(root)), summaries);
  return { summaries, outcomes, failed: outcomes.reduce((n, o) => n + o.failed, 0) };
}

