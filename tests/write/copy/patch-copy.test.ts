/**
 * Packages an annotated copy meets less often: no styles part, a prefixed namespace, a sheet in
 * UTF-16, Strict Open XML. Each is either edited correctly or rebuilt from the values read, with
 * the reason said.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { Finding } from '../../../importer/engine/schema/dossier';
import { readBytes } from '../../../importer/read/read-source';
import { entryData, listZipEntries } from '../../../importer/read/zip';
import { SEVERITY_FILL, writeAnnotatedCopy } from '../../../importer/write/annotate';
import { exceljsLoad } from '../../helpers/copy-corpus';
import { RawPart, sheetData, workbookParts, zipParts } from '../../helpers/raw-xlsx';
import { tempDir } from '../../helpers/xlsx';

const finding = (cell: string): Finding => ({ rule: 'missing-value', severity: 'warning', file: 'libro.xlsx', sheet: 'Dati', cell, message: `Manca ${cell}.` });

async function copyOf(parts: RawPart[], findings = [finding('B2')]): Promise<{ bytes: Buffer; degraded?: string; part: (name: string) => string | undefined }> {
  const source = zipParts(parts);
  const grids = await readBytes(source, 'libro.xlsx');
  const out = join(tempDir(), 'copia.xlsx');
  const r = await writeAnnotatedCopy({ bytes: source, file: 'libro.xlsx', grids }, findings, out);
  const bytes = readFileSync(out);
  const entries = new Map(listZipEntries(bytes, 100).map((e) => [e.name, e]));
  const part = (name: string) => {
    const e = entries.get(name);
    if (!e) return undefined;
    const raw = entryData(bytes, e);
    return (e.method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
  };
  return { bytes, degraded: r.degraded, part };
}

const rows = sheetData([
  ['Codice', 'Obiettivo'],
  ['01.01', null],
]);

describe('annotated copy of unusual packages', () => {
  it('adds a styles part to a workbook that has none, with its relationship and content type', async () => {
    const parts = workbookParts({ sheets: [{ name: 'Dati', body: rows }] })
      .filter((p) => p.name !== 'xl/styles.xml')
      .map((p) => (typeof p.data === 'string' ? { ...p, data: p.data.replace(/<Relationship [^>]*styles"?[^>]*\/>/, '').replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, '') } : p));
    const { bytes, degraded, part } = await copyOf(parts);
    expect(degraded).toBeUndefined();
    expect(part('xl/styles.xml')).toContain('<fgColor rgb="FFFFD54F"/>');
    expect(part('xl/_rels/workbook.xml.rels')!.match(/\/styles"/g)).toHaveLength(1);
    expect(part('[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml"');
    const wb = await exceljsLoad(bytes);
    expect((wb.getWorksheet('Dati')!.getCell('B2').fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(SEVERITY_FILL.warning);
  });

  it('edits a sheet whose elements carry a prefix, writing the new ones with it', async () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const raw = `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Codice</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>01.01</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const { bytes, degraded, part } = await copyOf(workbookParts({ sheets: [{ name: 'Dati', body: '', raw }] }));
    expect(degraded).toBeUndefined();
    expect(part('xl/worksheets/sheet1.xml')).toMatch(/<x:c r="A2" t="inlineStr"><x:is><x:t>01.01<\/x:t><\/x:is><\/x:c><x:c r="B2" s="\d+"\/><\/x:row>/);
    expect(part('xl/worksheets/sheet1.xml')).toContain('<x:legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></x:worksheet>');
    // exceljs reads no prefixed sheet (the source neither): our reader reads the copy
    const grids = await readBytes(bytes, 'copia.xlsx');
    expect(grids.map((g) => [g.sheet, g.text(1, 0)])).toEqual([
      ['Dati', '01.01'],
      ['Anomalie', 'Avviso'],
    ]);
  });

  it('rebuilds from the values read, saying why, a workbook it cannot edit, even one with no sheet it could read', async () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const unreadable = `<worksheet xmlns="${NS}">${rows.slice(0, -20)}`;
    const r = await copyOf(workbookParts({ sheets: [{ name: 'Dati', body: '', raw: unreadable }] }));
    expect(r.degraded).toBe('il foglio «Dati» è danneggiato o manca');
    const wb = await exceljsLoad(r.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Anomalie']);
    expect(wb.getWorksheet('Anomalie')!.getCell('E2').value).toBe('Manca B2.');
    // a sheet in UTF-16 is read (the .NET SDK and others write them), but its part is not edited: rebuilt with its values
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<worksheet xmlns="${NS}">${rows}</worksheet>`, 'utf16le')]);
    const u = await copyOf(workbookParts({ sheets: [{ name: 'Dati', body: '', raw: utf16 }] }));
    expect(u.degraded).toBe('ha parti XML in UTF-16, che la copia non modifica');
    expect((await exceljsLoad(u.bytes)).getWorksheet('Dati')!.getCell('A2').value).toBe('01.01');
    const strict = workbookParts({ sheets: [{ name: 'Dati', body: rows }] }).map((p) =>
      p.name === 'xl/workbook.xml' && typeof p.data === 'string' ? { ...p, data: p.data.replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"') } : p,
    );
    const rebuilt = await copyOf(strict);
    expect(rebuilt.degraded).toBe('è nel formato «Strict Open XML»');
    expect((await exceljsLoad(rebuilt.bytes)).getWorksheet('Dati')!.getCell('A2').value).toBe('01.01');
  });
});
