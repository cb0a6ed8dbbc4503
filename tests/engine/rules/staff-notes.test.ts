import { analyseSheets, findings } from '../../helpers/staff';

describe('missing-value and value-unparseable on staff tables', () => {
  it('reports "n.d." as missing, never as 0, and leaves its totals unchecked', async () => {
    const { dossier } = await analyseSheets({ P: [['Categoria', 'Donne', 'Uomini', 'Totale'], ['Cat. D', 'n.d.', 2, 9], ['Cat. C', 1, 1, 2]] });
    expect(findings(dossier, 'missing-value')).toEqual([expect.objectContaining({ severity: 'warning', cell: 'B2', actual: 'n.d.', message: expect.stringContaining('non è stato contato come zero') })]);
    expect(findings(dossier, 'sum-mismatch')).toEqual([]);
  });

  it('reports a count it cannot read, at its cell, saying what it expected', async () => {
    const { dossier } = await analyseSheets({ P: [['Categoria', 'Donne', 'Uomini'], ['Cat. D', 'dodici', 2], ['Cat. C', 1, 1]] });
    expect(findings(dossier, 'value-unparseable')).toEqual([expect.objectContaining({ severity: 'error', cell: 'B2', actual: 'dodici', message: expect.stringContaining('«dodici» non è un numero di persone') })]);
  });

  it('reads "-" and empty cells as 0 without a word', async () => {
    const { dossier } = await analyseSheets({ P: [['Categoria', 'Donne', 'Uomini', 'Totale'], ['Cat. D', '-', 2, 2], ['Cat. C', null, 1, 1]] });
    expect(dossier.findings).toEqual([]);
    expect(dossier.pap.headcount).toMatchObject({ F: 0, M: 3 });
  });
});
