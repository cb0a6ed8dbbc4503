import { Analysis } from '../../importer/engine/analyse';
import { parseRange } from '../../importer/engine/grid/address';
import { ruleById } from '../../importer/engine/rules/registry';
import { Dossier, Place } from '../../importer/engine/schema/dossier';

/**
 * What every analysis must satisfy, whatever went in: the dossier passes the published contract,
 * and every finding (and every place it relates to) points at a valid cell inside the used range
 * of its sheet, or at A1. Returns the first violation, or undefined.
 */
export function findingViolation(analysis: Analysis): string | undefined {
  const parsed = Dossier.safeParse(analysis.dossier);
  if (!parsed.success) return `contratto: ${parsed.error.message.slice(0, 300)}`;
  const check = (p: Place, what: string): string | undefined => {
    let range;
    try {
      range = parseRange(p.cell);
    } catch {
      return `${what}: cella non valida ${p.cell}`;
    }
    if (p.cell === 'A1') return undefined;
    const grid = analysis.model.sources.find((s) => s.file === p.file)?.grids.find((g) => g.sheet === p.sheet);
    if (!grid) return `${what}: foglio inesistente ${p.file}!${p.sheet} (${p.cell})`;
    if (range.bottom >= grid.rowCount || range.right >= grid.colCount) return `${what}: ${p.sheet}!${p.cell} fuori dall'area usata (${grid.rowCount} righe, ${grid.colCount} colonne)`;
    return undefined;
  };
  for (const f of analysis.dossier.findings) {
    const bad = check(f, `segnalazione ${f.rule}`) ?? (f.related ?? []).map((r) => check(r, `collegata a ${f.rule}`)).find(Boolean);
    if (bad) return bad;
    const placeholders = Object.values(ruleById(f.rule)?.messages ?? {}).flatMap((t) => t.match(/\{\w+\}/g) ?? []);
    if (!f.message || /undefined|\[object |NaN/.test(f.message) || placeholders.some((p) => f.message.includes(p))) return `messaggio ${f.rule}: ${f.message}`;
  }
  for (const o of analysis.dossier.objectives) {
    const bad = check(o.at, `obiettivo ${o.code}`);
    if (bad) return bad;
  }
  return undefined;
}
