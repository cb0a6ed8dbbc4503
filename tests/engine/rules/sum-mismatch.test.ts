import { analyseSheets, findings } from '../../helpers/staff';

const table = (cells: (string | number | null)[][]) => ({ Personale: [['Personale al 31/12/2024'], [null, 'Cat. D', 'Cat. C', 'Tot.'], ...cells] });

describe('sum-mismatch', () => {
  it.each([
    ['row and column totals that add up', [['Uomo', 3, 2, 5], ['Donna', 4, 1, 5], ['Tot.', 7, 3, 10]]],
    ['totals with fixed-term notations that add up', [['Uomo', '3 (+ 1 TD)', 2, '5 (+ 1 TD)'], ['Donna', 4, '1 (TD)', '5 (di cui 1 TD)'], ['Tot.', '8 (di cui 1 TD)', '3 (di cui 1 TD)', '11 (di cui 2 TD)']]],
    ['a total left empty', [['Uomo', 3, 2, null], ['Donna', 4, 1, 5]]],
    ['a part written n.d. (its total cannot be checked)', [['Uomo', 'n.d.', 2, 9], ['Donna', 4, 1, 5]]],
  ])('is silent on %s', async (_what, cells) => {
    const { dossier } = await analyseSheets(table(cells));
    expect(findings(dossier, 'sum-mismatch')).toEqual([]);
  });

  it('flags a row total at its cell, with its parts, expected and actual', async () => {
    const { dossier } = await analyseSheets(table([['Uomo', 3, 2, 6], ['Donna', 4, 1, 5]]));
    expect(findings(dossier, 'sum-mismatch')).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'D3', expected: 5, actual: 6, related: [{ file: 'personale.xlsx', sheet: 'Personale', cell: 'B3:C3' }], message: 'Il totale «Uomo» / «Tot.» indica 6, ma la somma delle sue parti è 5.' }),
    ]);
  });

  it('flags a column total and the grand total that follow from the same parts', async () => {
    const { dossier } = await analyseSheets(table([['Uomo', 3, 2, 5], ['Donna', 4, 1, 5], ['Tot.', 8, 3, 11]]));
    const f = findings(dossier, 'sum-mismatch');
    expect(f.map((x) => [x.cell, x.expected, x.actual])).toEqual([
      ['B5', 7, 8],
      ['D5', 10, 11],
    ]);
    expect(f[0].related).toEqual([{ file: 'personale.xlsx', sheet: 'Personale', cell: 'B3:B4' }]);
  });

  it('checks the fixed-term part of a total written "26 (+ 13 TD)"', async () => {
    const { dossier } = await analyseSheets(table([['Uomo', '3 (+ 1 TD)', 2, '4 (+ 2 TD)'], ['Donna', 4, 1, 5]]));
    expect(findings(dossier, 'sum-mismatch')).toEqual([expect.objectContaining({ cell: 'D3', expected: 1, actual: 2, message: expect.stringContaining('a tempo determinato') })]);
  });
});
