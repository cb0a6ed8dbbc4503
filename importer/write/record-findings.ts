/**
 * Which findings concern which normalised row: the findings at a record's own cells, and those at
 * the label of its row (a repeated row is reported at its label). Pure: PIAO.xlsx («Segnalazioni»),
 * the report (the objectives tree) and the add-in's «Normalizza» share it.
 */
import { CellRange, parseRange } from '../engine/grid/address';
import { ruleTitle } from '../engine/rules/registry';
import { Finding, Objective, Place, Severity } from '../engine/schema/dossier';
import { SEVERITY_IT } from './labels';

interface Located {
  range: CellRange;
  finding: Finding;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const LEVEL_DEPTH: Record<Objective['level'], number> = { value: 0, mandate: 1, strategic: 2, operational: 3, performance: 4 };

function range(cell: string): CellRange | undefined {
  try {
    return parseRange(cell);
  } catch {
    return undefined;
  }
}

const rowsMeet = (a: CellRange, b: CellRange) => a.top <= b.bottom && b.top <= a.bottom;
const meets = (a: CellRange, b: CellRange) => rowsMeet(a, b) && a.left <= b.right && b.left <= a.right;

function bySheet(findings: readonly Finding[]): Map<string, Located[]> {
  const out = new Map<string, Located[]>();
  for (const f of findings) {
    const r = range(f.cell);
    if (!r) continue;
    const key = `${f.file}\u0000${f.sheet}`;
    const list = out.get(key) ?? [];
    list.push({ range: r, finding: f });
    out.set(key, list);
  }
  return out;
}

const sheetKey = (p: Place) => `${p.file}\u0000${p.sheet}`;

/**
 * For each record (in order), the findings that concern it: at its cell or range, or at a cell of
 * its row left of it that is no other record's (the label of its line: «Cat. B» repeated).
 */
export function recordFindings(records: readonly { at: Place }[], findings: readonly Finding[]): Finding[][] {
  const index = bySheet(findings);
  const recordCells = new Set(records.map((r) => `${sheetKey(r.at)}\u0000${r.at.cell.split(':')[0]}`));
  return records.map((rec) => {
    const at = range(rec.at.cell);
    const list = at ? index.get(sheetKey(rec.at)) : undefined;
    if (!at || !list) return [];
    return list
      .filter(({ range: f, finding }) => meets(f, at) || (rowsMeet(f, at) && f.right < at.left && !recordCells.has(`${sheetKey(rec.at)}\u0000${finding.cell.split(':')[0]}`)))
      .map((x) => x.finding);
  });
}

/**
 * For each objective (in order), the findings of its row: at its own cell, else at a cell of the
 * row it was read from, given to the deepest objective of that row (a flattened hierarchy reads a
 * strategic, an operational and a performance objective from one row).
 */
export function objectiveFindings(objectives: readonly Objective[], findings: readonly Finding[]): Finding[][] {
  const out: Finding[][] = objectives.map(() => []);
  const byCell = new Map<string, number[]>();
  const bySheetRows = new Map<string, { range: CellRange; index: number }[]>();
  objectives.forEach((o, i) => {
    const r = range(o.at.cell);
    if (!r) return;
    const cellKey = `${sheetKey(o.at)}\u0000${o.at.cell.split(':')[0]}`;
    byCell.set(cellKey, [...(byCell.get(cellKey) ?? []), i]);
    const list = bySheetRows.get(sheetKey(o.at)) ?? [];
    list.push({ range: r, index: i });
    bySheetRows.set(sheetKey(o.at), list);
  });
  for (const f of findings) {
    const exact = byCell.get(`${sheetKey(f)}\u0000${f.cell.split(':')[0]}`);
    if (exact) {
      for (const i of exact) out[i].push(f);
      continue;
    }
    const r = range(f.cell);
    const candidates = r ? (bySheetRows.get(sheetKey(f)) ?? []).filter((x) => rowsMeet(x.range, r)) : [];
    if (!candidates.length) continue;
    const deepest = Math.max(...candidates.map((c) => LEVEL_DEPTH[objectives[c.index].level]));
    for (const c of candidates) if (LEVEL_DEPTH[objectives[c.index].level] === deepest) out[c.index].push(f);
  }
  return out;
}

/** The worst severity of some findings (undefined: none). */
export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (!worst || RANK[f.severity] < RANK[worst]) worst = f.severity;
  return worst;
}

/**
 * The «Segnalazioni» text of a row: each severity and rule title once, the worst first, with how
 * many when more than one («Errore – Riga ripetuta; Avviso – Valore mancante (3)»); empty when none.
 */
export function findingsText(findings: readonly Finding[]): string | null {
  if (!findings.length) return null;
  const groups = new Map<string, { severity: Severity; rule: string; n: number }>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.rule}`;
    const g = groups.get(key) ?? { severity: f.severity, rule: f.rule, n: 0 };
    g.n++;
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || ruleTitle(a.rule).localeCompare(ruleTitle(b.rule), 'it'))
    .map((g) => `${SEVERITY_IT[g.severity]} – ${ruleTitle(g.rule)}${g.n > 1 ? ` (${g.n})` : ''}`)
    .join('; ');
}
