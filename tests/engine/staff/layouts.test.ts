import { pratoObjectivesWorkbook } from '../../../templates/scripts/samples/prato-objectives';
import { borgoDupWorkbook, borgoPegWorkbook } from '../../../templates/scripts/samples/borgo-objectives';
import { cleanObjectivesWorkbook } from '../../../templates/scripts/samples/clean-objectives';
import { analyseWorkbooks } from '../../helpers/xlsx';
import { analyseSheets, findings, serious } from '../../helpers/staff';

describe('staff tables in the layouts of real plans', () => {
  it('reads categories as rows and genders as columns, with a "% donne" column', async () => {
    const { dossier } = await analyseSheets({
      Personale: [
        ['Personale al 31/12/2024'],
        ['Categoria', 'Donne', 'Uomini', 'Totale', '% donne'],
        ['Dirigenti', 1, 2, 3, '33,3%'],
        ["Area dei Funzionari e dell'EQ", 10, 5, 15, '66,7%'],
        ['Area degli Istruttori', 8, 9, 17, '47,1%'],
        ['Totale', 19, 16, 35, '54,3%'],
      ],
    });
    expect(dossier.pap.referenceDate).toBe('2024-12-31');
    expect(dossier.pap.headcount).toEqual({ F: 19, M: 16, total: 35, shareF: 0.543, byGender: true });
    expect(dossier.pap.top).toEqual({ F: 1, M: 2, total: 3, shareF: 0.333 });
    expect(dossier.headcount.find((h) => h.label === "Area dei Funzionari e dell'EQ" && h.gender === 'F')).toMatchObject({ category: 'funzionario', count: 10, at: { cell: 'B4' } });
    expect(dossier.sources[0].sheets[0].kind).toBe('headcount');
    expect(serious(dossier)).toEqual([]);
  });

  it('reads "D | U" as genders and a row "D" as Cat. D', async () => {
    const { dossier } = await analyseSheets({ Foglio1: [['Categoria', 'D', 'U', 'Tot'], ['Dirigenti', 1, 2, 3], ['D', 10, 5, 15], ['C', 8, 9, 17], ['Tot', 19, 16, 35]] });
    expect(dossier.pap.headcount).toMatchObject({ F: 19, M: 16, total: 35 });
    expect(dossier.pap.byCategory.map((c) => [c.category, c.F, c.M])).toEqual([
      ['dirigente', 1, 2],
      ['funzionario', 10, 5],
      ['istruttore', 8, 9],
    ]);
  });

  it('gives each year column its own date and keeps every date in papByDate', async () => {
    const { dossier } = await analyseSheets({
      Organico: [['Personale in servizio'], [], [null, 2022, 2023, 2024], ['Donne', 40, 42, 45], ['Uomini', 30, 29, 27], ['Totale', 70, 71, 72]],
    });
    expect(dossier.papByDate?.map((p) => [p.referenceDate, p.headcount.total])).toEqual([
      ['2022-12-31', 70],
      ['2023-12-31', 71],
      ['2024-12-31', 72],
    ]);
    expect(dossier.pap.headcount).toMatchObject({ F: 45, M: 27 });
    expect(serious(dossier)).toEqual([]);
  });

  it('takes the date of a table from its sheet name and compares only tables of the same date', async () => {
    const table = (f: number, m: number) => [
      ['Categoria', 'Donne', 'Uomini'],
      ['Cat. C', f, m],
    ];
    const { dossier } = await analyseSheets({
      '2023': [...table(10, 8), [], ['Regime', 'Donne', 'Uomini'], ['Tempo pieno', 9, 8], ['Part-time', 1, 0]],
      '2024': [...table(12, 8), [], ['Regime', 'Donne', 'Uomini'], ['Tempo pieno', 10, 8], ['Part-time', 2, 0]],
    });
    expect(dossier.papByDate?.map((p) => [p.referenceDate, p.headcount.F, p.partTime.F])).toEqual([
      ['2023-12-31', 10, 1],
      ['2024-12-31', 12, 2],
    ]);
    expect(findings(dossier, 'cross-table-mismatch')).toEqual([]);
  });

  it('reads tables by structure and category with subtotals, and checks each subtotal against its own rows', async () => {
    const { dossier } = await analyseSheets({
      Personale: [
        ['Personale per settore e categoria al 31/12/2024'],
        [],
        ['Settore', 'Categoria', 'F', 'M', 'Totale'],
        ['Settore Tecnico', 'Cat. D', 2, 3, 5],
        [null, 'Cat. C', 4, 2, 6],
        [null, 'Totale settore', 6, 5, 11],
        ['Settore Finanziario', 'Cat. D', 1, 1, 2],
        [null, 'Cat. C', 3, 0, 3],
        [null, 'Totale settore', 4, 2, 6],
        ['Totale complessivo', null, 10, 6, 16],
      ],
    });
    expect(dossier.pap.headcount).toMatchObject({ F: 10, M: 6, total: 16 });
    expect(dossier.headcount.find((h) => h.structure === 'Settore Finanziario' && h.label === 'Cat. C')).toMatchObject({ gender: 'F', count: 3, category: 'istruttore' });
    const sums = findings(dossier, 'sum-mismatch');
    // the Finanziario subtotal says 2 men where its rows have 1 (and so 6 where they have 5)
    expect(sums.map((f) => f.cell).sort()).toEqual(['D9', 'E9']);
    expect(sums.find((f) => f.cell === 'D9')).toMatchObject({ expected: 1, actual: 2, related: [{ cell: 'D7:D8' }] });
  });

  it('reads a category merged over F / M sub-columns, rows by structure', async () => {
    const { dossier } = await analyseSheets({
      P: {
        rows: [
          ['Dotazione per struttura 2024'],
          ['Struttura', 'Cat. D', null, 'Cat. C', null, 'Totale'],
          [null, 'D', 'U', 'D', 'U', null],
          ['Affari generali', 2, 1, 3, 3, 9],
          ['Ragioneria', 1, 0, 2, 1, 4],
          ['Totale', 3, 1, 5, 4, 13],
        ],
        merges: ['B2:C2', 'D2:E2', 'F2:F3', 'A2:A3'],
      },
    });
    expect(dossier.pap.byCategory.map((c) => [c.category, c.F, c.M])).toEqual([
      ['funzionario', 3, 1],
      ['istruttore', 5, 4],
    ]);
    expect(dossier.pap.referenceDate).toBe('2024-12-31');
    expect(serious(dossier)).toEqual([]);
  });

  it('counts fixed-term staff from "Tempo determinato" columns', async () => {
    const { dossier } = await analyseSheets({
      TD: {
        rows: [
          ['Personale al 31/12/2023 per tipo di contratto'],
          ['Categoria', 'Tempo indeterminato', null, 'Tempo determinato', null],
          [null, 'Donne', 'Uomini', 'Donne', 'Uomini'],
          ['Cat. D', 10, 5, 1, 0],
          ['Cat. C', 12, 8, 2, 1],
        ],
        merges: ['B2:C2', 'D2:E2'],
      },
    });
    expect(dossier.pap.headcount).toMatchObject({ F: 25, M: 14 });
    expect(dossier.pap.fixedTerm).toEqual({ F: 3, M: 1, total: 4, byGender: true });
    expect(dossier.headcount.find((h) => h.at.cell === 'D5')).toMatchObject({ count: 2, fixedTerm: 2, gender: 'F' });
  });

  it('reads the table a caption says is of smart workers as smart working, not as staff', async () => {
    const { dossier } = await analyseSheets({
      '2024': [['Personale in lavoro agile al 31/12/2024'], ['Categoria', 'Donne', 'Uomini', 'Totale'], ['Cat. D', 5, 2, 7], ['Cat. C', 6, 3, 9], ['Totale', 11, 5, 16]],
    });
    expect(dossier.sources[0].sheets[0].kind).toBe('smart-working');
    expect(dossier.pap.smartWorking).toMatchObject({ F: 11, M: 5, total: 16 });
    expect(dossier.pap.headcount.total).toBe(0);
  });

  it('does not count the staff "non in lavoro agile" as smart workers', async () => {
    const { dossier } = await analyseSheets({
      P: [['Personale al 31/12/2024'], [null, 'In lavoro agile', 'Non in lavoro agile', 'Totale dipendenti'], ['Donne', 12, 8, 20], ['Uomini', 3, 7, 10]],
    });
    expect(dossier.pap.smartWorking).toMatchObject({ F: 12, M: 3, total: 15 });
    expect(serious(dossier)).toEqual([]);
  });

  it('reads "Totale dipendenti" under smart-working lines as their total when it adds them up, else as the staff', async () => {
    const sheet = (total: [number, number]) => ({
      P: [
        ['Personale al 31/12/2024'],
        ['Categoria', 'Donne', 'Uomini'],
        ['Cat. C', 20, 10],
        [],
        ['Lavoro agile', 'Donne', 'Uomini'],
        ['Lavoro agile ordinario', 10, 3],
        ['Lavoro agile al 100%', 1, 0],
        ['Totale dipendenti', ...total],
      ],
    });
    const asTotal = (await analyseSheets(sheet([11, 3]))).dossier;
    expect(serious(asTotal)).toEqual([]);
    expect(asTotal.pap.smartWorking).toMatchObject({ F: 11, M: 3 });
    const asStaff = (await analyseSheets(sheet([21, 10]))).dossier;
    expect(findings(asStaff, 'cross-table-mismatch')).toEqual([expect.objectContaining({ cell: 'B8', expected: 20, actual: 21 })]);
    expect(asStaff.pap.smartWorking).toMatchObject({ F: 11, M: 3 });
  });

  it('reads hires and terminations with years as rows under a two-row header', async () => {
    const { dossier } = await analyseSheets({
      Movimenti: {
        rows: [['Assunzioni e cessazioni'], ['Anno', 'Assunzioni', null, 'Cessazioni', null], [null, 'Donne', 'Uomini', 'Donne', 'Uomini'], [2022, 2, 1, 1, 2], [2023, '1 (TD)', 2, 2, 1]],
        merges: ['A2:A3', 'B2:C2', 'D2:E2'],
      },
    });
    expect(dossier.pap.turnover).toEqual([
      { year: 2022, hires: { F: 2, M: 1 }, terminations: { F: 1, M: 2 } },
      { year: 2023, hires: { F: 1, M: 2 }, terminations: { F: 2, M: 1 } },
    ]);
    expect(dossier.turnover.find((t) => t.year === 2023 && t.movement === 'hire' && t.gender === 'F')).toMatchObject({ count: 1, fixedTerm: 1, at: { cell: 'B5' } });
  });

  it('finds every table of a sheet under its caption, the missing header of a stacked table included', async () => {
    const { dossier, model } = await analyseSheets({
      PAP: [
        ['➤ Organico al 31.12.2023'],
        [null, 'Cat. D', 'Cat. C', 'Tot.'],
        ['Uomo', 3, 2, 5],
        ['Donna', 4, 1, 5],
        [],
        ['Di cui:'],
        [null, 'FULL TIME', 'PART TIME', 'Tot.'],
        ['Uomo', 5, null, 5],
        ['Donna', 3, 2, 5],
        [],
        ['Cessati', 2022, 2023, 'Totale'],
        ['Uomo', 1, 2, 3],
        ['Donna', '1 (+ 1 TD)', 0, 2],
        ['Assunti', 2022, 2023, null],
        ['Uomo', 2, 1, 3],
        ['Donna', 1, 1, 2],
      ],
    });
    expect(model.staff.tables.map((t) => [t.kind, t.referenceDate])).toEqual([
      ['headcount', '2023-12-31'],
      ['work-time', '2023-12-31'],
      ['turnover', '2023-12-31'],
      ['turnover', '2023-12-31'],
    ]);
    expect(model.staff.tables[3].table.staff.columns.find((c) => c.index === 3)).toMatchObject({ inherited: true, totalLevel: 0 });
    expect(dossier.pap.partTime).toMatchObject({ F: 2, M: 0 });
    expect(dossier.pap.turnover).toEqual([
      { year: 2022, hires: { F: 1, M: 2 }, terminations: { F: 2, M: 1 } },
      { year: 2023, hires: { F: 1, M: 1 }, terminations: { F: 0, M: 2 } },
    ]);
    expect(serious(dossier)).toEqual([]);
  });

  it('recognises an unlabelled total column by arithmetic, and says when a column has no header', async () => {
    const { dossier, model } = await analyseSheets({
      A: [['Categoria', 'Donne', 'Uomini', null], ['Cat. D', 2, 3, 5], ['Cat. C', 4, 4, 8]],
      B: [['Categoria', 'Donne', 'Uomini', null], ['Cat. D', 2, 3, 7], ['Cat. C', 4, 4, 1]],
    });
    expect(model.staff.tables[0].table.staff.columns.find((c) => c.index === 3)).toMatchObject({ arithmeticTotal: true });
    expect(findings(dossier, 'missing-value').map((f) => [f.sheet, f.cell])).toEqual([['B', 'D1']]);
    expect(dossier.pap.headcount.total).toBe(13);
  });

  it('reads a long table, one row per category and gender with one column of counts', async () => {
    const { dossier } = await analyseSheets({
      Export: [['Estrazione al 31/12/2024'], ['Categoria', 'Sesso', 'Numero'], ['Cat. D', 'F', 12], ['Cat. D', 'M', 8], ['Cat. C', 'F', 20], ['Cat. C', 'M', '15 di cui 2 TD']],
    });
    expect(dossier.pap.headcount).toMatchObject({ F: 32, M: 23, total: 55 });
    expect(dossier.pap.fixedTerm).toEqual({ F: 0, M: 2, total: 2, byGender: true });
    expect(dossier.headcount.find((h) => h.at.cell === 'C4')).toMatchObject({ category: 'funzionario', gender: 'M', count: 8 });
  });

  it('does not take objectives or other numeric tables for staff tables', async () => {
    const objectives = await analyseWorkbooks({ 'prato.xlsx': pratoObjectivesWorkbook(), 'dup.xlsx': borgoDupWorkbook(), 'peg.xlsx': borgoPegWorkbook(), 'obiettivi.xlsx': cleanObjectivesWorkbook() });
    expect(objectives.model.staff.tables).toEqual([]);
    expect(objectives.model.tables.every((t) => t.family === 'objectives')).toBe(true);
    const { model } = await analyseSheets({
      Spesa: [
        ['Spesa di personale', 2022, 2023, 2024],
        ['Dirigenti', 250000.5, 260000.75, 270000.1],
        ['Personale non dirigente', 1234567.89, 1300000.12, 1400000.5],
      ],
      Indicatori: [
        ['Indicatore', 2024, 2025, 2026],
        ['Pratiche evase', 120, 130, 140],
        ['Tempo medio (giorni)', 30, 28, 25],
      ],
    });
    expect(model.staff.tables).toEqual([]);
  });
});
