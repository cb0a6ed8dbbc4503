import { mapCategory } from '../../../importer/engine/normalise/categories';
import { analyseSheets, serious } from '../../helpers/staff';

/** Found by the corpus (portale CUG tables of the Comune di Prato and the Comune di Magenta). */
describe('categories of the CUG table 1.1', () => {
  it('reads a category word misspelt by one letter, and nothing that is merely close', () => {
    expect(mapCategory('Area Itruttori')).toBe('istruttore');
    expect(mapCategory('Area Funzonari ed E.Q.')).toBe('funzionario');
    expect(mapCategory('Area Operatri Esperti')).toBe('operatore-esperto');
    expect(mapCategory('Area funzionale')).toBeUndefined();
    expect(mapCategory('Istituto comprensivo')).toBeUndefined();
    expect(mapCategory('Ufficio istruttoria')).toBeUndefined();
  });

  const table = (rows: (string | number | null)[][]) => ({
    rows: [
      [null, null, 'Uomini', null, 'Donne'],
      ['Tipologia di personale', 'Inquadramento', '< 30', '> 60', '< 30', '> 60'],
      ...rows,
    ],
  });

  it('a row whose inquadramento is empty takes its category from the tipologia', async () => {
    const { dossier } = await analyseSheets({
      CUG: table([
        ['Dirigente di livello generale', null, 1, 2, 0, 3],
        ['Personale non dirigente', 'Area Funzionari ed E.Q.', 4, 5, 6, 7],
      ]),
    });
    expect(serious(dossier)).toEqual([]);
    expect(dossier.pap.byCategory.map((c) => [c.category, c.F, c.M])).toEqual([
      ['dirigente', 3, 3],
      ['funzionario', 13, 9],
    ]);
  });

  it('an "art. 110" contract under "Personale non dirigente" is no dirigente; a "Dirigente a T.D." there still is', async () => {
    const { dossier } = await analyseSheets({
      CUG: table([
        ['Personale non dirigente', 'Alte Specializzazioni Art. 110 T.D.', 0, 0, 1, 0],
        ['Personale non dirigente', 'Dirigente a T.D. art. 110 TUEL', 1, 0, 0, 0],
        ['Personale non dirigente', 'Area Istruttori', 2, 2, 3, 3],
      ]),
    });
    expect(dossier.pap.byCategory.map((c) => [c.category, c.F, c.M])).toEqual([
      ['dirigente', 0, 1],
      ['istruttore', 6, 4],
      ['altro', 1, 0],
    ]);
  });
});
