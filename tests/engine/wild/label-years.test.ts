import { analyse } from '../../../importer/engine/analyse';
import { Dossier } from '../../../importer/engine/schema/dossier';
import { readBytes } from '../../../importer/read/read-source';
import { analyseSheets, Row } from '../../helpers/staff';

/**
 * A year inside a row label («Cat. C (dato 2021)», «compresi 2 assunti nel 2022») is a remark about
 * the row: it must not beat the date of the table's title, nor turn a headcount table into a
 * turnover table. Titles and headers first; a label's year is a weak clue, used only when nothing
 * else dates the table.
 */

function sheetsOf(d: Dossier) {
  return d.sources.flatMap((s) => s.sheets.map((x) => [x.kind, x.referenceDate ?? null]));
}

function categories(d: Dossier) {
  return Object.fromEntries(d.pap.byCategory.map((c) => [c.category, c.total]));
}

const HEADER: Row = ['Categoria', 'Donne', 'Uomini', 'Totale'];

describe('a year or a movement in a row label is a remark', () => {
  it('«Cat. C (dato 2021)» does not date a table titled «al 31/12/2023»', async () => {
    const { dossier } = await analyseSheets({ Personale: [['Personale in servizio al 31/12/2023'], HEADER, ['Cat. D', 5, 4, 9], ['Cat. C (dato 2021)', 10, 8, 18], ['Cat. B', 3, 3, 6], ['Totale', 18, 15, 33]] });
    expect(sheetsOf(dossier)).toEqual([['headcount', '2023-12-31']]);
    expect(dossier.headcount.every((h) => h.referenceDate === '2023-12-31')).toBe(true);
    expect(categories(dossier)).toEqual({ funzionario: 9, istruttore: 18, 'operatore-esperto': 6 });
    expect(dossier.findings).toEqual([]);
  });

  it('«Cat. B (compresi 2 assunti nel 2022)» leaves a headcount table a headcount table, every row counted', async () => {
    const { dossier } = await analyseSheets({ Personale: [['Personale in servizio al 31/12/2023'], HEADER, ['Cat. D', 5, 4, 9], ['Cat. C', 10, 8, 18], ['Cat. B (compresi 2 assunti nel 2022)', 3, 3, 6], ['Totale', 18, 15, 33]] });
    expect(sheetsOf(dossier)).toEqual([['headcount', '2023-12-31']]);
    expect(dossier.turnover).toEqual([]);
    expect(dossier.pap.headcount).toMatchObject({ F: 18, M: 15, total: 33 });
    expect(dossier.findings).toEqual([]);
  });

  it('a remark after a comma or a dash: «Operatori, compresi 2 assunti nel 2024», «Istruttori - di cui 1 cessato nel 2023»', async () => {
    const { dossier } = await analyseSheets({
      Dipendenti: [['Dipendenti anno 2024'], ['Profilo', 'F', 'M'], ['Dirigenti', 1, 1], ['Istruttori - di cui 1 cessato nel 2023', 6, 4], ['Operatori, compresi 2 assunti nel 2024', 3, 3]],
    });
    expect(sheetsOf(dossier)).toEqual([['headcount', '2024-12-31']]);
    expect(categories(dossier)).toEqual({ dirigente: 2, istruttore: 10, operatore: 6 });
    // the «di cui» with its figure written in the text is no part line: no «part bigger than its whole»
    expect(dossier.findings).toEqual([]);
  });

  it('a year in brackets without a remark word, on one row of several: «Funzionari (ex D, dal 2023 Area Funzionari)»', async () => {
    const { dossier } = await analyseSheets({ Organico: [['Personale al 31.12.2022'], ['Categoria', 'Donne', 'Uomini'], ['Funzionari (ex D, dal 2023 Area Funzionari)', 4, 2], ['Istruttori', 6, 4], ['Operatori', 2, 1]] });
    expect(sheetsOf(dossier)).toEqual([['headcount', '2022-12-31']]);
    expect(dossier.pap.headcount).toMatchObject({ F: 12, M: 7 });
  });

  it('the same remark year on every row: the title still dates the table', async () => {
    const { dossier } = await analyseSheets({ Personale: [['Personale al 31/12/2023'], ['Categoria', 'Donne', 'Uomini'], ['Cat. D (dato 2021)', 5, 4], ['Cat. C (dato 2021)', 10, 8]] });
    expect(sheetsOf(dossier)).toEqual([['headcount', '2023-12-31']]);
  });

  it('a CSV read the same way (a remark year in a label, a date in the title)', async () => {
    const csv = 'Dotazione organica al 31/12/2024;;\r\nCategoria;Donne;Uomini\r\nCat. D;5;4\r\n"Cat. C (dato 2022, ultimo disponibile)";10;8\r\nCat. B;3;3\r\n';
    const grids = await readBytes(new TextEncoder().encode(csv), 'dotazione.csv');
    const { dossier } = analyse([{ file: 'dotazione.csv', grids }]);
    expect(sheetsOf(dossier)).toEqual([['headcount', '2024-12-31']]);
    expect(dossier.pap.headcount).toMatchObject({ F: 18, M: 15 });
  });
});

describe('the neighbours: where a year or a movement in a label is what the table is about', () => {
  it('nothing else dates the table: the one year of the remarks is taken, last', async () => {
    const { dossier } = await analyseSheets({ Personale: [['Categoria', 'Donne', 'Uomini'], ['Cat. D (dato 2021)', 5, 4], ['Cat. C (dato 2021)', 10, 8]] });
    expect(sheetsOf(dossier)).toEqual([['headcount', '2021-12-31']]);
  });

  it('years that change from row to row are an axis: each row keeps its own date', async () => {
    const { dossier } = await analyseSheets({ Personale: [['Personale al 31/12/2023'], ['Categoria', 'Donne', 'Uomini'], ['Cat. D 2022', 5, 4], ['Cat. D 2023', 6, 4], ['Cat. C 2022', 10, 8], ['Cat. C 2023', 11, 8]] });
    expect([...new Set(dossier.headcount.map((h) => h.referenceDate))].sort()).toEqual(['2022-12-31', '2023-12-31']);
    expect(dossier.pap.headcount).toMatchObject({ F: 17, M: 12 });
  });

  it('movements on every row make a turnover table, with the year of each row', async () => {
    const { dossier } = await analyseSheets({ Movimenti: [['Movimenti del personale'], ['Movimento', 'Donne', 'Uomini'], ['Assunti 2022', 2, 1], ['Assunti 2023', 3, 1], ['Cessati 2022', 1, 2], ['Cessati 2023', 2, 2]] });
    expect(sheetsOf(dossier)).toEqual([['turnover', null]]);
    expect(dossier.pap.turnover).toEqual([
      { year: 2022, hires: { F: 2, M: 1 }, terminations: { F: 1, M: 2 } },
      { year: 2023, hires: { F: 3, M: 1 }, terminations: { F: 2, M: 2 } },
    ]);
  });

  it('a «di cui assunti nel 2023» line under the staff: a headcount table, whose hires are still read', async () => {
    const { dossier } = await analyseSheets({ Personale: [['Personale al 31/12/2023'], ['Categoria', 'Donne', 'Uomini'], ['Cat. D', 5, 4], ['Cat. C', 10, 8], ['Totale', 15, 12], ['di cui assunti nel 2023', 2, 1]] });
    expect(sheetsOf(dossier)).toEqual([['headcount', '2023-12-31']]);
    expect(dossier.pap.headcount).toMatchObject({ F: 15, M: 12 });
    expect(dossier.turnover.map((t) => [t.movement, t.year, t.gender, t.count])).toEqual([
      ['hire', 2023, 'F', 2],
      ['hire', 2023, 'M', 1],
    ]);
    expect(dossier.findings).toEqual([]);
  });

  it('a year in the column headers dates the table', async () => {
    const { dossier } = await analyseSheets({ Foglio1: [['Categoria', 'Donne 2023', 'Uomini 2023'], ['Cat. D', 5, 4], ['Cat. C', 10, 8]] });
    expect(sheetsOf(dossier)).toEqual([['headcount', '2023-12-31']]);
  });
});
