import { analyseSheets, findings } from '../../helpers/staff';

describe('percentage-mismatch', () => {
  const headcount = (pct: (string | number)[]) => ({
    P: {
      rows: [
        ['Personale al 31/12/2024'],
        ['Categoria', 'Donne', 'Uomini', 'Totale', '% donne'],
        ['Cat. D', 2, 1, 3, pct[0]],
        ['Cat. C', 5, 5, 10, pct[1]],
        ['Totale', 7, 6, 13, pct[2]],
      ],
      formats: (typeof pct[0] === 'number' ? { E3: '0.0%', E4: '0.0%', E5: '0.0%' } : {}) as Record<string, string>,
    },
  });

  it.each([
    ['rounded to whole points', ['67%', '50%', '54%']],
    ['with one decimal', ['66,7%', '50,0%', '53,8%']],
    ['as points without the sign', ['66,7', '50', '53,8']],
    ['as fractions', ['0,667', '0,5', '0,538']],
    ['as cells formatted as percentages', [0.6667, 0.5, 0.5385]],
  ])('accepts shares written %s', async (_how, pct) => {
    const { dossier } = await analyseSheets(headcount(pct));
    expect(findings(dossier, 'percentage-mismatch')).toEqual([]);
  });

  it('flags a share more than half a point off, saying both', async () => {
    const { dossier } = await analyseSheets(headcount(['66,7%', '55%', '53,8%']));
    expect(findings(dossier, 'percentage-mismatch')).toEqual([
      expect.objectContaining({
        cell: 'E4',
        severity: 'error',
        expected: 0.5,
        actual: 0.55,
        related: [{ file: 'personale.xlsx', sheet: 'P', cell: 'B4:C4' }],
        message: 'La percentuale «Cat. C» / «% donne» è «55%» (55,0%), ma dai conteggi risulta 50,0% (5 su 10).',
      }),
    ]);
  });

  it('checks "% sul personale complessivo" against the grand total (CUG table)', async () => {
    const rows = [
      [null, 'Uomini', null, 'Donne', null],
      ['Inquadramento', '< 30', '31-40', '< 30', '31-40'],
      ['Cat. D', 1, 2, 3, 4],
      ['Cat. C', 0, 2, 4, 4],
      ['Totale personale', 1, 4, 7, 8],
      ['Totale % sul personale complessivo', 5, 20, 35, 40],
    ];
    const ok = await analyseSheets({ CUG: { rows, merges: ['B1:C1', 'D1:E1'] } });
    expect(findings(ok.dossier, 'percentage-mismatch')).toEqual([]);
    rows[5] = ['Totale % sul personale complessivo', 5, 20, 30, 40];
    const bad = await analyseSheets({ CUG: { rows, merges: ['B1:C1', 'D1:E1'] } });
    expect(findings(bad.dossier, 'percentage-mismatch')).toEqual([expect.objectContaining({ cell: 'D6', expected: 0.35, actual: 0.3 })]);
  });

  it('checks a share "sul personale" of smart workers against the staff of another table of the same date', async () => {
    const sheets = (share: string) => ({
      '2024': [
        ['Categoria', 'Donne', 'Uomini', 'Totale'],
        ['Cat. C', 20, 10, 30],
        [],
        ['Lavoro agile', 'Donne', 'Uomini', 'Totale'],
        ['Lavoro agile ordinario', 10, 3, 13],
        ['% sul personale in servizio', share, '30%', '43,3%'],
      ],
    });
    expect(findings((await analyseSheets(sheets('50%'))).dossier, 'percentage-mismatch')).toEqual([]);
    const bad = findings((await analyseSheets(sheets('60%'))).dossier, 'percentage-mismatch');
    expect(bad).toEqual([expect.objectContaining({ cell: 'B6', expected: 0.5, actual: 0.6, related: [{ file: 'personale.xlsx', sheet: '2024', cell: 'B5' }, { file: 'personale.xlsx', sheet: '2024', cell: 'B2' }] })]);
  });
});
