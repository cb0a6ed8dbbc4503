import { Dossier, PapStatistics } from '../../importer/engine/schema/dossier';
import { analyseSheets } from '../helpers/staff';

type Ref = { figure: string; who?: string; category?: string; year?: number };

/** The unknown entry of a figure, as piao.json lists it (undefined: the figure is known). */
function unknownOf(pap: PapStatistics, ref: Ref) {
  return pap.unknown?.find((u) => u.figure === ref.figure && (u.who === undefined || u.who === ref.who) && (u.category === undefined || u.category === ref.category) && (u.year === undefined || u.year === ref.year));
}

function flaggedOf(pap: PapStatistics, ref: Ref) {
  return pap.flagged?.find((f) => f.figure === ref.figure && f.who === ref.who && f.category === ref.category && f.year === ref.year);
}

const cells = (places: { sheet: string; cell: string }[] | undefined) => (places ?? []).map((p) => `${p.sheet}!${p.cell}`);

describe('PAP statistics: a figure that cannot be known is listed as unknown, never given as 0', () => {
  let dossier: Dossier;
  beforeAll(async () => {
    ({ dossier } = await analyseSheets({
      Personale: [
        ['Personale in servizio al 31/12/2024'],
        ['Categoria', 'Donne', 'Uomini', 'Totale'],
        ['Dirigenti', 'n.d.', 1, 1],
        ['Cat. D', 8, 6, 14],
        ['Cat. C', 12, 8, 20],
        ['Totale', 20, 15, 35],
      ],
      Movimenti: [
        ['Assunzioni e cessazioni 2023-2024'],
        ['Assunti', 2023, 2024],
        ['Uomo', 'n.d.', 2],
        ['Donna', 'dodici', 3],
        ['Cessati', 2023, 2024],
        ['Uomo', -2, 1],
        ['Donna', 3, 2],
      ],
    }));
  });

  it('a category cell «n.d.»: the category, the top, the women and the total are not known; the men are', () => {
    const pap = dossier.pap;
    expect(unknownOf(pap, { figure: 'category', category: 'dirigente', who: 'F' })).toMatchObject({ reason: 'not-available' });
    expect(cells(unknownOf(pap, { figure: 'category', category: 'dirigente', who: 'F' })?.at)).toEqual(['Personale!B3']);
    expect(unknownOf(pap, { figure: 'category', category: 'dirigente', who: 'total' })).toBeDefined();
    expect(unknownOf(pap, { figure: 'category', category: 'dirigente', who: 'M' })).toBeUndefined();
    expect(unknownOf(pap, { figure: 'top', who: 'F' })).toMatchObject({ reason: 'not-available' });
    expect(unknownOf(pap, { figure: 'headcount', who: 'F' })).toMatchObject({ reason: 'not-available' });
    expect(unknownOf(pap, { figure: 'headcount', who: 'total' })).toBeDefined();
    expect(unknownOf(pap, { figure: 'headcount', who: 'M' })).toBeUndefined();
    expect(unknownOf(pap, { figure: 'category', category: 'istruttore', who: 'F' })).toBeUndefined();
    // a share of a figure not known is not computed
    expect(pap.headcount.shareF).toBeNull();
    expect(pap.byCategory.find((c) => c.category === 'istruttore')?.shareF).toBe(0.6);
  });

  it('hires «n.d.» and «dodici», a negative termination: each year and gender not known, with its cell and reason', () => {
    const pap = dossier.pap;
    expect(unknownOf(pap, { figure: 'hires', year: 2023, who: 'M' })).toMatchObject({ reason: 'not-available' });
    expect(unknownOf(pap, { figure: 'hires', year: 2023, who: 'F' })).toMatchObject({ reason: 'unparseable' });
    expect(cells(unknownOf(pap, { figure: 'hires', year: 2023, who: 'F' })?.at)).toEqual(['Movimenti!B4']);
    expect(unknownOf(pap, { figure: 'terminations', year: 2023, who: 'M' })).toMatchObject({ reason: 'out-of-range' });
    expect(unknownOf(pap, { figure: 'terminations', year: 2023, who: 'F' })).toBeUndefined();
    expect(unknownOf(pap, { figure: 'hires', year: 2024, who: 'F' })).toBeUndefined();
    expect(pap.turnover.find((t) => t.year === 2024)).toEqual({ year: 2024, hires: { F: 3, M: 2 }, terminations: { F: 2, M: 1 } });
  });

  it('figures no table gives (part-time, fixed-term, smart working) are absent, not 0', () => {
    for (const figure of ['partTime', 'fixedTerm', 'smartWorking']) expect(unknownOf(dossier.pap, { figure, who: 'total' })).toMatchObject({ reason: 'absent' });
  });

  it('a dossier without staff tables has every figure absent', async () => {
    const { dossier: none } = await analyseSheets({ Obiettivi: [['Codice', 'Obiettivo', 'Responsabile'], ['01', 'Linea', 'Sindaco'], ['01.01', 'Obiettivo', 'Settore 1']] }, 'obiettivi.xlsx');
    expect(none.pap.unknown?.map((u) => u.figure).sort()).toEqual(['category', 'fixedTerm', 'headcount', 'hires', 'partTime', 'smartWorking', 'terminations', 'top']);
    expect(none.pap.unknown?.every((u) => u.reason === 'absent' && u.who === undefined)).toBe(true);
  });

  it('a clean table leaves nothing unknown and nothing flagged', async () => {
    const { dossier: clean } = await analyseSheets({
      Personale: [['Personale in servizio al 31/12/2024'], ['Categoria', 'Donne', 'Uomini', 'Totale'], ['Cat. D', 8, 6, 14], ['Cat. C', 12, 8, 20], ['Totale', 20, 14, 34]],
      'Part-time': [['Part-time al 31/12/2024'], ['Regime', 'Donne', 'Uomini', 'Totale'], ['Tempo pieno', 16, 13, 29], ['Part-time orizzontale 50%', 4, 1, 5], ['Totale', 20, 14, 34]],
    });
    expect(clean.pap.unknown?.map((u) => u.figure).sort()).toEqual(['fixedTerm', 'hires', 'smartWorking', 'terminations']);
    expect(clean.pap.flagged).toBeUndefined();
    expect(clean.pap.headcount.shareF).toBe(0.588);
  });
});

describe('PAP statistics: a figure computed from a cell with an error or a warning is flagged, with that cell', () => {
  it('a duplicated row marks the headcount and its category; a count above the staff marks the smart workers', async () => {
    const { dossier } = await analyseSheets({
      Personale: [
        ['Personale in servizio al 31/12/2024'],
        ['Categoria', 'Donne', 'Uomini', 'Totale'],
        ['Cat. D', 8, 6, 14],
        ['Cat. C', 12, 8, 20],
        ['Cat. B', 5, 7, 12],
        ['Cat. B', 5, 7, 12],
        ['Totale', 30, 28, 58],
      ],
      Agile: [['Lavoro agile al 31/12/2024'], ['', 'In lavoro agile', 'Personale in servizio'], ['Donne', 20, 30], ['Uomini', 31, 28]],
    });
    const pap = dossier.pap;
    const dup = dossier.findings.find((f) => f.rule === 'duplicate-row')!;
    expect(dup).toBeDefined();
    for (const who of ['F', 'M', 'total']) {
      expect(flaggedOf(pap, { figure: 'headcount', who })).toMatchObject({ rules: expect.arrayContaining(['duplicate-row']) });
      expect(flaggedOf(pap, { figure: 'category', category: 'operatore-esperto', who })?.at).toContainEqual({ file: dup.file, sheet: dup.sheet, cell: dup.cell });
    }
    expect(flaggedOf(pap, { figure: 'category', category: 'istruttore', who: 'F' })).toBeUndefined();
    const above = dossier.findings.find((f) => f.rule === 'value-out-of-range' && f.sheet === 'Agile')!;
    expect(above).toBeDefined();
    expect(flaggedOf(pap, { figure: 'smartWorking', who: 'M' })).toMatchObject({ rules: expect.arrayContaining(['value-out-of-range']) });
    expect(flaggedOf(pap, { figure: 'smartWorking', who: 'F' })).toBeUndefined();
  });
});
