/**
 * Range.merge on the in-memory Excel, as Office.js does it: the area keeps its top-left value
 * only, `across` merges row by row, a merge that cuts an area already merged or a table is
 * refused, and it needs ExcelApi 1.2.
 */
import { FakeExcel } from './fake-excel/excel';
import { FakeWorkbook } from './fake-excel/workbook';

function book(apiVersion = '1.18'): FakeExcel {
  const wb = new FakeWorkbook();
  const s = wb.addSheet('Foglio1');
  for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) s.setValue(r, c, `${r}${c}`);
  return new FakeExcel(wb, { apiVersion });
}

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));
const merge = (excel: FakeExcel, address: string, across = false) =>
  code(
    excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Foglio1').getRange(address).merge(across);
      await ctx.sync();
    }),
  );

describe('in-memory Excel: Range.merge', () => {
  it('keeps the top-left value of the area', async () => {
    const excel = book();
    expect(await merge(excel, 'A1:C1')).toBe('ok');
    const s = excel.workbook.sheets[0];
    expect([0, 1, 2].map((c) => s.cell(0, c)?.value)).toEqual(['00', undefined, undefined]);
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
  });

  it('merges row by row with across, and takes in the areas merged inside', async () => {
    const excel = book();
    expect(await merge(excel, 'B2:C2')).toBe('ok');
    expect(await merge(excel, 'B2:D3', true)).toBe('ok');
    expect(excel.workbook.sheets[0].merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 2, left: 1, bottom: 2, right: 3 },
    ]);
  });

  it('refuses a merge that cuts an area already merged, and one before ExcelApi 1.2', async () => {
    const excel = book();
    expect(await merge(excel, 'A1:B2')).toBe('ok');
    expect(await merge(excel, 'B1:C1')).toBe('InvalidOperation');
    expect(await merge(book('1.1'), 'A1:B1')).not.toBe('ok');
  });
});
