/** What the task pane shows, computed from an outcome: pure, so it is tested without a browser. */
import { ruleById } from '../../importer/engine/rules/registry';
import { Finding, Severity, SheetInfo } from '../../importer/engine/schema/dossier';
import { SEVERITY_LABEL, SEVERITY_PLURAL, SEVERITY_RANK } from '../flags/look';
import { ClearReport, TextVia } from '../flags/plan';

export type Counts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): Counts {
  const out: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

export interface FindingGroup {
  key: string;
  rule: string;
  severity: Severity;
  /** One line on what the rule checks, from the registry. */
  title: string;
  findings: Finding[];
}

/** Findings grouped by rule and severity: errors first, then warnings, then notes; by rule id within. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.rule}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, rule: f.rule, severity: f.severity, title: ruleById(f.rule)?.docs.it ?? f.rule, findings: [] };
      groups.set(key, g);
    }
    g.findings.push(f);
  }
  return [...groups.values()].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('it-IT')} ${n === 1 ? one : many}`;
}

/** "2 errori, 1 avviso, nessuna nota" */
export function countsSentence(c: Counts): string {
  const part = (n: number, one: string, many: string) => (n === 0 ? null : plural(n, one, many));
  const parts = [part(c.error, 'errore', 'errori'), part(c.warning, 'avviso', 'avvisi'), part(c.info, 'nota', 'note')].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Nessuna segnalazione';
}

export function severityLabel(s: Severity, n = 1): string {
  return n === 1 ? SEVERITY_LABEL[s] : SEVERITY_PLURAL[s];
}

const VIA: Record<TextVia, string> = {
  note: 'con il messaggio in una nota',
  comment: 'con il messaggio in un commento',
  fill: 'solo colorate',
};

/** What "Controlla" did in the grid. */
export function markedSentence(marked: { cells: number; texts: number; via: TextVia }, cleared: ClearReport): string {
  if (marked.cells === 0 && cleared.restored === 0) return 'Nessuna cella da segnare.';
  const out: string[] = [];
  if (marked.cells) out.push(`${plural(marked.cells, 'cella segnata', 'celle segnate')} nella griglia, ${VIA[marked.via]}.`);
  if (cleared.restored) out.push(`${plural(cleared.restored, 'cella corretta', 'celle corrette')} dal controllo precedente: segnalazione tolta.`);
  return out.join(' ');
}

/** What "Pulisci segnalazioni" did. */
export function clearSentence(r: ClearReport): string {
  if (r.restored === 0 && r.keptUserChanges === 0 && r.pending === 0) return 'Nessuna segnalazione da togliere.';
  const out: string[] = [];
  out.push(`Segnalazioni tolte da ${plural(r.restored, 'cella', 'celle')}: colori e note di prima sono stati ripristinati.`);
  if (r.edited) out.push(`${plural(r.edited, 'cella è stata modificata', 'celle sono state modificate')} dopo il controllo: i valori restano come li hai lasciati.`);
  if (r.keptUserChanges) out.push(`In ${plural(r.keptUserChanges, 'cella', 'celle')} hai cambiato colore, nota o commento dopo il controllo: restano come li hai lasciati.`);
  if (r.pending) out.push(`${plural(r.pending, 'nota o commento non si può', 'note o commenti non si possono')} togliere con questa versione di Excel: riprova con Excel aggiornato.`);
  return out.join(' ');
}

/** The place of a finding as a user reads it: "Foglio1!C23". */
export function placeLabel(f: { sheet: string; cell: string }): string {
  return `${f.sheet} · ${f.cell}`;
}

export interface SheetView {
  name: string;
  kind: string;
  referenceDate?: string;
  tables: { range: string; title?: string; kind: string; columns: { cell: string; label: string; role: string | null }[] }[];
}

export function sheetViews(sheets: readonly SheetInfo[]): SheetView[] {
  return sheets.map((s) => ({
    name: s.name,
    kind: s.kind,
    referenceDate: s.referenceDate,
    tables: (s.tables ?? []).map((t) => ({ range: t.range, title: t.title, kind: t.kind, columns: t.columns ?? [] })),
  }));
}

/** "31/12/2023" from "2023-12-31". */
export function italianDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
