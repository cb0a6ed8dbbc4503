/** What the task pane shows, computed from an outcome: pure, so it is tested without a browser. */
import { ruleById, ruleTitle } from '../../importer/engine/rules/registry';
import { Finding, Severity, SheetInfo } from '../../importer/engine/schema/dossier';
import { SEVERITY_LABEL, SEVERITY_PLURAL, SEVERITY_RANK } from '../flags/look';
import { ClearReport, TextVia } from '../flags/plan';
import { choiceKeyOf, roleChoices } from '../../importer/engine/mapping/edit';
import { columnRoleIt } from '../../importer/engine/mapping/role-names';
import { Mapping, MappingColumn } from '../../importer/engine/mapping/schema';

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
  /** The rule's short Italian title, from the registry (the id stays in `rule`, shown as a tooltip). */
  title: string;
  /** One line on what the rule checks, from the registry. */
  docs: string;
  findings: Finding[];
}

/** Findings grouped by rule and severity: errors first, then warnings, then notes; by rule id within. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.rule}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, rule: f.rule, severity: f.severity, title: ruleTitle(f.rule), docs: ruleById(f.rule)?.docs.it ?? '', findings: [] };
      groups.set(key, g);
    }
    g.findings.push(f);
  }
  return [...groups.values()].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('it-IT')} ${n === 1 ? one : many}`;
}

const SEVERITY_NOUN: Record<Severity, [string, string]> = { error: ['errore', 'errori'], warning: ['avviso', 'avvisi'], info: ['nota', 'note'] };

/** "1 errore", "2 avvisi", "0 note": the count of one severity, singular or plural. */
export function severityCount(s: Severity, n: number): string {
  return plural(n, ...SEVERITY_NOUN[s]);
}

/** "1 segnalazione", "12 segnalazioni". */
export function findingsCount(n: number): string {
  return plural(n, 'segnalazione', 'segnalazioni');
}

/** "2 errori, 1 avviso" (severities with none are left out) */
export function countsSentence(c: Counts): string {
  const parts = (['error', 'warning', 'info'] as const).filter((s) => c[s] > 0).map((s) => severityCount(s, c[s]));
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

/** What "Pulisci segnalazioni" did (from what Excel applied). */
export function clearSentence(r: ClearReport): string {
  if (r.restored === 0 && r.keptUserChanges === 0 && r.pending === 0 && r.failed === 0) return 'Nessuna segnalazione da togliere.';
  const out: string[] = [];
  if (r.restored || !r.failed) out.push(`Segnalazioni tolte da ${plural(r.restored, 'cella', 'celle')}: colori e note di prima sono stati ripristinati.`);
  if (r.approximate) out.push(`In ${plural(r.approximate, 'cella', 'celle')} è tornato il colore di sfondo ma non il motivo o la tinta (servono ExcelApi 1.9).`);
  if (r.failed) out.push(`${plural(r.failed, 'cella non è stata ripristinata', 'celle non sono state ripristinate')}: Excel ha rifiutato la modifica; ripeti "Pulisci segnalazioni".`);
  if (r.edited) out.push(`${plural(r.edited, 'cella è stata modificata', 'celle sono state modificate')} dopo il controllo: i valori restano come li hai lasciati.`);
  if (r.keptUserChanges) out.push(`In ${plural(r.keptUserChanges, 'cella', 'celle')} hai cambiato colore, nota o commento dopo il controllo: restano come li hai lasciati.`);
  if (r.pending) out.push(`${plural(r.pending, 'nota o commento non si può', 'note o commenti non si possono')} togliere con questa versione di Excel: riprova con Excel aggiornato.`);
  return out.join(' ');
}

/** The place of a finding as a user reads it: "Foglio1!C23". */
export function placeLabel(f: { sheet: string; cell: string }): string {
  return `${f.sheet} · ${f.cell}`;
}

export interface ColumnView {
  /** Column letter. */
  column: string;
  label: string;
  /** The role's choice now, and the choices offered (the family's roles, in Italian). */
  choice: string;
  role: string;
  ignored: boolean;
  choices: { key: string; label: string }[];
}

export interface SheetView {
  name: string;
  kind: string;
  referenceDate?: string;
  /** Read as the officer's correction kept in the workbook says, not by detection. */
  mapped: boolean;
  tables: { index: number; range: string; title?: string; kind: string; family: string; headerRows: number[]; columns: ColumnView[] }[];
}

/**
 * How each sheet was read, for «Come sono stati letti i fogli»: its kind and date (from the
 * dossier), its tables and every column with its role and the roles it can be given (from the
 * mapping the check used). Without a mapping (an outcome of an older check) only kinds are shown.
 */
export function sheetViews(sheets: readonly SheetInfo[], mapping?: Mapping, mapped: readonly string[] = []): SheetView[] {
  return sheets.map((s) => {
    const entry = mapping?.sheets.find((e) => e.sheet === s.name);
    return {
      name: s.name,
      kind: s.kind,
      referenceDate: s.referenceDate,
      mapped: mapped.includes(s.name),
      tables: (entry?.tables ?? []).map((t, index) => {
        const choices = roleChoices(t.family).map((c) => ({ key: c.key, label: c.label }));
        return {
          index,
          range: t.range,
          title: s.tables?.[index]?.title,
          kind: t.kind,
          family: t.family,
          headerRows: t.headerRows,
          columns: (t.columns as MappingColumn[]).map((c) => ({
            column: c.column,
            label: c.label,
            choice: choiceKeyOf(t.family, c),
            role: columnRoleIt(t.family, c),
            ignored: c.role === 'ignored',
            choices,
          })),
        };
      }),
    };
  });
}

/** "31/12/2023" from "2023-12-31". */
export { isoDateIt as italianDate } from '../../importer/engine/text/iso-date';

/** What «Normalizza» did. */
export function normalisedSentence(o: { written: { name: string; rows: number }[]; replaced: string[] }): string {
  const list = o.written.map((w) => `«${w.name}» (${plural(w.rows, 'riga', 'righe')})`).join(', ');
  const out = [`${o.written.length === 1 ? 'Scritto il foglio' : 'Scritti i fogli'} ${list}, come tabelle di Excel.`];
  if (o.replaced.length) out.push(`${o.replaced.length === 1 ? 'Sostituito il foglio' : 'Sostituiti i fogli'} della normalizzazione precedente: ${o.replaced.map((n) => `«${n}»`).join(', ')}.`);
  return out.join(' ');
}

/** The question before «Normalizza» replaces the sheets it wrote earlier. */
export function replaceQuestion(names: readonly string[]): string {
  const list = names.map((n) => `«${n}»`).join(', ');
  return names.length === 1
    ? `Il foglio ${list} è stato scritto da una normalizzazione precedente: verrà eliminato e scritto di nuovo. Gli altri fogli non vengono toccati.`
    : `I fogli ${list} sono stati scritti da una normalizzazione precedente: verranno eliminati e scritti di nuovo. Gli altri fogli non vengono toccati.`;
}

/** What «Inserisci modello» did. */
export function insertedSentence(sheets: readonly string[]): string {
  const list = sheets.map((n) => `«${n}»`).join(', ');
  return `${sheets.length === 1 ? 'Inserito il foglio' : 'Inseriti i fogli'} ${list}. Scrivi l'anno al posto di AAAA nel nome del foglio e nel titolo, poi compila le righe.`;
}

/** The caption under «Ricontrollo automatico». */
export function liveSentence(live: { on: boolean; watching: string[]; tooLarge: { name: string; cells: number }[]; rechecked?: string[]; unsupported?: string }, checked: boolean, maxCells: number): string {
  if (live.unsupported) return live.unsupported;
  if (!checked) return 'Dopo un controllo, le segnalazioni si aggiornano mentre modifichi le celle.';
  if (live.on) {
    const out = [`Attivo su ${live.watching.map((n) => `«${n}»`).join(', ') || 'nessun foglio'}: le segnalazioni si aggiornano mentre modifichi le celle (i confronti tra tabelle con «Controlla»).`];
    if (live.rechecked?.length) out.push(`Ultimo aggiornamento: ${live.rechecked.map((n) => `«${n}»`).join(', ')}.`);
    return out.join(' ');
  }
  if (live.tooLarge.length) {
    const big = live.tooLarge.map((s) => `«${s.name}» (${plural(s.cells, 'cella', 'celle')})`).join(', ');
    return `Disattivato: ${live.tooLarge.length === 1 ? 'il foglio' : 'i fogli'} ${big} ${live.tooLarge.length === 1 ? 'supera' : 'superano'} ${maxCells.toLocaleString('it-IT')} celle e ${live.tooLarge.length === 1 ? 'ricontrollarlo' : 'ricontrollarli'} a ogni modifica rallenterebbe Excel. Puoi attivarlo lo stesso.`;
  }
  return 'Disattivato: usa «Controlla» dopo le modifiche.';
}
