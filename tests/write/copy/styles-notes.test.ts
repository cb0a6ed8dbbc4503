/**
 * What an annotated copy adds to a workbook's styles and notes (importer/write/copy/styles.ts,
 * notes.ts): new formats cloned from the cells' own, notes added after the ones there, boxes sized
 * to their text; everything already there kept as it was.
 */
import { NOTE_AUTHOR, noteBox, patchComments, patchVml } from '../../../importer/write/copy/notes';
import { DEFAULT_STYLES, StylesPatch } from '../../../importer/write/copy/styles';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STYLES =
  `<?xml version="1.0"?>\n<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
  '<fonts count="2"><font><sz val="10"/><name val="Arial"/></font><font><b/><i/><sz val="10"/><color rgb="FF112233"/><name val="Arial"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"><alignment horizontal="center" wrapText="1"/><protection locked="0"/></xf></cellXfs>' +
  '<dxfs count="0"/></styleSheet>';

describe('styles of a copy', () => {
  it('clones a cell format with the fill, once per format and colour, and counts what it adds', () => {
    const s = new StylesPatch(Buffer.from(STYLES));
    expect(s.withFill(1, 'FFFF8A80')).toBe(2);
    expect(s.withFill(1, 'FFFF8A80')).toBe(2);
    expect(s.withFill(0, 'FFFF8A80')).toBe(3);
    expect(s.withFill(1, 'FFFFD54F')).toBe(4);
    const xml = s.toBuffer().toString('utf8');
    expect(xml).toContain(
      '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"><alignment horizontal="center" wrapText="1"/><protection locked="0"/></xf>' +
        '<xf numFmtId="164" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"><alignment horizontal="center" wrapText="1"/><protection locked="0"/></xf>' +
        '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>',
    );
    expect(xml).toContain('<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFF8A80"/><bgColor rgb="FFFF8A80"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFD54F"/>');
    // what it did not need is as it was
    expect(xml.startsWith(STYLES.slice(0, STYLES.indexOf('<fills')))).toBe(true);
    expect(xml).toContain('<dxfs count="0"/></styleSheet>');
  });

  it("gives the «Anomalie» sheet the workbook's own font, bold and white in the header, blue and underlined in the links", () => {
    const s = new StylesPatch(Buffer.from(STYLES));
    s.header();
    s.link();
    const xml = s.toBuffer().toString('utf8');
    expect(xml).toContain('<fonts count="4"><font><sz val="10"/><name val="Arial"/></font><font><b/><i/><sz val="10"/><color rgb="FF112233"/><name val="Arial"/></font><font><b/><color rgb="FFFFFFFF"/><sz val="10"/><name val="Arial"/></font><font><u/><color rgb="FF0563C1"/><sz val="10"/><name val="Arial"/></font></fonts>');
  });

  it('writes with the prefix of the part, and starts from the defaults when the workbook has no styles', () => {
    const prefixed = new StylesPatch(Buffer.from(STYLES.replace(/<(\/?)(?=[a-zA-Z])/g, '<$1x:').replace(`<x:styleSheet xmlns=`, '<x:styleSheet xmlns:x=')));
    prefixed.withFill(0, 'FFFF8A80');
    expect(prefixed.toBuffer().toString('utf8')).toContain('<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFF8A80"/>');
    const none = new StylesPatch(undefined);
    expect(none.withFill(0, 'FFFF8A80')).toBe(1);
    expect(none.toBuffer().toString('utf8')).toBe(DEFAULT_STYLES.replace('<fills count="2">', '<fills count="3">').replace('</fill></fills>', '</fill><fill><patternFill patternType="solid"><fgColor rgb="FFFF8A80"/><bgColor rgb="FFFF8A80"/></patternFill></fill></fills>').replace('<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>'));
  });
});

const COMMENTS =
  `<?xml version="1.0"?>\n<comments xmlns="${NS}"><authors><author>Ufficio</author></authors><commentList>` +
  '<comment ref="B2" authorId="0"><text><r><rPr><b/></rPr><t>Ufficio:</t></r><r><t xml:space="preserve">\nda verificare</t></r></text></comment></commentList></comments>';

describe('notes of a copy', () => {
  it('adds a note by «piao», its text escaped as SpreadsheetML wants', () => {
    const { bytes, shown } = patchComments(undefined, [{ row: 0, col: 0, text: 'Errore [x]: «a < b & c»\u0001 _x000D_' }], new Set());
    expect(bytes.toString('utf8')).toContain(`<authors><author>${NOTE_AUTHOR}</author></authors><commentList><comment ref="A1" authorId="0"><text><r>`);
    expect(bytes.toString('utf8')).toContain('<t xml:space="preserve">Errore [x]: «a &lt; b &amp; c» _x005F_x000D_</t>');
    expect(shown).toEqual([{ row: 0, col: 0, text: 'Errore [x]: «a < b & c»\u0001 _x000D_', existing: false }]);
  });

  it('keeps the notes there: ours after the text of a note already in the cell, new ones at the end; a threaded comment left alone', () => {
    const notes = [
      { row: 1, col: 1, text: 'Avviso [w]: due' },
      { row: 2, col: 0, text: 'Errore [e]: tre' },
      { row: 4, col: 4, text: 'Nota [n]: quattro' },
    ];
    const { bytes, shown } = patchComments(Buffer.from(COMMENTS), notes, new Set(['4,4']));
    const xml = bytes.toString('utf8');
    expect(xml).toContain('<authors><author>Ufficio</author><author>piao</author></authors>');
    expect(xml).toContain('<t xml:space="preserve">\nda verificare</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">\n\nAvviso [w]: due</t></r></text></comment>');
    expect(xml).toContain('<comment ref="A3" authorId="1"><text>');
    expect(xml).not.toContain('quattro');
    expect(shown.map((n) => [n.row, n.col, n.text, n.existing])).toEqual([
      [1, 1, 'Ufficio:\nda verificare\n\nAvviso [w]: due', true],
      [2, 0, 'Errore [e]: tre', false],
    ]);
  });

  it('sizes a note to its text: wider for longer lines (up to 60 characters), taller for more lines', () => {
    const short = noteBox('Nota [a]: breve.');
    const long = noteBox(`Errore [sum-mismatch]: ${'il totale indicato non è la somma delle sue parti '.repeat(4)}`);
    const two = noteBox('Errore [a]: uno.\n\nAvviso [b]: due.');
    expect(long.width).toBeGreaterThan(short.width);
    expect(long.width).toBeLessThanOrEqual(Math.round(60 * 5.25 + 14));
    expect(long.height).toBeGreaterThan(short.height);
    expect(two.height).toBeGreaterThan(short.height);
  });

  it('adds shapes to a drawing with fresh ids in a block of its own, grows the box of a note that got longer, keeps the rest', () => {
    const vml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"/>' +
      '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:59pt;margin-top:1.5pt;width:96pt;height:55pt;z-index:1;visibility:hidden"><x:ClientData ObjectType="Note"><x:Anchor>2, 15, 0, 2, 4, 15, 4, 4</x:Anchor><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>';
    const layout = { cols: [] };
    const long = `Ufficio:\nda verificare\n\n${'Avviso [w]: una frase lunga che non ci sta. '.repeat(5)}`;
    const out = patchVml(Buffer.from(vml, 'latin1'), [{ row: 1, col: 1, text: long, existing: true }, { row: 6, col: 2, text: 'Errore [e]: tre', existing: false }], layout, () => 7).toString('latin1');
    expect(out).toContain('<o:idmap v:ext="edit" data="1"/>');
    expect(out).toContain('<v:shape id="_x0000_s1026" type="#_x0000_t202"');
    expect(out).toContain('<x:Row>6</x:Row><x:Column>2</x:Column>');
    const grown = /<v:shape id="_x0000_s1025"[^>]*style="([^"]*)"/.exec(out)![1];
    expect(Number(/width:([\d.]+)pt/.exec(grown)![1])).toBeGreaterThan(96);
    expect(Number(/height:([\d.]+)pt/.exec(grown)![1])).toBeGreaterThan(55);
    expect(grown).toContain('visibility:hidden');
    // a new drawing: a block no other drawing uses
    const fresh = patchVml(undefined, [{ row: 0, col: 0, text: 'Nota [n]: uno', existing: false }], layout, () => 7).toString('latin1');
    expect(fresh).toContain('<o:idmap v:ext="edit" data="7"/>');
    expect(fresh).toContain('<v:shape id="_x0000_s7169"');
  });
});
