import ExcelJS from 'exceljs';
import { describeDossier } from '../../importer/cli/summary';
import { summarise } from '../../importer/cli/batch-summary';
import { Dossier } from '../../importer/engine/schema/dossier';
import { annotatedNames } from '../../importer/write/cells';
import { PAP_SHEET } from '../../importer/write/piao-layout';
import { buildPiaoWorkbook } from '../../importer/write/piao-xlsx';
import { renderReport } from '../../importer/write/report/report';
import { buildSummaryWorkbook } from '../../importer/write/summary-xlsx';
import { workbookBytes } from '../../importer/write/xlsx-bytes';
import { loadXlsx } from '../helpers/dossiers';
import { analyseSheets } from '../helpers/staff';

/** Conto annuale, tabella 1 (real xlsx written by exceljs, read back by the importer's reader). */
async function contoAnnuale(withWomen: boolean): Promise<Dossier> {
  const header = ['Qualifica', 'Totale', ...(withWomen ? ['di cui donne'] : []), 'di cui part-time', 'di cui a tempo determinato'];
  const rows: [string, number, number, number, number][] = [
    ['Dirigenti', 3, 1, 0, 1],
    ['Funzionari ed EQ', 18, 11, 2, 0],
    ['Istruttori', 35, 22, 5, 3],
  ];
  const body = rows.map(([label, total, women, pt, td]) => [label, total, ...(withWomen ? [women] : []), pt, td]);
  const { dossier } = await analyseSheets({ 'Tabella 1': [['Personale dipendente al 31/12/2023'], header, ...body] }, 'conto-annuale.xlsx');
  return dossier;
}

/** The PAP sheet of PIAO.xlsx as written and read back: label in column A -> the value cells. */
async function papSheet(d: Dossier): Promise<Map<string, ExcelJS.CellValue[]>> {
  const wb = await loadXlsx(await workbookBytes(await buildPiaoWorkbook(d, annotatedNames(d.sources.map((s) => s.file)))));
  const ws = wb.getWorksheet(PAP_SHEET)!;
  const out = new Map<string, ExcelJS.CellValue[]>();
  ws.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string') out.set(label, [2, 3, 4, 5].map((c) => row.getCell(c).value));
  });
  return out;
}

describe('figures without gender in the outputs', () => {
  let split: Dossier;
  let none: Dossier;
  beforeAll(async () => {
    split = await contoAnnuale(true);
    none = await contoAnnuale(false);
  });

  it('PIAO.xlsx «Statistiche PAP» shows them as totals, Donne and Uomini empty, and says why', async () => {
    const pap = await papSheet(split);
    expect(pap.get('Totale personale')).toEqual([34, 22, 56, 0.607]);
    expect(pap.get('Persone in part-time (solo totale, genere non indicato)')).toEqual([null, null, 7, null]);
    expect(pap.get('% del personale in part-time (per genere e in totale)')).toEqual([null, null, 0.125, null]);
    expect(pap.get('Persone a tempo determinato (solo totale, genere non indicato)')).toEqual([null, null, 4, null]);
    expect(pap.has('Persone in part-time')).toBe(false);
  });

  it('PIAO.xlsx shows the category rows as «n.d.» when no table gives them by gender, never 0', async () => {
    const pap = await papSheet(none);
    expect(pap.get('Totale personale (solo totale, genere non indicato)')).toEqual([null, null, 56, null]);
    expect(pap.get('Istruttori')).toEqual(['n.d.', 'n.d.', 'n.d.', 'n.d.']);
    expect(pap.get('Persone in part-time (solo totale, genere non indicato)')).toEqual([null, null, 7, null]);
  });

  it('PIAO.xlsx keeps the plain labels for figures by gender', async () => {
    const pap = await papSheet({ ...split, pap: { ...split.pap, partTime: { F: 5, M: 2, shareF: 0.147, shareM: 0.091, total: 7, share: 0.125, byGender: true } } });
    expect(pap.get('Persone in part-time')).toEqual([5, 2, 7, null]);
    expect(pap.get('% del personale in part-time (per genere e in totale)')).toEqual([0.147, 0.091, 0.125, null]);
  });

  it('report.html shows the totals with «–» for women and men', () => {
    const html = renderReport(split, { title: 'Comune' });
    expect(html).toContain('<tr><td>Part-time (solo totale, genere non indicato)</td><td class="num">–</td><td class="num">–</td><td class="num">7 (12,5%)</td></tr>');
    expect(html).toContain('<tr><td>Tempo determinato (solo totale, genere non indicato)</td><td class="num">–</td><td class="num">–</td><td class="num">4</td></tr>');
    expect(html).not.toMatch(/(Part-time|Tempo determinato)[^<]*<\/td><td class="num">0/);
    const all = renderReport(none, { title: 'Comune' });
    expect(all).toContain('<tr><th>Totale (solo totale, genere non indicato)</th><th class="num">–</th><th class="num">–</th><th class="num">56</th><th class="num">–</th></tr>');
  });

  it('summary.xlsx counts them in the part-time and fixed-term columns, and leaves women and men empty when the staff has no gender', async () => {
    const wb = await loadXlsx(await workbookBytes(buildSummaryWorkbook('/lotto', [summarise('con-donne', 'con-donne', split), summarise('senza-genere', 'senza-genere', none)])));
    const ws = wb.getWorksheet('Dossier')!;
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const value = (row: number, name: string) => ws.getRow(row).getCell(col(name)).value;
    expect([value(2, 'Personale'), value(2, 'Donne'), value(2, 'Uomini'), value(2, 'Part-time'), value(2, 'Tempo determinato')]).toEqual([56, 34, 22, 7, 4]);
    expect([value(3, 'Personale'), value(3, 'Donne'), value(3, 'Uomini'), value(3, 'Part-time'), value(3, 'Tempo determinato')]).toEqual([56, null, null, 7, 4]);
  });

  it('piao import prints them as totals', () => {
    expect(describeDossier(split)).toContain('part-time: 7 (genere non indicato, 12,5% del personale)');
    expect(describeDossier(split)).toContain('tempo determinato: 4 (genere non indicato)');
    expect(describeDossier(none)).toContain('personale: 56 (genere non indicato)');
  });
});
