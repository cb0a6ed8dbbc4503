import { z } from 'zod';
import { Dossier } from './dossier';
import { Mapping } from '../mapping/schema';

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

/** The JSON Schema of mappatura.json (field descriptions in Italian), generated from the zod contract. */
export function mappingJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Mapping, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://piao.local/schema/mappatura.schema.json',
    title: 'mappatura.json',
    description:
      "Come piao ha letto ogni foglio (tabelle, righe d'intestazione, ruolo di ogni colonna). Si corregge a mano e si riusa con «piao import --mappa mappatura.json»: i fogli nominati sono letti come dice la mappatura invece che riconoscendo le colonne.",
    ...schema,
  };
}
