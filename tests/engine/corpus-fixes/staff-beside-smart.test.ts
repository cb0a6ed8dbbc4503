import { analyseSheets, serious } from '../../helpers/staff';

/** Found by the corpus (PIAO 3.2 lavoro agile by Settore). */
describe('smart working by structure, beside the staff assigned', () => {
  const rows = (share: string) => [
    ['Dipendenti con accordo individuale di lavoro agile al 31/12/2023'],
    ['Settore', 'Dipendenti assegnati', 'Lavoro agile', null, null, '% in lavoro agile'],
    [null, null, 'Donne', 'Uomini', 'Totale', null],
    ['Settore Affari Generali', 18, 6, 2, 8, share],
    ['Settore Tecnico', 22, 2, 5, 7, '31,8%'],
    ['Totale', 40, 8, 7, 15, '37,5%'],
  ];
  const merges = ['C2:E2', 'A2:A3', 'B2:B3', 'F2:F3'];

  it('"Dipendenti assegnati" is the staff: the share of smart workers is over it', async () => {
    const { dossier } = await analyseSheets({ 'Lavoro agile': { rows: rows('44,4%'), merges } });
    expect(serious(dossier)).toEqual([]);
    expect(dossier.pap.smartWorking).toMatchObject({ F: 8, M: 7, total: 15 });
  });

  it('a wrong share is reported, and a header merged down is named once', async () => {
    const { dossier } = await analyseSheets({ 'Lavoro agile': { rows: rows('54,4%'), merges } });
    const f = serious(dossier);
    expect(f.map((x) => [x.rule, x.cell])).toEqual([['percentage-mismatch', 'F4']]);
    expect(f[0].message).toContain('«% in lavoro agile» è «54,4%»');
    expect(f[0].message).toContain('8 su 18');
  });
});
