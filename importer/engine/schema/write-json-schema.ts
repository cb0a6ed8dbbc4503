/** Writes schema/piao.schema.json from the zod schemas (npm run schema). */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dossierJsonSchema, mappingJsonSchema } from './json-schema';

const outDir = join(__dirname, '..', '..', '..', 'schema');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'piao.schema.json'), `${JSON.stringify(dossierJsonSchema(), null, 2)}\n`);
console.log(`Scritto ${join(outDir, 'piao.schema.json')}`);
writeFileSync(join(outDir, 'mappatura.schema.json'), `${JSON.stringify(mappingJsonSchema(), null, 2)}\n`);
console.log(`Scritto ${join(outDir, 'mappatura.schema.json')}`);
