import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Dossier, Severity } from '../engine/schema/dossier';
import { writeFileAtomic } from '../write/atomic';
import { distinctSafeSegments, outputPath } from '../write/safe-path';
import { removeStaleTemps } from '../write/stale-temp';
import { collectInputs, CollectedFile } from './collect';
import { importDossier } from './import-dossier';
import { isSpreadsheetPath } from '../read/read-source';

export interface BatchDossier {
  name: string;
  root: string;
  files: CollectedFile[];
}

/** Every immediate subfolder of root is a dossier; files directly in root form one more, named after root. */
export async function planBatch(root: string): Promise<BatchDossier[]> {
  const abs = resolve(root);
  const entries = await readdir(abs, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const dossiers: BatchDossier[] = [];
  const loose = entries.filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.startsWith('~$') && isSpreadsheetPath(e.name));
  if (loose.length) dossiers.push({ name: basename(abs), root: abs, files: loose.map((e) => ({ path: join(abs, e.name), file: e.name })) });
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    const { files } = await collectInputs([join(abs, e.name)]);
    dossiers.push({ name: e.name, root: join(abs, e.name), files });
  }
  return dossiers;
}

export interface DossierSummary {
  name: string;
  outDir: string;
  sources: { ok: number; failed: number; failures: { file: string; error: string }[] };
  objectives: Record<string, number>;
  pap: { staff: number; shareF: number | null; smartWorkingShare: number | null };
  findings: { error: number; warning: number; info: number; byRule: Record<string, number> };
}

export function summarise(name: string, outDir: string, d: Dossier): DossierSummary {
  const count = (sev: Severity) => d.findings.filter((f) => f.severity === sev).length;
  const byRule: Record<string, number> = {};
  for (const f of d.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const objectives: Record<string, number> = {};
  for (const o of d.objectives) objectives[o.level] = (objectives[o.level] ?? 0) + 1;
  const failed = d.sources.filter((s) => s.status === 'failed');
  return {
    name,
    outDir,
    sources: { ok: d.sources.length - failed.length, failed: failed.length, failures: failed.map((s) => ({ file: s.file, error: s.error ?? '' })) },
    objectives,
    pap: { staff: d.pap.headcount.total, shareF: d.pap.headcount.shareF, smartWorkingShare: d.pap.smartWorking.share },
    findings: { error: count('error'), warning: count('warning'), info: count('info'), byRule },
  };
}

/** Imports every dossier of a batch, one after another, and writes summary.json. */
export async function runBatch(root: string, outDir: string, log: (line: string) => void): Promise<{ summaries: DossierSummary[]; failed: number; dossiers: Dossier[] }> {
  const plan = await planBatch(root);
  await removeStaleTemps(outDir);
  // folder names come from the input: each becomes one safe name inside outDir, never a path
  const outNames = distinctSafeSegments(plan.map((d) => d.name));
  const summaries: DossierSummary[] = [];
  const dossiers: Dossier[] = [];
  let failed = 0;
  for (const [i, d] of plan.entries()) {
    const dir = outputPath(outDir, outNames[i]);
    log(`[${i + 1}/${plan.length}] ${d.name}: ${d.files.length} file`);
    const result = await importDossier(d.files, dir);
    failed += result.failed;
    dossiers.push(result.analysis.dossier);
    summaries.push(summarise(d.name, outNames[i], result.analysis.dossier));
  }
  await writeFileAtomic(join(outDir, 'summary.json'), `${JSON.stringify({ schemaVersion: 1, root: basename(resolve(root)), dossiers: summaries }, null, 2)}\n`);
  return { summaries, failed, dossiers };
}
