import { parseRange } from '../../importer/engine/grid/address';
import { Grid } from '../../importer/engine/grid/grid';

function grid3x3(): Grid {
  const g = new Grid('f.xlsx', 'Foglio1');
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) g.set(r, c, { value: `${r}${c}` });
  return g;
}

describe('Grid', () => {
  it('allocates nothing for empty rows: a cell at row 1,048,576 costs one row', () => {
    const before = process.memoryUsage().heapUsed;
    const g = new Grid('f.xlsx', 'Foglio1');
    g.set(0, 0, { value: 'inizio' });
    g.set(1_048_575, 16_383, { value: 'fine' });
    const grown = process.memoryUsage().heapUsed - before;
    expect(g.rowCount).toBe(1_048_576);
    expect(g.colCount).toBe(16_384);
    expect(g.cellCount).toBe(2);
    expect(g.filledColumns(500_000)).toEqual([]);
    expect(g.text(1_048_575, 16_383)).toBe('fine');
    expect(grown).toBeLessThan(16 * 1024 * 1024);
  });

  it('keeps nothing for a cell with no value, no text and no format', () => {
    const g = new Grid('f.xlsx', 'Foglio1');
    g.set(10, 3, { value: null });
    expect(g.rowCount).toBe(0);
    expect(g.cellCount).toBe(0);
  });

  it('indexes a merge over the whole sheet by the rows in use only, and drops values under it', () => {
    const g = grid3x3();
    const whole = parseRange('A1:XFD1048576');
    expect(g.mergeCost(whole)).toBe(3);
    g.addMerge(whole);
    expect(g.mergeAt(2, 2)).toBe(whole);
    expect(g.mergeAt(2, 16_000)).toBe(whole);
    expect(g.shownText(2, 2)).toBe('00');
    expect(g.value(2, 2)).toBeNull();
    expect(g.cellCount).toBe(1);
    expect(g.rowCount).toBe(1);
    expect(g.colCount).toBe(1);
  });

  it('finds the merge of a cell among many merges in one row (binary search agrees with a scan)', () => {
    const g = new Grid('f.xlsx', 'Foglio1');
    for (let c = 0; c < 300; c++) g.set(0, c * 3, { value: `m${c}` });
    const ranges = Array.from({ length: 300 }, (_, c) => ({ top: 0, left: c * 3, bottom: 1, right: c * 3 + 1 }));
    for (const r of [...ranges].reverse()) g.addMerge(r);
    for (let col = 0; col < 900; col++) {
      const expected = ranges.find((r) => col >= r.left && col <= r.right);
      expect(g.mergeAt(0, col)).toBe(expected);
    }
  });

  it('sees whitespace-only cells as empty and numbers, dates, booleans and errors as filled', () => {
    const g = new Grid('f.xlsx', 'Foglio1');
    g.set(0, 0, { value: ' \u00a0 ' });
    g.set(0, 1, { value: 0 });
    g.set(0, 2, { value: new Date(Date.UTC(2024, 0, 1)), text: '01/01/2024' });
    g.set(0, 3, { value: false });
    g.set(0, 4, { value: { error: '#RIF!' } });
    g.set(0, 5, { value: 'x', text: '   ' });
    expect(g.filledColumns(0)).toEqual([1, 2, 3, 4]);
  });
});
