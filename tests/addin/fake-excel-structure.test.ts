/**
 * The parts of the in-memory Excel the workflows use are as strict as Office.js: texts typed into
 * `values` as Excel reads them, sheet and table names, overlapping tables, API versions, and event
 * handlers removed in the context that added them.
 */
import { FakeExcel } from './fake-excel/excel';
import { FakeWorkbook } from './fake-excel/workbook';

function book(apiVersion = '1.18'): FakeExcel {
  const wb = new FakeWorkbook();
  wb.addSheet('Foglio1').setValue(0, 0, 'x');
  return new FakeExcel(wb, { apiVersion });
}

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));

describe('in-memory Excel: what the workflows write', () => {
  it('reads texts written into values as Excel does: numbers and dates are converted, an apostrophe keeps the text, "=" is a formula', async () => {
    const excel = book();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Foglio1').getRange('A2:E2').values = [['01.02', "'01.02", '62%', 'VERO', "'=A1"]];
      await ctx.sync();
    });
    const s = excel.workbook.sheets[0];
    expect([0, 1, 2, 3, 4].map((c) => s.cell(1, c)?.value)).toEqual([1.02, '01.02', 0.62, true, '=A1']);
    expect(await code(excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Foglio1').getRange('A3').values = [['=SOMMA(A1:A2)']];
      await ctx.sync();
    }))).toBe('NotImplemented');
  });

  it('adds sheets with valid, unused names only, and never deletes the last visible sheet', async () => {
    const excel = book();
    expect(await code(excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('foglio1');
      await ctx.sync();
    }))).toBe('ItemAlreadyExists');
    expect(await code(excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('Dati: 2024');
      await ctx.sync();
    }))).toBe('InvalidArgument');
    expect(await code(excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Foglio1').delete();
      await ctx.sync();
    }))).toBe('InvalidOperation');
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('Nuovo');
      ws.load('id');
      await ctx.sync();
      expect(ws.id).toMatch(/^\{sheet-/);
    });
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(['Foglio1', 'Nuovo']);
  });

  it('makes tables with unique valid names, fixes blank headers as Excel does, refuses overlaps', async () => {
    const excel = book();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Foglio1');
      ws.getRange('A3:C3').values = [['Anno', '', 'Anno']];
      const t = ws.tables.add('A3:C5', true);
      t.name = 'PIAO_Dati';
      t.style = 'TableStyleMedium2';
      await ctx.sync();
    });
    const s = excel.workbook.sheets[0];
    expect([0, 1, 2].map((c) => s.cell(2, c)?.value)).toEqual(['Anno', 'Colonna2', 'Anno2']);
    expect(s.tables).toEqual([{ id: expect.any(String), name: 'PIAO_Dati', range: 'A3:C5', style: 'TableStyleMedium2' }]);
    for (const [address, name] of [['B4:D6', 'Altra'], ['A10:B11', 'piao_dati'], ['A10:B11', 'A1'], ['A10:B11', 'con spazio']]) {
      expect(await code(excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Foglio1').tables.add(address, true).name = name;
        await ctx.sync();
      }))).not.toBe('ok');
    }
  });

  it('needs ExcelApi 1.7 for events and frozen panes, 1.13 to insert sheets from a file', async () => {
    const old = book('1.6');
    expect(await code(old.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Foglio1').onChanged.add(async () => undefined);
      await ctx.sync();
    }))).toBe('ApiNotFound');
    expect(await code(old.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Foglio1').freezePanes.freezeRows(2);
      await ctx.sync();
    }))).toBe('ApiNotFound');
    expect(await code(book('1.12').run(async (ctx) => {
      ctx.workbook.insertWorksheetsFromBase64('UEsDBA==');
      await ctx.sync();
    }))).toBe('ApiNotFound');
  });

  it('fires onChanged after an edit, until the handler is removed in the context that added it', async () => {
    const excel = book();
    const seen: string[] = [];
    const handler = await excel.run(async (ctx) => {
      const h = ctx.workbook.worksheets.getItem('Foglio1').onChanged.add(async (e) => void seen.push(`${e.address} ${e.changeType}`));
      await ctx.sync();
      return h;
    });
    await excel.userEdit('Foglio1', 'B2', [[5]]);
    expect(seen).toEqual(['B2 RangeEdited']);
    // a removal queued in another context than the handler's never reaches Excel
    expect(() => handler.remove()).toThrow(/contesto/);
    await excel.run(
      async (ctx) => {
        handler.remove();
        await ctx.sync();
      },
      { previousObjects: handler.context },
    );
    await excel.userEdit('Foglio1', 'B3', [[6]]);
    expect(seen).toHaveLength(1);
    expect(excel.events.count()).toBe(0);
  });
});
