import { analyseSheets, findings, Row, SheetSpec } from '../../helpers/staff';

const BANDS = ['<30', '31-40', '41-50', '51-60', '>60'];
const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

/** A CUG table 1.1: «Uomini» and «Donne» merged over the five age bands, a «Totale» column. */
function cug(rows: [string, ...number[]][]): Record<string, SheetSpec> {
  return {
    P: {
      rows: [
        ['1.1 Ripartizione del personale per genere ed età nei livelli di inquadramento'],
        ['Inquadramento', 'Uomini', null, null, null, null, 'Donne', null, null, null, null, 'Totale'],
        [null, ...BANDS, ...BANDS, null],
        ...rows.map(([label, ...v]): Row => [label, ...v, sum(v)]),
      ],
      merges: ['B2:F2', 'G2:K2', 'L2:L3'],
    },
  };
}

/** Categories as columns (Cat. D to Cat. A) under a header, the rows given. */
const byCategory = (head: string, rows: Row[]): Record<string, Row[]> => ({ P: [[head, 'Cat. D', 'Cat. C', 'Cat. B', 'Cat. A'], ...rows] });

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

  describe('rows with other labels and the same figures (a probable copy-paste)', () => {
    it.each<[string, Record<string, Row[] | SheetSpec>]>([
      [
        'rows of zeros and ones, however many (CUG age bands of small categories)',
        cug([
          ['Area dei Funzionari e dell’EQ', 0, 1, 1, 0, 1, 0, 1, 1, 1, 0],
          ['Area degli Istruttori', 0, 1, 1, 0, 1, 0, 1, 1, 1, 0],
          ['Area degli Operatori esperti', 2, 3, 1, 4, 0, 1, 2, 5, 3, 1],
        ]),
      ],
      [
        'the age bands of a CUG table where a category has one person',
        cug([
          ['Segretario generale', 0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
          ['Dirigente a T.D. art. 110 TUEL', 0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
          ['Area degli Istruttori', 2, 3, 1, 4, 0, 1, 2, 5, 3, 1],
        ]),
      ],
      ['two rows with two small figures', { P: [['Categoria', 'Donne', 'Uomini', 'Totale'], ['Cat. D', 3, 2, 5], ['Cat. C', 3, 2, 5], ['Cat. B', 4, 6, 10]] }],
      ['two rows with two large figures (too few to tell)', { P: [['Categoria', 'Donne', 'Uomini', 'Totale'], ['Cat. D', 45, 38, 83], ['Cat. C', 45, 38, 83]] }],
      ['three equal figures whose chance match is 1 in 1.000', byCategory('Genere', [['Donne', 9, 9, 9, 0], ['Uomini', 9, 9, 9, 0]])],
      [
        'a subtotal row equal to its only part (the «Totale» adds up without it)',
        byCategory('Struttura', [['Area Servizi alla persona', 20, 30, 15, 6], ['Servizi demografici', 20, 30, 15, 6], ['Area Tecnica', 3, 6, 2, 1], ['Totale', 23, 36, 17, 7]]),
      ],
      [
        'a group row equal to its only member (two label columns)',
        {
          P: [
            ['Tipologia', 'Inquadramento', 'Cat. D', 'Cat. C', 'Cat. B', 'Cat. A'],
            ['Personale a tempo indeterminato', null, 20, 30, 15, 6],
            ['Personale a tempo indeterminato', 'Personale di ruolo', 20, 30, 15, 6],
          ],
        },
      ],
      ['a «di cui» row equal to its parent', byCategory('Voce', [['Personale a tempo indeterminato', 20, 30, 15, 6], ['di cui a tempo pieno', 20, 30, 15, 6], ['Personale a tempo determinato', 1, 2, 0, 0]])],
      ['a total row equal to the only row with figures', byCategory('Genere', [['Donne', 20, 30, 15, 6], ['Uomini', 0, 0, 0, 0], ['Totale', 20, 30, 15, 6]])],
      ['percentage rows', byCategory('Genere', [['Donne', 20, 30, 15, 6], ['Uomini', 20, 31, 15, 6], ['% donne', '50%', '49%', '50%', '50%'], ['% uomini', '50%', '51%', '50%', '50%']])],
      ['the same staff two years running', byCategory('Anno', [[2022, 20, 30, 15, 6], [2023, 20, 30, 15, 6]])],
      ['posts planned and posts filled', byCategory('Dotazione organica', [['Posti previsti', 20, 30, 15, 6], ['Posti coperti', 20, 30, 15, 6]])],
      ['as many hires as terminations', byCategory('Movimenti 2023', [['Assunzioni', 20, 15, 10, 3], ['Cessazioni', 20, 15, 10, 3]])],
    ])('is silent on %s', async (_what, sheets) => {
      const { dossier } = await analyseSheets(sheets);
      expect(findings(dossier, 'duplicate-row')).toEqual([]);
    });

    it('warns at the second row’s label, the first row related, when a CUG row repeats another in many figures', async () => {
      const { dossier } = await analyseSheets(
        cug([
          ['Area dei Funzionari e dell’EQ', 1, 4, 6, 5, 2, 2, 7, 9, 6, 1],
          ['Area degli Istruttori', 0, 3, 5, 4, 2, 1, 6, 8, 5, 3],
          ['Area degli Operatori esperti', 0, 3, 5, 4, 2, 1, 6, 8, 5, 3],
        ]),
      );
      expect(findings(dossier, 'duplicate-row')).toEqual([
        expect.objectContaining({
          severity: 'warning',
          cell: 'A6',
          related: [{ file: 'personale.xlsx', sheet: 'P', cell: 'A5' }],
          message:
            'I valori della riga «Area degli Operatori esperti» ripetono uno per uno quelli della riga «Area degli Istruttori» (riga 5), in 9 celle non nulle: probabile errore di copia e incolla nella tabella pubblicata. Controllare i dati della riga con la fonte.',
        }),
      ]);
    });

    it.each<[string, Record<string, Row[] | SheetSpec>, string, string]>([
      ['genders as rows, categories as columns', byCategory('Genere', [['Donne', 20, 15, 10, 3], ['Uomini', 20, 15, 10, 3], ['Totale', 40, 30, 20, 6]]), 'A3', 'A2'],
      ['a Conto annuale table «Totale | di cui ...»', { P: [['Qualifica', 'Totale', 'di cui donne', 'di cui part-time', 'di cui T.D.'], ['Istruttori', 35, 22, 5, 3], ['Operatori esperti', 35, 22, 5, 3], ['Dirigenti', 3, 1, 0, 1]] }, 'A3', 'A2'],
      ['rows far apart, three large figures', byCategory('Settore', [['Settore Tecnico', 40, 35, 12, 0], ['Settore Finanziario', 6, 5, 2, 1], ['Polizia locale', 40, 35, 12, 0]]), 'A4', 'A2'],
    ])('warns on %s', async (_what, sheets, cell, first) => {
      const { dossier } = await analyseSheets(sheets);
      expect(findings(dossier, 'duplicate-row')).toEqual([expect.objectContaining({ severity: 'warning', cell, related: [expect.objectContaining({ cell: first })], message: expect.stringContaining('copia e incolla') })]);
    });
  });
});
