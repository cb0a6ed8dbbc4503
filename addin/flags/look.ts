import { ruleTitle } from '../../importer/engine/rules/registry';
import { Severity } from '../../importer/engine/schema/dossier';

/**
 * How a flag looks in the grid: a light fill by severity (text stays readable, and the colours are
 * unusual enough not to be mistaken for a fill the user chose) and a note with the messages.
 */
export const FLAG_FILL: Record<Severity, string> = {
  error: '#FFC9C9',
  warning: '#FFE9A8',
  info: '#DCE9F9',
};

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errore', warning: 'Avviso', info: 'Nota' };
export const SEVERITY_PLURAL: Record<Severity, string> = { error: 'Errori', warning: 'Avvisi', info: 'Note' };
export const SEVERITY_RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

export const NOTE_TITLE = 'Controllo PIAO';
export const PRIOR_NOTE_HEADING = '— Nota precedente —';
/** Messages listed in one note before "… e altre N". */
export const MAX_NOTE_LINES = 12;

/** Our note over a cell: the messages, then the note the user had there, so it is never hidden. */
export function composeNote(lines: readonly string[], prior: string | null): string {
  const shown = lines.slice(0, MAX_NOTE_LINES);
  if (lines.length > shown.length) shown.push(`… e altre ${lines.length - shown.length} segnalazioni (vedi il riquadro PIAO)`);
  const ours = `${NOTE_TITLE}\n${shown.join('\n')}`;
  return prior ? `${ours}\n\n${PRIOR_NOTE_HEADING}\n${prior}` : ours;
}

/** One finding in a cell's note: "• Errore – Totale diverso dalla somma delle parti: ..." (the rule's Italian title, as in the annotated copies). */
export function noteLine(severity: Severity, message: string, rule?: string): string {
  return rule ? `• ${SEVERITY_LABEL[severity]} – ${ruleTitle(rule)}: ${message}` : `• ${SEVERITY_LABEL[severity]}: ${message}`;
}

/** Whether a fill is the one we put: our colour, solid, no tint. */
export function isFlagFill(fill: { color: string; pattern?: string; tintAndShade?: number }, ours: string): boolean {
  return fill.color.toUpperCase() === ours.toUpperCase() && (fill.pattern === undefined || fill.pattern === 'Solid') && !fill.tintAndShade;
}
