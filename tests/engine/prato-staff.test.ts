import { pratoStaffWorkbook } from '../../templates/scripts/samples/prato-staff';
import { pratoObjectivesWorkbook } from '../../templates/scripts/samples/prato-objectives';
import { Dossier } from '../../importer/engine/schema/dossier';
import { analyseWorkbooks } from '../helpers/xlsx';
import { findings } from '../helpers/staff';

describe('Provincia di Prato, PIAO 2024-2026: the staff tables of the PAP section', () => {
  let dossier: Dossier;
  beforeAll(async () => {
    dossier = (await analyseWorkbooks({ 'pap.xlsx': pratoStaffWorkbook(), 'performance.xlsx': pratoObjectivesWorkbook() })).dossier;
  });

  it('counts 69 staff at 31/12/2023, 46 women and 23 men', () => {
    expect(dossier.pap.referenceDate).toBe('2023-12-31');
    expect(dossier.pap.headcount).toEqual({ F: 46, M: 23, total: 69, shareF: 0.667, byGender: true });
  });

  it('reads "28 di cui 1 a T.D" as 28 people, one of them fixed-term', () => {
    expect(dossier.pap.fixedTerm).toEqual({ F: 1, M: 0, total: 1, byGender: true });
    expect(dossier.headcount.find((h) => h.label === 'Cat. D' && h.gender === 'F')).toMatchObject({ category: 'funzionario', count: 28, fixedTerm: 1, referenceDate: '2023-12-31' });
  });

  it('gives the figures by category and the share of women at the top', () => {
    expect(dossier.pap.byCategory).toContainEqual({ category: 'funzionario', F: 28, M: 10, total: 38, shareF: 0.737 });
    expect(dossier.pap.top).toEqual({ F: 1, M: 0, total: 1, shareF: 1 });
  });

  it('reads the part-time table under "Di cui:", "1 (TD)" included', () => {
    expect(dossier.pap.partTime).toEqual({ F: 6, M: 2, shareF: 0.13, shareM: 0.087, total: 8, share: 0.116, byGender: true });
    expect(dossier.workTime.find((w) => w.regime === 'part-time-vertical-50' && w.gender === 'F')).toMatchObject({ count: 1, fixedTerm: 1 });
  });

  it('counts 43 smart workers of 69, a share of 0,623 ("62%" in the plan)', () => {
    expect(dossier.pap.smartWorking).toEqual({ F: 35, M: 8, total: 43, share: 0.623, shareF: 0.761, shareM: 0.348, byGender: true });
    expect(dossier.smartWorking.filter((s) => s.mode === 'full').reduce((n, s) => n + s.count, 0)).toBe(4);
  });

  it('gives hires and terminations by year as written, "(+ N TD)" counted', () => {
    expect(dossier.pap.turnover).toEqual([
      { year: 2021, hires: { F: 7, M: 4 }, terminations: { F: 8, M: 3 } },
      { year: 2022, hires: { F: 12, M: 9 }, terminations: { F: 9, M: 10 } },
      { year: 2023, hires: { F: 10, M: 5 }, terminations: { F: 6, M: 3 } },
    ]);
    expect(dossier.turnover.find((t) => t.movement === 'termination' && t.year === 2022 && t.gender === 'M')).toMatchObject({ count: 10, fixedTerm: 5 });
  });

  it('raises no false alarm on its totals, its tables or its percentages', () => {
    for (const rule of ['sum-mismatch', 'cross-table-mismatch', 'percentage-mismatch', 'value-out-of-range', 'duplicate-row', 'missing-value', 'value-unparseable']) {
      expect(findings(dossier, rule).filter((f) => f.file === 'pap.xlsx')).toEqual([]);
    }
  });

  it('keeps objectives and PAP statistics in one dossier, and validates against the contract', () => {
    expect(dossier.objectives.length).toBe(71);
    expect(dossier.sources.map((s) => s.sheets[0].kind)).toEqual(['headcount', 'objectives']);
    expect(() => Dossier.parse(dossier)).not.toThrow();
  });
});
