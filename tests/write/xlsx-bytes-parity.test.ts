/**
 * workbookBytes renders the parts of a workbook with exceljs' own code, in the order of its
 * `xlsx.write`, and zips them itself (importer/write/xlsx-bytes.ts, zip-writer.ts). Without links to fix,
 * every part must be what exceljs' own writeBuffer writes, byte for byte once unzipped: a new
 * exceljs that renders differently, or a style shared where it must not be, fails here first.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { workbookBytes } from '../../importer/write/xlsx-bytes';
import { loadXlsx } from '../helpers/dossiers';

const WHEN = new Date(Date.UTC(2026, 10, 23, 12, 0, 0));

/** A workbook with what annotated copies and PIAO.xlsx hold: values of every type, own and shared styles, merges, validations, formulas. */
function build(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = WHEN;
  wb.modified = WHEN;
  wb.creator = 'piao';
  const ws = wb.addWorksheet('Personale al 31.12.2024');
  ws.columns = [{ width: 12 }, { width: 30, style: { font: { bold: true } } }, { width: 10 }];
  ws.getRow(1).values = ['Matricola', 'Area', 'Genere', 'Nascita', 'Part-time %', 'Totale'];
  ws.getRow(1).font = { bold: true };
  const shared: Partial<ExcelJS.Style> = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } };
  for (let r = 2; r <= 60; r++) {
    const row = ws.getRow(r);
    row.getCell(1).value = r * 7;
    row.getCell(2).value = r % 3 ? 'Funzionari e EQ' : 'Istruttori';
    row.getCell(3).value = r % 2 ? 'F' : 'M';
    row.getCell(4).value = new Date(Date.UTC(1960 + (r % 30), r % 12, 1 + (r % 27)));
    row.getCell(5).value = r % 4 ? 1 : 0.5;
    row.getCell(5).numFmt = '0%';
    row.getCell(6).value = { formula: `A${r}*2`, result: r * 14 };
    if (r % 10 === 0) row.getCell(3).style = shared;
    if (r % 11 === 0) row.getCell(1).style = { ...row.getCell(1).style, border: { top: { style: 'thin' } } };
  }
  ws.getCell('H2').value = true;
  ws.getCell('H3').value = { richText: [{ text: 'testo ' }, { text: 'ricco', font: { italic: true } }] };
  ws.mergeCells('J2:K4');
  ws.getCell('J2').value = 'Unita';
  ws.getCell('C2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"F,M"'] };
  ws.getCell('A2').note = 'Segnalazione: riga ripetuta';
  const other = wb.addWorksheet('Obiettivi');
  other.getCell('A1').value = '01.01 Gestire in modo virtuoso';
  other.getCell('B1').value = new Date(Date.UTC(2024, 11, 31));
  return wb;
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) out.set(name, await zip.files[name].async('string'));
  return out;
}

describe('workbookBytes writes what exceljs writes', () => {
  it('the same parts with the same content as exceljs writeBuffer', async () => {
    const ours = await parts(await workbookBytes(build()));
    const theirs = await parts(new Uint8Array((await build().xlsx.writeBuffer()) as ArrayBuffer));
    expect([...ours.keys()]).toEqual([...theirs.keys()]);
    for (const [name, xml] of theirs) expect({ name, xml: ours.get(name) }).toEqual({ name, xml });
  });

  it('opens again with every value and style in place', async () => {
    const wb = await loadXlsx(await workbookBytes(build()));
    const ws = wb.getWorksheet('Personale al 31.12.2024')!;
    expect(ws.getCell('D2').value).toEqual(new Date(Date.UTC(1962, 2, 3)));
    expect(ws.getCell('E2').numFmt).toBe('0%');
    expect(ws.getCell('C10').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(ws.getCell('C11').fill).toBeUndefined();
    expect(ws.getCell('F3').result).toBe(42);
    expect(ws.getCell('J2').isMerged).toBe(true);
  });
});
