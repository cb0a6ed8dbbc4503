/**
 * Fuzzing of workbooks through the engine: random sheets made of the texts real sheets hold,
 * mutations of the sample workbooks' cells, and mutated xlsx bytes through the readers. Whatever
 * goes in: no crash, no hang, a dossier within the contract, every finding at a valid cell.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { analyse } from '../../importer/engine/analyse';
import { CellRange } from '../../importer/engine/grid/address';
import { CellValue, Grid } from '../../importer/engine/grid/grid';
import { OBJECTIVE_ROLES } from '../../importer/engine/objectives/columns';
import { ReadError } from '../../importer/read/read-error';
import { readBytesDetailed } from '../../importer/read/read-source';
import { readXlsxStream } from '../../importer/read/xlsx-stream';
import { SAMPLE_WORKBOOKS } from '../../templates/scripts/make-samples';
import { INJECTIONS, PROTO_LABELS } from '../robustness/make-corpus';
import { findingViolation } from './findings';
import { TIMEOUT, options } from './runs';

jest.setTimeout(TIMEOUT);

const LABELS = OBJECTIVE_ROLES.flatMap((r) => r.synonyms);
const TEXTS = [
  'VALORE PUBBLICO - Una comunità che cresce',
  '02. LINEA DI MANDATO - Territorio',
  'AREA TECNICA',
  'Totale',
  'Tot.',
  '28 di cui 1 a T.D',
  '5 (+ 5 TD)',
  'n.d.',
  '-',
  '62%',
  '62,3%',
  '0,623',
  '1.234,5',
  '01.01.02 Gestire in modo virtuoso le risorse',
  'al 31/12/2023',
  'Personale 2023',
  '   ',
  'continua su due righe',
  ...INJECTIONS,
  ...PROTO_LABELS,
];
const CODES = ['01', '01.01', '01.01.01', '01.01.01.01', '1,01', '3.02.01', '01.1', '01.02.', 'VP1', '1.', '05.02.02', '04.02', '01.99', '99.99.99.99.99'];

const value: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 3, arbitrary: fc.constantFrom(...CODES) },
  { weight: 2, arbitrary: fc.constantFrom(...TEXTS) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('#DIV/0!', '#N/A', '#RIF!', '#VALORE!').map((error) => ({ error })) },
  { weight: 1, arbitrary: fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 4, arbitrary: fc.constant(null) },
);

interface SheetSpec {
  cells: CellValue[][];
  merges: [number, number, number, number][];
}

const sheetSpec: fc.Arbitrary<SheetSpec> = fc.record({
  cells: fc.array(fc.array(value, { maxLength: 9 }), { maxLength: 25 }),
  merges: fc.array(fc.tuple(fc.nat(30), fc.nat(10), fc.nat(4), fc.nat(3)), { maxLength: 4 }),
});

function dateText(v: CellValue): string | undefined {
  return v instanceof Date ? v.toISOString().slice(0, 10).split('-').reverse().join('/') : undefined;
}

function buildGrid(spec: SheetSpec, name: string, file = 'fuzz.xlsx'): Grid {
  const g = new Grid(file, name);
  spec.cells.forEach((row, r) => row.forEach((v, c) => g.set(r, c, { value: v, text: dateText(v), numFmt: typeof v === 'number' && c % 3 === 0 ? '0%' : undefined })));
  const placed: CellRange[] = [];
  for (const [top, left, h, w] of spec.merges) {
    const m = { top, left, bottom: top + h, right: left + w };
    // Excel never overlaps merges, and neither do readers
    if (placed.some((p) => !(p.bottom < m.top || m.bottom < p.top || p.right < m.left || m.right < p.left))) continue;
    placed.push(m);
    g.addMerge(m);
  }
  return g;
}

function holds(analysis: ReturnType<typeof analyse>): true {
  const violation = findingViolation(analysis);
  if (violation) throw new Error(violation);
  return true;
}

describe('fuzzing the engine', () => {
  it('random sheets of real-looking texts: no crash, contract kept, every finding at a valid cell', () => {
    fc.assert(
      fc.property(fc.array(sheetSpec, { minLength: 1, maxLength: 3 }), (specs) => holds(analyse([{ file: 'fuzz.xlsx', grids: specs.map((s, i) => buildGrid(s, `Foglio${i + 1}`)) }]))),
      options(),
    );
  });

  describe('mutating the cells of the sample workbooks', () => {
    const samples: Grid[][] = [];
    beforeAll(async () => {
      for (const [file, make] of SAMPLE_WORKBOOKS) {
        const bytes = new Uint8Array((await make().xlsx.writeBuffer()) as ArrayBuffer);
        samples.push((await readXlsxStream(bytes, file.split('/').pop()!)).grids);
      }
    });

    const mutation = fc.tuple(fc.nat(60), fc.nat(12), fc.oneof(value, fc.constant(undefined)));

    function mutated(grid: Grid, edits: [number, number, CellValue | undefined][], extraMerges: SheetSpec['merges']): Grid {
      const cells = new Map<string, CellValue>();
      for (let r = 0; r < grid.rowCount; r++) for (let c = 0; c < grid.colCount; c++) if (grid.value(r, c) !== null) cells.set(`${r},${c}`, grid.value(r, c));
      for (const [r, c, v] of edits) {
        if (v === undefined) cells.delete(`${r},${c}`);
        else cells.set(`${r},${c}`, v);
      }
      const rows: CellValue[][] = [];
      for (const [k, v] of cells) {
        const [r, c] = k.split(',').map(Number);
        (rows[r] ??= [])[c] = v;
      }
      const g = buildGrid({ cells: Array.from(rows, (row) => Array.from(row ?? [], (v) => v ?? null)), merges: extraMerges }, grid.sheet, grid.file);
      for (const m of grid.merges) if (!g.merges.some((p) => !(p.bottom < m.top || m.bottom < p.top || p.right < m.left || m.right < p.left))) g.addMerge(m);
      return g;
    }

    it('no crash, contract kept, every finding at a valid cell', () => {
      fc.assert(
        fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 30 }), fc.array(fc.tuple(fc.nat(40), fc.nat(10), fc.nat(3), fc.nat(2)), { maxLength: 2 }), (pick, edits, merges) => {
          const workbook = samples[pick % samples.length];
          const grids = workbook.map((g, i) => (i === 0 ? mutated(g, edits, merges) : g));
          const other = samples[(pick + 1) % samples.length];
          return holds(analyse([{ file: grids[0].file, grids }, { file: other[0].file, grids: other }]));
        }),
        options(),
      );
    });
  });

  it('mutated xlsx bytes are read or refused with an Italian line naming the file, by both readers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Obiettivi');
    ws.addRows([
      ['Codice', 'Obiettivo', 'Responsabile', 'Peso'],
      ['01.01.01.01', 'Prenotazioni on line', 'Servizi demografici', 60],
      ['01.01.01.02', 'Pagamenti pagoPA', 'Servizi demografici', 40],
    ]);
    ws.mergeCells('E1:F2');
    const seed = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), fc.constantFrom<'stream' | 'full'>('stream', 'full'), async (flips, mode) => {
        const bytes = Buffer.from(seed);
        for (const [at, byte] of flips) bytes[at % bytes.length] = byte;
        try {
          const read = await readBytesDetailed(bytes, 'mutato.xlsx', '.xlsx', { workbook: mode });
          return holds(analyse([{ file: 'mutato.xlsx', grids: read.grids, problems: read.problems }]));
        } catch (err) {
          if (!(err instanceof ReadError) || !err.message.startsWith('mutato.xlsx: ') || /\n\s+at /.test(err.message)) throw err;
          return true;
        }
      }),
      options(0.5),
    );
  });
});
