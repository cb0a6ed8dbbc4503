import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { analyse } from '../importer/engine/analyse';
import { Dossier } from '../importer/engine/schema/dossier';
import { planBatch } from '../importer/cli/batch';
import { readSource } from '../importer/read/read-source';
import { readCsv } from '../importer/read/csv';
import { serious } from './helpers/staff';

const SAMPLES = join(__dirname, '..', 'templates', 'samples');

/** The committed sample files, read as `piao batch` reads them: one dossier per folder. */
async function dossiers(): Promise<Map<string, Dossier>> {
  const out = new Map<string, Dossier>();
  for (const d of await planBatch(SAMPLES)) {
    const inputs = [];
    for (const f of d.files) inputs.push({ file: f.file, grids: await readSource(f.path, f.file) });
    out.set(d.name, analyse(inputs).dossier);
  }
  return out;
}

describe('the HR samples in templates/samples', () => {
  let all: Map<string, Dossier>;
  beforeAll(async () => {
    all = await dossiers();
  });

  it('validate against the contract', () => {
    for (const d of all.values()) expect(() => Dossier.parse(d)).not.toThrow();
  });

  it('Provincia di Prato: objectives and PAP statistics in one dossier, 69 staff, 43 in smart working', () => {
    const d = all.get('provincia-prato')!;
    expect(d.pap).toMatchObject({ referenceDate: '2023-12-31', headcount: { F: 46, M: 23, total: 69 }, fixedTerm: { F: 1, M: 0 }, smartWorking: { total: 43, share: 0.623 } });
    expect(d.objectives.length).toBeGreaterThan(0);
    expect(d.findings.filter((f) => f.file.endsWith('pap.xlsx'))).toEqual([]);
  });

  it('the clean dossiers raise no error and no warning', () => {
    for (const name of ['comune-valle-serena', 'comune-pian-del-lago', 'unione-colli-alti', 'comune-monte-piccolo']) expect([name, serious(all.get(name)!)]).toEqual([name, []]);
    const valle = all.get('comune-valle-serena')!;
    expect(valle.papByDate?.map((p) => p.referenceDate)).toEqual(['2023-12-31', '2024-12-31']);
    expect(valle.pap.headcount.total).toBe(42);
  });

  it('a PDO with no codes: every objective with its service, responsible, weight and an assigned code; nothing from the rows under each block', () => {
    const d = all.get('comune-monte-piccolo')!;
    expect(d.objectives).toHaveLength(11);
    expect(d.objectives.every((o) => o.codeAssigned && o.level === 'performance' && o.structure && o.responsible)).toBe(true);
    expect(d.objectives.map((o) => o.code)).toEqual(['1.0', '1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3']);
    expect(d.objectives.find((o) => o.code === '2.2')).toMatchObject({ structure: 'Servizio Finanziario e Tributi', responsible: 'Rag. Marco Gaudenzi', weight: 35, weightKind: 'percentage' });
    expect(d.objectives.find((o) => o.code === '1.0')?.weight).toBeUndefined();
  });

  it('the CUG table 1.1 gives age bands and warns of its repeated row', () => {
    const d = all.get('comune-colle-alto')!;
    expect(d.headcount.some((h) => h.ageBand === '<30')).toBe(true);
    expect(serious(d).map((f) => f.rule)).toEqual(['duplicate-row']);
  });

  it('the workbook made to be wrong carries an inconsistency of every kind, each where it was put', () => {
    const d = all.get('comune-roccanera')!;
    const at = (rule: string) => d.findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);
    expect(at('sum-mismatch')).toEqual(['Personale 2024!D6', 'Personale 2024!B11', 'Personale 2024!E30']);
    expect(at('duplicate-row')).toEqual(['Personale 2024!A8']);
    expect(at('percentage-mismatch')).toEqual(expect.arrayContaining(['Personale 2024!E9', 'Part-time 2024!D9']));
    expect(at('value-out-of-range')).toEqual(expect.arrayContaining(['Personale 2024!E10', 'Personale 2024!C28', 'Part-time 2024!B10']));
    expect(at('cross-table-mismatch')).toEqual(expect.arrayContaining(['Personale 2024!B18', 'Personale 2024!C24', 'Part-time 2024!D3']));
    expect(at('missing-value')).toEqual(['Personale 2024!C32']);
    expect(at('value-unparseable')).toEqual(['Personale 2024!C33']);
    expect(at('category-unmapped')).toEqual(['Personale 2024!A10']);
  });

  it('the CSV is a windows-1252 export with ";" and decimal commas, read as such', () => {
    const bytes = readFileSync(join(SAMPLES, 'unione-colli-alti', 'personale-2024.csv'));
    const read = readCsv(bytes, 'personale-2024.csv');
    expect([read.encoding, read.delimiter]).toEqual(['windows-1252', ';']);
    expect(read.grids[0].text(0, 0)).toBe('Unione dei Comuni dei Colli Alti – Personale in servizio al 31/12/2024');
    const d = all.get('unione-colli-alti')!;
    expect(d.pap).toMatchObject({ referenceDate: '2024-12-31', headcount: { F: 31, M: 28, total: 59 }, smartWorking: { total: 20, share: 0.339 } });
  });
});
