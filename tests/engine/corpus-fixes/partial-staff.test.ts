import { analyseSheets, findings, serious } from '../../helpers/staff';

/** Found by the corpus (CUG sezione 1; separate tables for the dirigenza): a table of part of the staff is not the staff. */
describe('tables that count part of the staff', () => {
  const dirigenza = (f: number) => [
    ['Tabella 1 - Personale dirigente al 31/12/2023'],
    ['Qualifica', 'Donne', 'Uomini', 'Totale'],
    ['Segretario generale', 1, 0, 1],
    ['Dirigenti a tempo indeterminato', f, 3, f + 3],
    ['Totale dirigenza', f + 1, 3, f + 4],
    [],
  ];
  const nonDirigenti = [
    ['Tabella 2 - Personale non dirigente al 31/12/2023'],
    ['Area', 'Donne', 'Uomini', 'Totale'],
    ["Area dei Funzionari e dell'EQ", 25, 20, 45],
    ['Area degli Istruttori', 40, 30, 70],
    ['Totale', 65, 50, 115],
  ];

  it('a "dirigente" and a "non dirigente" table of one date add up to the staff, with no cross-table finding', async () => {
    const { dossier } = await analyseSheets({ Personale: [...dirigenza(2), ...nonDirigenti] });
    expect(serious(dossier)).toEqual([]);
    expect(dossier.pap.headcount).toMatchObject({ F: 68, M: 53, total: 121 });
    expect(dossier.pap.top).toMatchObject({ F: 3, M: 3 });
    expect(dossier.pap.byCategory.map((c) => c.category)).toEqual(['dirigente', 'segretario', 'funzionario', 'istruttore']);
  });

  it('beside a table of the whole staff, a "non dirigenziali" table is neither compared nor used for the headcount', async () => {
    const whole = [
      ['Personale in servizio al 31/12/2023'],
      ['Categoria', 'Donne', 'Uomini', 'Totale'],
      ['Dirigenti', 2, 3, 5],
      ["Area dei Funzionari e dell'EQ", 25, 20, 45],
      ['Area degli Istruttori', 40, 30, 70],
      ['Totale', 67, 53, 120],
      [],
      ['Personale non dirigenziale per titolo di studio al 31/12/2023'],
      ['Titolo di studio', 'Donne', 'Uomini', 'Totale'],
      ['Diploma', 30, 31, 61],
      ['Laurea', 35, 19, 54],
      ['Totale', 65, 50, 115],
    ];
    const { dossier } = await analyseSheets({ CUG: whole });
    expect(serious(dossier)).toEqual([]);
    expect(dossier.pap.headcount).toMatchObject({ F: 67, M: 53 });
  });

  it('two tables of the whole staff that disagree are still reported', async () => {
    const { dossier } = await analyseSheets({
      A: [['Personale al 31/12/2023'], ['Categoria', 'Donne', 'Uomini'], ['Cat. D', 5, 4], ['Cat. C', 10, 8]],
      B: [['Personale per titolo di studio al 31/12/2023'], ['Titolo', 'Donne', 'Uomini'], ['Diploma', 9, 8], ['Laurea', 5, 4]],
    });
    expect(findings(dossier, 'cross-table-mismatch').map((f) => f.sheet)).toEqual(['B']);
  });
});
