/**
 * What real Excel does that the in-memory Excel must do too, each behaviour from its source (cited
 * where the in-memory Excel implements it): failing batches while the user edits a cell, the 512
 * merged areas of getMergedAreasOrNullObject, request bytes that grow with objects and calls, the
 * 5 MB response limit on every read (custom XML parts too), the way a cell without fill reads,
 * Excel's own error codes, onChanged fired by the add-in's writes and by co-authors with the
 * arguments of the requirement set, protection that allows formatting, workbook structure
 * protection.
 */
import type { XlWorksheetChangedEventArgs } from '../../addin/office/excel-api';
import { a1 } from '../../importer/engine/grid/address';
import { FakeExcel, PAYLOAD_LIMIT } from './fake-excel/excel';
import { MERGED_AREAS_LIMIT } from './fake-excel/proxies';
import { FakeWorkbook, cellKeyOf } from './fake-excel/workbook';

function book(apiVersion = '1.18'): FakeExcel {
  const wb = new FakeWorkbook();
  const s = wb.addSheet('Foglio1');
  s.setValue(0, 0, 'Codice');
  s.setValue(1, 0, 12);
  wb.addSheet('Altro');
  return new FakeExcel(wb, { apiVersion });
}

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));

describe('the in-memory Excel does what real Excel does', () => {
  it('fails a batch while the user edits a cell, unless it was run to wait (delayForCellEdit)', async () => {
    const excel = book();
    excel.startCellEdit('Foglio1', 'B2');
    const write = (ctx: Parameters<Parameters<FakeExcel['run']>[0]>[0]) => {
      ctx.workbook.worksheets.getItem('Foglio1').getRange('C1').values = [['x']];
      return ctx.sync();
    };
    expect(await code(excel.run(write))).toBe('InvalidOperationInCellEditMode');
    let done = false;
    const waiting = excel.run(write, { delayForCellEdit: true }).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    expect(excel.workbook.sheets[0].cell(0, 2)).toBeUndefined();
    await excel.finishCellEdit(7);
    await waiting;
    expect(excel.workbook.sheets[0].cell(0, 2)?.value).toBe('x');
    expect(excel.workbook.sheets[0].cell(1, 1)?.value).toBe(7);
  });

  it(`refuses getMergedAreasOrNullObject over more than ${MERGED_AREAS_LIMIT} merged areas, and may return only areas whose top-left cell is in the range`, async () => {
    const excel = book();
    const s = excel.workbook.sheets[0];
    for (let i = 0; i < 600; i++) s.merges.push({ top: i, left: 3, bottom: i, right: 4 });
    const areas = (address: string) =>
      excel.run(async (ctx) => {
        const m = ctx.workbook.worksheets.getItem('Foglio1').getRange(address).getMergedAreasOrNullObject();
        m.load('address');
        await ctx.sync();
        return m.isNullObject ? '' : m.address;
      });
    expect(await code(areas('A1:Z1000'))).toBe('GeneralException');
    expect((await areas('A1:Z512')).split(', ')).toHaveLength(512);
    s.merges.push({ top: 700, left: 0, bottom: 705, right: 0 });
    expect(await areas('A703:A710')).toBe('Foglio1!A701:A706');
    const topLeft = new FakeExcel(excel.workbook, { mergedAreas: 'top-left' });
    expect(
      await topLeft.run(async (ctx) => {
        const m = ctx.workbook.worksheets.getItem('Foglio1').getRange('A703:A710').getMergedAreasOrNullObject();
        await ctx.sync();
        return m.isNullObject;
      }),
    ).toBe(true);
  });

  it('counts request bytes by the objects and calls a batch makes, not a few bytes a call', async () => {
    const excel = book();
    // Microsoft's example: 10,000 single-cell writes, each with its Range object, "would likely exceed" 5 MB
    const perCell = await code(
      excel.run(async (ctx) => {
        for (let r = 0; r < 10_000; r++) {
          const cell = ctx.workbook.worksheets.getActiveWorksheet().getRange(a1(r, 5));
          cell.values = [['1']];
        }
        await ctx.sync();
      }),
    );
    expect(perCell).toBe('RequestPayloadSizeLimitExceeded');
    excel.resetStats();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Foglio1').getRange('F1:F10000').values = Array.from({ length: 10_000 }, () => ['1']);
      await ctx.sync();
    });
    expect(excel.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT / 20);
    // the same writes cost more with more objects: fill through range, format and fill objects
    excel.resetStats();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Foglio1');
      for (let r = 0; r < 100; r++) ws.getRange(a1(r, 7)).format.fill.color = '#FFC9C9';
      await ctx.sync();
    });
    expect(excel.maxRequestBytes).toBeGreaterThan(100 * 3 * 150);
  });

  it('limits every response to 5 MB, custom XML parts included', async () => {
    const excel = book();
    const big = 'x'.repeat(2_000_000);
    for (let i = 0; i < 3; i++) excel.workbook.customXmlParts.push({ id: `{p${i}}`, xml: `<a xmlns="urn:x">${big}</a>` });
    const readAll = await code(
      excel.run(async (ctx) => {
        const parts = ctx.workbook.customXmlParts.getByNamespace('urn:x');
        parts.load('items/id');
        await ctx.sync();
        parts.items.map((p) => p.getXml());
        await ctx.sync();
      }),
    );
    expect(readAll).toBe('ResponsePayloadSizeLimitExceeded');
    const one = await excel.run(async (ctx) => {
      const all = ctx.workbook.customXmlParts;
      all.load('items/id,items/namespaceUri');
      await ctx.sync();
      const xml = all.items[0].getXml();
      await ctx.sync();
      return { xml: xml.value.length, namespaces: all.items.map((p) => p.namespaceUri) };
    });
    expect(one.xml).toBeGreaterThan(2_000_000);
    expect(one.namespaces).toEqual(['urn:x', 'urn:x', 'urn:x']);
  });

  it('reads a cell without fill as white with no pattern or tint (null), a white fill as white with a tint of 0, and refuses null back', async () => {
    const excel = book();
    excel.workbook.sheets[0].setFill(0, 1, { color: '#FFFFFF', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 });
    const fills = await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Foglio1');
      const none = ws.getRange('A1').format.fill;
      const white = ws.getRange('B1').format.fill;
      none.load('color,pattern,tintAndShade');
      white.load('color,pattern,tintAndShade');
      await ctx.sync();
      const read = (f: typeof none) => ({ color: f.color, pattern: f.pattern, tintAndShade: f.tintAndShade });
      return [read(none), read(white)];
    });
    expect(fills[0]).toMatchObject({ color: '#FFFFFF', pattern: null, tintAndShade: null });
    expect(fills[1]).toMatchObject({ color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 });
    const back = await code(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Foglio1').getRange('C1').format.fill.pattern = null as unknown as string;
        await ctx.sync();
      }),
    );
    expect(back).toBe('InvalidArgument');
  });

  it("gives Excel's error codes: MergedRangeConflict for a table over a table or merged cells, InvalidCellAddress for a note on a range", async () => {
    const excel = book();
    const s = excel.workbook.sheets[0];
    s.setValue(0, 1, 'Titolo');
    s.merges.push({ top: 5, left: 0, bottom: 6, right: 1 });
    const table = (address: string) =>
      code(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Foglio1').tables.add(address, true);
          await ctx.sync();
        }),
      );
    expect(await table('A1:B2')).toBe('ok');
    expect(await table('B2:C3')).toBe('MergedRangeConflict');
    expect(await table('A5:B8')).toBe('MergedRangeConflict');
    const note = (address: string) =>
      code(
        excel.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem('Foglio1');
          ws.notes.add(ws.getRange(address), 'nota');
          await ctx.sync();
        }),
      );
    expect(await note('D1:D2')).toBe('InvalidCellAddress');
    expect(await note('D1')).toBe('ok');
  });

  it.each<[string, { source: string; triggerSource?: string; details?: boolean }]>([
    ['1.18', { source: 'Local', triggerSource: 'ThisLocalAddin', details: true }],
    ['1.9', { source: 'Local', details: true }],
    ['1.7', { source: 'Local' }],
  ])('fires onChanged for the add-in\'s own writes, formats too, with what ExcelApi %s gives', async (version, expected) => {
    const excel = book(version);
    const seen: XlWorksheetChangedEventArgs[] = [];
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Foglio1').onChanged.add(async (e) => void seen.push(e));
      await ctx.sync();
    });
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Foglio1');
      ws.getRange('A2').format.fill.color = '#FFC9C9';
      await ctx.sync();
    });
    await excel.events.settled();
    expect(seen).toHaveLength(1);
    expect(seen[0].address).toBe('A2');
    expect(seen[0].source).toBe(expected.source);
    expect(seen[0].triggerSource).toBe(expected.triggerSource);
    if (expected.details) expect(seen[0].details).toEqual({ valueBefore: 12, valueAfter: 12, valueTypeBefore: 'Double', valueTypeAfter: 'Double' });
    else expect(seen[0].details).toBeUndefined();
    // the user's edit and a co-author's
    await excel.userEdit('Foglio1', 'A2', [[13]]);
    await excel.coauthorEdit('Foglio1', 'A3:B3', [[1, 2]]);
    expect(seen[1]).toMatchObject({ address: 'A2', source: 'Local' });
    if (expected.details) expect(seen[1].details).toMatchObject({ valueBefore: 12, valueAfter: 13 });
    expect(seen[2]).toMatchObject({ address: 'A3:B3', source: 'Remote' });
    expect(seen[2].details).toBeUndefined(); // only for a single cell
  });

  it('lets a protected sheet be coloured when its protection allows formatting cells, nothing else', async () => {
    const excel = book();
    const s = excel.workbook.sheets[0];
    s.protected_ = true;
    const fill = () =>
      code(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Foglio1').getRange('A1').format.fill.color = '#FFC9C9';
          await ctx.sync();
        }),
      );
    expect(await fill()).toBe('AccessDenied');
    s.protectionOptions = { allowFormatCells: true };
    expect(await fill()).toBe('ok');
    const options = await excel.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('Foglio1').protection;
      p.load('protected,options');
      await ctx.sync();
      return [p.protected, p.options.allowFormatCells, p.options.allowEditObjects];
    });
    expect(options).toEqual([true, true, false]);
    const note = await code(
      excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Foglio1');
        ws.notes.add(ws.getRange('A1'), 'nota');
        await ctx.sync();
      }),
    );
    expect(note).toBe('AccessDenied');
    expect(s.notes.has(cellKeyOf(0, 0))).toBe(false);
  });

  it('refuses new, deleted or inserted sheets while the workbook structure is protected, and says so (ExcelApi 1.7)', async () => {
    const excel = book();
    excel.workbook.structureProtected = true;
    const add = await code(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('Nuovo');
        await ctx.sync();
      }),
    );
    expect(add).toBe('AccessDenied');
    const del = await code(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Altro').delete();
        await ctx.sync();
      }),
    );
    expect(del).toBe('AccessDenied');
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(['Foglio1', 'Altro']);
    const protectedNow = await excel.run(async (ctx) => {
      ctx.workbook.protection.load('protected');
      await ctx.sync();
      return ctx.workbook.protection.protected;
    });
    expect(protectedNow).toBe(true);
    expect(await code(book('1.6').run(async (ctx) => {
      ctx.workbook.protection.load('protected');
      await ctx.sync();
    }))).toBe('ApiNotFound');
  });
});
