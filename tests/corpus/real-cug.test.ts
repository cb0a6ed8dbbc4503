import { compare, runFixture } from './compare';
import { REAL_CUG } from './fixtures/real-cug';

/**
 * Tables of the Relazione CUG transcribed from reports filed on the Portale CUG by a Comune,
 * universities, a regional agency and an institute of the health service (tests/corpus/README.md,
 * «Tabelle CUG reali»), through the real readers and the engine: staff figures as a careful officer
 * reads them, no false alarm on a consistent table, the report's own errors found at their cell,
 * and table 1.1 given back (piao.json `cug['1.1']`) with the printed rows, counts, totals and shares.
 */
describe('real published CUG tables', () => {
  it('holds at least 4 real tables of different bodies, each with its published address', () => {
    expect(REAL_CUG.length).toBeGreaterThanOrEqual(4);
    for (const f of REAL_CUG) expect(f.source).toMatch(/https?:\/\/portalecug\.gov\.it\/\S+/);
    expect(new Set(REAL_CUG.map((f) => f.file)).size).toBe(REAL_CUG.length);
    expect(REAL_CUG.every((f) => !f.planted)).toBe(true);
  });

  it.each(REAL_CUG.map((f) => [f.file, f] as const))('%s', async (_name, fixture) => {
    const analysis = await runFixture(fixture);
    expect(compare(fixture, analysis)).toEqual([]);
  });

  it.each(REAL_CUG.map((f) => [f.file, f] as const))('%s: table 1.1 given back as printed', async (_name, fixture) => {
    const t = (await runFixture(fixture)).dossier.cug?.['1.1'];
    expect(t?.source).toBe('table');
    const detail = t!.rows.filter((r) => r.kind === 'detail');
    expect(detail.map((r) => r.labels)).toEqual(fixture.printed11.labels);
    // a cell left empty in the report is a count of nobody
    expect(detail.map((r) => r.values)).toEqual(fixture.printed11.counts.map((n) => n.map((v) => v ?? 0)));
    expect(t!.rows.find((r) => r.kind === 'total')?.values).toEqual(fixture.printed11.totals);
    const shares = t!.rows.find((r) => r.kind === 'percent')?.values.map((v) => (v === null ? null : Math.round(v * 10000) / 100));
    expect(shares).toEqual(fixture.printed11.shares);
  });
});
