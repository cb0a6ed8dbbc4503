import { parseRange } from '../grid/address';
import { Model } from '../model';
import { Finding } from '../schema/dossier';
import { RULES } from './registry';
import { Rule, formatMessage } from './rule';

function cellOrder(cell: string): [number, number] {
  const r = parseRange(cell);
  return [r.top, r.left];
}

/** Sorts findings the way a user reads them: by file, sheet, row, column, then rule. */
export function sortFindings(findings: Finding[], sheetOrder: Map<string, number>): Finding[] {
  return findings.sort((a, b) => {
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    const sa = sheetOrder.get(`${a.file}\u0000${a.sheet}`) ?? 0;
    const sb = sheetOrder.get(`${b.file}\u0000${b.sheet}`) ?? 0;
    if (sa !== sb) return sa - sb;
    const [ra, ca] = cellOrder(a.cell);
    const [rb, cb] = cellOrder(b.cell);
    return ra - rb || ca - cb || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
  });
}

/** Runs rules over a model. A rule that throws becomes one finding, never a crash. */
export function runRules(model: Model, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const ctx = {
      model,
      report(r: import('./rule').Report) {
        const ids = Object.keys(rule.messages);
        const template = rule.messages[r.messageId ?? ids[0]];
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
