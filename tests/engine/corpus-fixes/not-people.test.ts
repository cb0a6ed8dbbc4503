import { referenceDate, yearInText, withoutActNumbers } from '../../../importer/engine/detect/reference-date';
import { analyseSheets, serious } from '../../helpers/staff';

/** Found by probing the CUG tables of leaves, permits and training hours. */
describe('law numbers are no dates', () => {
  it('drops "L.104/1992", "D.Lgs. 165/2001", "n. 2/2019" and keeps dates and periods', () => {
    expect(yearInText('Permessi L.104/1992 per genere')).toBeUndefined();
    expect(yearInText('Personale (art. 1 D.Lgs. 165/2001) anno 2023')).toBe(2023);
    expect(withoutActNumbers('Direttiva n. 2/2019')).not.toMatch(/2019/);
    expect(referenceDate(['Personale al 31/12/2023'], 'Foglio1')).toBe('2023-12-31');
    expect(referenceDate(['Personale al 30/06/2024'], 'Foglio1')).toBe('2024-06-30');
    expect(withoutActNumbers('anno 2022/2023')).toBe('anno 2022/2023');
  });
});

describe('tables that count days, hours or permits by gender', () => {
  const staff = [
    ['Personale in servizio - anno 2023'],
    ['Categoria', 'Uomini', 'Donne'],
    ['Cat. D', 4, 6],
    ['Cat. C', 8, 12],
    [],
  ];

  it('a table of permits (L. 104/1992) by gender is no staff table: no headcount, no date 1992, no finding', async () => {
    const { dossier, model } = await analyseSheets({
      CUG: [
        ...staff,
        ['Fruizione dei congedi parentali e permessi L.104/1992 per genere'],
        [null, 'Uomini', 'Donne', 'Totale'],
        ['Numero permessi giornalieri L.104/1992 fruiti', 120, 180, 300],
        ['Numero permessi orari L.104/1992 (n.ore) fruiti', 60, 140, 200],
      ],
    });
    expect(model.staff.tables).toHaveLength(1);
    expect(serious(dossier)).toEqual([]);
    expect(dossier.pap).toMatchObject({ referenceDate: '2023-12-31', headcount: { F: 18, M: 12 } });
    expect(dossier.papByDate?.map((p) => p.referenceDate)).toEqual(['2023-12-31']);
  });

  it('a table of training hours is no staff table either, but a table of people who took leave is', async () => {
    const { model } = await analyseSheets({
      CUG: [
        ...staff,
        ['Formazione per genere (ore)'],
        ['Tipo formazione', 'Uomini', 'Donne'],
        ['Obbligatoria', 12, 30],
        ['Aggiornamento professionale', 40, 16],
        [],
        ['Personale che fruisce di congedi parentali'],
        ['Categoria', 'Uomini', 'Donne'],
        ['Cat. D', 1, 2],
        ['Cat. C', 0, 3],
      ],
    });
    expect(model.staff.tables.map((t) => t.name)).toEqual([expect.stringContaining('Personale in servizio'), expect.stringContaining('congedi parentali')]);
  });
});
