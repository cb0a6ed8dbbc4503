import { parseRange } from '../grid/address';
import { Model } from '../model';
import { Finding } from '../schema/dossier';
import { RULES } from './registry';
import { Rule, formatMessage } from './rule';

/** Sorts findings the way a user reads them: by file, sheet, row, column, then rule. */
export function sortFindings(findings: Finding[], sheetOrder: Map<string, number>): Finding[] {
  // each finding's sheet and cell read once, not at every comparison
  const keys = new Map<Finding, { sheet: number; row: number; col: number }>();
  for (const f of findings) {
    const r = parseRange(f.cell);
    keys.set(f, { sheet: sheetOrder.get(`${f.file}\u0000${f.sheet}`) ?? 0, row: r.top, col: r.left });
  }
  return findings.sort((a, b) => {
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    return ka.sheet - kb.sheet || ka.row - kb.row || ka.col - kb.col || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
  });
}

/** Runs rules over a model. A rule that throws becomes one finding, never a crash. */
export function runRules(model: Model, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const firstMessage = Object.keys(rule.messages)[0];
    const ctx = {
      model,
      report(r: import('./rule').Report) {
        const template = rule.messages[r.messageId ?? firstMessage];
        const message = formatMessage(template, r.data);
        const key = `${rule.id}\u0000${r.at.file}\u0000${r.at.sheet}\u0000${r.at.cell}\u0000${message}`;
        if (seen.has(key)) return;
        seen.add(key);
        const f: Finding = { rule: rule.id, severity: r.severity ?? rule.severity, file: r.at.file, sheet: r.at.sheet, cell: r.at.cell, message };
        if (r.related && r.related.length) f.related = r.related;
        if (r.expected !== undefined) f.expected = r.expected;
        if (r.actual !== undefined) f.actual = r.actual;
        findings.push(f);
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      const first = model.sources.find((s) => s.status === 'ok');
      findings.push({
        rule: rule.id,
        severity: 'info',
        file: first?.file ?? '',
        sheet: first?.sheets[0]?.name ?? '',
        cell: 'A1',
        message: `Controllo "${rule.id}" non eseguito per un errore interno: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
  return findings;
}
