import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { analyse } from '../../importer/engine/analyse';
import { Dossier } from '../../importer/engine/schema/dossier';
import { readBytesDetailed } from '../../importer/read/read-source';
import { describeWhen, describeWithTool, SOFFICE } from '../helpers/tools';
import { PYTHON, hasOpenpyxl, libreofficeConvert } from '../helpers/wild-writers';

/**
 * Neighbours of the «files from the wild» (issue 13): files that are near the ones already covered
 * (tests/read/wild-writers, tests/robustness) and that went wrong: a date written in the cell beside
 * its caption, in the 1900 and 1904 date systems, from several writers.
 */

async function importBytes(bytes: Uint8Array, file: string): Promise<Dossier> {
  const r = await readBytesDetailed(bytes, file);
  return analyse([{ file, grids: r.grids, problems: r.problems }]).dossier;
}

/** An xlsx written by openpyxl from a Python body that fills `wb` (a new Workbook) and `ws` (its sheet). */
function openpyxl(body: string): Buffer {
  const out = join(mkdtempSync(join(tmpdir(), 'piao-neighbours-')), 'book.xlsx');
  const script = ['import datetime, openpyxl', 'wb = openpyxl.Workbook()', 'ws = wb.active', 'ws.title = "Personale"', body, `wb.save(${JSON.stringify(out)})`].join('\n');
  execFileSync(PYTHON, ['-c', script]);
  return readFileSync(out);
}

const STAFF_ROWS = `
ws.append([])
ws.append(["Categoria", "Donne", "Uomini", "Totale"])
for r in [["Area dei Funzionari e dell'EQ", 9, 6, 15], ["Area degli Istruttori", 14, 8, 22], ["Area degli Operatori", 1, 2, 3], ["Totale", 24, 16, 40]]:
    ws.append(r)
`;

function dates(d: Dossier): (string | undefined)[] {
  return d.sources.flatMap((s) => s.sheets.map((x) => x.referenceDate));
}

function expectStaffOf(d: Dossier, date: string): void {
  expect(dates(d)).toEqual([date]);
  expect(d.pap.headcount).toMatchObject({ F: 24, M: 16, total: 40 });
  expect(d.findings.filter((f) => f.severity !== 'info')).toEqual([]);
}

describeWhen(hasOpenpyxl(), 'python3', 'apt-get install python3-openpyxl', 'a date in the cell beside its caption («Personale in servizio al» | 31/12/2023)', () => {
  it('a date cell, in the 1900 system (openpyxl) and in the 1904 system of Mac Excel, under a date format', async () => {
    for (const epoch of ['', 'wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904']) {
      const bytes = openpyxl(`${epoch}\nws.append(["Personale in servizio al", datetime.date(2023, 12, 31)])\nws["B1"].number_format = "dd/mm/yyyy"${STAFF_ROWS}`);
      expectStaffOf(await importBytes(bytes, 'personale.xlsx'), '2023-12-31');
    }
  });

  it('a custom Italian long date format, a date written as text, a year after «Anno»', async () => {
    const long = openpyxl(`wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904\nws.append(["Data di riferimento:", datetime.date(2022, 12, 31)])\nws["B1"].number_format = "[$-410]d mmmm yyyy;@"${STAFF_ROWS}`);
    expectStaffOf(await importBytes(long, 'personale.xlsx'), '2022-12-31');
    const text = openpyxl(`ws.append(["Personale in servizio alla data del", "31/12/2021"])${STAFF_ROWS}`);
    expectStaffOf(await importBytes(text, 'personale.xlsx'), '2021-12-31');
    const year = openpyxl(`ws.append(["Dotazione organica - Anno", 2020])${STAFF_ROWS}`);
    expectStaffOf(await importBytes(year, 'personale.xlsx'), '2020-12-31');
  });

  it('a number beside a caption that asks for no date is no date; the caption’s own date wins over a print date beside it', async () => {
    const count = openpyxl(`ws.append(["Personale in servizio", 2020])${STAFF_ROWS}`);
    expect(dates(await importBytes(count, 'personale.xlsx'))).toEqual([undefined]);
    const printed = openpyxl(`ws.append(["Personale in servizio al 31/12/2023", None, None, "stampato il 15/03/2024"])${STAFF_ROWS}`);
    expectStaffOf(await importBytes(printed, 'personale.xlsx'), '2023-12-31');
  });
});

describeWithTool(SOFFICE, 'apt-get install libreoffice-calc', 'the same, saved again by LibreOffice and written by exceljs', () => {
  it('LibreOffice keeps the date cell of a 1904 workbook: the same date', async () => {
    if (!hasOpenpyxl()) return;
    const mac = openpyxl(`wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904\nws.append(["Personale in servizio al", datetime.date(2023, 12, 31)])\nws["B1"].number_format = "dd/mm/yyyy"${STAFF_ROWS}`);
    expectStaffOf(await importBytes(libreofficeConvert(mac, 'mac.xlsx', 'xlsx'), 'personale.xlsx'), '2023-12-31');
  });

  it('exceljs, 1904 system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Personale');
    ws.addRow(['Personale in servizio al', new Date(Date.UTC(2023, 11, 31))]);
    ws.getCell('B1').numFmt = 'dd/mm/yyyy';
    ws.addRow([]);
    ws.addRow(['Categoria', 'Donne', 'Uomini', 'Totale']);
    for (const r of [["Area dei Funzionari e dell'EQ", 9, 6, 15], ['Area degli Istruttori', 14, 8, 22], ['Area degli Operatori', 1, 2, 3], ['Totale', 24, 16, 40]]) ws.addRow(r);
    expectStaffOf(await importBytes(Buffer.from(await wb.xlsx.writeBuffer()), 'personale.xlsx'), '2023-12-31');
  });
});
