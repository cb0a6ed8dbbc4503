/**
 * Proof that an annotated copy keeps the workbook it copies: on workbooks saved by exceljs, by
 * LibreOffice, written by openpyxl and built by hand (chart, pivot table and cache, VBA project,
 * conditional formats, validations, defined names, notes, shared formulas, inline strings), every
 * part the marks do not need is in the copy byte for byte, still compressed as it was; the marks
 * are where the findings are, on the cells' own formats; and the copy opens in exceljs, in openpyxl
 * (no warning the source did not give) and in LibreOffice, whose rendering shows the marks.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { collectInputs } from '../../importer/cli/collect';
import { importDossier } from '../../importer/cli/import-dossier';
import { analyse } from '../../importer/engine/analyse';
import { Finding, Severity } from '../../importer/engine/schema/dossier';
import { readSourceDetailed } from '../../importer/read/read-source';
import { entryData, listZipEntries } from '../../importer/read/zip';
import { RELATED_FILL, SEVERITY_FILL, writeAnnotatedCopy } from '../../importer/write/annotate';
import { exceljsBook, exceljsLoad, handBuiltBook, libreOfficeBook, openpyxlBook, openpyxlPython, openpyxlView } from '../helpers/copy-corpus';
import { describeWhen, describeWithTool, SOFFICE } from '../helpers/tools';
import { tempDir } from '../helpers/xlsx';

interface Book {
  id: string;
  file: string;
  source: Buffer;
  copy: Buffer;
  findings: Finding[];
  /** Cells the test added findings to: a note already there, a row the sheet lacks, others. */
  noted: string;
  absent: string;
  more?: string[];
  sheet: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function parts(bytes: Buffer): Map<string, { raw: Buffer; data: Buffer; method: number; crc: number }> {
  const out = new Map<string, { raw: Buffer; data: Buffer; method: number; crc: number }>();
  for (const e of listZipEntries(bytes, 10_000)) {
    if (e.name.endsWith('/')) continue;
    const raw = entryData(bytes, e);
    out.set(e.name, { raw, data: e.method === 8 ? inflateRawSync(raw) : raw, method: e.method, crc: e.crc32 });
  }
  return out;
}

function relsOf(files: Map<string, { data: Buffer }>, part: string): { id: string; type: string; target: string }[] {
  const rels = files.get(posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`))?.data.toString('utf8') ?? '';
  return [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: /Id="([^"]*)"/.exec(m[0])![1],
    type: /Type="([^"]*)"/.exec(m[0])![1],
    target: ((t: string) => (t.startsWith('/') ? t.slice(1) : posix.normalize(posix.join(posix.dirname(part), t))))(/Target="([^"]*)"/.exec(m[0])![1]),
  }));
}

/** The parts of the source that marking these findings may change: the workbook-level ones, and each marked sheet with its notes. */
function meantToChange(source: Map<string, { data: Buffer }>, findings: Finding[], file: string): Set<string> {
  const root = /Target="([^"]*)"[^>]*Type="[^"]*officeDocument"|Type="[^"]*officeDocument"[^>]*Target="([^"]*)"/.exec(source.get('_rels/.rels')!.data.toString('utf8'))!;
  const workbook = (root[1] ?? root[2]).replace(/^\//, '');
  const wbRels = relsOf(source, workbook);
  const out = new Set(['[Content_Types].xml', workbook, posix.join(posix.dirname(workbook), '_rels', `${posix.basename(workbook)}.rels`)]);
  for (const r of wbRels) if (r.type.endsWith('/styles')) out.add(r.target);
  const xml = source.get(workbook)!.data.toString('utf8');
  const marked = new Set(findings.filter((f) => f.file === file).flatMap((f) => [f.sheet, ...(f.related ?? []).filter((p) => p.file === file).map((p) => p.sheet)]));
  for (const m of xml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])![1].replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"');
    if (!marked.has(name)) continue;
    const id = /r:id="([^"]*)"/.exec(m[0])![1];
    const sheet = wbRels.find((r) => r.id === id)!.target;
    out.add(sheet);
    out.add(posix.join(posix.dirname(sheet), '_rels', `${posix.basename(sheet)}.rels`));
    for (const r of relsOf(source, sheet)) if (/\/(comments|vmlDrawing)$/.test(r.type)) out.add(r.target);
  }
  return out;
}

function soffice(args: string[], work: string): void {
  execFileSync(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profilo-lo')}`, ...args], { stdio: 'pipe', timeout: 240_000 });
}

/** The fill colours a PDF paints with (`r g b rg` in its content streams), as ARGB. */
function pdfFillColours(pdf: Buffer): Set<string> {
  const colours = new Set<string>();
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const c of content.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) rg/g)) {
      const hex = [c[1], c[2], c[3]].map((v) => Math.round(Number(v) * 255).toString(16).padStart(2, '0')).join('').toUpperCase();
      colours.add(`FF${hex}`);
    }
  }
  return colours;
}

/** The cell a finding marks in the copy: the top-left of a merge. */
function target(ws: ExcelJS.Worksheet, cell: string): ExcelJS.Cell {
  const c = ws.getCell(cell.split(':')[0]);
  return c.isMerged ? c.master : c;
}

const fillOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
const noteOf = (c: ExcelJS.Cell) => (typeof c.note === 'string' ? c.note : (c.note?.texts ?? []).map((t) => t.text).join(''));

/** The worst severity of the findings of each marked cell, and the related cells' tint, by "sheet!cell". */
async function expectedFills(copy: ExcelJS.Workbook, findings: Finding[], file: string): Promise<Map<string, string>> {
  const worst = new Map<string, Severity>();
  const related = new Map<string, Severity>();
  for (const f of findings.filter((x) => x.file === file)) {
    const ws = copy.getWorksheet(f.sheet);
    if (!ws) continue;
    const k = `${f.sheet}!${target(ws, f.cell).address}`;
    if (!worst.has(k) || RANK[f.severity] < RANK[worst.get(k)!]) worst.set(k, f.severity);
  }
  for (const f of findings.filter((x) => x.file === file)) {
    for (const p of f.related ?? []) {
      const ws = p.file === file ? copy.getWorksheet(p.sheet) : undefined;
      if (!ws) continue;
      const k = `${p.sheet}!${target(ws, p.cell).address}`;
      if (worst.has(k)) continue;
      if (!related.has(k) || RANK[f.severity] < RANK[related.get(k)!]) related.set(k, f.severity);
    }
  }
  return new Map([...[...worst].map(([k, s]) => [k, SEVERITY_FILL[s]] as const), ...[...related].map(([k, s]) => [k, RELATED_FILL[s]] as const)]);
}

const extra = (file: string, sheet: string, cell: string, message: string): Finding => ({ rule: 'missing-value', severity: 'warning', file, sheet, cell, message });

// LibreOffice saves one of the workbooks and opens every copy; openpyxl writes one and opens every copy
describeWithTool(SOFFICE, 'apt-get install -y libreoffice-calc', 'annotated copies keep what the workbook holds', () =>
  describeWhen(openpyxlPython() !== undefined, 'python3 (openpyxl)', 'apt-get install -y python3-openpyxl', 'with openpyxl', () => {
  const books: Book[] = [];
  let work: string;

  beforeAll(async () => {
    work = tempDir('piao-fedelta-');
    const lo = (args: string[]) => soffice(args, work);
    const excel = await exceljsBook();
    const peg = 'PEG 2024 Finanze e AAGG';
    const sources: Omit<Book, 'copy' | 'findings'>[] = [
      { id: 'exceljs', file: 'peg-exceljs.xlsx', source: excel, sheet: peg, noted: 'E5', absent: 'K40' },
      { id: 'libreoffice', file: 'peg-libreoffice.xlsx', source: libreOfficeBook(excel, work, lo), sheet: peg, noted: 'E5', absent: 'K40' },
      { id: 'openpyxl', file: 'obiettivi-openpyxl.xlsx', source: openpyxlBook(work), sheet: 'Obiettivi', noted: 'B2', absent: 'F30' },
      // C4: an empty cell the row lacks; C7: inside the merge A7:E7
      { id: 'a mano', file: 'obiettivi-a-mano.xlsm', source: handBuiltBook(), sheet: 'Obiettivi', noted: 'B2', absent: 'G12', more: ['C4', 'C7'] },
    ];
    for (const s of sources) {
      const path = join(work, s.file);
      writeFileSync(path, s.source);
      const read = await readSourceDetailed(path, s.file);
      const { dossier } = analyse([{ file: s.file, grids: read.grids, problems: read.problems }]);
      const findings = [
        ...dossier.findings,
        extra(s.file, s.sheet, s.noted, 'Prova: una nota era già qui.'),
        extra(s.file, s.sheet, s.absent, 'Prova: la riga non c’è nel foglio.'),
        ...(s.more ?? []).map((cell) => extra(s.file, s.sheet, cell, `Prova: ${cell}.`)),
      ];
      const out = join(work, 'copie', s.file);
      const r = await writeAnnotatedCopy({ bytes: readFileSync(path), file: s.file, grids: read.grids }, findings, out);
      expect(r.degraded).toBeUndefined();
      books.push({ ...s, copy: readFileSync(out), findings });
    }
  }, 240_000);

  it('covers workbooks from four producers, each with findings of its own', () => {
    expect(books.map((b) => b.id)).toEqual(['exceljs', 'libreoffice', 'openpyxl', 'a mano']);
    for (const b of books) expect(b.findings.length).toBeGreaterThan(3);
    // the producers' packages differ: LibreOffice's is not exceljs' own
    expect([...parts(books[1].source).keys()].sort()).not.toEqual([...parts(books[0].source).keys()].sort());
  });

  it('copies every part that marking does not need byte for byte, still compressed as it was', () => {
    for (const b of books) {
      const source = parts(b.source);
      const copy = parts(b.copy);
      const changing = meantToChange(source, b.findings, b.file);
      let kept = 0;
      for (const [name, p] of source) {
        const c = copy.get(name);
        expect({ book: b.id, name, present: c !== undefined }).toEqual({ book: b.id, name, present: true });
        if (changing.has(name)) continue;
        expect({ book: b.id, name, same: c!.data.equals(p.data), compressed: c!.raw.equals(p.raw), method: c!.method, crc: c!.crc }).toEqual({ book: b.id, name, same: true, compressed: true, method: p.method, crc: p.crc });
        kept++;
      }
      expect(kept).toBeGreaterThanOrEqual(3);
    }
    const hand = parts(books[3].copy);
    for (const name of ['xl/vbaProject.bin', 'xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotCache/pivotCacheRecords1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/sharedStrings.xml']) {
      expect(hand.get(name)?.data.equals(parts(books[3].source).get(name)!.data)).toBe(true);
    }
    expect(hand.get('xl/vbaProject.bin')!.method).toBe(0);
  });

  it('keeps an .xlsm macro-enabled, with its VBA project', () => {
    const ct = parts(books[3].copy).get('[Content_Types].xml')!.data.toString('utf8');
    expect(ct).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(parts(books[3].copy).get('xl/_rels/workbook.xml.rels')!.data.toString('utf8')).toContain('Target="vbaProject.bin"');
  });

  it('opens in exceljs exactly when the source does (exceljs reads no workbook openpyxl writes with a chart or a note)', async () => {
    for (const b of books) {
      const opens = async (bytes: Buffer) => exceljsLoad(bytes).then(() => 'ok', (err: Error) => err.message);
      const source = await opens(b.source);
      expect({ book: b.id, copy: await opens(b.copy) }).toEqual({ book: b.id, copy: source });
      expect({ book: b.id, source }).toEqual({ book: b.id, source: b.id === 'openpyxl' ? expect.stringMatching(/undefined/) : 'ok' });
    }
  });

  it('marks every finding in exceljs, on the cells own formats, with notes added after the notes already there', async () => {
    for (const b of books.filter((x) => x.id !== 'openpyxl')) {
      const copy = await exceljsLoad(b.copy);
      const source = await exceljsLoad(b.source);
      const fills = await expectedFills(copy, b.findings, b.file);
      expect(fills.size).toBeGreaterThan(2);
      for (const [ref, argb] of fills) {
        const [sheet, cell] = ref.split('!');
        const c = copy.getWorksheet(sheet)!.getCell(cell);
        const s = source.getWorksheet(sheet)!.getCell(cell);
        const fmt = (x: ExcelJS.Cell) => (x.numFmt && x.numFmt !== 'General' ? x.numFmt : undefined);
        expect({ book: b.id, ref, fill: fillOf(c), numFmt: fmt(c), bold: c.font?.bold, border: c.border?.left?.style }).toEqual({ book: b.id, ref, fill: argb, numFmt: fmt(s), bold: s.font?.bold, border: s.border?.left?.style });
      }
      for (const f of b.findings) {
        const ws = copy.getWorksheet(f.sheet);
        if (ws) expect(noteOf(target(ws, f.cell))).toContain(f.message);
      }
      const noted = noteOf(copy.getWorksheet(b.sheet)!.getCell(b.noted));
      expect(noted).toContain(noteOf(source.getWorksheet(b.sheet)!.getCell(b.noted)).trim());
      expect(noted).toContain('Prova: una nota era già qui.');
      expect(fillOf(copy.getWorksheet(b.sheet)!.getCell(b.absent))).toBe(SEVERITY_FILL.warning);
      expect(copy.worksheets.map((w) => w.name)).toEqual([...source.worksheets.map((w) => w.name), 'Anomalie']);
    }
  });

  it('marks the empty cell the sheet XML lacks with its column format, and a merge on its top-left cell', async () => {
    const copy = await exceljsLoad(books[3].copy);
    const ws = copy.getWorksheet('Obiettivi')!;
    const source = parts(books[3].source).get('xl/worksheets/sheet1.xml')!.data.toString('utf8');
    expect(source).not.toContain('r="C4"');
    expect(fillOf(ws.getCell('C4'))).toBe(SEVERITY_FILL.warning);
    expect(ws.getCell('C4').border?.left?.style).toBe('thin'); // the column's format
    expect(noteOf(ws.getCell('C4'))).toContain('Prova: C4.');
    expect(fillOf(ws.getCell('A7'))).toBe(SEVERITY_FILL.warning);
    expect(noteOf(ws.getCell('A7'))).toContain('Prova: C7.');
    expect(ws.getCell('A7').isMerged).toBe(true);
    const xml = parts(books[3].copy).get('xl/worksheets/sheet1.xml')!.data.toString('utf8');
    // the new cell in its place in row 4, the new row after row 7
    expect(xml).toMatch(/<c r="B4"[^]*<\/c><c r="C4" s="\d+"\/><c r="D4"/);
    expect(xml).toMatch(/<\/row><row r="12"><c r="G12" s="\d+"\/><\/row><\/sheetData>/);
    expect(ws.getCell('D2').numFmt).toBe('#,##0.0');
    expect(ws.getCell('E3').formula).toBe('D3*2'); // the shared formula still there
    expect(ws.getCell('B4').text).toBe('Archivio digitale');
  });

  it('opens in openpyxl with no warning the source did not give, keeping charts, validations, formats, names and notes', () => {
    for (const b of books) {
      const sourcePath = join(work, b.file);
      const copyPath = join(work, 'copie', b.file);
      const asked = [`${b.sheet}!${b.noted}`, `${b.sheet}!${b.absent}`];
      const before = openpyxlView(sourcePath, asked, work);
      const after = openpyxlView(copyPath, asked, work);
      for (const w of after.warnings) expect({ book: b.id, warning: w, inSource: before.warnings.includes(w) }).toEqual({ book: b.id, warning: w, inSource: true });
      expect(after.sheets).toEqual([...before.sheets, 'Anomalie']);
      expect({ book: b.id, charts: after.charts, validations: after.validations }).toEqual({ book: b.id, charts: before.charts, validations: before.validations });
      expect(after.conditional).toBe(before.conditional);
      for (const n of before.names) expect(after.names).toContain(n);
      const noted = after.cells[asked[0]];
      expect(noted.note).toContain(before.cells[asked[0]].note!.trim().split('\n').pop());
      expect(noted.note).toContain('Prova: una nota era già qui.');
      expect(after.cells[asked[1]]).toMatchObject({ fill: SEVERITY_FILL.warning, author: 'piao' });
      expect(after.cells[asked[1]].note).toContain('Prova: la riga non c’è nel foglio.');
    }
    // what the source had, found again in the copy
    const hand = openpyxlView(join(work, 'copie', books[3].file), ['Obiettivi!D2'], work);
    expect(hand.charts).toBe(1);
    expect(hand.names).toContain('Pesi');
    expect(hand.cells['Obiettivi!D2']).toMatchObject({ fill: RELATED_FILL.warning, numFmt: '#,##0.0', bold: true });
    expect(openpyxlView(join(work, 'copie', books[2].file), [], work)).toMatchObject({ charts: 1, validations: 1, conditional: 1 });
  });

  describe('in LibreOffice', () => {
    let loXlsx: string;
    let loPdf: string;
    beforeAll(() => {
      const copies = join(work, 'copie');
      loXlsx = join(work, 'lo-xlsx');
      loPdf = join(work, 'lo-pdf');
      mkdirSync(loXlsx, { recursive: true });
      mkdirSync(loPdf, { recursive: true });
      const files = books.map((b) => join(copies, b.file));
      soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', loXlsx, ...files], work);
      soffice(['--convert-to', 'pdf', '--outdir', loPdf, ...files], work);
    }, 240_000);

    it('opens every copy and keeps the marks when it saves it', async () => {
      for (const b of books) {
        const saved = join(loXlsx, b.file.replace(/\.xlsm$/, '.xlsx'));
        expect(existsSync(saved)).toBe(true);
        const wb = await exceljsLoad(readFileSync(saved));
        const fills = await expectedFills(wb, b.findings, b.file);
        for (const [ref, argb] of fills) {
          const [sheet, cell] = ref.split('!');
          expect({ book: b.id, ref, fill: fillOf(wb.getWorksheet(sheet)!.getCell(cell)) }).toEqual({ book: b.id, ref, fill: argb });
        }
      }
    });

    it('paints the marks in the rendered PDF: the related cells tint is on the sheets, not only in the list', () => {
      expect(readdirSync(loPdf).sort()).toEqual(books.map((b) => b.file.replace(/\.xlsx?m?$/, '.pdf')).sort());
      for (const b of books) {
        const colours = pdfFillColours(readFileSync(join(loPdf, b.file.replace(/\.xlsx?m?$/, '.pdf'))));
        const relatedTints = new Set(b.findings.filter((f) => f.related?.some((p) => p.file === b.file)).map((f) => RELATED_FILL[f.severity]));
        const severities = new Set(b.findings.map((f) => SEVERITY_FILL[f.severity]));
        for (const c of severities) expect({ book: b.id, colour: c, painted: colours.has(c) }).toEqual({ book: b.id, colour: c, painted: true });
        for (const c of relatedTints) expect({ book: b.id, colour: c, painted: colours.has(c) }).toEqual({ book: b.id, colour: c, painted: true });
      }
    });
  });

  it('piao import names the copy of an .xlsm .xlsm, and it opens', async () => {
    const dir = join(work, 'import-xlsm');
    mkdirSync(dir);
    writeFileSync(join(dir, 'obiettivi.xlsm'), books[3].source);
    const { files } = await collectInputs([dir]);
    const r = await importDossier(files, join(work, 'out-xlsm'));
    expect(r.outputs).toContain('annotated/obiettivi.xlsm');
    expect(r.warnings).toEqual([]);
    const wb = await exceljsLoad(readFileSync(join(work, 'out-xlsm', 'annotated', 'obiettivi.xlsm')));
    expect(wb.getWorksheet('Anomalie')).toBeDefined();
  });
}),
);
