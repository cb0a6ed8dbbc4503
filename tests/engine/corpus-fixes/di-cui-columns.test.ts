import { analyseSheets, serious } from '../../helpers/staff';

/** Found by probing Conto annuale style tables: a total per row with "di cui" columns only. */
describe('"Totale | di cui donne | di cui part-time" tables', () => {
  it('read the total as the staff, women from their part and men by difference', async () => {
    const { dossier } = await analyseSheets({
      S: [['Personale al 31/12/2023'], ['Categoria', 'Totale', 'di cui donne', 'di cui part-time'], ['Cat. D', 10, 6, 1], ['Cat. C', 20, 12, 3], ['Totale', 30, 18, 4]],
    });
    expect(serious(dossier)).toEqual([]);
    expect(dossier.sources[0].sheets[0].kind).toBe('headcount');
    expect(dossier.pap.headcount).toMatchObject({ F: 18, M: 12, total: 30 });
    expect(dossier.headcount.map((h) => [h.category, h.gender, h.count, h.at.cell])).toEqual([
      ['funzionario', 'F', 6, 'C3'],
      ['funzionario', 'M', 4, 'B3'],
      ['istruttore', 'F', 12, 'C4'],
      ['istruttore', 'M', 8, 'B4'],
    ]);
  });

  it('"di cui uomini" works the same way; a part larger than its total is not counted', async () => {
    const { dossier } = await analyseSheets({
      S: [['Personale al 31/12/2023'], ['Categoria', 'Totale', 'di cui uomini'], ['Cat. D', 10, 4], ['Cat. C', 20, 25]],
    });
    expect(dossier.pap.byCategory.map((c) => [c.category, c.F, c.M])).toEqual([['funzionario', 6, 4]]);
  });
});
