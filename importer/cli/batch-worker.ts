/**
 * One dossier of a batch, run in a worker thread of the pool (piscina loads the compiled file,
 * build/importer/cli/batch-worker.js). Returns only plain data: the summary, what to print, and
 * the Italian lines of what failed.
 */
import type { MessagePort } from 'node:worker_threads';
import { ParsedMapping } from '../engine/mapping/parse';
import { CollectedFile } from './collect';
import { importDossier } from './import-dossier';
import { describeDossier } from './summary';
import { DossierSummary, summarise } from './batch-summary';

export interface DossierTask {
  name: string;
  /** The dossier's folder name inside the output folder (made safe from the input name). */
  outName: string;
  files: CollectedFile[];
  outDir: string;
  /** Receives { file } as each source is read, for the progress bar. */
  port?: MessagePort;
  /** A mapping to apply instead of detection on the sheets it names. */
  mapping?: ParsedMapping;
}

export interface DossierOutcome {
  summary: DossierSummary;
  /** What `piao import` would print for this dossier (for --details). */
  details: string;
  failed: number;
  warnings: string[];
  /** Set when the dossier could not be imported at all (an unexpected error, never a bad file). */
  error?: string;
}

export async function runDossier(task: DossierTask): Promise<DossierOutcome> {
  try {
    const result = await importDossier(task.files, task.outDir, (file) => task.port?.postMessage({ file }), task.name, task.mapping);
    const d = result.analysis.dossier;
    return { summary: summarise(task.name, task.outName, d, result.outputs), details: describeDossier(d), failed: result.failed + result.outputsFailed, warnings: result.warnings };
  } finally {
    task.port?.close();
  }
}

export default runDossier;
