/**
 * «PO» is a posizione organizzativa in a Comune's table (funzionari ed EQ), but a professore
 * ordinario beside «PA», «RU», «RD» in a university's: faculty has no area of the CCNL Funzioni
 * Locali, so it is «altro», never counted among the funzionari.
 */
import { analyseSheets, serious } from '../../helpers/staff';

const categories = (d: Awaited<ReturnType<typeof analyseSheets>>['dossier']) => d.pap.byCategory.map((c) => [c.category, c.F, c.M]);

describe('«PO» among a university\'s faculty', () => {
  it('is «altro» beside «PA», «RU», «RD», never among the funzionari', async () => {
    const { dossier } = await analyseSheets({
      Personale: [
        ['Personale al 31/12/2024'],
        ['Ruolo', 'Donne', 'Uomini'],
        ['PO Tempo Indeterminato', 18, 58],
        ['PA Tempo Indeterminato', 57, 89],
        ['RU Tempo Indeterminato', 18, 17],
        ['RD Tempo Determinato', 11, 8],
        ['Non Docenti TI - D', 55, 24],
        ['Non Docenti TI - C', 101, 60],
      ],
    });
    const byCategory = new Map(categories(dossier).map(([c, f, m]) => [c, [f, m]]));
    expect(byCategory.get('funzionario')).toBeUndefined();
    expect(byCategory.get('altro')).toEqual([18, 58]);
    expect(serious(dossier)).toEqual([]);
  });

  it('stays a posizione organizzativa (funzionari ed EQ) in a Comune\'s table', async () => {
    const { dossier } = await analyseSheets({
      Personale: [['Personale al 31/12/2024'], ['Categoria', 'Donne', 'Uomini'], ['PO', 3, 2], ['Cat. C', 12, 8], ['Cat. B', 4, 6]],
    });
    expect(categories(dossier)).toContainEqual(['funzionario', 3, 2]);
  });
});
