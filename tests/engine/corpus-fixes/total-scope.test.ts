import { analyseSheets, findings, serious } from '../../helpers/staff';

/** Found by the corpus (tests/corpus): a total over one dimension keeps the labels it still names. */
describe('a total column adds only the columns it names below its level', () => {
  const rows = (totalF: number) => [
    ['Distribuzione del personale per Settore e categoria al 31/12/2023'],
    ['Settore', 'Cat. D', null, 'Cat. C', null, 'Totale', null],
    [null, 'F', 'M', 'F', 'M', 'F', 'M'],
    ['Settore I', 3, 1, 5, 2, totalF, 3],
    ['Settore II', 2, 1, 3, 0, 5, 1],
    ['Totale', 5, 2, 8, 2, totalF + 5, 4],
  ];
  const merges = ['B2:C2', 'D2:E2', 'F2:G2', 'A2:A3'];

  it('"Totale / F" is the sum of the F columns of every category: a clean table has no finding', async () => {
    const { dossier } = await analyseSheets({ Struttura: { rows: rows(8), merges } });
    expect(serious(dossier)).toEqual([]);
    expect(dossier.pap.headcount).toMatchObject({ F: 13, M: 4 });
  });

  it('a wrong "Totale / F" is reported at its cell, with the F cells as its parts', async () => {
    const { dossier } = await analyseSheets({ Struttura: { rows: rows(9), merges } });
    const f = findings(dossier, 'sum-mismatch');
    expect(f.map((x) => [x.cell, x.actual, x.expected])).toEqual([
      ['F4', 9, 8],
      ['F6', 14, 13],
    ]);
    expect(f[0].related?.map((p) => p.cell)).toEqual(['B4', 'D4']);
  });
});
