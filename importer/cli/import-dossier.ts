import { join } from 'node:path';
import { Analysis, SourceInput, analyse } from '../engine/analyse';
import { ReadError } from '../read/read-error';
import { LIMITS } from '../read/limits';
import { readSourceDetailed } from '../read/read-source';
import { writePiaoJson } from '../write/piao-json';
import { CollectedFile } from './collect';

export interface DossierResult {
  analysis: Analysis;
  outputs: string[];
  failed: number;
}

/** Reads the files of one dossier (a failure never stops the others), analyses them, writes the outputs. */
export async function importDossier(files: CollectedFile[], outDir: string, onFile?: (file: string) => void): Promise<DossierResult> {
  const inputs: SourceInput[] = [];
  let cells = 0;
  for (const f of files) {
    onFile?.(f.file);
    try {
      // the dossier's grids stay in memory together: each file reads within what is left
      const read = await readSourceDetailed(f.path, f.file, { dossierCellsLeft: LIMITS.maxCellsPerDossier - cells });
      cells += read.grids.reduce((n, g) => n + g.cellCount, 0);
      inputs.push({ file: f.file, grids: read.grids, problems: read.problems });
    } catch (err) {
      const message = err instanceof ReadError ? err.message : `${f.file}: non si può leggere (${err instanceof Error ? err.message : String(err)}).`;
      inputs.push({ file: f.file, error: message });
    }
  }
  const analysis = analyse(inputs);
  const jsonPath = join(outDir, 'piao.json');
  await writePiaoJson(jsonPath, analysis.dossier);
  return { analysis, outputs: [jsonPath], failed: inputs.filter((i) => !i.grids).length };
}
