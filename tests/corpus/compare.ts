import { Analysis, analyse } from '../../importer/engine/analyse';
import { readBytes } from '../../importer/read/read-source';
import { isStaffTable } from '../../importer/engine/staff/types';
import { normaliseLabel } from '../../importer/engine/text/normalise';
import { Objective, Place } from '../../importer/engine/schema/dossier';
import { Expected, ExpectedObjective, Fixture, WeightKind } from './fixtures/kit';

/**
 * An objective as piao.json gives it, with the fields the objective-table work adds (assigned
 * codes, responsible, kind of weight, per-manager weights); read through this type until the
 * schema has them.
 */
type ObjectiveOut = Objective & {
  codeAssigned?: boolean;
  responsible?: string;
  weightKind?: WeightKind;
  weights?: { manager: string; weight: number; at: Place }[];
};

/** Reads a fixture's bytes with the real readers (by extension) and analyses it as one dossier. */
export async function runFixture(f: Fixture): Promise<Analysis> {
  const bytes = await f.bytes();
  try {
    return analyse([{ file: f.file, grids: await readBytes(bytes, f.file) }]);
  } catch (err) {
    return analyse([{ file: f.file, error: String(err) }]);
  }
}

/** The differences between what a fixture expects and what the engine made of it (empty = pass). */
export function compare(f: Fixture, a: Analysis): string[] {
  const d = a.dossier;
  const e: Expected = f.expected;
  const out: string[] = [];
  const eq = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) out.push(`${what}: atteso ${JSON.stringify(expected)}, ottenuto ${JSON.stringify(actual)}`);
  };
  const source = d.sources[0];
  if (source.status !== 'ok') out.push(`lettura fallita: ${source.error}`);
  for (const [sheet, kind] of Object.entries(e.kinds ?? {})) eq(`tipo del foglio ${sheet}`, source.sheets.find((s) => s.name === sheet)?.kind, kind);
  if (e.staffTables !== undefined) eq('tabelle del personale', a.model.tables.filter(isStaffTable).length, e.staffTables);
  const p = d.pap;
  const g = (x: { F: number; M: number }) => ({ F: x.F, M: x.M });
  if (e.headcount) eq('pap.headcount', g(p.headcount), e.headcount);
  for (const [cat, v] of Object.entries(e.byCategory ?? {})) {
    const row = p.byCategory.find((c) => c.category === cat);
    eq(`pap.byCategory.${cat}`, row ? g(row) : undefined, v);
  }
  if (e.partTime) eq('pap.partTime', g(p.partTime), e.partTime);
  if (e.fixedTerm) eq('pap.fixedTerm', g(p.fixedTerm), e.fixedTerm);
  if (e.totals?.headcount !== undefined) eq('pap.headcount.total', p.headcount.total, e.totals.headcount);
  if (e.totals?.partTime !== undefined) eq('pap.partTime.total', p.partTime.total, e.totals.partTime);
  if (e.totals?.fixedTerm !== undefined) eq('pap.fixedTerm.total', p.fixedTerm.total, e.totals.fixedTerm);
  if (e.withoutGender) eq('dati senza genere', (['headcount', 'partTime', 'fixedTerm'] as const).filter((k) => p[k].byGender === false), e.withoutGender);
  if (e.top) eq('pap.top', g(p.top), e.top);
  if (e.smartWorking) eq('pap.smartWorking', g(p.smartWorking), e.smartWorking);
  if (e.turnover) eq('pap.turnover', p.turnover.map((t) => ({ year: t.year, hires: g(t.hires), terminations: g(t.terminations) })), e.turnover);
  if (e.papDate) eq('pap.referenceDate', p.referenceDate, e.papDate);
  if (e.papDates !== undefined) eq('papByDate', d.papByDate?.length ?? 0, e.papDates);
  if (e.objectives) {
    const byLevel: Record<string, number> = {};
    for (const o of d.objectives) byLevel[o.level] = (byLevel[o.level] ?? 0) + 1;
    if (e.objectives.byLevel) eq('obiettivi per livello', byLevel, e.objectives.byLevel);
    if (e.objectives.total !== undefined) eq('obiettivi letti', d.objectives.length, e.objectives.total);
    for (const item of e.objectives.items ?? []) out.push(...compareObjective(item, d.objectives));
    for (const [code, parent] of Object.entries(e.objectives.parents ?? {})) {
      const found = d.objectives.filter((o) => o.code === code);
      eq(`padre di ${code}`, found.map((o) => o.parent), [parent]);
    }
    for (const [code, weight] of Object.entries(e.objectives.weights ?? {})) eq(`peso di ${code}`, d.objectives.find((o) => o.code === code)?.weight, weight);
  }
  const serious = d.findings
    .filter((x) => x.severity !== 'info')
    .map((x) => `${x.rule} ${x.sheet}!${x.cell}`)
    .sort();
  const sheets = new Set(source.sheets.map((s) => s.name));
  const expected = e.findings.map((x) => `${x.rule} ${x.sheet ?? [...sheets][0]}!${x.cell}`).sort();
  if (JSON.stringify(serious) !== JSON.stringify(expected)) {
    const detail = d.findings.filter((x) => x.severity !== 'info').map((x) => `  ${x.rule} ${x.sheet}!${x.cell}: ${x.message}`);
    out.push(`segnalazioni: attese [${expected.join(', ')}], ottenute [${serious.join(', ')}]\n${detail.join('\n')}`);
  }
  return out;
}

/** Text compared as an officer reads it: case, accents and punctuation ignored. */
const norm = (t: string): string => normaliseLabel(t);
const near = (a: number, b: number): boolean => Math.abs(a - b) <= 0.001;

/**
 * The differences between one expected objective and the dossier: the objective is the only one
 * whose normalised title starts with the expected title; each field given is compared.
 */
export function compareObjective(x: ExpectedObjective, objectives: ObjectiveOut[]): string[] {
  const out: string[] = [];
  const start = norm(x.title);
  const found = objectives.filter((o) => norm(o.title).startsWith(start));
  if (found.length !== 1) return [found.length ? `${found.length} obiettivi intitolati «${x.title}»` : `nessun obiettivo intitolato «${x.title}»`];
  const o = found[0];
  const what = (field: string) => `«${x.title}» ${field}`;
  const same = (field: string, actual: unknown, expected: unknown) => {
    if (actual !== expected) out.push(`${what(field)}: atteso ${JSON.stringify(expected)}, ottenuto ${JSON.stringify(actual)}`);
  };
  const contains = (field: string, actual: string | null | undefined, expected: string) => {
    const a = actual ? norm(actual) : '';
    const b = norm(expected);
    if (!a || !(a.includes(b) || b.includes(a))) out.push(`${what(field)}: atteso «${expected}», ottenuto ${actual ? `«${actual}»` : 'niente'}`);
  };
  if (x.level !== undefined) same('livello', o.level, x.level);
  if (x.code !== undefined) same('codice', o.code, x.code);
  if (x.codeAssigned !== undefined) same('codice assegnato', o.codeAssigned ?? false, x.codeAssigned);
  if (x.weight !== undefined && (o.weight === undefined || !near(o.weight, x.weight))) {
    out.push(`${what('peso')}: atteso ${x.weight}, ottenuto ${o.weight ?? 'niente'}`);
  }
  if (x.weightKind !== undefined) same('tipo di peso', o.weightKind, x.weightKind);
  if (x.weights !== undefined) {
    const actual = new Map((o.weights ?? []).map((w) => [norm(w.manager), w.weight]));
    const expected = Object.entries(x.weights).map(([m, w]) => [norm(m), w] as const);
    const ok = actual.size === expected.length && expected.every(([m, w]) => actual.has(m) && near(actual.get(m)!, w));
    if (!ok) {
      const shown = (o.weights ?? []).map((w) => `${w.manager}: ${w.weight}`).join(', ');
      out.push(`${what('pesi per dirigente')}: attesi ${JSON.stringify(x.weights)}, ottenuti {${shown}}`);
    }
  }
  if (x.structure !== undefined) contains('struttura', o.structure, x.structure);
  if (x.responsible !== undefined) contains('responsabile', o.responsible, x.responsible);
  if (x.parentTitle !== undefined) {
    const parent = o.parent === null ? undefined : objectives.find((p) => p.code === o.parent);
    if (!parent || !norm(parent.title).startsWith(norm(x.parentTitle))) {
      out.push(`${what('padre')}: atteso «${x.parentTitle}», ottenuto ${parent ? `«${parent.title}» (${parent.code})` : o.parent === null ? 'nessuno' : `il codice ${o.parent}, che non è tra gli obiettivi`}`);
    }
  }
  return out;
}
