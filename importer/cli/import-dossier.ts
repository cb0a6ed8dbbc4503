import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Analysis, SourceInput, analyse } from '../engine/analyse';
import { ParsedMapping } from '../engine/mapping/parse';
import { CsvOptions } from '../read/csv';
import { ReadError } from '../read/read-error';
import { LIMITS } from '../read/limits';
import { readSourceDetailed } from '../read/read-source';
import { writeAnnotatedCopy } from '../write/annotate';
import { annotatedNames } from '../write/cells';
import { writeMappingJson } from '../write/mapping-json';
import { writePiaoJson } from '../write/piao-json';
import { writePiaoXlsx } from '../write/piao-xlsx';
import { outputPath } from '../write/safe-path';
import { writeReport } from '../write/report/report';
import { cugCsvFiles } from '../write/cug-csv';
import { writeFileAtomic } from '../write/atomic';
import { CollectedFile } from './collect';
import { isSystemError, systemReason } from './system-errors';

export interface DossierResult {
  analysis: Analysis;
  /** Paths of the files written, relative to the output folder. */
  outputs: string[];
  failed: number;
  /** Italian lines about outputs that could not be written (the others were). */
  warnings: string[];
  /** piao.json, PIAO.xlsx, report.html or mappatura.json that could not be written (a full disk...): said in `warnings`. */
  outputsFailed: number;
}

function reason(err: unknown): string {
  if (err instanceof ReadError) return err.reason.replace(/\.$/, '');
  // the system's own words are English («ENOSPC: no space left on device»): say them in Italian
  if (isSystemError(err) || err instanceof RangeError) return systemReason(err);
  return err instanceof Error ? err.message.split('\n')[0].slice(0, 200) : String(err);
}

/** The delimiter and encoding a mapping gives for a CSV (the officer may have corrected them), if any. */
function csvReadingOf(file: string, mapping: ParsedMapping | undefined): CsvOptions | undefined {
  const entry = mapping?.sheets.find((s) => s.file === file && s.csv);
  return entry?.csv ? { delimiter: entry.csv.delimiter, encoding: entry.csv.encoding } : undefined;
}

/** The line that says a second path to a file was skipped. */
export function sameFileLine(f: CollectedFile): string {
  return `${f.file}: è lo stesso file di ${f.sameAs} (un collegamento simbolico o fisico): è letto una volta sola, da ${f.sameAs}, e questo percorso è saltato.`;
}

/**
 * Reads the files of one dossier for the engine (xlsx with the streaming reader): a failure never
 * stops the others, and the dossier's grids stay within LIMITS.maxCellsPerDossier together.
 */
export async function readDossierInputs(files: CollectedFile[], onFile?: (file: string) => void, mapping?: ParsedMapping): Promise<SourceInput[]> {
  const inputs: SourceInput[] = [];
  let cells = 0;
  for (const f of files) {
    // a second path to a file already read (a link): its figures are not counted twice
    if (f.sameAs !== undefined) continue;
    onFile?.(f.file);
    if (f.refused) {
      inputs.push({ file: f.file, error: `${f.file}: ${f.refused}` });
      continue;
    }
    try {
      // the dossier's grids stay in memory together: each file reads within what is left
      const read = await readSourceDetailed(f.raw ?? f.path, f.file, { dossierCellsLeft: LIMITS.maxCellsPerDossier - cells, csv: csvReadingOf(f.file, mapping) });
      cells += read.grids.reduce((n, g) => n + g.cellCount, 0);
      inputs.push({ file: f.file, grids: read.grids, problems: read.problems });
    } catch (err) {
      const message = err instanceof ReadError ? err.message : `${f.file}: non si può leggere (${reason(err)}).`;
      inputs.push({ file: f.file, error: message });
    }
  }
  return inputs;
}

/**
 * Reads the files of one dossier (a failure never stops the others), analyses them and writes its
 * outputs: piao.json (validated first), the annotated copies, PIAO.xlsx and report.html.
 */
export async function importDossier(files: CollectedFile[], outDir: string, onFile?: (file: string) => void, title = basename(outDir), mapping?: ParsedMapping): Promise<DossierResult> {
  const inputs = await readDossierInputs(files, onFile, mapping);
  const analysis = analyse(inputs, { mapping });
  const dossier = analysis.dossier;
  const outputs: string[] = [];
  const warnings: string[] = [...files.filter((f) => f.sameAs !== undefined).map(sameFileLine), ...analysis.mappingNotes.map((n) => n.message)];
  let outputsFailed = 0;
  // one output that cannot be written (a full disk, a name taken) never stops the others
  const write = async (name: string, run: () => Promise<unknown>) => {
    try {
      await run();
      outputs.push(name);
    } catch (err) {
      outputsFailed++;
      warnings.push(`${name} non si è potuto scrivere (${reason(err)}).`);
    }
  };
  await write('piao.json', () => writePiaoJson(join(outDir, 'piao.json'), dossier));
  await write('mappatura.json', () => writeMappingJson(join(outDir, 'mappatura.json'), analysis.mapping));
  // the Relazione CUG tables, one CSV each for pasting into the portal
  for (const f of cugCsvFiles(dossier.cug)) await write(f.name, () => writeFileAtomic(join(outDir, f.name), f.text));

  const readable = files.filter((f) => dossier.sources.find((s) => s.file === f.file)?.status === 'ok');
  const annotated = annotatedNames(readable.map((f) => f.file));
  for (const f of readable) {
    const target = annotated.get(f.file)!;
    try {
      const grids = inputs.find((i) => i.file === f.file)?.grids ?? [];
      const r = await writeAnnotatedCopy({ bytes: () => readFile(f.raw ?? f.path), file: f.file, grids }, dossier.findings, outputPath(outDir, target), { owner: dossier.entity?.name ?? title });
      outputs.push(target);
      if (r.degraded) warnings.push(`${f.file}: la copia annotata riporta valori e segnalazioni ma non la formattazione originale (${r.degraded}).`);
    } catch (err) {
      annotated.delete(f.file);
      warnings.push(`${f.file}: la copia annotata non si è potuta scrivere (${reason(err)}).`);
    }
  }
  await write('PIAO.xlsx', () => writePiaoXlsx(join(outDir, 'PIAO.xlsx'), dossier, annotated));
  await write('report.html', () => writeReport(join(outDir, 'report.html'), dossier, { title, annotated, mapping: analysis.mapping }));
  return { analysis, outputs, failed: inputs.filter((i) => !i.grids).length, warnings, outputsFailed };
}
