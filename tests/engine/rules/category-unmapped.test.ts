import { analyseSheets, findings } from '../../helpers/staff';

describe('category-unmapped', () => {
  it('is silent when every category is placed', async () => {
    const { dossier } = await analyseSheets({ P: [['Categoria', 'Donne', 'Uomini'], ['Cat. D', 1, 2], ['ISTRUTTORE POLIZIA LOCALE', 2, 3], ['B-BS', 1, 1]] });
    expect(findings(dossier, 'category-unmapped')).toEqual([]);
  });

  it('notes a label that cannot be placed, counts it as altro and keeps the label', async () => {
    const { dossier } = await analyseSheets({ P: [['Categoria', 'Donne', 'Uomini'], ['Cat. D', 1, 2], ['Collaboratore art. 90', 1, 0]] });
    expect(findings(dossier, 'category-unmapped')).toEqual([expect.objectContaining({ severity: 'info', cell: 'A3', message: expect.stringContaining('«Collaboratore art. 90»') })]);
    expect(dossier.headcount.find((h) => h.category === 'altro')).toMatchObject({ label: 'Collaboratore art. 90', gender: 'F', count: 1 });
    expect(dossier.pap.byCategory.find((c) => c.category === 'altro')).toMatchObject({ F: 1, M: 0 });
  });
});
