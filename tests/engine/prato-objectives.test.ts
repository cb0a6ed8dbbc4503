import { pratoObjectivesWorkbook } from '../../templates/scripts/samples/prato-objectives';
import { Dossier } from '../../importer/engine/schema/dossier';
import { analyseWorkbooks } from '../helpers/xlsx';

describe('Provincia di Prato, PIAO 2024-2026: objectives table (layout 1)', () => {
  let dossier: Dossier;
  beforeAll(async () => {
    dossier = (await analyseWorkbooks({ 'prato.xlsx': pratoObjectivesWorkbook() })).dossier;
  });

  it('reads every level of the cascade', () => {
    const count = (level: string) => dossier.objectives.filter((o) => o.level === level).length;
    expect(count('value')).toBe(3);
    expect(count('mandate')).toBe(5);
    expect(count('strategic')).toBe(13);
    expect(count('operational')).toBe(16);
    expect(count('performance')).toBe(34);
  });

  it('puts every performance objective under the operational objective of its row group', () => {
    const byCode = new Map(dossier.objectives.map((o) => [o.code, o]));
    for (const o of dossier.objectives.filter((x) => x.level === 'performance')) {
      expect(byCode.get(o.parent!)?.level).toBe('operational');
    }
    expect(byCode.get('01.01.02.03')?.parent).toBe('01.01.02');
    expect(byCode.get('05.01.01.07')?.parent).toBe('05.01.01');
    expect(byCode.get('02.02.02.01')?.parent).toBe('02.02.01');
    expect(byCode.get('01.01.02.01')?.structure).toBe('Servizi Finanziari');
  });

  it('joins a title split over two rows and keeps its structure whole', () => {
    const o = dossier.objectives.find((x) => x.code === '03.01.01.04')!;
    expect(o.title).toMatch(/^Supportare i processi decisionali e della strategia/);
    expect(o.structure).toBe('Segreteria Generale e Programmazione');
  });

  it('reports the real error at its exact cell, and nothing else above info', () => {
    const mismatch = dossier.findings.filter((f) => f.rule === 'code-parent-mismatch');
    expect(mismatch).toHaveLength(1);
    const o = dossier.objectives.find((x) => x.code === '02.02.02.01')!;
    expect(mismatch[0].cell).toBe(o.at.cell);
    expect(mismatch[0].severity).toBe('error');
    expect(mismatch[0].message).toContain('02.02.02.01');
    expect(mismatch[0].related?.[0].cell).toBe(dossier.objectives.find((x) => x.code === '02.02.01')!.at.cell);
    const serious = dossier.findings.filter((f) => f.severity !== 'info');
    expect(serious).toEqual(mismatch);
  });

  it('notes the gap 05.02.02 without 05.02.01 as info', () => {
    const gaps = dossier.findings.filter((f) => f.rule === 'code-gap');
    expect(gaps.map((g) => g.severity)).toEqual(['info']);
    expect(gaps[0].message).toContain('05.02.01');
  });

  it('validates against the contract', () => {
    expect(() => Dossier.parse(dossier)).not.toThrow();
  });
});
