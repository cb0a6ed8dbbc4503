import { analyseSheets, serious } from '../../helpers/staff';

/** Found by the corpus (PAP "Delta organico 2019-2015"): differences between two counts are not counts of people. */
describe('differences between two counts', () => {
  it('a table captioned as a difference ("Delta organico") is not read as staff: its negative figures are no error', async () => {
    const { dossier, model } = await analyseSheets({
      Scenario: [
        ['Organico per categoria e genere 2019'],
        ['Categoria', 'Donne', 'Uomini', 'Totale'],
        ['Categoria D', 30, 22, 52],
        ['Categoria C', 41, 25, 66],
        ['Totale', 71, 47, 118],
        [],
        ['Delta Organico per categoria e genere 2019-2015'],
        ['Categoria', 'Donne', 'Uomini', 'Totale'],
        ['Categoria D', 4, -3, 1],
        ['Categoria C', -5, -6, -11],
        ['Totale', -1, -9, -10],
      ],
    });
    expect(serious(dossier)).toEqual([]);
    expect(model.staff.tables).toHaveLength(1);
    expect(dossier.pap.headcount).toMatchObject({ F: 71, M: 47 });
    expect(dossier.pap.referenceDate).toBe('2019-12-31');
  });

  it('a "Saldo" column beside hires and terminations is neither read nor added', async () => {
    const { dossier } = await analyseSheets({
      Turnover: {
        rows: [
          ['Assunzioni e cessazioni'],
          ['Anno', 'Assunzioni', null, 'Cessazioni', null, 'Saldo'],
          [null, 'Donne', 'Uomini', 'Donne', 'Uomini', null],
          [2022, 3, 2, 4, 4, -3],
          [2023, 4, 2, 1, 1, 4],
          ['Totale', 7, 4, 5, 5, 1],
        ],
        merges: ['B2:C2', 'D2:E2'],
      },
    });
    expect(serious(dossier)).toEqual([]);
    expect(dossier.findings.filter((f) => f.rule === 'header-unrecognised')).toEqual([]);
    expect(dossier.pap.turnover).toEqual([
      { year: 2022, hires: { F: 3, M: 2 }, terminations: { F: 4, M: 4 } },
      { year: 2023, hires: { F: 4, M: 2 }, terminations: { F: 1, M: 1 } },
    ]);
  });
});
