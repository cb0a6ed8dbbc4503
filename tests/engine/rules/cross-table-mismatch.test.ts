import { analyseSheets, findings } from '../../helpers/staff';

const headcount = (f: number, m: number, year = 2024): (string | number | null)[][] => [
  [`Personale al 31/12/${year}`],
  ['Categoria', 'Donne', 'Uomini', 'Totale'],
  ['Cat. D', 4, 2, 6],
  ['Cat. C', f - 4, m - 2, f + m - 6],
  ['Totale', f, m, f + m],
  [],
];

describe('cross-table-mismatch', () => {
  it('is silent when the tables of one date agree', async () => {
    const { dossier } = await analyseSheets({
      P: [
        ...headcount(20, 10),
        ['Regime orario', 'Donne', 'Uomini', 'Totale'],
        ['Tempo pieno', 17, 9, 26],
        ['Part-time', 3, 1, 4],
        [],
        ['Lavoro agile', 'Donne', 'Uomini', 'Totale'],
        ['Lavoro agile ordinario', 12, 6, 18],
      ],
    });
    expect(findings(dossier, 'cross-table-mismatch')).toEqual([]);
  });

  it('flags the women of the part-time table that differ from the headcount of the same date', async () => {
    const { dossier } = await analyseSheets({
      P: [...headcount(20, 10), ['Regime orario', 'Donne', 'Uomini', 'Totale'], ['Tempo pieno', 18, 9, 27], ['Part-time', 3, 1, 4], ['Totale', 21, 10, 31]],
    });
    expect(findings(dossier, 'cross-table-mismatch')).toEqual([
      expect.objectContaining({
        severity: 'error',
        cell: 'B10',
        expected: 20,
        actual: 21,
        related: [{ file: 'personale.xlsx', sheet: 'P', cell: 'B5' }],
        message: expect.stringMatching(/^Le donne in servizio sono 21 nella tabella .* ma 20 nella tabella .* alla stessa data \(31\/12\/2024\)\.$/),
      }),
    ]);
  });

  it('flags more smart workers, or more part-time staff, than staff', async () => {
    const { dossier } = await analyseSheets({
      P: [...headcount(20, 10), ['Lavoro agile', 'Donne', 'Uomini'], ['Lavoro agile ordinario', 12, 11], [], ['Part-time', 'Donne', 'Uomini'], ['Part-time fino al 50%', 21, 1]],
    });
    const f = findings(dossier, 'cross-table-mismatch');
    expect(f.map((x) => [x.cell, x.expected, x.actual])).toEqual([
      ['C8', 10, 11],
      ['B11', 20, 21],
    ]);
    expect(f[0].message).toContain('Gli uomini in lavoro agile sono 11');
    expect(f[1].message).toContain('Le donne in part-time sono 21');
  });

  it('does not compare tables of different dates', async () => {
    const { dossier } = await analyseSheets({
      '2023': headcount(20, 10, 2023),
      '2024': [['Regime orario', 'Donne', 'Uomini'], ['Tempo pieno', 25, 9], ['Part-time', 3, 1]],
    });
    expect(findings(dossier, 'cross-table-mismatch')).toEqual([]);
  });

  it('flags hires of one year that differ between two tables', async () => {
    const { dossier } = await analyseSheets({
      A: [['Assunti', 2023, 2024], ['Uomo', 1, 2], ['Donna', 3, 1]],
      B: [['Anno', 'Assunzioni donne', 'Assunzioni uomini'], [2024, 2, 2]],
    });
    expect(findings(dossier, 'cross-table-mismatch')).toEqual([expect.objectContaining({ sheet: 'B', cell: 'B2', expected: 1, actual: 2 })]);
  });
});
