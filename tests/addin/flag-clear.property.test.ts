/**
 * Flag, let the user work, maybe check again, save and reopen, then "Pulisci segnalazioni": every
 * cell must end exactly as it was, except the properties the user changed, which stay as the user
 * left them. Random sheets, random findings, random edits, every Excel version the add-in supports.
 */
import fc from 'fast-check';
import { parseRange, a1 } from '../../importer/engine/grid/address';
import { Finding, Severity } from '../../importer/engine/schema/dossier';
import { clearFlags, markFindings } from '../../addin/office/actions';
import { detectCapabilities } from '../../addin/office/capabilities';
import { readWorkbook } from '../../addin/office/read-workbook';
import { FLAG_FILL } from '../../addin/flags/look';
import { FakeExcel } from './fake-excel/excel';
import { FakeFill, FakeSheetData, FakeWorkbook, NO_FILL, cellKeyOf } from './fake-excel/workbook';

const ROWS = 8;
const COLS = 6;
const SHEET_NAMES = ['Foglio1', 'Dati 2023', "L'altro, foglio"];
const MERGES = ['B2:C2', 'E3:E4', 'A6:C7'];
const MESSAGES = ['Il codice "1,01" non è nella forma 01.01.', 'Peso mancante <vuoto> & titolo "n.d."', 'Totale 12 diverso dalla somma 13.'];
const COLOURS = ['#D9E1F2', '#FCE4D6', '#C6EFCE', '#FF0000', FLAG_FILL.error];

const solid = (color: string): FakeFill => ({ ...NO_FILL, color, pattern: 'Solid' });
const patterned = (color: string): FakeFill => ({ color, pattern: 'Gray50', patternColor: '#00B050', tintAndShade: 0.4, patternTintAndShade: -0.25 });

interface Edit {
  sheet: number;
  row: number;
  col: number;
  kind: 'value' | 'fill' | 'note' | 'deleteNote' | 'comment' | 'deleteComment';
  text: string;
  colour: string;
}

const cellArb = { row: fc.integer({ min: 0, max: ROWS - 1 }), col: fc.integer({ min: 0, max: COLS - 1 }) };

function fillArb(full: boolean) {
  const options = [fc.constant<FakeFill | null>(null), fc.constantFrom(...COLOURS).map(solid)];
  if (full) options.push(fc.constantFrom(...COLOURS).map(patterned), fc.constant(solid('#FFFFFF')));
  return fc.oneof(...options);
}

function sheetArb(index: number, full: boolean) {
  return fc.record({
    merges: fc.subarray(MERGES),
    cells: fc.array(
      fc.record({
        ...cellArb,
        value: fc.option(fc.oneof(fc.integer({ min: -5, max: 500 }), fc.constantFrom('01.02', 'Settore Finanze', 'n.d.', '')), { nil: undefined }),
        fill: fillArb(full),
        note: fc.option(fc.constantFrom('Nota del collega', 'Verificare con Ragioneria\nentro marzo'), { nil: undefined }),
        comment: fc.option(fc.constantFrom('Commento: chiedere a Mario'), { nil: undefined }),
      }),
      { maxLength: 20 },
    ),
  }).map(({ merges, cells }) => {
    const data: FakeSheetData = { id: `{sheet-${index + 1}}`, name: SHEET_NAMES[index], visibility: 'Visible', cells: [], merges, notes: [], comments: [] };
    const covered = (r: number, c: number) => merges.map(parseRange).some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && !(r === m.top && c === m.left));
    const seen = new Set<string>();
    for (const c of cells) {
      const ref = a1(c.row, c.col);
      if (seen.has(ref)) continue;
      seen.add(ref);
      const cell: FakeSheetData['cells'][number][1] = {};
      if (c.value !== undefined && c.value !== '' && !covered(c.row, c.col)) {
        cell.value = c.value;
        cell.type = typeof c.value === 'number' ? 'Double' : 'String';
      }
      if (c.fill) cell.fill = c.fill;
      if (cell.type || cell.fill) data.cells.push([ref, cell]);
      if (c.note) data.notes.push([ref, { content: c.note }]);
      else if (c.comment) data.comments.push([ref, { id: `c-${index}-${ref}`, content: c.comment }]);
    }
    return data;
  });
}

function findingsArb(sheets: number) {
  return fc.array(
    fc.record({
      sheet: fc.integer({ min: 0, max: sheets - 1 }),
      ...cellArb,
      wide: fc.boolean(),
      severity: fc.constantFrom<Severity>('error', 'warning', 'info'),
      message: fc.constantFrom(...MESSAGES),
    }),
    { maxLength: 12 },
  ).map((list) =>
    list.map(
      (f): Finding => ({
        rule: 'code-format',
        severity: f.severity,
        file: 'libro.xlsx',
        sheet: SHEET_NAMES[f.sheet],
        cell: f.wide && f.col < COLS - 1 ? `${a1(f.row, f.col)}:${a1(f.row, f.col + 1)}` : a1(f.row, f.col),
        message: f.message,
      }),
    ),
  );
}

function editsArb(sheets: number, full: boolean) {
  return fc.array(
    fc.record({
      sheet: fc.integer({ min: 0, max: sheets - 1 }),
      ...cellArb,
      kind: fc.constantFrom<Edit['kind']>('value', 'fill', 'note', 'deleteNote', 'comment', 'deleteComment'),
      text: fc.constantFrom('corretto dall\'utente', '42', 'Nota riscritta'),
      colour: fc.constantFrom('#7030A0', '#00B0F0'),
    }),
    { maxLength: 8 },
  ).map((edits) => edits.map((e) => ({ ...e, full })));
}

type Expect = Map<string, { value?: string; fill?: string; note?: string; comment?: string }>;

const show = {
  fill: (f: FakeFill) => JSON.stringify(f),
  note: (n: { content: string } | undefined) => (n ? n.content : '∅'),
};

/** What the user sees of every cell: value, fill, note, comment. */
function look(wb: FakeWorkbook, sheets: number) {
  const out: Record<string, { value: string; fill: string; note: string; comment: string }> = {};
  for (let s = 0; s < sheets; s++) {
    const sheet = wb.sheets[s];
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLS; c++) {
        const cell = sheet.cell(r, c);
        out[`${s}!${a1(r, c)}`] = {
          value: cell?.type ? `${cell.type}:${String(cell.value)}` : '∅',
          fill: show.fill(sheet.fill(r, c)),
          note: show.note(sheet.notes.get(cellKeyOf(r, c))),
          comment: show.note(sheet.comments.get(cellKeyOf(r, c))),
        };
      }
    }
  }
  return out;
}

/** The user at work in Excel (not through the API): records what the user made of each property. */
function applyEdits(wb: FakeWorkbook, edits: (Edit & { full: boolean })[], expected: Expect, merges: string[][]): void {
  for (const e of edits) {
    const sheet = wb.sheets[e.sheet];
    const key = cellKeyOf(e.row, e.col);
    const id = `${e.sheet}!${a1(e.row, e.col)}`;
    const mine = expected.get(id) ?? {};
    const covered = merges[e.sheet].map(parseRange).some((m) => e.row >= m.top && e.row <= m.bottom && e.col >= m.left && e.col <= m.right && !(e.row === m.top && e.col === m.left));
    switch (e.kind) {
      case 'value':
        if (covered) continue;
        sheet.setValue(e.row, e.col, e.text === '42' ? 42 : e.text);
        mine.value = e.text === '42' ? 'Double:42' : `String:${e.text}`;
        break;
      case 'fill': {
        const fill = e.full ? patterned(e.colour) : solid(e.colour);
        sheet.setFill(e.row, e.col, fill);
        mine.fill = show.fill(fill);
        break;
      }
      case 'note':
        if (sheet.comments.has(key)) continue;
        sheet.notes.set(key, { content: e.text });
        mine.note = e.text;
        break;
      case 'deleteNote':
        if (!sheet.notes.has(key)) continue;
        sheet.notes.delete(key);
        mine.note = '∅';
        break;
      case 'comment':
        if (sheet.notes.has(key)) continue;
        sheet.comments.set(key, { id: `u-${id}`, content: e.text });
        mine.comment = e.text;
        break;
      case 'deleteComment':
        if (!sheet.comments.has(key)) continue;
        sheet.comments.delete(key);
        mine.comment = '∅';
        break;
    }
    expected.set(id, mine);
  }
}

async function flag(excel: FakeExcel, findings: Finding[]): Promise<void> {
  const caps = detectCapabilities((n, v) => excel.isSetSupported(n, v));
  await excel.run(async (ctx) => {
    const read = await readWorkbook(ctx, { file: 'libro.xlsx', scope: 'workbook', caps });
    await markFindings(ctx, read, findings, caps);
  });
}

const scenario = (full: boolean) =>
  fc.integer({ min: 1, max: 2 }).chain((sheets) =>
    fc.record({
      sheets: fc.tuple(...Array.from({ length: sheets }, (_, i) => sheetArb(i, full))),
      first: findingsArb(sheets),
      edits: editsArb(sheets, full),
      second: fc.option(findingsArb(sheets), { nil: undefined }),
      moreEdits: editsArb(sheets, full),
      reopen: fc.boolean(),
      rename: fc.boolean(),
    }),
  );

describe.each([
  ['1.18', 'note', true],
  ['1.13', 'commenti', true],
  ['1.9', 'solo colore', true],
  ['1.5', 'solo colore, senza motivo di riempimento', false],
])('ExcelApi %s (%s)', (apiVersion, _label, full) => {
  it('"Pulisci segnalazioni" puts back every cell, except what the user changed', async () => {
    await fc.assert(
      fc.asyncProperty(scenario(full), async (s) => {
        const data = { url: 'https://example.org/libro.xlsx', sheets: s.sheets, activeSheetId: s.sheets[0].id, selection: null, customXmlParts: [], counter: 100 };
        let excel = FakeExcel.fromData(JSON.parse(JSON.stringify(data)), { apiVersion });
        const before = look(excel.workbook, s.sheets.length);
        const expected: Expect = new Map();
        const merges = s.sheets.map((x) => x.merges);

        await flag(excel, s.first);
        // the flags are there: every finding's first cell (its merged area's, when merges can be read) carries a flag fill
        const flagColours = Object.values(FLAG_FILL);
        for (const f of s.first) {
          const sheet = excel.workbook.sheet(f.sheet)!;
          const start = parseRange(f.cell);
          const m = !excel.isSetSupported('ExcelApi', '1.13') ? undefined : sheet.merges.find((x) => start.top >= x.top && start.top <= x.bottom && start.left >= x.left && start.left <= x.right);
          expect(flagColours).toContain(sheet.fill(m ? m.top : start.top, m ? m.left : start.left).color);
        }
        applyEdits(excel.workbook, s.edits, expected, merges);
        if (s.reopen) excel = excel.reopen();
        if (s.second) {
          await flag(excel, s.second);
          applyEdits(excel.workbook, s.moreEdits, expected, merges);
        }
        if (s.rename) excel.workbook.sheets[0].name = 'Rinominato';
        excel = excel.reopen();
        await clearFlags(excel.host());

        const after = look(excel.workbook, s.sheets.length);
        for (const [id, cell] of Object.entries(before)) {
          const user = expected.get(id) ?? {};
          const now = after[id];
          expect({ id, value: now.value }).toEqual({ id, value: user.value ?? cell.value });
          expect({ id, fill: now.fill }).toEqual({ id, fill: user.fill ?? cell.fill });
          expect({ id, note: now.note }).toEqual({ id, note: user.note ?? cell.note });
          expect({ id, comment: now.comment }).toEqual({ id, comment: user.comment ?? cell.comment });
        }
        expect(excel.workbook.customXmlParts).toEqual([]);
      }),
      { numRuns: Number(process.env.PIAO_PROPERTY_RUNS ?? 60) },
    );
  });
});
