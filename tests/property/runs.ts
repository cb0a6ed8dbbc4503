/**
 * How hard the property tests push: a bounded number of runs in `npm test` and CI, many more with
 * `npm run fuzz` (PIAO_FUZZ_RUNS). A failure prints its seed; PIAO_FUZZ_SEED replays it.
 */
import fc from 'fast-check';

export const RUNS = Number(process.env.PIAO_FUZZ_RUNS ?? 100);

/** A test timeout that grows with the runs (a hang still fails, after this). */
export const TIMEOUT = Math.max(30_000, RUNS * 100);

export function options(scale = 1): fc.Parameters<unknown> {
  const seed = process.env.PIAO_FUZZ_SEED ? Number(process.env.PIAO_FUZZ_SEED) : undefined;
  return { numRuns: Math.max(10, Math.round(RUNS * scale)), ...(seed !== undefined ? { seed } : {}) };
}

/** Italian text as offices write it: letters, accented letters, digits, spaces and punctuation. */
export const ITALIAN_CHARS = 'abcdefghilmnopqrstuvzABCDEFGILMNOPRSTUVZàèéìòùÀÈÉÌÒÙ0123456789 .,-\'()/%';

export const italianText = (maxLength = 30) => fc.string({ unit: fc.constantFrom(...ITALIAN_CHARS.split('')), maxLength });
