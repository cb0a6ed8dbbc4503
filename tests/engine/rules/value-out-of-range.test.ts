import { analyseSheets, findings } from '../../helpers/staff';

describe('value-out-of-range', () => {
  it('is silent on possible values', async () => {
    const { dossier } = await analyseSheets({
      P: [['Categoria', 'Donne', 'Uomini', '% donne'], ['Cat. D', '3 di cui 1 TD', 0, '100%'], [], [null, 'In lavoro agile', 'Personale in servizio'], ['Donne', 3, 3]],
    });
    expect(findings(dossier, 'value-out-of-range')).toEqual([]);
  });

  it('flags a negative count', async () => {
    const { dossier } = await analyseSheets({ P: [['Cessati', 2023, 2024], ['Uomo', -2, 1], ['Donna', 1, 1]] });
    expect(findings(dossier, 'value-out-of-range')).toEqual([expect.objectContaining({ cell: 'B2', severity: 'error', actual: -2, message: 'Il dato «Uomo» / «2023» è «-2»: un numero di persone non può essere negativo.' })]);
    expect(dossier.turnover.some((t) => t.count < 0)).toBe(false);
  });

  it('flags more fixed-term staff than people in a "di cui" cell', async () => {
    const { dossier } = await analyseSheets({ P: [['Categoria', 'Donne', 'Uomini'], ['Cat. D', '2 di cui 3 a T.D', 1]] });
    expect(findings(dossier, 'value-out-of-range')).toEqual([expect.objectContaining({ cell: 'B2', expected: 2, actual: 3 })]);
  });

  it('flags a share over 100%', async () => {
    const { dossier } = await analyseSheets({ P: [['Categoria', 'Donne', 'Uomini', '% donne'], ['Cat. D', 3, 0, '120%']] });
    expect(findings(dossier, 'value-out-of-range')).toEqual([expect.objectContaining({ cell: 'D2', actual: 1.2, message: expect.stringContaining('non può superare il 100%') })]);
  });

  it('flags more smart workers than staff on the same row', async () => {
    const { dossier } = await analyseSheets({ P: [[null, 'In lavoro agile', 'Personale in servizio'], ['Donne', 5, 4], ['Uomini', 2, 3]] });
    expect(findings(dossier, 'value-out-of-range')).toEqual([expect.objectContaining({ cell: 'B2', expected: 4, actual: 5, related: [{ file: 'personale.xlsx', sheet: 'P', cell: 'C2' }] })]);
  });
});
