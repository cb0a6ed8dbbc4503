import { isoDateIt } from '../engine/text/iso-date';
import { Dossier, ObjectiveLevel, Severity } from '../engine/schema/dossier';
import { describePap } from './pap-summary';
import { printable } from './printable';
import { KIND_IT, severityCount } from '../write/labels';

const LEVEL_PLURAL: Record<ObjectiveLevel, string> = {
  value: 'valore pubblico',
  mandate: 'linee di mandato',
  strategic: 'strategici',
  operational: 'operativi',
  performance: 'di performance',
};
const SEVERITY_MARK: Record<Severity, string> = { error: 'ERRORE', warning: 'avviso', info: 'nota' };

/** What `piao import` prints: per file, its sheets, the objectives by level and the findings. */
export function describeDossier(d: Dossier, maxFindingsPerFile = 30): string {
  const lines: string[] = [];
  for (const s of d.sources) {
    if (s.status === 'failed') {
      lines.push(`✗ ${printable(s.error ?? '')}`);
      continue;
    }
    lines.push(`✓ ${printable(s.file)}`);
    for (const sh of s.sheets) {
      const date = sh.referenceDate ? ` al ${isoDateIt(sh.referenceDate)}` : '';
      lines.push(`    foglio «${printable(sh.name)}»: ${KIND_IT[sh.kind] ?? sh.kind}${date}`);
    }
    const objectives = d.objectives.filter((o) => o.at.file === s.file);
    if (objectives.length) {
      const counts = (Object.keys(LEVEL_PLURAL) as ObjectiveLevel[])
        .map((l) => [l, objectives.filter((o) => o.level === l).length] as const)
        .filter(([, n]) => n > 0)
        .map(([l, n]) => `${n} ${LEVEL_PLURAL[l]}`);
      lines.push(`    obiettivi: ${counts.join(', ')}`);
    }
    const findings = d.findings.filter((f) => f.file === s.file);
    for (const f of findings.slice(0, maxFindingsPerFile)) lines.push(`    ${SEVERITY_MARK[f.severity]} [${f.rule}] ${printable(f.sheet)}!${f.cell}: ${printable(f.message)}`);
    if (findings.length > maxFindingsPerFile) lines.push(`    … e altre ${findings.length - maxFindingsPerFile} segnalazioni (vedi piao.json)`);
  }
  const by = (sev: Severity) => d.findings.filter((f) => f.severity === sev).length;
  const pap = describePap(d);
  if (pap.length) lines.push('', ...pap);
  lines.push('');
  lines.push(`Segnalazioni: ${(['error', 'warning', 'info'] as Severity[]).map((s) => severityCount(by(s), s)).join(', ')}.`);
  return lines.join('\n');
}
