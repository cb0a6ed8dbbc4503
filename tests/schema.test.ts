import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_PAP } from '../importer/engine/pap/compute';
import { Dossier } from '../importer/engine/schema/dossier';
import { dossierJsonSchema, mappingJsonSchema } from '../importer/engine/schema/json-schema';

describe('published JSON Schema', () => {
  it('is the one generated from the zod contract (run npm run schema after changing it)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', 'schema', 'piao.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(dossierJsonSchema())));
  });
});

describe('published JSON Schema of mappatura.json', () => {
  it('is the one generated from the zod contract, with field descriptions in Italian', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', 'schema', 'mappatura.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(mappingJsonSchema())));
    const text = JSON.stringify(committed);
    for (const phrase of ['La lettera della colonna', "Il tipo di tabella", 'Che cosa contiene la colonna di una tabella di obiettivi']) expect(text).toContain(phrase);
  });
});

describe('figures given without gender in piao.json', () => {
  type Node = { properties: Record<string, Node & { enum?: string[] }>; items: Node; required?: string[] };
  const schema = dossierJsonSchema() as unknown as Node;

  it('are published as optional `ungendered` records (what, how many, where; no gender) and as totals of the PAP figures', () => {
    expect(schema.required).not.toContain('ungendered');
    const record = schema.properties.ungendered.items;
    expect(record.properties.figure.enum).toEqual(['staff', 'part-time', 'fixed-term']);
    expect(record.required).toEqual(expect.arrayContaining(['figure', 'count', 'at']));
    expect(record.properties.gender).toBeUndefined();
    const pap = schema.properties.pap.properties;
    expect(Object.keys(pap.partTime.properties)).toEqual(expect.arrayContaining(['F', 'M', 'shareF', 'shareM', 'total', 'share', 'byGender']));
    expect(Object.keys(pap.fixedTerm.properties)).toEqual(expect.arrayContaining(['F', 'M', 'total', 'byGender']));
    for (const figure of ['headcount', 'smartWorking'] as const) expect(Object.keys(pap[figure].properties)).toContain('byGender');
  });

  it('keep a piao.json written before them valid, and reject a record that is not a count of people', () => {
    const at = { file: 'personale.xlsx', sheet: 'Tabella 1', cell: 'D5' };
    const { total: _t, share: _s, byGender: _g, ...partTime } = EMPTY_PAP.partTime;
    const before = { schemaVersion: 1, sources: [], objectives: [], headcount: [], workTime: [], smartWorking: [], turnover: [], pap: { ...EMPTY_PAP, partTime, fixedTerm: { F: 0, M: 0 } }, findings: [] };
    expect(Dossier.safeParse(before).success).toBe(true);
    expect(Dossier.safeParse({ ...before, ungendered: [{ figure: 'part-time', count: 5, category: 'istruttore', label: 'Istruttori', at }] }).success).toBe(true);
    expect(Dossier.safeParse({ ...before, ungendered: [{ figure: 'part-time', count: -1, at }] }).success).toBe(false);
    expect(Dossier.safeParse({ ...before, ungendered: [{ figure: 'donne', count: 5, at }] }).success).toBe(false);
    expect(Dossier.safeParse({ ...before, ungendered: [{ figure: 'fixed-term', count: 1.5, at }] }).success).toBe(false);
  });
});
