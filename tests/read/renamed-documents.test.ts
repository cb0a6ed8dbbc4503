import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSourceDetailed } from '../../importer/read/read-source';
import { zipParts } from '../helpers/raw-xlsx';
import { describeWithTool, SOFFICE } from '../helpers/tools';
import { tempDir } from '../helpers/xlsx';

/**
 * Files that are not workbooks given the name of one: a Word document, a presentation, an
 * OpenDocument text or spreadsheet renamed .xlsx (or .csv). The message says what the file really is,
 * from the package's own content types or mimetype entry, and what to do; a text renamed .xlsx is
 * refused with the advice to name it .csv again.
 */

const TYPES = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="${main.split('|')[0]}" ContentType="${main.split('|')[1]}"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
const RELS = (target: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;

/** The parts Word and PowerPoint write first: content types, package relationships, the main part. */
function ooxml(main: string, contentType: string, body: string): Buffer {
  return zipParts([
    { name: '[Content_Types].xml', data: TYPES(`/${main}|${contentType}`) },
    { name: '_rels/.rels', data: RELS(main) },
    { name: main, data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${body}` },
  ]);
}

const DOCX = () => ooxml('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl/></w:body></w:document>');
const DOCM = () => ooxml('word/document.xml', 'application/vnd.ms-word.document.macroEnabled.main+xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
const PPTX = () => ooxml('ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>');
const odf = (mime: string) =>
  zipParts([
    { name: 'mimetype', data: mime, method: 0 },
    { name: 'content.xml', data: '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>' },
  ]);

/** An Office 97-2003 compound file: its signature, then the directory entries' names (UTF-16), as Word, PowerPoint and Excel write them. */
const ole = (...streams: string[]) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), ...['Root Entry', ...streams].map((n) => Buffer.concat([Buffer.from(n, 'utf16le'), Buffer.alloc(128 - n.length * 2)]))]);

async function refusal(bytes: Buffer, name: string): Promise<string> {
  const dir = tempDir('piao-renamed-');
  writeFileSync(join(dir, name), bytes);
  try {
    await readSourceDetailed(join(dir, name), name);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`${name} was read`);
}

describe('a document that is not a workbook, renamed: the message says what it is', () => {
  it.each([
    ['a Word document renamed .xlsx', DOCX, 'tabelle.xlsx', /^tabelle\.xlsx: è un documento Word \(\.docx\) rinominato in \.xlsx: aprilo con Word e copia le sue tabelle in un foglio di Excel .* salvalo come \.xlsx/],
    ['a Word document with macros renamed .xlsm', DOCM, 'tabelle.xlsm', /^tabelle\.xlsm: è un documento Word \(\.docx\) rinominato in \.xlsm: aprilo con Word/],
    ['a PowerPoint presentation renamed .xlsx', PPTX, 'slide.xlsx', /^slide\.xlsx: è una presentazione PowerPoint \(\.pptx\) rinominata in \.xlsx: aprila con PowerPoint/],
    ['an OpenDocument text renamed .xlsx', () => odf('application/vnd.oasis.opendocument.text'), 'relazione.xlsx', /^relazione\.xlsx: è un documento di testo OpenDocument \(\.odt\) rinominato in \.xlsx: aprilo con LibreOffice Writer/],
    ['an OpenDocument presentation renamed .xlsx', () => odf('application/vnd.oasis.opendocument.presentation'), 'p.xlsx', /^p\.xlsx: è una presentazione OpenDocument \(\.odp\) rinominata in \.xlsx/],
    ['an OpenDocument spreadsheet renamed .xlsx', () => odf('application/vnd.oasis.opendocument.spreadsheet'), 'calc.xlsx', /^calc\.xlsx: è un foglio OpenDocument \(\.ods\) rinominato in \.xlsx: aprilo in LibreOffice o Excel e salvalo come \.xlsx\.$/],
    ['a Word document renamed .csv', DOCX, 'tabelle.csv', /^tabelle\.csv: è un documento Word \(\.docx\) rinominato in \.csv: aprilo con Word/],
    ['an OpenDocument text renamed .csv', () => odf('application/vnd.oasis.opendocument.text'), 'relazione.csv', /^relazione\.csv: è un documento di testo OpenDocument \(\.odt\) rinominato in \.csv/],
    ['a Word 97-2003 document renamed .xlsx', () => ole('WordDocument', '1Table', '\u0005SummaryInformation'), 'vecchio.xlsx', /^vecchio\.xlsx: è un documento Word 97-2003 \(\.doc\) rinominato in \.xlsx: aprilo con Word/],
    ['a PowerPoint 97-2003 presentation renamed .csv', () => ole('PowerPoint Document', 'Current User'), 'vecchia.csv', /^vecchia\.csv: è una presentazione PowerPoint 97-2003 \(\.ppt\) rinominata in \.csv: aprila con PowerPoint/],
    ['an Excel 97-2003 workbook renamed .xlsx', () => ole('Workbook', '\u0005SummaryInformation'), 'vecchio.xlsx', /^vecchio\.xlsx: è un file Excel 97-2003 \(\.xls\): aprilo in Excel o LibreOffice e salvalo come \.xlsx\.$/],
    ['an Excel 97-2003 workbook renamed .csv', () => ole('Workbook'), 'vecchio.csv', /^vecchio\.csv: il file ha estensione \.csv ma contiene una cartella di lavoro Excel 97-2003 \(\.xls\): aprila in Excel o LibreOffice e salvala come \.xlsx\.$/],
  ])('%s', async (_, bytes, name, message) => {
    expect(await refusal(bytes(), name)).toMatch(message);
  });

  it('a CSV renamed .xlsx: refused, with the advice to name it .csv again', async () => {
    expect(await refusal(Buffer.from('Categoria;Donne;Uomini\r\nCat. D;5;4\r\n'), 'personale.xlsx')).toBe(
      'personale.xlsx: non è una cartella di lavoro Excel valida (sembra un file di testo rinominato .xlsx): se è un CSV, rinominalo in .csv e importalo di nuovo.',
    );
  });

  it('a real workbook, and a workbook renamed .csv, are what they were', async () => {
    const dir = tempDir('piao-renamed-ok-');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Personale').addRow(['Categoria', 'Donne']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    writeFileSync(join(dir, 'p.xlsx'), bytes);
    expect((await readSourceDetailed(join(dir, 'p.xlsx'), 'p.xlsx')).grids[0].text(0, 0)).toBe('Categoria');
    expect(await refusal(bytes, 'export.csv')).toBe('export.csv: il file ha estensione .csv ma contiene una cartella di lavoro Excel: rinominalo in .xlsx.');
  });
});

describeWithTool(SOFFICE, 'apt-get install libreoffice-calc', 'an OpenDocument spreadsheet written by LibreOffice, renamed', () => {
  it('renamed .xlsx and .csv: «è un foglio OpenDocument (.ods) rinominato», never «non contiene fogli»', async () => {
    const dir = tempDir('piao-renamed-lo-');
    writeFileSync(join(dir, 'personale.csv'), 'Categoria;Donne;Uomini\r\nCat. D;5;4\r\n');
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'ods', '--outdir', join(dir, 'ods'), join(dir, 'personale.csv')], { stdio: 'ignore', timeout: 120_000 });
    const ods = readFileSync(join(dir, 'ods', 'personale.ods'));
    expect(await refusal(ods, 'personale.xlsx')).toBe('personale.xlsx: è un foglio OpenDocument (.ods) rinominato in .xlsx: aprilo in LibreOffice o Excel e salvalo come .xlsx.');
    expect(await refusal(ods, 'personale.csv')).toMatch(/^personale\.csv: è un foglio OpenDocument \(\.ods\) rinominato in \.csv/);
  });
});
