/**
 * How a cell from Office.js becomes a grid cell: the same rules as the xlsx reader. The date rule
 * and the serial conversion are checked against exceljs's own functions on random inputs.
 */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { Grid } from '../../importer/engine/grid/grid';
import { isDateFormat, serialToDate, dateToSerial } from '../../addin/sheet/date-format';
import { addBlock, canonicalError, cellInput } from '../../addin/sheet/excel-cells';
import { parseSheetAddress, quoteSheet, sheetAddress } from '../../addin/sheet/address';
import { splitAreas } from '../../addin/office/read-workbook';
import { batchByWeight, splitRange } from '../../addin/sheet/blocks';

const exceljsUtils = createRequire(__filename)('exceljs/lib/utils/utils') as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: number, date1904?: boolean): Date;
};

const TOKENS = ['0', '#', ',', '.', '%', ' ', 'd', 'dd', 'mmm', 'yyyy', 'h', 'mm', 'ss', 'AM/PM', '"mesi"', '"d"', '[Red]', '[$-410]', '[h]', '@', ';', 'E+00', '\\-', 'General', 'b', 'M'];

describe('cells from Office.js', () => {
  it('calls a format a date format exactly when exceljs does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 8 }), (parts) => {
        const fmt = parts.join('');
        expect(isDateFormat(fmt)).toBe(exceljsUtils.isDateFmt(fmt));
      }),
      { numRuns: 2000 },
    );
    for (const f of ['dd/mm/yyyy', 'd mmmm yyyy', '[$-410]d mmm yy;@', 'hh:mm']) expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', '0.0%', '#,##0.00 "€"', '0 "mesi"', '@', undefined]) expect(isDateFormat(f)).toBe(false);
  });

  it('turns serials into the Date exceljs gives, and back', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 2958465, noNaN: true }), (serial) => {
        expect(serialToDate(serial).getTime()).toBe(exceljsUtils.excelToDate(serial, false).getTime());
      }),
      { numRuns: 2000 },
    );
    expect(serialToDate(45291).toISOString()).toBe('2023-12-31T00:00:00.000Z');
    expect(dateToSerial(new Date(Date.UTC(2023, 11, 31)))).toBe(45291);
  });

  it('reads each value type as the xlsx reader does', () => {
    expect(cellInput('', 'Empty', 'General')).toBeNull();
    expect(cellInput(12.5, 'Double', 'General')).toEqual({ value: 12.5, numFmt: 'General' });
    expect(cellInput(0.62, 'Double', '0%')).toEqual({ value: 0.62, numFmt: '0%' });
    const date = cellInput(45291, 'Double', 'dd/mm/yyyy')!;
    expect(date.value).toEqual(new Date(Date.UTC(2023, 11, 31)));
    expect(date.text).toBe('31/12/2023'); // as the xlsx readers show a date to an Italian user
    expect(cellInput(true, 'Boolean', 'General')).toEqual({ value: true, numFmt: 'General' });
    expect(cellInput('#RIF!', 'Error', 'General')).toEqual({ value: { error: '#REF!' }, numFmt: 'General' });
    expect(cellInput('n.d.', 'String', '@')).toEqual({ value: 'n.d.', numFmt: '@' });
    expect(canonicalError('#N/D')).toBe('#N/A');
    expect(canonicalError('#DIV/0!')).toBe('#DIV/0!');
  });

  it('refuses a block whose rows or columns do not match', () => {
    const grid = new Grid('f', 's');
    expect(() => addBlock(grid, { top: 0, left: 0, values: [[1, 2]], valueTypes: [['Double']], numberFormat: [['General', 'General']] })).toThrow(/incoerente/);
    addBlock(grid, { top: 3, left: 2, values: [[1, '']], valueTypes: [['Double', 'Empty']], numberFormat: [['General', 'General']] });
    expect(grid.value(3, 2)).toBe(1);
    expect(grid.colCount).toBe(3);
  });
});

describe('addresses and blocks', () => {
  it('quotes and parses sheet names as Excel writes them', () => {
    expect(quoteSheet('Foglio1')).toBe('Foglio1');
    expect(quoteSheet("L'ufficio, 2023")).toBe("'L''ufficio, 2023'");
    expect(parseSheetAddress("'L''ufficio, 2023'!$B$2:C3")).toEqual({ sheet: "L'ufficio, 2023", range: { top: 1, left: 1, bottom: 2, right: 2 } });
    expect(parseSheetAddress(sheetAddress('Dati 2023', { top: 0, left: 0, bottom: 0, right: 0 }))).toEqual({ sheet: 'Dati 2023', range: { top: 0, left: 0, bottom: 0, right: 0 } });
    expect(splitAreas("'a, b'!A1:B2, 'a, b'!D4, Foglio1!C3")).toEqual(["'a, b'!A1:B2", "'a, b'!D4", 'Foglio1!C3']);
  });

  it('splits a range into blocks that cover it once, each within the budget', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 500 }), (top, left, rows, cols, budget) => {
        const range = { top, left, bottom: top + rows - 1, right: left + cols - 1 };
        const blocks = splitRange(range, budget);
        const seen = new Set<string>();
        for (const b of blocks) {
          expect((b.bottom - b.top + 1) * (b.right - b.left + 1)).toBeLessThanOrEqual(Math.max(budget, 1));
          for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) seen.add(`${r},${c}`);
        }
        expect(seen.size).toBe(rows * cols);
        const total = blocks.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
        expect(total).toBe(rows * cols);
      }),
    );
    expect(batchByWeight([3, 3, 3, 9, 1], (x) => x, 6)).toEqual([[3, 3], [3], [9], [1]]);
  });
});
