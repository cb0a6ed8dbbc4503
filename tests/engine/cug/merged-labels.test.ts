/**
 * A label merged over the row-heading columns of a table 1.1 is one label: given back once, in the
 * column where the merge starts, the other heading columns empty (as «Totale personale» is), never
 * repeated in each column it covers. Published reports write rows their Tipologia list does not
 * hold this way (professors and researchers of a university under the portal's own rows).
 */
import ExcelJS from 'exceljs';
import { analyseWorkbooks } from '../../helpers/xlsx';

const BANDS = ['< 30', 'da 31 a 40', 'da 41 a 50', 'da 51 a 60', '> 60'];

function book(mergeAcross: boolean): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sezione 1');
  ws.addRow(['Ripartizione del personale per genere ed età nei livelli di inquadramento']);
  ws.addRow([null, null, 'Uomini', null, null, null, null, 'Donne']);
  ws.addRow(['Tipologia di personale', 'Inquadramento', ...BANDS, ...BANDS]);
  ws.addRow(['Personale non dirigente', 'Funzionari', 0, 6, 29, 63, 31, 2, 12, 33, 60, 24]);
  ws.addRow(['Professori di prima fascia', null, 0, 2, 30, 87, 94, 0, 1, 13, 34, 36]);
  ws.addRow(['Professori di seconda fascia', null, 0, 12, 92, 77, 39, 0, 6, 86, 70, 29]);
  ws.addRow(['Totale personale', null, 0, 20, 151, 227, 164, 2, 19, 132, 164, 89]);
  ws.mergeCells('C2:G2');
  ws.mergeCells('H2:L2');
  if (mergeAcross) for (const r of [5, 6, 7]) ws.mergeCells(`A${r}:B${r}`);
  return wb;
}

describe('table 1.1 rows whose label is merged over both label columns', () => {
  it.each([
    ['merged over Tipologia and Inquadramento', true],
    ['written in Tipologia only', false],
  ])('%s: the label is given back once, the figures and totals as printed', async (_name, merged) => {
    const d = (await analyseWorkbooks({ 'cug.xlsx': book(merged) })).dossier;
    const t = d.cug?.['1.1'];
    expect(t?.source).toBe('table');
    const detail = t!.rows.filter((r) => r.kind === 'detail');
    expect(detail.map((r) => r.labels)).toEqual([
      ['Personale non dirigente', 'Funzionari'],
      ['Professori di prima fascia', ''],
      ['Professori di seconda fascia', ''],
    ]);
    expect(detail[1].values).toEqual([0, 2, 30, 87, 94, 0, 1, 13, 34, 36]);
    expect(t!.rows.find((r) => r.kind === 'total')?.values).toEqual([0, 20, 151, 227, 164, 2, 19, 132, 164, 89]);
    expect(d.pap.headcount).toMatchObject({ M: 562, F: 406 });
    expect(d.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
