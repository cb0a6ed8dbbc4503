import { z } from 'zod';
import { Dossier } from './dossier';

/** The JSON Schema of piao.json, generated from the zod contract. */
export function dossierJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Dossier, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://piao.local/schema/piao.schema.json',
    title: 'piao.json',
    description: 'Dossier normalizzato prodotto da piao import: obiettivi PIAO, personale, statistiche PAP, anomalie.',
    ...schema,
  };
}
