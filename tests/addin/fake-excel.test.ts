/**
 * The in-memory Excel is only worth its name if it is at least as strict as Office.js: these tests
 * pin the rules the adapter must follow (load, then sync, then read; array shapes; 5 MB; API
 * versions; contexts that end with their run).
 */
import { FakeExcel } from './fake-excel/excel';
import { FakeWorkbook, NO_FILL, cellKeyOf } from './fake-excel/workbook';

function book(): FakeExcel {
  const wb = new FakeWorkbook();
  const s = wb.addSheet('Foglio1');
  s.setValue(0, 0, 'Codice');
  s.setValue(1, 0, 12);
  s.setValue(4, 2, true);
  return new FakeExcel(wb);
}

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));

describe('strict in-memory Excel', () => {
  it('refuses to read a property that was not loaded, or before the sync', async () => {
    const excel = book();
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Foglio1').getRange('A1:A2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([['Codice'], [12]]);
      expect(() => range.valueTypes).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('reports values, types and formats as Office.js does', async () => {
    const excel = book();
    excel.workbook.sheets[0].edit(1, 0).format = '0.0%';
    await excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('Foglio1').getUsedRangeOrNullObject(true);
      used.load('address,values,valueTypes,numberFormat,rowCount,columnCount');
      await ctx.sync();
      expect(used.address).toBe('Foglio1!A1:C5');
      expect(used.valueTypes[0]).toEqual(['String', 'Empty', 'Empty']);
      expect(used.values[4]).toEqual(['', '', true]);
      expect(used.numberFormat[1][0]).toBe('0.0%');
    });
  });

  it('rejects arrays of the wrong shape at sync', async () => {
    const excel = book();
    const outcome = await code(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Foglio1').getRange('A1:B2').values = [[1, 2]];
        await ctx.sync();
      }),
    );
    expect(outcome).toBe('InvalidArgument');
    expect(excel.workbook.sheets[0].cell(0, 0)?.value).toBe('Codice');
  });

  it('counts syncs and bytes, and refuses a request or a response over 5 MB', async () => {
    const excel = book();
    const sheet = excel.workbook.sheets[0];
    for (let r = 0; r < 700; r++) for (let c = 0; c < 100; c++) sheet.setValue(r, c, 'x'.repeat(80));
    const tooBig = await code(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Foglio1').getRange('A1:CV700').load('values');
        await ctx.sync();
      }),
    );
    expect(tooBig).toBe('ResponsePayloadSizeLimitExceeded');
    const tooMuch = await code(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Foglio1').getRange('A1:CV700').values = Array.from({ length: 700 }, () => Array(100).fill('y'.repeat(80)));
        await ctx.sync();
      }),
    );
    expect(tooMuch).toBe('RequestPayloadSizeLimitExceeded');
    excel.resetStats();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Foglio1').getRange('A1:J10').load('values');
      await ctx.sync();
    });
    expect(excel.stats.syncs).toBe(1);
    expect(excel.stats.log[0].responseBytes).toBeGreaterThan(100 * 80);
  });

  it('keeps fills, notes and comments per cell, and one of note or comment only', async () => {
    const excel = book();
    const outcome = await code(
      excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Foglio1');
        ws.getRange('B2').format.fill.color = '#FFC9C9';
        ws.notes.add(ws.getRange('B2'), 'nota');
        ws.comments.add(ws.getRange('C3'), 'commento');
        await ctx.sync();
        ws.comments.add(ws.getRange('B2'), 'no');
        await ctx.sync();
      }),
    );
    expect(outcome).toBe('InvalidOperation');
    const s = excel.workbook.sheets[0];
    expect(s.fill(1, 1)).toEqual({ ...NO_FILL, color: '#FFC9C9', pattern: 'Solid' });
    expect(s.fill(1, 2)).toEqual(NO_FILL);
    expect(s.notes.get(cellKeyOf(1, 1))?.content).toBe('nota');
    expect(s.comments.get(cellKeyOf(2, 2))?.content).toBe('commento');
  });

  it('refuses APIs above its requirement set, and answers isSetSupported accordingly', async () => {
    const excel = new FakeExcel(book().workbook, { apiVersion: '1.17' });
    expect(excel.isSetSupported('ExcelApi', '1.10')).toBe(true);
    expect(excel.isSetSupported('ExcelApi', '1.18')).toBe(false);
    const outcome = await code(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Foglio1').notes.getItemOrNullObject('A1').load('content');
        await ctx.sync();
      }),
    );
    expect(outcome).toBe('ApiNotFound');
  });

  it('fails a sync on a missing sheet, and gives null objects for the *OrNullObject methods', async () => {
    const excel = book();
    expect(
      await code(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Manca');
          await ctx.sync();
        }),
      ),
    ).toBe('ItemNotFound');
    await excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Manca');
      const note = ctx.workbook.worksheets.getItem('Foglio1').notes.getItemOrNullObject('A1');
      expect(() => missing.isNullObject).toThrow();
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(note.isNullObject).toBe(true);
    });
  });

  it('ends a context with its run, and refuses a run that leaves calls unsynced', async () => {
    const excel = book();
    let range: { values: unknown } | undefined;
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Foglio1').getRange('A1');
      r.load('values');
      await ctx.sync();
      range = r;
    });
    expect(() => range!.values).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Foglio1').getRange('A1').format.fill.color = '#FF0000';
      }),
    ).rejects.toThrow(/mai sincronizzate/);
  });

  it('survives save and reopen with everything a file keeps', async () => {
    const excel = book();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Foglio1');
      ws.getRange('A1').format.fill.color = '#00B0F0';
      ws.notes.add(ws.getRange('A2'), 'nota');
      ctx.workbook.customXmlParts.add('<a xmlns="urn:x">1</a>');
      await ctx.sync();
    });
    const again = excel.reopen();
    expect(again.workbook.toData()).toEqual(excel.workbook.toData());
    expect(again.stats.syncs).toBe(0);
  });
});
