import ExcelJS from 'exceljs';
import { workbookBytes } from '../../importer/write/xlsx-bytes';
import { loadXlsx, sheetPart } from '../helpers/dossiers';

describe('hyperlinks in the xlsx we write', () => {
  let xml: string;
  let rels: string;
  let bytes: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Foglio dell'ente");
    ws.getCell('A1').value = { text: 'C23', hyperlink: "#'Foglio dell''ente'!C23" };
    ws.getCell('A2').value = { text: 'B7', hyperlink: "annotated/dup 2024.xlsx#'DUP 2024'!B7" };
    ws.getCell('A3').value = { text: 'sito', hyperlink: 'https://www.example.org/piao#sezione-2' };
    bytes = await workbookBytes(wb);
    ({ xml, rels } = await sheetPart(bytes, "Foglio dell'ente"));
  });

  it('writes a link to a cell of the same workbook as Excel does: location only, no relationship', () => {
    expect(xml).toContain('<hyperlink ref="A1" location="&apos;Foglio dell&apos;&apos;ente&apos;!C23"/>');
    expect(rels).not.toContain('Foglio dell');
  });

  it('writes a link into another workbook as a relationship to the file plus the cell as location', () => {
    const m = /<hyperlink ref="A2" r:id="(rId\d+)" location="&apos;DUP 2024&apos;!B7"\/>/.exec(xml);
    expect(m).not.toBeNull();
    expect(rels).toContain(`<Relationship Id="${m![1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="annotated/dup%202024.xlsx" TargetMode="External"/>`);
  });

  it('leaves a web address with its #fragment alone', () => {
    expect(rels).toContain('Target="https://www.example.org/piao#sezione-2"');
  });

  it('still opens with exceljs', async () => {
    const wb = await loadXlsx(bytes);
    expect(wb.worksheets[0].getCell('A3').text).toBe('sito');
  });
});
