/** The flag records kept in custom XML parts: they must come back whole, however Excel re-serialises them. */
import fc from 'fast-check';
import { FlagRecord } from '../../addin/flags/records';
import { FLAG_NAMESPACE, newGeneration, parsePart, pickGeneration, storeParts } from '../../addin/flags/store-xml';

const record = (cell: string, prior: string | null = null): FlagRecord => ({
  sheet: "L'ufficio <2023> & co",
  sheetId: '{00000000-0001-0000-0000-000000000000}',
  cell,
  value: 'abc',
  severity: 'warning',
  fill: { prior: { color: '#FFFFFF', pattern: 'None' }, ours: '#FFE9A8' },
  note: { prior, ours: '0123456789abcdef' },
});

describe('flag records in custom XML parts', () => {
  it('round-trip any text, in one or many parts', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'grapheme' }), { nil: null }), { maxLength: 30 }), fc.integer({ min: 200, max: 5000 }), (priors, maxChars) => {
        const records = priors.map((p, i) => record(`A${i + 1}`, p));
        const xmls = storeParts(records, 'g1', maxChars);
        expect(xmls.every((x) => x.includes(`xmlns="${FLAG_NAMESPACE}"`))).toBe(true);
        const parts = xmls.map((x, i) => ({ id: `p${i}`, part: parsePart(x) }));
        expect(pickGeneration(parts).records).toEqual(records);
      }),
    );
  });

  it('reads a part back with an XML declaration, a prefix, CDATA or other escaping', () => {
    const [xml] = storeParts([record('B2', 'a & <b> "c"')], 'g1');
    const body = xml.slice(xml.indexOf('>') + 1, xml.lastIndexOf('</'));
    const json = body.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const variants = [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${xml}`,
      `<ns0:piaoSegnalazioni xmlns:ns0="${FLAG_NAMESPACE}" versione="1">${body.replace(/"/g, '&quot;')}</ns0:piaoSegnalazioni>`,
      `<piaoSegnalazioni xmlns="${FLAG_NAMESPACE}"><![CDATA[${json}]]></piaoSegnalazioni>`,
    ];
    for (const v of variants) expect(parsePart(v)?.records).toEqual([record('B2', 'a & <b> "c"')]);
    expect(parsePart('<altro xmlns="urn:x">1</altro>')).toBeUndefined();
    expect(parsePart(xml.replace('"records"', '"rec'))).toBeUndefined();
  });

  it('takes the newest complete generation: an interrupted save loses nothing', () => {
    const old = storeParts([record('A1')], 'g1');
    const newer = storeParts([record('A1'), record('A2')], 'g2', 150); // several parts
    expect(newer.length).toBeGreaterThan(1);
    const all = [...old.map((x, i) => ({ id: `o${i}`, part: parsePart(x) })), ...newer.map((x, i) => ({ id: `n${i}`, part: parsePart(x) }))];
    expect(pickGeneration(all).records.map((r) => r.cell)).toEqual(['A1', 'A2']);
    const interrupted = all.slice(0, all.length - 1);
    const picked = pickGeneration([...interrupted, { id: 'bad', part: undefined }]);
    expect(picked.records.map((r) => r.cell)).toEqual(['A1']);
    expect(picked.stale.sort()).toEqual(['bad', ...newer.slice(0, -1).map((_, i) => `n${i}`)].sort());
  });

  it('labels generations so that a later save sorts after an earlier one, even in the same millisecond', () => {
    const a = newGeneration(1_700_000_000_000);
    const b = newGeneration(1_700_000_000_000);
    const c = newGeneration(1_700_000_000_001);
    expect([c, b, a].sort()).toEqual([a, b, c]);
  });
});
