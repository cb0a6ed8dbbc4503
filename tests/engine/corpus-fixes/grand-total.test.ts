import { analyseSheets, findings, serious } from '../../helpers/staff';

/** Found by the corpus (dotazione organica CSV): a grand total under subtotals is not the last group's subtotal. */
describe('a total row under per-category subtotals', () => {
  const rows = (grandLabel: string, subtotalC = 19) => [
    ['Categoria', 'Profilo professionale', 'Donne', 'Uomini', 'Totale'],
    ['D', 'Funzionario amministrativo', 4, 2, 6],
    [null, 'Funzionario tecnico', 1, 3, 4],
    [null, 'Totale categoria D', 5, 5, 10],
    ['C', 'Istruttore amministrativo', 9, 3, 12],
    [null, 'Agente di Polizia Locale', 2, 5, 7],
    [null, 'Totale categoria C', 11, 8, subtotalC],
    [null, grandLabel, 16, 13, 29],
  ];

  it.each(['TOTALE GENERALE', 'Totale complessivo', 'Totale'])('«%s» adds every profile, not only the last category', async (label) => {
    const { dossier } = await analyseSheets({ Dotazione: rows(label) });
    expect(serious(dossier)).toEqual([]);
    expect(dossier.pap.headcount).toMatchObject({ F: 16, M: 13 });
    expect(dossier.pap.byCategory.map((c) => [c.category, c.F, c.M])).toEqual([
      ['funzionario', 5, 5],
      ['istruttore', 11, 8],
    ]);
  });

  it('a subtotal stays the total of its own category (a wrong one is reported)', async () => {
    const { dossier } = await analyseSheets({ Dotazione: rows('TOTALE GENERALE', 18) });
    expect(findings(dossier, 'sum-mismatch').map((f) => [f.cell, f.actual, f.expected])).toEqual([['E7', 18, 19]]);
  });
});
