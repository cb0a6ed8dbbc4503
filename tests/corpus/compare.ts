import { Analysis, analyse } from '../../importer/engine/analyse';
import { readBytes } from '../../importer/read/read-source';
import { isStaffTable } from '../../importer/engine/staff/types';
import { Expected, Fixture } from './fixtures/kit';

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
    eq('obiettivi per livello', byLevel, e.objectives.byLevel);
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
