/**
 * The grid the add-in builds from Excel (values as Office.js gives them: dates as serial numbers,
 * errors as error values) equals the grid the xlsx reader builds from the same file: same values,
 * texts, number formats, size and merged cells, whatever the block size it reads in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx } from '../../importer/read/xlsx';
import { analyse } from '../../importer/engine/analyse';
import { detectCapabilities } from '../../addin/office/capabilities';
import { readWorkbook } from '../../addin/office/read-workbook';
import { SAMPLE_WORKBOOKS } from '../../templates/scripts/make-samples';
import { writeXlsx } from '../helpers/xlsx';
import { FakeExcel, FakeExcelOptions } from './fake-excel/excel';
import { fakeWorkbookFromXlsx } from './fake-excel/from-xlsx';
import { gridSnapshot } from './helpers/grids';
import { trickyWorkbook } from './helpers/tricky-workbook';
import { rangeA1 } from '../../importer/engine/grid/address';

async function addinGrids(bytes: Uint8Array, maxCellsPerSync?: number, options?: FakeExcelOptions) {
  const excel = FakeExcel.fromData(await fakeWorkbookFromXlsx(bytes), options);
  const caps = detectCapabilities((n, v) => excel.isSetSupported(n, v));
  const read = await excel.run((ctx) => readWorkbook(ctx, { file: 'libro.xlsx', scope: 'workbook', caps, maxCellsPerSync }));
  return { grids: read.sheets.map((s) => s.grid), syncs: excel.stats.syncs };
}

async function expectSameGrids(bytes: Uint8Array, maxCellsPerSync?: number): Promise<number> {
  const cli = await readXlsx(bytes, 'libro.xlsx');
  const { grids, syncs } = await addinGrids(bytes, maxCellsPerSync);
  expect(grids.map(gridSnapshot)).toEqual(cli.map(gridSnapshot));
  expect(grids.map((g) => g.merges.map(rangeA1).sort())).toEqual(cli.map((g) => g.merges.map(rangeA1).sort()));
  return syncs;
}

describe('same grid as the xlsx reader', () => {
  it.each(SAMPLE_WORKBOOKS.map(([file]) => file))('%s', async (file) => {
    await expectSameGrids(readFileSync(join(__dirname, '..', '..', 'templates', 'samples', file)));
  });

  it('on the tricky workbook, read whole and in blocks of 1, 7 and 50 cells', async () => {
    const { bytes } = await writeXlsx(trickyWorkbook(), 'difficile.xlsx');
    const whole = await expectSameGrids(bytes);
    const tiny = await expectSameGrids(bytes, 1);
    await expectSameGrids(bytes, 7);
    await expectSameGrids(bytes, 50);
    expect(tiny).toBeGreaterThan(whole);
  });

  it('falls back to the used range for merged areas when Excel refuses the whole sheet', async () => {
    const { bytes } = await writeXlsx(trickyWorkbook(), 'difficile.xlsx');
    const cli = await readXlsx(bytes, 'libro.xlsx');
    const wholeSheet = (api: string, r?: { bottom: number }) => (api === 'Range.getMergedAreasOrNullObject' && r && r.bottom > 1_000_000 ? 'OperationCellsExceedLimit' : undefined);
    const { grids } = await addinGrids(bytes, undefined, { refuse: wholeSheet });
    expect(grids.map(gridSnapshot)).toEqual(cli.map(gridSnapshot));
    // only the empty merged area outside the values is missed
    const missed = cli.flatMap((g, i) => g.merges.map(rangeA1).filter((m) => !grids[i].merges.map(rangeA1).includes(m)));
    expect(missed).toEqual(['K20:M22']);
  });

  it('turns date-formatted serials into the same Date the reader gives, and keeps percentages numbers', async () => {
    const { bytes } = await writeXlsx(trickyWorkbook(), 'difficile.xlsx');
    const { grids } = await addinGrids(bytes);
    const misc = grids.find((g) => g.sheet === 'Dati vari')!;
    expect(misc.value(1, 1)).toEqual(new Date(Date.UTC(2023, 11, 31)));
    expect(misc.value(2, 1)).toEqual(new Date(Date.UTC(2024, 0, 15, 13, 30)));
    expect(misc.value(9, 1)).toEqual(new Date(Date.UTC(2024, 2, 1)));
    expect(misc.value(3, 1)).toBe(0.623);
    expect(misc.numFmt(3, 1)).toBe('0.0%');
    expect(misc.value(7, 1)).toEqual({ error: '#REF!' });
    expect(misc.value(14, 1)).toBe(12);
    expect(misc.shownText(2, 3)).toBe('Personale al 31.12.2023');
    // the tricky workbook does produce findings
    expect(analyse([{ file: 'x.xlsx', grids }]).dossier.findings.length).toBeGreaterThan(2);
  });
});
