/**
 * Office.js costs a round trip per sync, and Excel on the web refuses more than 5 MB per request or
 * response: the adapter's syncs grow with blocks of cells, never with the number of findings, and
 * no sync exceeds the limit (the in-memory Excel refuses it like Excel on the web).
 */
import { a1 } from '../../importer/engine/grid/address';
import { Finding } from '../../importer/engine/schema/dossier';
import { markFindings } from '../../addin/office/actions';
import { WRITE_BYTES_PER_SYNC, writeWeight } from '../../addin/office/apply-writes';
import { CELLS_PER_STATE_SYNC } from '../../addin/office/cell-state';
import { detectCapabilities } from '../../addin/office/capabilities';
import { DEFAULT_CELLS_PER_SYNC, readWorkbook } from '../../addin/office/read-workbook';
import { FakeExcel, PAYLOAD_LIMIT } from './fake-excel/excel';
import { FakeWorkbook } from './fake-excel/workbook';

function bigBook(rows: number, cols: number, text: (r: number, c: number) => string): FakeExcel {
  const wb = new FakeWorkbook();
  const s = wb.addSheet('Registro');
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) s.setValue(r, c, text(r, c));
  return new FakeExcel(wb);
}

async function read(excel: FakeExcel) {
  const caps = detectCapabilities((n, v) => excel.isSetSupported(n, v));
  return excel.run((ctx) => readWorkbook(ctx, { file: 'registro.xlsx', scope: 'workbook', caps }));
}

describe('syncs and payload', () => {
  it('reads a large sheet in blocks: one sync per block batch, each under 5 MB', async () => {
    const rows = 3000;
    const cols = 60;
    const excel = bigBook(rows, cols, (r, c) => `dipendente ${r} colonna ${c} ${'x'.repeat(20)}`);
    const result = await read(excel);
    const grid = result.sheets[0].grid;
    expect(grid.rowCount).toBe(rows);
    expect(grid.colCount).toBe(cols);
    expect(grid.text(2999, 59)).toMatch(/^dipendente 2999 colonna 59/);
    expect(excel.stats.syncs).toBe(3 + Math.ceil((rows * cols) / DEFAULT_CELLS_PER_SYNC)); // sheets, used ranges, merges, blocks
    expect(excel.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(excel.stats.log.reduce((n, l) => n + l.responseBytes, 0)).toBeGreaterThan(PAYLOAD_LIMIT); // the whole sheet would not fit in one
  });

  it('halves its blocks when Excel refuses a response as too large, and still reads everything', async () => {
    const excel = bigBook(400, 50, (r, c) => `${r}:${c}:${'lungo '.repeat(60)}`); // ~360 bytes a cell, ~7 MB in all
    const result = await read(excel);
    expect(result.sheets[0].grid.text(399, 49)).toMatch(/^399:49:/);
    const refused = excel.stats.log.filter((l) => l.responseBytes > PAYLOAD_LIMIT).length;
    expect(refused).toBeGreaterThan(0);
    expect(excel.stats.syncs).toBeLessThan(3 + refused + 10);
  });

  it('flags 5, 500 or 5,000 findings with syncs that do not grow with the findings, only with batches', async () => {
    const syncsFor = async (n: number) => {
      const excel = bigBook(100, 50, (r, c) => `${r}-${c}`);
      const caps = detectCapabilities((name, v) => excel.isSetSupported(name, v));
      const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
        rule: 'value-unparseable',
        severity: i % 3 === 0 ? 'error' : 'warning',
        file: 'registro.xlsx',
        sheet: 'Registro',
        cell: a1(i % 100, Math.floor(i / 100)),
        message: `Il valore della cella ${a1(i % 100, Math.floor(i / 100))} non è un numero.`,
      }));
      await excel.run(async (ctx) => {
        const wb = await readWorkbook(ctx, { file: 'registro.xlsx', scope: 'workbook', caps });
        excel.resetStats();
        await markFindings(ctx, wb, findings, caps);
      });
      expect(excel.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
      expect(excel.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
      const notes = [...excel.workbook.sheets[0].notes.values()].length;
      expect(notes).toBe(n);
      return excel.stats.syncs;
    };
    const few = await syncsFor(5);
    const many = await syncsFor(500);
    const lots = await syncsFor(5000);
    expect(many).toBe(few);
    // 5,000 cells: one more batch of cell states at most, and writes in batches of 1.5 MB
    const writes = 5000 * (writeWeight({ op: 'fill', sheet: '', cell: '', color: '', solid: true }) + writeWeight({ op: 'addNote', sheet: '', cell: '', text: 'x'.repeat(90) }));
    expect(lots).toBeGreaterThan(few);
    expect(lots).toBeLessThanOrEqual(few + Math.ceil(5000 / CELLS_PER_STATE_SYNC) + Math.ceil(writes / WRITE_BYTES_PER_SYNC));
  });
});
