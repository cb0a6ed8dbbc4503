import { compare, runFixture } from './compare';
import { REAL_CUG } from './fixtures/real-cug';

/**
 * Tables of the Relazione CUG transcribed from reports filed on the Portale CUG by a Comune, a
 * university, a regional agency and an institute of the health service (tests/corpus/README.md,
 * «Tabelle CUG reali»), through the real readers and the engine: staff figures as a careful officer
 * reads them, no false alarm on a consistent table, the report's own errors found at their cell.
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
});
