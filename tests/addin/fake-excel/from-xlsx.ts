/**
 * Opens an xlsx file in the in-memory Excel, the way Excel presents it through Office.js: dates are
 * serial numbers (their cell keeps its date format), formulas show their cached result, rich text
 * and hyperlinks show their text, errors are error values. Test-only (uses exceljs and Node).
 */
import ExcelJS from 'exceljs';
import { a1 } from '../../../importer/engine/grid/address';
import { dateToSerial } from '../../../addin/sheet/date-format';
import { FakeCell, FakeSheetData, FakeWorkbookData } from './workbook';

type Shown = { value: string | number | boolean; type: FakeCell['type'] } | null;

function shown(v: ExcelJS.CellValue): Shown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return { value: v, type: 'Double' };
  if (typeof v === 'string') return { value: v, type: 'String' }; // Excel keeps a cell holding "" as text
  if (typeof v === 'boolean') return { value: v, type: 'Boolean' };
  if (v instanceof Date) return { value: dateToSerial(v), type: 'Double' };
  if (typeof v === 'object') {
    if ('error' in v) return { value: String(v.error), type: 'Error' };
    if ('richText' in v) return shown(v.richText.map((t) => t.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return shown((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in v && 'text' in v) return shown((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  }
  return null;
}

function fillOf(fill: ExcelJS.Fill | undefined): FakeCell['fill'] {
  if (!fill || fill.type !== 'pattern' || fill.pattern === 'none') return undefined;
  const argb = (fill.fgColor as { argb?: string } | undefined)?.argb;
  const color = argb && argb.length === 8 ? `#${argb.slice(2).toUpperCase()}` : '#FFFFFF';
  return { color, pattern: fill.pattern === 'solid' ? 'Solid' : 'Gray50', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
}

const VISIBILITY: Record<string, FakeSheetData['visibility']> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

export async function fakeWorkbookFromXlsx(bytes: Uint8Array, url?: string): Promise<FakeWorkbookData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const sheets: FakeSheetData[] = [];
  let counter = 0;
  wb.eachSheet((ws) => {
    const cells: [string, FakeCell][] = [];
    const notes: FakeSheetData['notes'] = [];
    // empty cells too: a cell with only a number format (a template's code column) keeps it
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const s = shown(cell.value);
        const entry: FakeCell = {};
        if (s) {
          entry.value = s.value;
          entry.type = s.type;
        }
        if (cell.numFmt && cell.numFmt !== 'General') entry.format = cell.numFmt;
        const fill = fillOf(cell.fill);
        if (fill) entry.fill = fill;
        if (entry.type || entry.format || entry.fill) cells.push([a1(r - 1, c - 1), entry]);
        const note = cell.note;
        if (note) notes.push([a1(r - 1, c - 1), { content: typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('') }]);
      });
    });
    counter++;
    sheets.push({
      id: `{sheet-${counter}}`,
      name: ws.name,
      visibility: VISIBILITY[ws.state] ?? 'Visible',
      protected: false,
      cells,
      merges: (ws.model as unknown as { merges?: string[] }).merges ?? [],
      notes,
      comments: [],
    });
  });
  const firstVisible = sheets.find((s) => s.visibility === 'Visible') ?? sheets[0];
  return { url, sheets, activeSheetId: firstVisible?.id ?? '', selection: null, customXmlParts: [], counter };
}

/** How the in-memory Excel opens a base64 xlsx for insertWorksheetsFromBase64 (in Node). */
export async function decodeXlsxBase64(base64: string): Promise<FakeSheetData[]> {
  return (await fakeWorkbookFromXlsx(Buffer.from(base64, 'base64'))).sheets;
}
