import { analyseSheets, findings, serious } from '../../helpers/staff';

/** Found by probing the corpus' layouts: a blank row inside a table, a column of remarks. */
describe('a staff table split by a blank row, with a column of remarks', () => {
  const rows = (totalF: number) => [
    ['Personale al 31/12/2023'],
    ['Categoria', 'Donne', 'Uomini', 'Totale', 'Note'],
    ['Dirigenti', 1, 2, 3, null],
    ['Segretario', 1, 0, 1, 'in convenzione'],
    [],
    ['Cat. D', 5, 4, 9, 'di cui 2 in comando'],
    ['Cat. C', 10, 8, 18, null],
    ['Totale', totalF, 14, 31, null],
  ];

  it('reads the rows under the blank row as part of the table, and the remarks as no figures', async () => {
    const { dossier } = await analyseSheets({ Personale: rows(17) });
    expect(serious(dossier)).toEqual([]);
    expect(dossier.pap.headcount).toMatchObject({ F: 17, M: 14 });
    expect(dossier.pap.top).toMatchObject({ F: 2, M: 2 });
    expect(findings(dossier, 'header-unrecognised').map((f) => f.cell)).toEqual(['E2']);
  });

  it('the total still adds every part', async () => {
    const { dossier } = await analyseSheets({ Personale: rows(16) });
    expect(serious(dossier).map((f) => [f.rule, f.cell, f.expected])).toEqual([['sum-mismatch', 'B8', 17]]);
  });

  it('rows under a table that closed with its total stay apart', async () => {
    const { dossier } = await analyseSheets({
      Personale: [['Personale al 31/12/2023'], ['Categoria', 'Donne', 'Uomini', 'Totale'], ['Cat. D', 5, 4, 9], ['Cat. C', 10, 8, 18], ['Totale', 15, 12, 27], [], ['Dipendenti in comando presso altri enti', 1, 1, 2]],
    });
    expect(serious(dossier)).toEqual([]);
    expect(dossier.pap.headcount).toMatchObject({ F: 15, M: 12 });
  });
});
