/**
 * The words the workbooks show for a finding, built in one place: the note on a flagged cell of an
 * annotated copy, the rows of its «Anomalie» sheet and of PIAO.xlsx's all read them from here
 * (giving rules an Italian title changes this file only).
 */
import { ruleTitle } from '../engine/rules/registry';
import { Finding, Place } from '../engine/schema/dossier';
import { SEVERITY_IT } from './labels';

/** "Errore", "Avviso", "Nota". */
export function severityLabel(f: Finding): string {
  return SEVERITY_IT[f.severity];
}

/** How the rule that raised a finding is named for people: its short Italian title (the id stays in its own column). */
export function ruleLabel(f: Finding): string {
  return ruleTitle(f.rule);
}

/** One finding in a note: "Errore – Totale diverso dalla somma delle parti: Il totale ...". */
export function noteLine(f: Finding): string {
  return `${severityLabel(f)} – ${ruleLabel(f)}: ${f.message}`;
}

/** The note of a flagged cell: every finding of the cell, a blank line between two. */
export function noteText(findings: readonly Finding[]): string {
  return findings.map(noteLine).join('\n\n');
}

/** Where a note that was already in the cell ends and ours begins. */
export const NOTE_SEPARATOR = '\n\n';

/** The «Celle collegate» column: the related places, named as briefly as the copy allows. */
export function relatedPlacesText(f: Finding, file: string): string {
  return (f.related ?? []).map((p: Place) => (p.file !== file ? `${p.file} · ${p.sheet}!${p.cell}` : p.sheet === f.sheet ? p.cell : `${p.sheet}!${p.cell}`)).join(', ');
}

/** The text of the «Anomalie» sheet of a copy with no finding. */
export const NO_FINDINGS = 'Nessuna anomalia trovata in questo file.';

/** Its header row. */
export const FINDINGS_HEADER = ['Gravità', 'Controllo', 'Foglio', 'Cella', 'Messaggio', 'Celle collegate', 'Id del controllo'] as const;
