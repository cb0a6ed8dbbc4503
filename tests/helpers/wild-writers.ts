/**
 * xlsx and CSV files as other writers make them, for the tests of «files from the wild»: the .NET
 * OpenXML SDK (every part with the `x:` prefix), parts in UTF-16, Strict OOXML, XlsxWriter (a 0 for
 * every formula and «recalculate on opening»), generators that write formulas without values, and
 * the real ones where they run here: python3-openpyxl and LibreOffice. Everything is generated.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { a1 } from '../../importer/engine/grid/address';
import { openpyxlPython } from './copy-corpus';
import { RawPart, xmlEscape, zipParts } from './raw-xlsx';

/**
 * A cell: a value; a date (ISO, written as Excel writes dates: a serial number under a date format,
 * or `t="d"` in Strict); a number shown as a percentage; or a formula with, optionally, the value a
 * writer stored for it, or shared from the cell `shared` names (`<f t="shared" si="...">`).
 */
export type WildCell = string | number | null | { date: string } | { pct: number } | { f: string; v?: number; si?: number; master?: boolean };
export type WildRows = WildCell[][];

export interface WildSheet {
  name: string;
  rows: WildRows;
}

const T = 'http://schemas.openxmlformats.org';
const STRICT = 'http://purl.oclc.org/ooxml';

interface Dialect {
  /** Namespace of the spreadsheet parts. */
  main: string;
  /** Namespace of the relationship ids in parts. */
  rel: string;
  /** Relationship types' prefix («.../officeDocument/2006/relationships»). */
  relType: string;
  /** The prefix of every element ('' for none, 'x:' for the .NET SDK). */
  p: string;
  /** Encode each XML part as UTF-16 LE with a BOM. */
  utf16?: boolean;
  /** Formulas: store their value (as most writers), none (openpyxl, the SDK), or 0 with fullCalcOnLoad (XlsxWriter). */
  formulas: 'value' | 'none' | 'zero';
  /** Strings as shared strings (t="s") or inline. */
  shared: boolean;
}

export const DIALECTS = {
  dotnet: { main: `${T}/spreadsheetml/2006/main`, rel: `${T}/officeDocument/2006/relationships`, relType: `${T}/officeDocument/2006/relationships`, p: 'x:', formulas: 'none', shared: true },
  utf16: { main: `${T}/spreadsheetml/2006/main`, rel: `${T}/officeDocument/2006/relationships`, relType: `${T}/officeDocument/2006/relationships`, p: '', utf16: true, formulas: 'value', shared: true },
  strict: { main: `${STRICT}/spreadsheetml/main`, rel: `${STRICT}/officeDocument/relationships`, relType: `${STRICT}/officeDocument/relationships`, p: '', formulas: 'value', shared: true },
  xlsxwriter: { main: `${T}/spreadsheetml/2006/main`, rel: `${T}/officeDocument/2006/relationships`, relType: `${T}/officeDocument/2006/relationships`, p: '', formulas: 'zero', shared: true },
  noValues: { main: `${T}/spreadsheetml/2006/main`, rel: `${T}/officeDocument/2006/relationships`, relType: `${T}/officeDocument/2006/relationships`, p: '', formulas: 'none', shared: false },
} satisfies Record<string, Dialect>;

function part(d: Dialect, name: string, xml: string): RawPart {
  const decl = d.utf16 ? '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\r\n' : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
  const text = decl + xml;
  return { name, data: d.utf16 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text, 'utf8') };
}

/** A workbook of the sheets given, written as the dialect's writer writes it. */
export function wildXlsx(dialect: Dialect, sheets: WildSheet[]): Buffer {
  const d = dialect;
  const p = d.p;
  const ns = p ? `xmlns:${p.slice(0, -1)}="${d.main}"` : `xmlns="${d.main}"`;
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const strict = d.main.startsWith(STRICT);
  const sheetXml = sheets.map((s) => {
    const rows = s.rows
      .map((r, i) => {
        const cells = r
          .map((v, c) => {
            if (v === null) return '';
            const ref = a1(i, c);
            if (typeof v === 'number') return `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>`;
            if (typeof v === 'string') {
              if (!d.shared) return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${xmlEscape(v)}</${p}t></${p}is></${p}c>`;
              let k = sharedIndex.get(v);
              if (k === undefined) {
                k = shared.length;
                shared.push(v);
                sharedIndex.set(v, k);
              }
              return `<${p}c r="${ref}" t="s"><${p}v>${k}</${p}v></${p}c>`;
            }
            if ('date' in v) {
              if (strict) return `<${p}c r="${ref}" s="2" t="d"><${p}v>${v.date}</${p}v></${p}c>`;
              const serial = Date.UTC(Number(v.date.slice(0, 4)), Number(v.date.slice(5, 7)) - 1, Number(v.date.slice(8, 10))) / 86_400_000 + 25_569;
              return `<${p}c r="${ref}" s="2"><${p}v>${serial}</${p}v></${p}c>`;
            }
            if ('pct' in v) return `<${p}c r="${ref}" s="1"><${p}v>${v.pct}</${p}v></${p}c>`;
            const text = v.si !== undefined && !v.master ? '' : xmlEscape(v.f.replace(/^=/, ''));
            const share = v.si !== undefined ? ` t="shared" si="${v.si}"${v.master ? ` ref="${ref}:${ref}"` : ''}` : '';
            const f = text ? `<${p}f${share}>${text}</${p}f>` : `<${p}f${share}/>`;
            if (d.formulas === 'none') return `<${p}c r="${ref}">${f}</${p}c>`;
            if (d.formulas === 'zero') return `<${p}c r="${ref}">${f}<${p}v>0</${p}v></${p}c>`;
            return `<${p}c r="${ref}">${f}${v.v === undefined ? '' : `<${p}v>${v.v}</${p}v>`}</${p}c>`;
          })
          .join('');
        return `<${p}row r="${i + 1}">${cells}</${p}row>`;
      })
      .join('');
    return `<${p}worksheet ${ns} xmlns:r="${d.rel}"><${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;
  });
  const ct = (t: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${t}+xml`;
  const pkgRel = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const parts: RawPart[] = [
    part(
      d,
      '[Content_Types].xml',
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${ct('sheet.main')}"/>` +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct('worksheet')}"/>`).join('') +
        `<Override PartName="/xl/styles.xml" ContentType="${ct('styles')}"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct('sharedStrings')}"/></Types>`,
    ),
    part(d, '_rels/.rels', `<Relationships xmlns="${pkgRel}"><Relationship Id="rId1" Type="${d.relType}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part(
      d,
      'xl/workbook.xml',
      `<${p}workbook ${ns} xmlns:r="${d.rel}">${strict ? `<${p}workbookPr dateCompatibility="0"/>` : `<${p}workbookPr/>`}<${p}sheets>` +
        sheets.map((s, i) => `<${p}sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        `</${p}sheets>${d.formulas === 'zero' ? `<${p}calcPr calcId="124519" fullCalcOnLoad="1"/>` : ''}</${p}workbook>`,
    ),
    part(
      d,
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${pkgRel}">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${d.relType}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${d.relType}/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="${d.relType}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    part(
      d,
      'xl/styles.xml',
      `<${p}styleSheet ${ns}><${p}numFmts count="1"><${p}numFmt numFmtId="164" formatCode="0.0%"/></${p}numFmts><${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>` +
        `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>` +
        `<${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders>` +
        `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
        `<${p}cellXfs count="3"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><${p}xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><${p}xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></${p}cellXfs></${p}styleSheet>`,
    ),
    part(d, 'xl/sharedStrings.xml', `<${p}sst ${ns} count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<${p}si><${p}t xml:space="preserve">${xmlEscape(s)}</${p}t></${p}si>`).join('')}</${p}sst>`),
    ...sheetXml.map((x, i) => part(d, `xl/worksheets/sheet${i + 1}.xml`, x)),
  ];
  return zipParts(parts);
}

/** A Python interpreter with openpyxl (Debian's python3-openpyxl), as the copy tests find it. */
export const PYTHON = openpyxlPython() ?? '/usr/bin/python3';

export function hasOpenpyxl(): boolean {
  return openpyxlPython() !== undefined;
}

/** A workbook written by openpyxl: formulas are stored without values, as openpyxl always does. */
export function openpyxlXlsx(sheets: WildSheet[]): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'piao-openpyxl-'));
  const out = join(dir, 'book.xlsx');
  const spec = sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? ('f' in c ? `=${c.f.replace(/^=/, '')}` : 'date' in c ? c.date : c.pct) : c))) }));
  const script = [
    'import json, sys, openpyxl',
    'spec = json.load(sys.stdin)',
    'wb = openpyxl.Workbook()',
    'wb.remove(wb.active)',
    'for s in spec:',
    '    ws = wb.create_sheet(s["name"])',
    '    for r in s["rows"]:',
    '        ws.append(r)',
    `wb.save(${JSON.stringify(out)})`,
  ].join('\n');
  execFileSync(PYTHON, ['-c', script], { input: JSON.stringify(spec) });
  return readFileSync(out);
}

/**
 * A file converted by LibreOffice headless: `filter` is what --convert-to takes ("xlsx",
 * 'xlsx:"Calc Office Open XML"', 'csv:Text - txt - csv (StarCalc):59,34,76,1'...).
 */
export function libreofficeConvert(bytes: Buffer, fromName: string, filter: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'piao-soffice-'));
  const src = join(dir, fromName);
  writeFileSync(src, bytes);
  const outDir = join(dir, 'out');
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', filter, '--outdir', outDir, src], { stdio: 'ignore', timeout: 120_000 });
  const [file] = readdirSync(outDir);
  return readFileSync(join(outDir, file));
}
