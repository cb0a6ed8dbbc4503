import { analyseSheets, findings } from '../../helpers/staff';

describe('duplicate-row', () => {
  it('is silent on rows with the same label but other figures, or other labels with the same figures', async () => {
    const { dossier } = await analyseSheets({
      P: [['Settore', 'Categoria', 'Donne', 'Uomini'], ['Settore Tecnico', 'Cat. C', 2, 1], ['Settore Finanziario', 'Cat. C', 2, 1], ['Settore Finanziario', 'Cat. D', 2, 1]],
    });
    expect(findings(dossier, 'duplicate-row')).toEqual([]);
  });

  it('warns of a row that repeats another (same label, same figures), at its label', async () => {
    const { dossier } = await analyseSheets({ P: [['Categoria', 'Donne', 'Uomini'], ['Segretario generale', 1, 0], ['Cat. D', 3, 2], ['Segretario generale', 1, 0]] });
    expect(findings(dossier, 'duplicate-row')).toEqual([
      expect.objectContaining({ severity: 'warning', cell: 'A4', related: [{ file: 'personale.xlsx', sheet: 'P', cell: 'A2' }], message: expect.stringContaining('probabile doppio conteggio') }),
    ]);
  });
});
