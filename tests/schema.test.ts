import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dossierJsonSchema } from '../importer/engine/schema/json-schema';

describe('published JSON Schema', () => {
  it('is the one generated from the zod contract (run npm run schema after changing it)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', 'schema', 'piao.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(dossierJsonSchema())));
  });
});
