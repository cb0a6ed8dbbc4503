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

  it.each([
    ['a «di cui part-time» column larger than the «Totale» of its row', [['Qualifica', 'Totale', 'di cui donne', 'di cui part-time'], ['Dirigenti', 3, 1, 0], ['Istruttori', 10, 4, 12]], 'D3', 'B3', 12, 10, '«Istruttori» / «di cui part-time» è 12, più del dato «Totale» di cui è parte (10).'],
    ['a «di cui donne» larger than the «Totale»', [['Qualifica', 'Totale', 'di cui donne', 'di cui T.D.'], ['Istruttori', 10, 11, 0]], 'C2', 'B2', 11, 10, '«Istruttori» / «di cui donne» è 11, più del dato «Totale» di cui è parte (10).'],
    ['a «di cui» column larger than the gender column it follows', [['Categoria', 'Donne', 'di cui a tempo parziale', 'Uomini', 'di cui a tempo parziale'], ['Cat. C', 8, 2, 5, 6]], 'E2', 'D2', 6, 5, '«Cat. C» / «di cui a tempo parziale» è 6, più del dato «Uomini» di cui è parte (5).'],
    ['a «di cui» row larger than the row above it', [['Voce', 'Donne', 'Uomini'], ['Personale a tempo indeterminato', 40, 30], ['di cui a tempo parziale', 6, 31]], 'C3', 'C2', 31, 30, '«di cui a tempo parziale» / «Uomini» è 31, più del dato «Personale a tempo indeterminato» di cui è parte (30).'],
  ])('flags %s, at the part with its whole related', async (_what, rows, cell, whole, actual, expected, message) => {
    const { dossier } = await analyseSheets({ P: rows as (string | number)[][] });
    expect(findings(dossier, 'value-out-of-range')).toEqual([expect.objectContaining({ severity: 'error', cell, related: [{ file: 'personale.xlsx', sheet: 'P', cell: whole }], actual, expected, message: `Il dato ${message}` })]);
  });

  it('is silent on «di cui» parts within their whole, and on a part beside a blank whole', async () => {
    const { dossier } = await analyseSheets({ P: [['Qualifica', 'Totale', 'di cui donne', 'di cui part-time', 'di cui T.D.'], ['Dirigenti', 3, 1, 0, 3], ['Istruttori', null, 4, 2, 0], ['Operatori', 10, 10, 10, 10]] });
    expect(findings(dossier, 'value-out-of-range')).toEqual([]);
  });

  it('flags more smart workers than staff on the same row', async () => {
    const { dossier } = await analyseSheets({ P: [[null, 'In lavoro agile', 'Personale in servizio'], ['Donne', 5, 4], ['Uomini', 2, 3]] });
    expect(findings(dossier, 'value-out-of-range')).toEqual([expect.objectContaining({ cell: 'B2', expected: 4, actual: 5, related: [{ file: 'personale.xlsx', sheet: 'P', cell: 'C2' }] })]);
  });
});
