import { compare, runFixture } from './compare';
import { CORPUS } from './make-corpus';

/**
 * Every layout of the corpus (tests/corpus/README.md) through the real readers and the engine:
 * clean published tables give no warning or error; planted errors are found at their cell.
 */
describe('corpus of published layouts', () => {
  it('holds at least 20 files, clean ones and ones with planted errors', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
    expect(CORPUS.filter((f) => f.planted).length).toBeGreaterThan(0);
    expect(CORPUS.filter((f) => !f.planted).every((f) => f.expected.findings.length === 0)).toBe(true);
    expect(new Set(CORPUS.map((f) => f.file)).size).toBe(CORPUS.length);
  });

  it.each(CORPUS.map((f) => [f.file, f] as const))('%s', async (_name, fixture) => {
    const analysis = await runFixture(fixture);
    expect(compare(fixture, analysis)).toEqual([]);
  });
});
