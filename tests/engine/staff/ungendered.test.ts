import { Dossier } from '../../../importer/engine/schema/dossier';
import { analyseSheets, findings, Row, serious } from '../../helpers/staff';

/** Conto annuale, tabella 1, as Comuni re-publish it in the PIAO 3.3: a total per qualifica and its «di cui» columns. */
function contoAnnuale(header: string[], rows: Row[]): Row[] {
  return [['Personale dipendente al 31/12/2023 (fonte: Conto annuale, tabella 1)'], ['Qualifica', ...header], ...rows];
}

const place = (sheet: string, cell: string) => ({ file: 'personale.xlsx', sheet, cell });

describe('staff figures given without gender', () => {
  describe('«Totale | di cui donne | di cui part-time | di cui a tempo determinato»', () => {
    let dossier: Dossier;
    beforeAll(async () => {
      ({ dossier } = await analyseSheets({
        'Tabella 1': contoAnnuale(
          ['Totale', 'di cui donne', 'di cui part-time', 'di cui a tempo determinato'],
          [
            ['Dirigenti', 3, 1, 0, 1],
            ['Funzionari ed EQ', 18, 11, 2, 0],
            ['Istruttori', 35, 22, 5, 3],
            ['Totale', 56, 34, 7, 4],
          ],
        ),
      }));
    });

    it('counts part-time and fixed-term staff as totals without gender, never split between women and men', () => {
      expect(dossier.pap.headcount).toEqual({ F: 34, M: 22, total: 56, shareF: 0.607, byGender: true });
      expect(dossier.pap.partTime).toEqual({ F: 0, M: 0, shareF: null, shareM: null, total: 7, share: 0.125, byGender: false });
      expect(dossier.pap.fixedTerm).toEqual({ F: 0, M: 0, total: 4, byGender: false });
      expect(serious(dossier)).toEqual([]);
    });

    it('records each figure without gender at its cell, with the category of its row', () => {
      expect(dossier.ungendered).toEqual([
        { figure: 'fixed-term', count: 1, category: 'dirigente', label: 'Dirigenti', at: place('Tabella 1', 'E3'), referenceDate: '2023-12-31' },
        { figure: 'part-time', count: 2, category: 'funzionario', label: 'Funzionari ed EQ', at: place('Tabella 1', 'D4'), referenceDate: '2023-12-31' },
        { figure: 'part-time', count: 5, category: 'istruttore', label: 'Istruttori', at: place('Tabella 1', 'D5'), referenceDate: '2023-12-31' },
        { figure: 'fixed-term', count: 3, category: 'istruttore', label: 'Istruttori', at: place('Tabella 1', 'E5'), referenceDate: '2023-12-31' },
      ]);
      expect(dossier.workTime).toEqual([]);
      expect(() => Dossier.parse(dossier)).not.toThrow();
    });
  });

  it('reads «Totale | di cui P.T. | di cui TD» with no gender at all: the staff is a total too, by category', async () => {
    const { dossier } = await analyseSheets({
      'Tabella 1': contoAnnuale(['Totale', 'di cui P.T.', 'di cui TD'], [['Dirigenti', 3, 0, 1], ['Istruttori', 35, 5, 3], ['Totale', 38, 5, 4]]),
    });
    expect(dossier.sources[0].sheets[0].kind).toBe('headcount');
    expect(dossier.pap.headcount).toEqual({ F: 0, M: 0, total: 38, shareF: null, byGender: false });
    expect(dossier.pap.partTime).toMatchObject({ total: 5, share: 0.132, byGender: false });
    expect(dossier.pap.fixedTerm).toMatchObject({ total: 4, byGender: false });
    expect(dossier.headcount).toEqual([]);
    expect(dossier.ungendered?.filter((u) => u.figure === 'staff')).toEqual([
      { figure: 'staff', count: 3, category: 'dirigente', label: 'Dirigenti', at: place('Tabella 1', 'B3'), referenceDate: '2023-12-31' },
      { figure: 'staff', count: 35, category: 'istruttore', label: 'Istruttori', at: place('Tabella 1', 'B4'), referenceDate: '2023-12-31' },
    ]);
    expect(serious(dossier)).toEqual([]);
  });

  it('takes the gender from the line across when the rows are the genders («Genere | Totale | di cui tempo parziale»)', async () => {
    const { dossier } = await analyseSheets({ P: [['Personale al 31/12/2023'], ['Genere', 'Totale', 'di cui tempo parziale'], ['Donne', 30, 6], ['Uomini', 20, 1]] });
    expect(dossier.pap.headcount).toMatchObject({ F: 30, M: 20, total: 50, byGender: true });
    expect(dossier.pap.partTime).toMatchObject({ F: 6, M: 1, total: 7, byGender: true });
    expect(dossier.ungendered).toBeUndefined();
  });

  describe('«di cui a tempo parziale» rows with only their «Totale» written', () => {
    const consistenza = (part: (string | number | null)[]) => ({
      Consistenza: [
        ['Consistenza del personale al 31/12/2023'],
        ['Voce', 'Donne', 'Uomini', 'Totale'],
        ['Personale a tempo indeterminato', 40, 30, 70],
        ['di cui a tempo parziale', ...part],
        ['Personale a tempo determinato', 3, 2, 5],
        ['di cui a tempo parziale', null, null, 1],
        ['Totale personale in servizio', 43, 32, 75],
      ],
    });

    it('read the total as the figure, without gender, and do not check it as a sum of blanks', async () => {
      const { dossier } = await analyseSheets(consistenza([null, null, 7]));
      expect(dossier.pap.partTime).toMatchObject({ F: 0, M: 0, total: 8, share: 0.107, byGender: false });
      expect(dossier.pap.fixedTerm).toMatchObject({ F: 3, M: 2, total: 5, byGender: true });
      expect(dossier.ungendered).toEqual([
        { figure: 'part-time', count: 7, at: place('Consistenza', 'D4'), referenceDate: '2023-12-31' },
        { figure: 'part-time', count: 1, at: place('Consistenza', 'D6'), referenceDate: '2023-12-31' },
      ]);
      expect(serious(dossier)).toEqual([]);
    });

    it('still check a total whose parts are written «-» (a zero, not a blank)', async () => {
      const { dossier } = await analyseSheets(consistenza(['-', '-', 7]));
      expect(findings(dossier, 'sum-mismatch')).toEqual([expect.objectContaining({ cell: 'D4', expected: 0, actual: 7 })]);
    });
  });

  describe('a gendered part-time table and an ungendered «di cui part-time» column of the same date', () => {
    const sheets = (partTimeF: number) => ({
      'Tabella 1': contoAnnuale(['Totale', 'di cui donne', 'di cui part-time'], [['Funzionari', 18, 11, 2], ['Istruttori', 35, 22, 5]]),
      'Part-time': [['Personale in part-time al 31/12/2023'], ['Regime', 'Donne', 'Uomini'], ['Part-time verticale 50%', partTimeF, 1], ['Part-time orizzontale oltre il 50%', 2, 0]],
    });

    it('the PAP trusts the table by gender, once (the two tables count the same people)', async () => {
      const { dossier } = await analyseSheets(sheets(4));
      expect(dossier.pap.partTime).toEqual({ F: 6, M: 1, shareF: 0.182, shareM: 0.05, total: 7, share: 0.132, byGender: true });
      expect(serious(dossier)).toEqual([]);
    });

    it('and reports the total without gender that disagrees with it, at the total without gender', async () => {
      const { dossier } = await analyseSheets(sheets(3));
      expect(dossier.pap.partTime).toMatchObject({ F: 5, M: 1, total: 6, byGender: true });
      expect(findings(dossier, 'cross-table-mismatch')).toEqual([
        expect.objectContaining({ sheet: 'Tabella 1', cell: 'D3:D4', expected: 6, actual: 7, related: [place('Part-time', 'B3:C4')], message: expect.stringContaining('Le persone in part-time sono 7') }),
      ]);
    });
  });
});

describe('a table of fixed-term staff only («Personale a tempo determinato»)', () => {
  it('gives the fixed-term figures, not the whole staff, and is never compared with the staff of another table', async () => {
    const { dossier } = await analyseSheets({
      Personale: [
        ['Personale in servizio al 31/12/2023'],
        ['Categoria', 'Donne', 'Uomini'],
        ['B', 4, 6],
        ['C', 12, 8],
        ['D', 9, 5],
        [],
        [],
        ['Personale a tempo determinato al 31/12/2023'],
        ['Categoria', 'Donne', 'Uomini'],
        ['C', 2, 1],
        ['D', 1, 0],
      ],
    });
    expect(dossier.pap.headcount).toMatchObject({ F: 25, M: 19, total: 44 });
    expect(dossier.pap.fixedTerm).toEqual({ F: 3, M: 1, total: 4, byGender: true });
    expect(serious(dossier)).toEqual([]);
  });

  it('a title naming both kinds («a tempo indeterminato e determinato») is the whole staff', async () => {
    const { dossier } = await analyseSheets({
      Personale: [['Personale a tempo indeterminato e determinato al 31/12/2023'], ['Categoria', 'Donne', 'Uomini'], ['C', 12, 8], ['D', 9, 5]],
    });
    expect(dossier.pap.headcount).toMatchObject({ F: 21, M: 13, total: 34 });
  });
});

describe('a title that counts fixed-term staff in («comprese quelle a tempo determinato»)', () => {
  it('is the whole staff', async () => {
    const { dossier } = await analyseSheets({
      Personale: [['Personale in servizio al 31/12/2023'], ['Persone in servizio per area e genere, comprese quelle a tempo determinato.'], ['Categoria', 'Donne', 'Uomini'], ['C', 12, 8], ['D', 9, 5]],
    });
    expect(dossier.pap.headcount).toMatchObject({ F: 21, M: 13, total: 34 });
  });
});

describe('«Tempo determinato» in the corner of the header', () => {
  it('makes the table one of fixed-term staff, as the title would', async () => {
    const { dossier } = await analyseSheets({
      Personale: [
        ['Personale in servizio al 31/12/2023'],
        ['Categoria', 'Donne', 'Uomini'],
        ['C', 12, 8],
        ['D', 9, 5],
        [],
        [],
        ['Tempo determinato', 'Donne', 'Uomini'],
        ['C', 2, 1],
        ['D', 1, 0],
      ],
    });
    expect(dossier.pap.headcount).toMatchObject({ F: 21, M: 13, total: 34 });
    expect(dossier.pap.fixedTerm).toEqual({ F: 3, M: 1, total: 4, byGender: true });
    expect(serious(dossier)).toEqual([]);
  });
});

describe('a column whose header names nothing the table counts («FTE»)', () => {
  it('is reported as not read, and is not read: no ungendered staff, no error on its decimals', async () => {
    const { dossier } = await analyseSheets({
      Personale: [['Personale al 31/12/2023'], ['Categoria', 'Donne', 'Uomini', 'FTE'], ['B', 4, 6, 8.5], ['C', 12, 8, 19.75], ['D', 9, 5, 13]],
    });
    expect(dossier.pap.headcount).toMatchObject({ F: 25, M: 19, total: 44, byGender: true });
    expect(dossier.findings.map((f) => [f.rule, f.cell])).toEqual([['header-unrecognised', 'D2']]);
  });
});
