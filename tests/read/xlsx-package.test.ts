import { crc32 } from 'node:zlib';
/**
 * The checks every xlsx passes before a parser sees it: what the file is, the zip's central
 * directory against the limits (before inflating), parts that lie about their size, and XML parts
 * that declare a DOCTYPE.
 */
import ExcelJS from 'exceljs';
import { LIMITS } from '../../importer/read/limits';
import { readBytesDetailed } from '../../importer/read/read-source';
import { listZipEntries } from '../../importer/read/zip';
import { inspectXmlProlog } from '../../importer/read/xml-guard';
import { deflatedRepeat, rawXlsx, sheetData, workbookParts, zipParts } from '../helpers/raw-xlsx';

const SHEET = sheetData([
  ['Codice', 'Obiettivo', 'Peso'],
  ['01.01', 'Servizi digitali', 40],
]);

async function readBoth(bytes: Uint8Array, file = 'test.xlsx') {
  const streamed = readBytesDetailed(bytes, file);
  const full = readBytesDetailed(bytes, file, '.xlsx', { workbook: 'full' });
  return Promise.allSettled([streamed, full]);
}

async function refusal(bytes: Uint8Array, file = 'test.xlsx'): Promise<string[]> {
  const results = await readBoth(bytes, file);
  return results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'letto'));
}

describe('xlsx package checks (both readers)', () => {
  it('reads a valid minimal workbook with both readers', async () => {
    const results = await readBoth(rawXlsx({ sheets: [{ name: 'Obiettivi', body: SHEET }] }));
    for (const r of results) {
      expect(r.status).toBe('fulfilled');
      if (r.status === 'fulfilled') expect(r.value.grids[0].text(1, 1)).toBe('Servizi digitali');
    }
  });

  it('refuses a zip bomb from its central directory, without inflating it', async () => {
    const bomb = deflatedRepeat(0x20, 2 * 1024 ** 3); // 2 GB of spaces in ~2 MB
    const parts = workbookParts({ sheets: [{ name: 'Foglio1', body: SHEET }] });
    parts.push({ name: 'xl/media/image1.bin', data: Buffer.alloc(0), deflated: bomb, declaredSize: 2 * 1024 ** 3 - 1 });
    const bytes = zipParts(parts);
    expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
    const started = Date.now();
    for (const m of await refusal(bytes)) expect(m).toMatch(/^test\.xlsx: .*si espanderebbe a 2 GB \(limite 512 MB\).*zip bomb/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a part that is all padding before its root element', async () => {
    const parts = workbookParts({ sheets: [{ name: 'Foglio1', body: SHEET }] });
    const i = parts.findIndex((p) => p.name === 'xl/worksheets/sheet1.xml');
    parts[i] = { name: parts[i].name, data: Buffer.alloc(0), deflated: deflatedRepeat(0x20, 8 * 1024 * 1024), declaredSize: 8 * 1024 * 1024 };
    for (const m of await refusal(zipParts(parts))) expect(m).toMatch(/^test\.xlsx: la parte xl\/worksheets\/sheet1\.xml non inizia come un XML di Excel/);
  });

  it('refuses a part that inflates beyond its declared size after a valid start', async () => {
    const head = Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
    const { deflateRawSync, constants } = await import('node:zlib');
    const start = deflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
    const body = deflatedRepeat(0x20, 32 * 1024 * 1024);
    const parts = workbookParts({ sheets: [{ name: 'Foglio1', body: SHEET }] });
    const i = parts.findIndex((p) => p.name === 'xl/worksheets/sheet1.xml');
    parts[i] = { name: parts[i].name, data: Buffer.alloc(0), deflated: Buffer.concat([start, body]), declaredSize: 4096 };
    for (const m of await refusal(zipParts(parts))) expect(m).toBe('test.xlsx: una parte dell’archivio si espande oltre la dimensione dichiarata: potrebbe essere una «zip bomb»: non lo leggo.');
  });

  it('refuses an archive whose compression ratio is beyond any spreadsheet', async () => {
    const total = LIMITS.ratioFloorBytes * 2;
    const parts = workbookParts({ sheets: [{ name: 'Foglio1', body: SHEET }] });
    parts.push({ name: 'xl/media/zeri.bin', data: Buffer.alloc(0), deflated: deflatedRepeat(0, total), declaredSize: total });
    for (const m of await refusal(zipParts(parts))) expect(m).toMatch(/rapporto di compressione anomalo \([\d.]+:1, limite 200:1\)/);
  });

  it.each([
    ['billion laughs', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>'],
    ['external entity (XXE)', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>'],
    ['DOCTYPE after a comment', '<?xml version="1.0"?><!-- innocuo --><!DOCTYPE sst SYSTEM "http://example.org/x.dtd"><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'],
  ])('refuses an XML part with a DOCTYPE (%s)', async (_, xml) => {
    const bytes = rawXlsx({ sheets: [{ name: 'Foglio1', body: SHEET }], shared: ['x'], override: [{ name: 'xl/sharedStrings.xml', data: xml }] });
    for (const m of await refusal(bytes)) expect(m).toMatch(/^test\.xlsx: la parte xl\/sharedStrings\.xml contiene una dichiarazione DOCTYPE o ENTITY.*XML bomb o XXE/);
  });

  it.each([
    ['a path that climbs out', '../../evil.xml'],
    ['an absolute path', '/etc/cron.d/evil'],
  ])('refuses an archive with %s in its names', async (_, name) => {
    const parts = workbookParts({ sheets: [{ name: 'Foglio1', body: SHEET }] });
    parts.push({ name, data: 'x' });
    for (const m of await refusal(zipParts(parts))) expect(m).toMatch(/^test\.xlsx: l’archivio contiene un percorso non valido/);
  });

  it('refuses a truncated file and a damaged central directory', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Foglio1').addRow(['a', 1]);
    const good = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    for (const m of await refusal(good.subarray(0, Math.floor(good.length * 0.6)))) expect(m).toMatch(/^test\.xlsx: il file è incompleto \(troncato/);
    const damaged = Buffer.from(good);
    const cd = damaged.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    damaged.fill(0x41, cd, cd + 20);
    for (const m of await refusal(damaged)) expect(m).toMatch(/^test\.xlsx: il file è danneggiato/);
  });

  it('lists entries of a zip64-style central directory (sizes in the extra field)', () => {
    const bytes = zipParts([{ name: 'a.xml', data: '<a/>' }]);
    // rewrite the central entry: sizes 0xffffffff, real ones in a zip64 extra field
    const cd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const compressed = bytes.readUInt32LE(cd + 20);
    const extra = Buffer.alloc(20);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(4n, 4);
    extra.writeBigUInt64LE(BigInt(compressed), 12);
    const head = Buffer.from(bytes.subarray(0, cd + 46 + 5));
    head.writeUInt32LE(0xffffffff, cd + 20);
    head.writeUInt32LE(0xffffffff, cd + 24);
    head.writeUInt16LE(20, cd + 30);
    const end = Buffer.from(bytes.subarray(cd + 46 + 5));
    end.writeUInt32LE(46 + 5 + 20, 12);
    const entries = listZipEntries(Buffer.concat([head, extra, end]), 10);
    expect(entries).toEqual([{ name: 'a.xml', method: 8, flags: 0, compressedSize: compressed, uncompressedSize: 4, localHeaderOffset: 0, crc32: crc32(Buffer.from('<a/>')), dosDateTime: 0x210000 }]);
  });

  it('inspects XML prologs: root first is fine, a DOCTYPE is not, an empty part has no root', () => {
    expect(inspectXmlProlog(Buffer.from('\ufeff<?xml version="1.0"?>\n<!-- c --><worksheet/>'), true)).toBe('ok');
    expect(inspectXmlProlog(Buffer.from('<?xml version="1.0"?><!DOCTYPE a><a/>'), true)).toBe('doctype');
    expect(inspectXmlProlog(Buffer.from('<?xml version="1.0"?><!ENTITY a "b"><a/>'), true)).toBe('doctype');
    expect(inspectXmlProlog(Buffer.from('<?xml version="1.0"?><!DOCTYPE a>', 'utf16le'), true)).toBe('doctype');
    expect(inspectXmlProlog(Buffer.from(''), true)).toBe('no-root');
    expect(inspectXmlProlog(Buffer.from('<?xml version="1.0"?>     '), false)).toBe('prolog-too-long');
  });
});

describe('cell limits', () => {
  const rows = Array.from({ length: 30 }, (_, i) => [`r${i}`, i, i * 2]);

  it('refuses a file beyond what is left of its dossier, with the dossier limit in the sentence, in every reader', async () => {
    const csv = Buffer.from(rows.map((r) => r.join(';')).join('\n'));
    const xlsx = rawXlsx({ sheets: [{ name: 'Uno', body: sheetData(rows.slice(0, 15)) }, { name: 'Due', body: sheetData(rows.slice(15)) }] });
    const attempts = [
      readBytesDetailed(csv, 'grande.csv', '.csv', { dossierCellsLeft: 60 }),
      readBytesDetailed(xlsx, 'grande.xlsx', '.xlsx', { dossierCellsLeft: 60 }),
      readBytesDetailed(xlsx, 'grande.xlsx', '.xlsx', { dossierCellsLeft: 60, workbook: 'full' }),
    ];
    for (const r of await Promise.allSettled(attempts)) {
      expect(r.status).toBe('rejected');
      if (r.status === 'rejected') expect((r.reason as Error).message).toMatch(/^grande\.(csv|xlsx): porterebbe il dossier oltre 20\.000\.000 di celle piene \(limite di piao per dossier\)/);
    }
    expect((await readBytesDetailed(xlsx, 'grande.xlsx', '.xlsx', { dossierCellsLeft: 90 })).grids.map((g) => g.cellCount)).toEqual([45, 45]);
  });
});
