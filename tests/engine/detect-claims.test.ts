/**
 * A per-person register is found first and the other detectors do not look for headers among its
 * rows (a 100,000-row register costs them nothing); tables above, below or beside it are still
 * looked for.
 */
import { ClaimedRows } from '../../importer/engine/detect/claims';
import { DetectedTable } from '../../importer/engine/detect/table';
import { Grid } from '../../importer/engine/grid/grid';
import { analyseWorkbooks, sheetWorkbook } from '../helpers/xlsx';

function registerRows(n: number): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (let i = 0; i < n; i++) rows.push([`M${1000 + i}`, `Cognome${i}`, i % 3 === 0 ? 'M' : 'F', ['B', 'C', 'D'][i % 3], 'Istruttore']);
  return rows;
}

describe('tables claimed by a register', () => {
  it('reads the register, and still finds the staff tables above and below it', async () => {
    const rows: (string | number | null)[][] = [['Personale per categoria al 31/12/2024'], ['Categoria', 'Donne', 'Uomini'], ['B', 0, 10], ['C', 10, 0], ['D', 10, 0], [], [], []];
    rows.push(['Matricola', 'Cognome', 'Sesso', 'Categoria', 'Profilo'], ...registerRows(30));
    rows.push([], [], [], ['Personale a tempo determinato al 31/12/2024'], ['Categoria', 'Donne', 'Uomini'], ['C', 2, 1], ['D', 1, 0]);
    const { dossier } = await analyseWorkbooks({ 'r.xlsx': sheetWorkbook(rows) });
    const tables = dossier.sources[0].sheets[0].tables ?? [];
    expect(tables.map((t) => t.range)).toEqual(['A2:C5', 'A9:E39', 'A44:C46']);
    expect(dossier.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.cell, f.message])).toEqual([]);
  });

  it('claims a row only when all its filled cells lie within the register columns and rows', () => {
    const grid = new Grid('r.xlsx', 'Foglio1');
    const put = (r: number, c: number, t: string) => grid.set(r, c, { value: t, text: t });
    for (let r = 2; r <= 9; r++) for (let c = 0; c < 5; c++) put(r, c, 'x');
    put(4, 7, 'beside');
    put(11, 0, 'below');
    const register = { range: { top: 2, left: 0, bottom: 9, right: 4 } } as DetectedTable;
    const claimed = new ClaimedRows([register]);
    expect([1, 2, 3, 4, 9, 10, 11].map((r) => claimed.has(grid, r))).toEqual([false, true, true, false, true, false, false]);
  });
});
