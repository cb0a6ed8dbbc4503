/**
 * The streaming rewrite of a worksheet (importer/write/copy/sheet-patch.ts): only the marked cells'
 * style ids change, cells and rows the XML lacks are inserted in order, and the result is the same
 * however the part is cut into chunks.
 */
import { CellMark } from '../../../importer/write/copy/marks';
import { SheetPatcher } from '../../../importer/write/copy/sheet-patch';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const mark = (row: number, col: number, fill = 'FFFF8A80', findings = 1): CellMark => ({ row, col, fill, findings: Array.from({ length: findings }, () => ({ rule: 'missing-value', severity: 'error', file: 'f.xlsx', sheet: 'S', cell: 'A1', message: 'm' })) });

/** styles: base id -> 100 + base for the error fill, 200 + base for any other */
function patch(xml: string, marks: CellMark[], opts: { legacy?: string; chunk?: number } = {}): { out: string; patcher: SheetPatcher } {
  const patcher = new SheetPatcher({ marks, styleFor: (base, fill) => (fill === 'FFFF8A80' ? 100 : 200) + base, legacyDrawingId: opts.legacy });
  const bytes = Buffer.from(xml, 'utf8');
  const size = opts.chunk ?? bytes.length;
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...patcher.push(Buffer.from(bytes.subarray(i, i + size))));
  out.push(...patcher.end());
  return { out: Buffer.concat(out).toString('utf8'), patcher };
}

describe('worksheet rewritten as a stream', () => {
  it('changes only the style id of a marked cell, keeping every other byte', () => {
    const xml = `<?xml version="1.0"?>\n<worksheet ${NS}><dimension ref="A1:C2"/><sheetData><row r="1" spans="1:3"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row><row r="2" spans="1:3"><c r="C2" t="inlineStr"><is><t>x &amp; y</t></is></c></row></sheetData><pageMargins left="0.7"/></worksheet>`;
    const { out } = patch(xml, [mark(0, 0), mark(1, 2, 'FFFFF4CC', 0)]);
    expect(out).toBe(xml.replace('<c r="A1" s="3" t="s">', '<c r="A1" s="103" t="s">').replace('<c r="C2" t="inlineStr">', '<c r="C2" t="inlineStr" s="200">'));
  });

  it('inserts an empty cell in its place, a missing row in its place and after the last, widening dimension and spans', () => {
    const xml = `<worksheet ${NS}><dimension ref="A1:C3"/><cols><col min="4" max="4" width="12" style="7" customWidth="1"/></cols><sheetData><row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="3" spans="1:3" s="5" customFormat="1"><c r="A3"><v>1</v></c></row></sheetData></worksheet>`;
    const { out } = patch(xml, [mark(0, 1), mark(1, 3), mark(2, 1), mark(9, 0)]);
    expect(out).toBe(
      `<worksheet ${NS}><dimension ref="A1:D10"/><cols><col min="4" max="4" width="12" style="7" customWidth="1"/></cols><sheetData>` +
        '<row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="B1" s="100"/><c r="C1"><v>3</v></c></row>' +
        // an absent row: the cell takes its column's format (7)
        '<row r="2"><c r="D2" s="107"/></row>' +
        // a row with its own format: the new cell takes the row's (5)
        '<row r="3" spans="1:3" s="5" customFormat="1"><c r="A3"><v>1</v></c><c r="B3" s="105"/></row>' +
        '<row r="10"><c r="A10" s="100"/></row></sheetData></worksheet>',
    );
  });

  it('fills an empty sheetData and a self-closing row', () => {
    expect(patch(`<worksheet ${NS}><sheetData/></worksheet>`, [mark(1, 1)]).out).toBe(`<worksheet ${NS}><sheetData><row r="2"><c r="B2" s="100"/></row></sheetData></worksheet>`);
    expect(patch(`<worksheet ${NS}><sheetData><row r="2" ht="30" customHeight="1"/></sheetData></worksheet>`, [mark(1, 1)]).out).toBe(`<worksheet ${NS}><sheetData><row r="2" ht="30" customHeight="1"><c r="B2" s="100"/></row></sheetData></worksheet>`);
  });

  it('gives a reference to the rows and cells without one that follow an insertion, so that they keep their place', () => {
    const xml = `<worksheet ${NS}><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>`;
    const { out } = patch(xml, [mark(0, 0), mark(0, 1)]);
    expect(out).toBe(`<worksheet ${NS}><sheetData><row><c s="100"><v>1</v></c><c s="100"><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>`);
    const inserted = patch(`<worksheet ${NS}><sheetData><row><c r="B1"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>`, [mark(0, 0), mark(1, 3)]).out;
    expect(inserted).toBe(`<worksheet ${NS}><sheetData><row><c r="A1" s="100"/><c r="B1"><v>1</v></c><c r="C1"><v>2</v></c></row><row><c><v>3</v></c><c r="D2" s="100"/></row></sheetData></worksheet>`);
    const newRow = patch(`<worksheet ${NS}><sheetData><row><c><v>1</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>`, [mark(1, 1)]).out;
    expect(newRow).toBe(`<worksheet ${NS}><sheetData><row><c><v>1</v></c></row><row><c><v>3</v></c><c r="B2" s="100"/></row></sheetData></worksheet>`);
    const before = patch(`<worksheet ${NS}><sheetData><row r="2"><c><v>1</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>`, [mark(0, 0)]).out;
    expect(before).toBe(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" s="100"/></row><row r="2"><c><v>1</v></c></row><row r="3"><c><v>3</v></c></row></sheetData></worksheet>`);
  });

  it('writes inserted elements with the prefix the sheet uses, and a legacyDrawing with its relationships prefix', () => {
    const xml = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData><x:tableParts count="1"><x:tablePart rel:id="rId1"/></x:tableParts></x:worksheet>';
    const { out, patcher } = patch(xml, [mark(0, 0), mark(0, 2)], { legacy: 'rId9' });
    expect(out).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData><x:row r="1"><x:c r="A1" s="100"><x:v>1</x:v></x:c><x:c r="C1" s="100"/></x:row></x:sheetData><x:legacyDrawing rel:id="rId9"/><x:tableParts count="1"><x:tablePart rel:id="rId1"/></x:tableParts></x:worksheet>',
    );
    expect(patcher.addedLegacyDrawing).toBe(true);
    // no prefix for the relationships namespace: declared on the element
    const bare = patch('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>', [mark(0, 0)], { legacy: 'rId1' }).out;
    expect(bare).toContain('<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></worksheet>');
  });

  it('keeps the legacyDrawing the sheet has and says which it is', () => {
    const xml = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"/></row></sheetData><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/><extLst><ext/></extLst></worksheet>`;
    const { out, patcher } = patch(xml, [mark(0, 0)], { legacy: 'rId3' });
    expect(out).toBe(xml.replace('<c r="A1"/>', '<c r="A1" s="100"/>'));
    expect(patcher.layout.legacyDrawing).toBe('rId2');
    expect(patcher.addedLegacyDrawing).toBe(false);
  });

  it('is not misled by comments, CDATA or processing instructions that look like rows', () => {
    const xml = `<worksheet ${NS}><sheetData><!-- <row r="5"> --><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<row r="3"><c r="C3"/>]]></t></is></c></row><?pi <row r="4"/>?><row r="6"><c r="A6"/></row></sheetData></worksheet>`;
    const { out } = patch(xml, [mark(3, 0), mark(5, 0)]);
    expect(out).toBe(xml.replace('?><row r="6"><c r="A6"/>', '?><row r="4"><c r="A4" s="100"/></row><row r="6"><c r="A6" s="100"/>'));
  });

  it('reads what the sheet says about its columns and rows, for the notes', () => {
    const xml = `<worksheet ${NS}><sheetFormatPr defaultRowHeight="18" baseColWidth="10"/><cols><col min="1" max="3" width="20.5" customWidth="1"/></cols><sheetData/></worksheet>`;
    expect(patch(xml, [mark(0, 0)]).patcher.layout).toEqual({ cols: [{ min: 1, max: 3, width: 20.5, style: undefined }], baseColWidth: 10, defaultRowHeight: 18, defaultColWidth: undefined });
  });

  it('gives the same bytes however the part is cut into chunks', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ${NS}><dimension ref="A1:C4"/><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2" t="inlineStr"><is><t>città «più» ü</t></is></c></row><!-- nota --><row r="3" spans="1:3"><c r="C3"><f>A1&gt;2</f><v>1</v></c></row><row r="4"/></sheetData><mergeCells count="1"><mergeCell ref="A4:C4"/></mergeCells><tableParts count="0"/></worksheet>`;
    const marks = [mark(0, 1), mark(1, 0), mark(2, 0), mark(3, 0), mark(6, 6)];
    const whole = patch(xml, marks, { legacy: 'rId5' }).out;
    for (let chunk = 1; chunk <= 64; chunk++) expect({ chunk, out: patch(xml, marks, { legacy: 'rId5', chunk }).out }).toEqual({ chunk, out: whole });
  });

  it('passes the rest through unread once nothing is left to change', () => {
    const tail = '<row r="9"><c r="A9"><v>broken</row>'; // never parsed: after the last mark, without notes
    const xml = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"/></row>${tail}</sheetData></worksheet>`;
    expect(patch(xml, [mark(0, 0)]).out).toBe(xml.replace('<c r="A1"/>', '<c r="A1" s="100"/>'));
  });

  it('refuses a part that ends before its marks are placed', () => {
    expect(() => patch(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"/>`, [mark(4, 0)])).toThrow(/troncato/);
    expect(() => patch(`<worksheet ${NS}><cols/></worksheet>`, [mark(0, 0)])).toThrow(/sheetData/);
    // UTF-16: its markup is not ASCII bytes
    const utf16 = new SheetPatcher({ marks: [mark(0, 0)], styleFor: () => 1 });
    expect(() => utf16.push(Buffer.from(`\ufeff<worksheet ${NS}><sheetData/></worksheet>`, 'utf16le'))).toThrow(/UTF-16/);
  });
});
