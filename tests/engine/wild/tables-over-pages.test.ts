import { analyse } from '../../../importer/engine/analyse';
import { Dossier } from '../../../importer/engine/schema/dossier';
import { readBytes } from '../../../importer/read/read-source';
import { analyseSheets, Row } from '../../helpers/staff';

/**
 * A table continued on a second page (printed, exported page by page, pasted from a PDF): the
 * header again after the page break, «Pag. 2» lines, the title again, the sums of a page. It is
 * one table: no split, no false totals, no lost rows.
 */

const HEADER: Row = ['Categoria', 'Donne', 'Uomini', 'Totale'];
const PAGE_1: Row[] = [
  ['Dirigenti', 1, 1, 2],
  ['Cat. D', 5, 4, 9],
];
const PAGE_2: Row[] = [
  ['Cat. C', 10, 8, 18],
  ['Cat. B', 3, 3, 6],
];

function tables(d: Dossier): string[] {
  return d.sources.flatMap((s) => s.sheets.flatMap((x) => (x.tables ?? []).map((t) => t.range)));
}

function expectOneWholeTable(d: Dossier): void {
  expect(tables(d)).toHaveLength(1);
  expect(d.pap.headcount).toMatchObject({ F: 19, M: 16, total: 35 });
  expect(Object.fromEntries(d.pap.byCategory.map((c) => [c.category, c.total]))).toEqual({ dirigente: 2, funzionario: 9, istruttore: 18, 'operatore-esperto': 6 });
  expect(d.findings).toEqual([]);
}

describe('a staff table over two pages is one table', () => {
  const layouts: [string, Row[]][] = [
    ['the header repeated after a blank row and «Pag. 1»', [['Personale al 31/12/2023'], HEADER, ...PAGE_1, [], ['Pag. 1'], HEADER, ...PAGE_2, ['Totale', 19, 16, 35]]],
    ['«Pag. 1 di 2», the title again with «(segue)», the header again, «Pag. 2 di 2» at the end', [['Personale al 31/12/2023'], HEADER, ...PAGE_1, ['Pag. 1 di 2'], ['Personale al 31/12/2023 (segue)'], HEADER, ...PAGE_2, ['Totale', 19, 16, 35], ['Pag. 2 di 2']]],
    ['the header repeated right under the last row of the first page', [['Personale al 31/12/2023'], HEADER, ...PAGE_1, HEADER, ...PAGE_2, ['Totale', 19, 16, 35]]],
    ['«Totale pagina» on each page, «- 1 -», the title again, «Totale generale»', [['Personale al 31/12/2023'], HEADER, ...PAGE_1, ['Totale pagina', 6, 5, 11], ['- 1 -'], ['Personale al 31/12/2023'], HEADER, ...PAGE_2, ['Totale pagina', 13, 11, 24], ['Totale generale', 19, 16, 35]]],
    ['«A riportare» and «Riporto»', [['Personale al 31/12/2023'], HEADER, ...PAGE_1, ['A riportare', 6, 5, 11], [], HEADER, ['Riporto', 6, 5, 11], ...PAGE_2, ['Totale', 19, 16, 35]]],
    ['no header on the second page, only «- 1 -» between blank rows', [['Personale al 31/12/2023'], HEADER, ...PAGE_1, [], ['- 1 -'], [], ...PAGE_2, ['Totale', 19, 16, 35]]],
    ['each page closed by its own «Totale», «Pag. 1» between, no grand total', [['Personale al 31/12/2023'], HEADER, ...PAGE_1, ['Totale', 6, 5, 11], ['Pag. 1'], HEADER, ...PAGE_2, ['Totale', 13, 11, 24]]],
  ];

  it.each(layouts)('%s', async (_, rows) => {
    const { dossier } = await analyseSheets({ Personale: rows });
    expectOneWholeTable(dossier);
  });

  it.each<[string, Row]>([
    ['«Profilo | F | M | Tot.»', ['Profilo', 'F', 'M', 'Tot.']],
    ['«Qualifica | Femmine | Maschi | Totale complessivo»', ['Qualifica', 'Femmine', 'Maschi', 'Totale complessivo']],
  ])('the header written in other words on the next page: %s', async (_, reworded) => {
    for (const gap of [[[], ['Pag. 2']], [[]], []] as Row[][]) {
      const { dossier } = await analyseSheets({ Personale: [['Personale al 31/12/2023'], HEADER, ...PAGE_1, ...gap, reworded, ...PAGE_2, ['Totale', 19, 16, 35]] });
      expectOneWholeTable(dossier);
    }
  });

  it('a two-row header repeated on the next page', async () => {
    const head: Row[] = [
      ['Categoria', 'Tempo indeterminato', null, 'Tempo determinato', null],
      [null, 'Donne', 'Uomini', 'Donne', 'Uomini'],
    ];
    const { dossier } = await analyseSheets({
      Personale: { rows: [['Personale al 31/12/2023'], ...head, ['Cat. D', 5, 4, 1, 0], ['Cat. C', 10, 8, 1, 1], ['Pagina 1 di 2'], ...head, ['Cat. B', 3, 3, 0, 0], ['Totale', 18, 15, 2, 1]], merges: ['B2:C2', 'D2:E2', 'B7:C7', 'D7:E7'] },
    });
    expect(tables(dossier)).toHaveLength(1);
    expect(dossier.pap.headcount).toMatchObject({ F: 20, M: 16 });
    expect(dossier.pap.fixedTerm).toMatchObject({ F: 2, M: 1 });
    expect(dossier.findings).toEqual([]);
  });

  it('a turnover table by year over two pages', async () => {
    const head: Row = ['Anno', 'Assunti donne', 'Assunti uomini', 'Cessati donne', 'Cessati uomini'];
    const { dossier } = await analyseSheets({ Movimenti: [['Assunzioni e cessazioni'], head, [2021, 1, 2, 0, 1], [2022, 2, 1, 1, 1], ['segue'], head, [2023, 3, 1, 2, 0], [2024, 1, 1, 1, 2]] });
    expect(tables(dossier)).toHaveLength(1);
    expect(dossier.pap.turnover.map((t) => t.year)).toEqual([2021, 2022, 2023, 2024]);
  });

  it('a CSV exported page by page', async () => {
    const csv = ['Personale al 31/12/2023;;;', 'Categoria;Donne;Uomini;Totale', 'Dirigenti;1;1;2', 'Cat. D;5;4;9', ';;;Pag. 1/2', 'Categoria;Donne;Uomini;Totale', 'Cat. C;10;8;18', 'Cat. B;3;3;6', 'Totale;19;16;35', ';;;Pag. 2/2'].join('\n');
    const grids = await readBytes(new TextEncoder().encode(csv), 'personale.csv');
    expectOneWholeTable(analyse([{ file: 'personale.csv', grids }]).dossier);
  });
});

describe('the neighbours: what stays apart, what is still checked', () => {
  it('a wrong grand total under a table over two pages is checked against every row of both pages', async () => {
    const { dossier } = await analyseSheets({ Personale: [['Personale al 31/12/2023'], HEADER, ...PAGE_1, ['Pag. 1'], HEADER, ...PAGE_2, ['Totale', 20, 16, 36]] });
    expect(tables(dossier)).toHaveLength(1);
    expect(dossier.findings.map((f) => [f.rule, f.cell, f.expected])).toEqual([
      ['sum-mismatch', 'B9', 19],
      ['sum-mismatch', 'D9', 35],
    ]);
  });

  it('two tables with the same header under different titles stay two tables', async () => {
    const { dossier } = await analyseSheets({
      Personale: [['Personale a tempo pieno al 31/12/2023'], HEADER, ['Cat. D', 5, 4, 9], ['Cat. C', 10, 8, 18], ['Totale', 15, 12, 27], [], ['Personale dell’anno precedente, al 31/12/2022'], HEADER, ['Cat. D', 4, 4, 8], ['Cat. C', 10, 7, 17], ['Totale', 14, 11, 25]],
    });
    expect(tables(dossier)).toHaveLength(2);
    expect(dossier.papByDate?.map((p) => [p.referenceDate, p.headcount.total])).toEqual([
      ['2022-12-31', 25],
      ['2023-12-31', 27],
    ]);
  });

  it('a header in other words that heads another table («Tempo determinato | F | M»), or whose columns say otherwise: two tables', async () => {
    const fixed = await analyseSheets({ Personale: [['Personale al 31/12/2023'], ['Tempo indeterminato', 'Donne', 'Uomini', 'Totale'], ...PAGE_1, [], ['Tempo determinato', 'F', 'M', 'Tot.'], ['Cat. D', 1, 0, 1], ['Cat. C', 1, 1, 2]] });
    expect(tables(fixed.dossier)).toHaveLength(2);
    const swapped = await analyseSheets({ Personale: [['Personale al 31/12/2023'], HEADER, ...PAGE_1, [], ['Profilo', 'Uomini', 'Donne', 'Totale'], ...PAGE_2] });
    expect(tables(swapped.dossier)).toHaveLength(2);
  });

  it('a table closed by its total, then the same header with no page mark: two tables', async () => {
    const { dossier } = await analyseSheets({ Assunti: [['Assunti nel 2023'], HEADER, ['Cat. D', 1, 0, 1], ['Cat. C', 2, 1, 3], ['Totale', 3, 1, 4], [], HEADER, ['Cat. D', 0, 1, 1], ['Cat. C', 1, 1, 2], ['Totale', 1, 2, 3]] });
    expect(tables(dossier)).toHaveLength(2);
  });
});
