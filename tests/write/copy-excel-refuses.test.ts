import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../importer/cli/main';
import { Dossier } from '../../importer/engine/schema/dossier';
import { listZipEntries, readEntry } from '../../importer/read/zip';
import { RawPart, cellXml, rawXlsx, sheetData, workbookParts, zipParts } from '../helpers/raw-xlsx';
import { tempDir } from '../helpers/xlsx';

/**
 * Output that Excel would refuse or «repair» is never written: a text over 32,767 characters is
 * cut with a finding; a formula that refers to an external workbook whose link the file does not
 * hold is kept as its last value; sheet names that differ only by case (legal in some writers,
 * not in Excel) are made unique, with a note, and every link to them follows.
 */

const quiet = { out: () => undefined, err: () => undefined };
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

async function parts(bytes: Buffer): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of listZipEntries(bytes, 1000)) out.set(e.name, (await readEntry(bytes, e)).toString('utf8'));
  return out;
}

/** Every text of a package's cells and shared strings, as written. */
function texts(xml: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [name, body] of xml) {
    if (!/sharedStrings|worksheets\//.test(name)) continue;
    for (const m of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)) out.push(m[1]);
  }
  return out;
}

async function importDir(files: Record<string, Buffer | string>): Promise<{ dir: string; out: string; d: Dossier; code: number }> {
  const dir = tempDir('piao-refuse-');
  mkdirSync(join(dir, 'in'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, 'in', name), bytes);
  const out = join(dir, 'out');
  const code = await main(['import', join(dir, 'in'), '--out', out], quiet);
  return { dir, out, d: JSON.parse(readFileSync(join(out, 'piao.json'), 'utf8')) as Dossier, code };
}

const HEADCOUNT = [
  ['Personale al 31/12/2023', null, null],
  ['Categoria', 'Donne', 'Uomini'],
  ['Cat. D', 5, 4],
  ['Cat. C', 10, 8],
];

describe('texts longer than Excel accepts in a cell', () => {
  const long = `Obiettivo: ${'migliorare i servizi al cittadino, '.repeat(1200)}`; // about 40,000 characters

  it('in shared strings, inline, and in a CSV: a finding at each cell, cut in the copies and in PIAO.xlsx', async () => {
    expect(long.length).toBeGreaterThan(32_767);
    const xlsx = rawXlsx({
      shared: ['Codice', 'Obiettivo', 'Settore', long],
      sheets: [
        {
          name: 'Obiettivi',
          body: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2">${cellXml('A2', '01.01.01.01')}<c r="B2" t="s"><v>3</v></c>${cellXml('C2', 'Settore AA.GG.')}</row><row r="3">${cellXml('A3', '01.01.01.02')}${cellXml('B3', `Secondo obiettivo. ${long}`)}${cellXml('C3', 'Settore AA.GG.')}</row><row r="4">${cellXml('A4', '01.01.01.03')}${cellXml('B4', 'Ridurre i tempi di risposta')}${cellXml('C4', 'Settore Tecnico')}</row><row r="5">${cellXml('A5', '01.01.01.04')}${cellXml('B5', 'Pubblicare i dati aperti')}${cellXml('C5', 'Settore Tecnico')}</row></sheetData>`,
        },
      ],
    });
    const csv = `Codice;Obiettivo;Settore\r\n01.01.02.01;"${long}";Settore Tecnico\r\n`;
    const { out, d, code } = await importDir({ 'peg.xlsx': xlsx, 'peg-csv.csv': csv });
    expect(code).toBe(0);
    const cut = d.findings.filter((f) => f.rule === 'read-problem' && /oltre i 32\.767 che Excel ammette/.test(f.message));
    expect(cut.map((f) => [f.file, f.cell, f.severity])).toEqual([
      ['peg-csv.csv', 'B2', 'warning'],
      ['peg.xlsx', 'B2', 'warning'],
      ['peg.xlsx', 'B3', 'warning'],
    ]);
    // piao.json keeps the whole text (it is no spreadsheet); PIAO.xlsx has it cut
    expect(d.objectives.filter((o) => o.at.file === 'peg.xlsx').map((o) => o.title.length > 32_767)).toEqual([true, true, false, false]);
    for (const copy of ['annotated/peg.xlsx', 'annotated/peg-csv.xlsx', 'PIAO.xlsx']) {
      // as written in the package (no XML escape in these texts): within Excel's limit
      const all = texts(await parts(readFileSync(join(out, copy))));
      expect([copy, Math.max(...all.map((t) => t.length))]).toEqual([copy, 32_767]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(join(out, copy)) as unknown as ArrayBuffer);
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => expect(String(c.text ?? '').length).toBeLessThanOrEqual(32_767))));
    }
  });
});

/** A workbook whose formulas refer to an external workbook, with or without the link part. */
function linkedBook(withLink: boolean, formula = '[1]Foglio1!B3'): Buffer {
  const base = workbookParts({
    sheets: [
      {
        name: 'Personale',
        body: `<sheetData>${sheetData(HEADCOUNT).slice('<sheetData>'.length, -'</sheetData>'.length)}<row r="5">${cellXml('A5', 'Cat. B')}<c r="B5"><f>${formula}</f><v>3</v></c>${cellXml('C5', 3)}</row></sheetData>`,
      },
    ],
  });
  if (!withLink) return zipParts(base);
  const extra: RawPart[] = [
    { name: 'xl/externalLinks/externalLink1.xml', data: `<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="${NS}" xmlns:r="${REL_NS}"><externalBook r:id="rId1"><sheetNames><sheetName val="Foglio1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="3"><cell r="B3"><v>3</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>` },
    { name: 'xl/externalLinks/_rels/externalLink1.xml.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/externalLinkPath" Target="Budget.xlsx" TargetMode="External"/></Relationships>` },
  ];
  return zipParts(
    base
      .map((p): RawPart => {
        const text = typeof p.data === 'string' ? p.data : p.data.toString('utf8');
        if (p.name === 'xl/workbook.xml') return { ...p, data: text.replace('</sheets>', '</sheets><externalReferences><externalReference r:id="rId9"/></externalReferences>') };
        if (p.name === 'xl/_rels/workbook.xml.rels') return { ...p, data: text.replace('</Relationships>', `<Relationship Id="rId9" Type="${REL_NS}/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`) };
        if (p.name === '[Content_Types].xml') return { ...p, data: text.replace('</Types>', '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>') };
        return p;
      })
      .concat(extra),
  );
}

describe('formulas that refer to another workbook', () => {
  it('with its link part: the copy keeps the formula and the link, nothing to say', async () => {
    const { out, d } = await importDir({ 'personale.xlsx': linkedBook(true) });
    expect(d.findings).toEqual([]);
    expect(d.pap.headcount).toMatchObject({ F: 18, M: 15 });
    const copy = await parts(readFileSync(join(out, 'annotated', 'personale.xlsx')));
    expect(copy.has('xl/externalLinks/externalLink1.xml')).toBe(true);
    expect(copy.get('xl/workbook.xml')).toMatch(/<externalReference r:id="rId9"\/>/);
    expect(copy.get('xl/worksheets/sheet1.xml')).toMatch(/<f>\[1\]Foglio1!B3<\/f>/);
  });

  it.each([
    ['«[1]» and no link part', '[1]Foglio1!B3'],
    ['«[2]» beyond the one link', '[2]Foglio1!B3'],
    ['a workbook named in brackets', "'[Budget 2023.xlsx]Foglio1'!B3"],
  ])('%s: its last value read and kept in the copy, without the formula, said at the cell', async (_, formula) => {
    const withLink = formula.startsWith('[2]');
    const { out, d } = await importDir({ 'personale.xlsx': linkedBook(withLink, formula) });
    expect(d.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([['read-problem', 'B5', 'warning']]);
    expect(d.findings[0].message).toMatch(/rimanda a un'altra cartella di lavoro, ma il file non contiene il collegamento .*è letto il valore 3 che il file riporta/);
    expect(d.pap.headcount).toMatchObject({ F: 18, M: 15 });
    const copy = await parts(readFileSync(join(out, 'annotated', 'personale.xlsx')));
    const sheet = copy.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).not.toMatch(/<f>/);
    expect(sheet).toMatch(/<c r="B5"[^>]*><v>3<\/v><\/c>/);
  });
});

describe('sheet names that differ only by case', () => {
  const book = () =>
    rawXlsx({
      sheets: [
        { name: 'Dati', body: sheetData(HEADCOUNT) },
        { name: 'DATI', body: sheetData([...HEADCOUNT.map((r) => [...r]), ['Totale', 16, 12]].map((r, i) => (i === 0 ? ['Personale al 31/12/2022', null, null] : r))) },
        { name: 'Una tabella del personale con un nome lunghissimo', body: sheetData([['Note']]) },
      ],
    });

  it('made unique (and within 31 characters), with a note; findings, links and the copy agree', async () => {
    const { out, d } = await importDir({ 'personale.xlsx': book() });
    expect(d.sources[0].sheets.map((s) => s.name)).toEqual(['Dati', 'DATI (2)', 'Una tabella del personale con u']);
    const notes = d.findings.filter((f) => f.rule === 'read-problem');
    expect(notes.map((f) => [f.sheet, f.cell, f.severity])).toEqual([
      ['DATI (2)', 'A1', 'info'],
      ['Una tabella del personale con u', 'A1', 'info'],
    ]);
    expect(notes[0].message).toBe('Il foglio «DATI» ha lo stesso nome del foglio «Dati» a meno delle maiuscole, e Excel non ammette due fogli così: in piao.json, in PIAO.xlsx, nel rapporto e nella copia annotata si chiama «DATI (2)».');
    // the wrong total is on the second sheet: its finding, its mark and its links go there
    const sum = d.findings.find((f) => f.rule === 'sum-mismatch')!;
    expect([sum.sheet, sum.cell]).toEqual(['DATI (2)', 'B5']);
    const copy = await parts(readFileSync(join(out, 'annotated', 'personale.xlsx')));
    const names = [...copy.get('xl/workbook.xml')!.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toEqual(['Dati', 'DATI (2)', 'Una tabella del personale con u', 'Anomalie']);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    // every link of PIAO.xlsx and of the copy's «Anomalie» sheet to the second sheet names it as the copy does
    const piao = await parts(readFileSync(join(out, 'PIAO.xlsx')));
    const locations = [...piao.values(), ...copy.values()].flatMap((x) => [...x.matchAll(/<hyperlink [^>]*location="([^"]*)"/g)].map((m) => m[1].replace(/&apos;/g, "'")));
    expect(locations).toContain("'DATI (2)'!B5");
    expect(locations.filter((l) => /^'?DATI'?!/.test(l))).toEqual([]);
  });
});
