import { analyse, Analysis } from '../../importer/engine/analyse';
import { Dossier, Objective } from '../../importer/engine/schema/dossier';
import { normaliseLabel } from '../../importer/engine/text/normalise';
import { readBytes } from '../../importer/read/read-source';
import { SheetSpec, xlsx } from '../corpus/fixtures/kit';

/** Writes sheets (rows, merges, number formats) to real xlsx bytes with exceljs, reads them back as the CLI does, analyses them. */
export async function analyseSheets(sheets: SheetSpec[], file = 'obiettivi.xlsx'): Promise<Analysis> {
  const bytes = await xlsx(sheets);
  return analyse([{ file, grids: await readBytes(bytes, file) }]);
}

/** The one objective whose title starts with `start` (normalised); throws when none or several match. */
export function titled(d: Dossier, start: string): Objective {
  const key = normaliseLabel(start);
  const found = d.objectives.filter((o) => normaliseLabel(o.title).startsWith(key));
  if (found.length !== 1) throw new Error(`${found.length} obiettivi intitolati «${start}»: ${d.objectives.map((o) => o.title).join(' | ')}`);
  return found[0];
}

/** Warnings and errors as "rule sheet!cell", sorted. */
export function serious(d: Dossier): string[] {
  return d.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.rule} ${f.sheet}!${f.cell}`)
    .sort();
}

/** Findings with their messages, for a failing assertion to show. */
export function explain(d: Dossier): string {
  return d.findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}: ${f.message}`).join('\n');
}
