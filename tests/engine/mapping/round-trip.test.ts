import { analyse, SourceInput } from '../../../importer/engine/analyse';
import { Mapping } from '../../../importer/engine/mapping/schema';
import { parseMapping } from '../../../importer/engine/mapping/parse';
import { planBatch } from '../../../importer/cli/batch';
import { readBytes, readSource } from '../../../importer/read/read-source';
import { CORPUS } from '../../corpus/make-corpus';
import { REAL_OBJECTIVES } from '../../corpus/fixtures/real-objectives';
import { join } from 'node:path';

/**
 * Importing with the mapping the program itself wrote gives the same piao.json: for every sample
 * dossier and every corpus file, the mapping written by detection, read back from its JSON text
 * and applied in place of detection, reads every sheet the same way.
 */
async function sampleInputs(): Promise<[string, SourceInput[]][]> {
  const out: [string, SourceInput[]][] = [];
  for (const d of await planBatch(join(__dirname, '..', '..', '..', 'templates', 'samples'))) {
    const inputs: SourceInput[] = [];
    for (const f of d.files) inputs.push({ file: f.file, grids: await readSource(f.path, f.file) });
    out.push([d.name, inputs]);
  }
  return out;
}

async function corpusInputs(): Promise<[string, SourceInput[]][]> {
  const out: [string, SourceInput[]][] = [];
  for (const f of [...CORPUS, ...REAL_OBJECTIVES]) out.push([f.file, [{ file: f.file, grids: await readBytes(await f.bytes(), f.file) }]]);
  return out;
}

function roundTrip(inputs: SourceInput[]): { first: string; second: string; mapping: Mapping; problems: string[] } {
  const detected = analyse(inputs);
  const text = JSON.stringify(detected.mapping, null, 2);
  const parsed = parseMapping(text, 'mappatura.json');
  const applied = analyse(inputs, { mapping: parsed });
  return {
    first: JSON.stringify(detected.dossier),
    second: JSON.stringify(applied.dossier),
    mapping: detected.mapping,
    problems: [...parsed.problems, ...applied.model.mappingProblems.map((p) => p.problem)].map((p) => p.message),
  };
}

describe('mappatura.json round trip', () => {
  it('every sample dossier reads the same with the mapping it wrote', async () => {
    for (const [name, inputs] of await sampleInputs()) {
      const r = roundTrip(inputs);
      expect({ name, problems: r.problems }).toEqual({ name, problems: [] });
      expect({ name, dossier: JSON.parse(r.second) }).toEqual({ name, dossier: JSON.parse(r.first) });
    }
  });

  it('every corpus file reads the same with the mapping it wrote', async () => {
    for (const [name, inputs] of await corpusInputs()) {
      const r = roundTrip(inputs);
      expect({ name, problems: r.problems }).toEqual({ name, problems: [] });
      expect({ name, dossier: JSON.parse(r.second) }).toEqual({ name, dossier: JSON.parse(r.first) });
    }
  });
});
