/**
 * «Come sono stati letti i fogli» in the add-in: the officer corrects a column's role, or points at
 * the header row of a sheet the program did not recognise; the correction is kept in the workbook
 * (a custom XML part), read by every later «Controlla» of it, even after the workbook is saved and
 * reopened, and the findings are those `piao import --mappa` gives with the same mapping.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook, forgetSheetMapping, mapSheetFromHeaderRow, saveSheetMapping } from '../../addin/office/actions';
import { MAPPING_NAMESPACE, mappingJsonOf } from '../../addin/mapping/mapping-xml';
import { main } from '../../importer/cli/main';
import { withColumnRole } from '../../importer/engine/mapping/edit';
import { Dossier } from '../../importer/engine/schema/dossier';
import { Row, xlsx } from '../corpus/fixtures/kit';
import { tempDir } from '../helpers/xlsx';
import { FakeExcel } from './fake-excel/excel';
import { fakeWorkbookFromXlsx } from './fake-excel/from-xlsx';

const ACTIVITIES: Row[] = [
  ['Programma delle attività 2024 - Ufficio tecnico'],
  [],
  ['Attività programmata', 'Ufficio', 'Punteggio atteso', 'Referente'],
  ['Rifacimento della segnaletica orizzontale', 'Manutenzioni', 40, 'Geom. Rossi'],
  ['Censimento delle alberature', 'Verde pubblico', 35, 'Geom. Rossi'],
  ['Sportello telematico edilizia', 'Edilizia privata', 30, 'Arch. Verdi'],
];
const URL = 'https://comune.example/condivisi/attivita-2024.xlsx';

async function workbook(): Promise<{ bytes: Uint8Array; excel: FakeExcel }> {
  const bytes = await xlsx([{ name: 'Attività', rows: ACTIVITIES }]);
  return { bytes, excel: FakeExcel.fromData(await fakeWorkbookFromXlsx(Buffer.from(bytes), URL)) };
}

const titles = (d: Dossier) => d.objectives.map((o) => o.title);

describe('the officer tells the add-in how to read a sheet', () => {
  it('reads a sheet it did not recognise from the header row given, then with a column corrected, kept across a reopening', async () => {
    const { excel } = await workbook();
    const first = await checkWorkbook(excel.host(), 'workbook');
    expect(first.dossier.objectives).toEqual([]);
    expect(first.mapping.sheets[0]).toMatchObject({ sheet: 'Attività', tables: [] });

    await mapSheetFromHeaderRow(excel.host(), 'Attività', 3);
    const part = excel.workbook.customXmlParts.find((p) => p.xml.includes(MAPPING_NAMESPACE));
    expect(part).toBeDefined();
    const second = await checkWorkbook(excel.host(), 'workbook');
    // the labels suggested office, weight and responsible; no column named the objectives yet
    expect(second.mapping.sheets[0].tables).toEqual([]);
    const unusable = second.dossier.findings.filter((f) => f.rule === 'mapping-unusable');
    expect(unusable.map((f) => f.message)).toEqual([expect.stringMatching(/manca una colonna che nomini gli obiettivi/)]);

    // the officer says column A holds the titles
    const stored = JSON.parse(mappingJsonOf(excel.workbook.customXmlParts.find((p) => p.xml.includes(MAPPING_NAMESPACE))!.xml)).sheets[0];
    expect(stored.tables[0].columns.map((c: { column: string; role: string }) => `${c.column}:${c.role}`)).toEqual(['A:ignored', 'B:structure', 'C:weight', 'D:responsible']);
    await saveSheetMapping(excel.host(), withColumnRole(stored, 0, 'A', 'title'));
    const third = await checkWorkbook(excel.host(), 'workbook');
    expect(titles(third.dossier)).toEqual(['Rifacimento della segnaletica orizzontale', 'Censimento delle alberature', 'Sportello telematico edilizia']);
    expect(third.mapped).toEqual(['Attività']);
    // weights of one manager's table that make 105: the officer sees it where he works
    expect(third.dossier.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cell}`)).toEqual(['weight-sum C6']);

    // saved and reopened: the reading is still there
    const reopened = excel.reopen();
    const again = await checkWorkbook(reopened.host(), 'workbook');
    expect(titles(again.dossier)).toEqual(titles(third.dossier));

    // back to automatic reading: nothing stored, nothing read
    await forgetSheetMapping(reopened.host(), 'Attività');
    expect(reopened.workbook.customXmlParts.filter((p) => p.xml.includes(MAPPING_NAMESPACE))).toEqual([]);
    expect((await checkWorkbook(reopened.host(), 'workbook')).dossier.objectives).toEqual([]);
  });

  it('gives the findings `piao import --mappa` gives with the same mapping', async () => {
    const { bytes, excel } = await workbook();
    await mapSheetFromHeaderRow(excel.host(), 'Attività', 3);
    const stored = JSON.parse(mappingJsonOf(excel.workbook.customXmlParts.find((p) => p.xml.includes(MAPPING_NAMESPACE))!.xml));
    await saveSheetMapping(excel.host(), withColumnRole(stored.sheets[0], 0, 'A', 'title'));
    const addin = await checkWorkbook(excel.host(), 'workbook');

    const dir = tempDir();
    writeFileSync(join(dir, 'attivita-2024.xlsx'), bytes);
    const mappa = join(tempDir(), 'mappatura.json');
    writeFileSync(mappa, JSON.stringify(addin.mapping));
    const out = join(tempDir(), 'out');
    expect(await main(['import', dir, '--out', out, '-q', '--mappa', mappa], { out: () => undefined, err: () => undefined })).toBe(0);
    const cli = JSON.parse(readFileSync(join(out, 'piao.json'), 'utf8')) as Dossier;
    const strip = (d: Dossier) => d.findings.map(({ file: _f, related, ...rest }) => ({ ...rest, related: related?.map(({ file: _g, ...p }) => p) }));
    expect(strip(addin.dossier)).toEqual(strip(cli));
    expect(addin.dossier.objectives.map((o) => ({ ...o, at: o.at.cell }))).toEqual(cli.objectives.map((o) => ({ ...o, at: o.at.cell })));
  });

  it('a correction of a recognised table: a column the officer says not to read is not read', async () => {
    const rows: Row[] = [
      ['N.', 'Obiettivo', 'Responsabile', 'Peso'],
      [1, 'Ridurre i tempi di pagamento', 'Dott. Rossi', 50],
      [2, 'Digitalizzare le determine', 'Dott. Rossi', 50],
    ];
    const excel = FakeExcel.fromData(await fakeWorkbookFromXlsx(Buffer.from(await xlsx([{ name: 'PEG', rows }])), URL));
    const before = await checkWorkbook(excel.host(), 'workbook');
    expect(before.dossier.objectives.map((o) => o.responsible)).toEqual(['Dott. Rossi', 'Dott. Rossi']);
    await saveSheetMapping(excel.host(), withColumnRole(before.mapping.sheets[0], 0, 'C', 'ignored'));
    const after = await checkWorkbook(excel.host(), 'workbook');
    expect(after.dossier.objectives.map((o) => o.responsible)).toEqual([undefined, undefined]);
    expect(after.mapped).toEqual(['PEG']);
  });
});
