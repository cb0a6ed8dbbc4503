import Papa from 'papaparse';
import { basename, extname } from 'node:path';
import { a1 } from '../engine/grid/address';
import { writtenFormula } from '../engine/formulas/written';
import { Grid } from '../engine/grid/grid';
import { ReadProblem } from '../engine/read-problem';
import { CsvReading } from '../engine/grid/grid';
import { TextEncoding, decodeAs, decodeText } from './decode';
import { archiveNotAWorkbook, oleNotAWorkbook } from './document-kind';
import { Delimiter, detectDelimiter } from './delimiter';
import { lineEndings } from './line-endings';
import { CellBudget, LIMITS, cellBudget, itNumber } from './limits';
import { ReadError } from './read-error';
import { isEncryptedOoxml, sniff } from './sniff';

/** How to read a CSV when the mapping says (mappatura.json's `csv`, corrected by the officer): else guessed. */
export interface CsvOptions {
  delimiter?: Delimiter;
  encoding?: TextEncoding;
}

/** papaparse's record separator for each kind of line ending (a mix is made LF first). */
const NEWLINE: Record<CsvReading['lineEnding'], '\r\n' | '\n' | '\r'> = { CRLF: '\r\n', LF: '\n', CR: '\r', mixed: '\n' };

export interface CsvReadResult {
  grids: Grid[];
  problems: ReadProblem[];
  encoding: string;
  delimiter: string;
}

/** Quotes are disabled with a character no CSV holds. */
const NO_QUOTES = '\uffff';
/** After this many unclosed quotes, the rest of the file is read with quotes as plain text. */
const MAX_QUOTE_RECOVERIES = 10;

function lineNumberAt(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function endOfLine(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  const r = text.indexOf('\r', from);
  if (n < 0) return r < 0 ? text.length : r;
  return r < 0 ? n : Math.min(n, r);
}

function skipLineBreak(text: string, at: number): number {
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  return at < text.length ? at + 1 : at;
}

/** At most how many cells a text holds: one more than its delimiters and line breaks. */
function cellBound(text: string, delimiter: string): number {
  const d = delimiter.charCodeAt(0);
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === d || c === 10 || c === 13) n++;
  }
  return n;
}

interface WholeParse {
  rows: string[][];
  /** Records with a quote in a place a quote does not go (text kept as it is), and the first of them. */
  malformed: number;
  firstMalformed: number;
}

/**
 * The whole text parsed at once: papaparse's fastest way (no object per record; a third less time
 * on a million records), taken when the text cannot hold more cells than the budget and no quote
 * is left open. Otherwise undefined, and the records are read one by one, stopping at the budget
 * and recovering from an unclosed quote.
 */
function parseWhole(text: string, delimiter: string, maxCells: number): WholeParse | undefined {
  if (cellBound(text, delimiter) > maxCells) return undefined;
  const r = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  let malformed = 0;
  let firstMalformed = -1;
  let last = -1;
  for (const e of r.errors) {
    if (e.type !== 'Quotes') continue;
    const fields = e.row === undefined ? undefined : r.data[e.row];
    // a quoted field that runs over a line break and has a quote error never really closed
    if (e.code === 'MissingQuotes' || !fields || fields.some((f) => f.includes('\n') || f.includes('\r'))) return undefined;
    if (e.row === last) continue;
    last = e.row!;
    malformed++;
    if (firstMalformed < 0 || e.row! < firstMalformed) firstMalformed = e.row!;
  }
  return { rows: r.data, malformed, firstMalformed };
}

/**
 * Cells whose text is a simple formula («=SOMMA(B4:B8)», «=B4+B5»): a CSV holds no computed value,
 * so each is handed to the engine as a formula without one, which computes it and says so at the
 * cell (engine/formulas/resolve). The text stays in the cell: anything the engine does not compute
 * is read as the text it is.
 */
function markWrittenFormulas(grid: Grid): void {
  for (let r = 0; r < grid.rowCount; r++) {
    for (const c of grid.filledColumns(r)) {
      const v = grid.value(r, c);
      const f = typeof v === 'string' ? writtenFormula(v) : undefined;
      if (f !== undefined) grid.setUncomputedFormula(r, c, f);
    }
  }
}

/**
 * Reads a CSV into one grid. The sheet is named after the file (no extension); record n is row n.
 * Cells stay text: the engine reads Italian numbers (`1.234,5`) itself. The records papaparse
 * gives become the grid's rows as they are. A quote that never closes would swallow the rest of the file into one
 * cell: its line is read again with quotes as plain text, the lines after it normally, and the
 * user is told where.
 */
export function readCsv(bytes: Uint8Array, file: string, budget: CellBudget = cellBudget(), options: CsvOptions = {}): CsvReadResult {
  const nature = sniff(bytes);
  if (nature === 'empty') throw new ReadError(file, 'il file è vuoto.');
  if (nature === 'zip' || nature === 'ole') {
    // a Word document or a presentation is no workbook to rename: say what it is
    const ext = extname(file).toLowerCase() || '.csv';
    if (nature === 'zip') throw new ReadError(file, archiveNotAWorkbook(bytes, file) ?? `il file ha estensione ${ext} ma contiene una cartella di lavoro Excel: rinominalo in .xlsx.`);
    if (isEncryptedOoxml(bytes)) throw new ReadError(file, `il file ha estensione ${ext} ma contiene una cartella di lavoro Excel protetta da password: toglila in Excel (File > Informazioni > Proteggi cartella di lavoro) e salvala come .xlsx.`);
    throw new ReadError(file, oleNotAWorkbook(bytes, file) ?? `il file ha estensione ${ext} ma contiene una cartella di lavoro Excel 97-2003 (.xls): aprila in Excel o LibreOffice e salvala come .xlsx.`);
  }
  if (nature === 'binary') throw new ReadError(file, 'il file non contiene testo leggibile (codifica non riconosciuta o file non di testo): salvalo da Excel come «CSV UTF-8».');
  const decoded = options.encoding ? decodeAs(bytes, options.encoding) : decodeText(bytes);
  // CRLF, LF, a lone CR, or a mix of them in one file: every kind ends a record
  const { text, lineEnding } = lineEndings(decoded.text);
  const newline = NEWLINE[lineEnding];
  if (text.trim() === '') throw new ReadError(file, 'il file è vuoto.');
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const sheet = basename(file, extname(file));
  const grid = new Grid(file, sheet);
  // how it was read, for mappatura.json (where the officer can correct it)
  grid.csv = { delimiter, encoding: decoded.encoding, lineEnding };
  const problems: ReadProblem[] = [];
  if (decoded.encoding === 'mixed') {
    const line = lineNumberAt(text, decoded.firstLegacyByte ?? 0);
    problems.push({
      severity: 'warning',
      sheet,
      message: `il file mescola due codifiche dei caratteri (UTF-8 e Windows-1252, la seconda dalla riga ${itNumber(line)} circa): è stato letto carattere per carattere, controlla le lettere accentate.`,
    });
  }

  let row = 0;
  let malformed = 0;
  let firstMalformed = -1;
  const addRow = (fields: string[]) => {
    if (fields.length > LIMITS.maxColumns) {
      throw new ReadError(file, `il record ${itNumber(row + 1)} ha ${itNumber(fields.length)} colonne (limite ${itNumber(LIMITS.maxColumns)}, come Excel): il separatore è giusto?`);
    }
    grid.setRow(row, fields);
    if (grid.cellCount > budget.max) throw new ReadError(file, budget.exceeded());
    row++;
  };

  const whole = parseWhole(text, delimiter, budget.max);
  if (whole) {
    for (const fields of whole.rows) addRow(fields);
    malformed = whole.malformed;
    firstMalformed = whole.firstMalformed;
  }
  let offset = whole ? text.length : 0;
  let recoveries = 0;
  while (offset < text.length) {
    const segment = offset === 0 ? text : text.slice(offset);
    const quoteChar = recoveries >= MAX_QUOTE_RECOVERIES ? NO_QUOTES : '"';
    let recordStart = 0;
    let badQuote = -1;
    Papa.parse<string[]>(segment, {
      delimiter,
      newline,
      quoteChar,
      skipEmptyLines: false,
      step(results, parser) {
        const quoteError = results.errors.find((e) => e.type === 'Quotes');
        const fields = results.data;
        // a quoted field that runs over a line break and has a quote error never really closed
        if (quoteError && (quoteError.code === 'MissingQuotes' || fields.some((f) => f.includes('\n') || f.includes('\r')))) {
          badQuote = quoteError.index ?? recordStart;
          parser.abort();
          return;
        }
        if (quoteError) {
          malformed++;
          if (firstMalformed < 0) firstMalformed = row;
        }
        addRow(fields);
        recordStart = results.meta.cursor;
      },
    });
    if (badQuote < 0) break;
    // the record with the quote that never closes: its line again, quotes as plain text
    const lineEnd = endOfLine(segment, Math.max(badQuote, recordStart));
    const at = row;
    Papa.parse<string[]>(segment.slice(recordStart, lineEnd), {
      delimiter,
      newline,
      quoteChar: NO_QUOTES,
      step(results) {
        addRow(results.data);
      },
    });
    recoveries++;
    if (problems.length < LIMITS.maxProblemsPerFile) {
      problems.push({
        severity: 'warning',
        sheet,
        cell: a1(at, 0),
        message: `alla riga ${itNumber(lineNumberAt(text, offset + badQuote))} del file si aprono delle virgolette che non si chiudono: la riga è stata letta con le virgolette come testo e le righe seguenti normalmente. Controlla il record ${itNumber(at + 1)}.`,
      });
    }
    offset += skipLineBreak(segment, lineEnd);
  }
  if (malformed > 0) {
    problems.push({
      severity: 'info',
      sheet,
      cell: a1(firstMalformed, 0),
      message: `${itNumber(malformed)} record hanno virgolette in una posizione non prevista (il primo è il record ${itNumber(firstMalformed + 1)}): il testo è stato tenuto com'è.`,
    });
  }
  if (grid.rowCount === 0) throw new ReadError(file, 'il file non contiene dati.');
  if (text.includes('=')) markWrittenFormulas(grid);
  return { grids: [grid], problems, encoding: decoded.encoding, delimiter };
}
