/**
 * An annotated copy built from the grids read (a CSV, or a workbook exceljs cannot load whole) is an
 * exceljs workbook held in memory until written: beyond LIMITS.maxCopyCells cells or
 * LIMITS.maxFullLoadRows rows it is left out with an Italian line saying why, and the dossier's other
 * outputs are written all the same (a CSV export of a million rows used to run out of memory).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../importer/cli/main';
import { Grid } from '../../importer/engine/grid/grid';
import { Dossier } from '../../importer/engine/schema/dossier';
import { LIMITS } from '../../importer/read/limits';
import { ReadError } from '../../importer/read/read-error';
import { workbookFromGrids } from '../../importer/write/annotate';
import { tempDir } from '../helpers/xlsx';

describe('annotated copies built from grids are bounded', () => {
  it('refuses a copy of more cells than LIMITS.maxCopyCells, naming the file and the limit', () => {
    const grid = new Grid('grande.csv', 'grande');
    const width = 2_001;
    const rows = Math.ceil((LIMITS.maxCopyCells + 1) / width);
    for (let r = 0; r < rows; r++) grid.setRow(r, Array.from({ length: width }, (_, c) => `${r}-${c}`));
    expect(grid.cellCount).toBeGreaterThan(LIMITS.maxCopyCells);
    let error: unknown;
    try {
      workbookFromGrids([grid], 'grande.csv');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).message).toBe(
      `grande.csv: ha ${grid.cellCount.toLocaleString('it-IT')} celle piene e una copia annotata ne può avere al massimo 2.000.000: le segnalazioni sono in piao.json, PIAO.xlsx e report.html.`,
    );
  });

  it('builds the copy of a CSV within the limits', () => {
    const grid = new Grid('piccolo.csv', 'piccolo');
    grid.setRow(0, ['Categoria', 'Donne', 'Uomini']);
    grid.setRow(1, ['Cat. D', '28', '10']);
    const wb = workbookFromGrids([grid], 'piccolo.csv');
    expect(wb.worksheets[0].getCell('B2').value).toBe(28);
    expect(wb.worksheets[0].getCell('A2').value).toBe('Cat. D');
  });

  it('piao import of a CSV with more rows than a copy may hold: every other output written, one Italian line, exit 0', async () => {
    const dir = tempDir();
    const rows = LIMITS.maxFullLoadRows + 1;
    const lines = ['Settore;Presenze'];
    for (let i = 1; i < rows; i++) lines.push(`Settore ${i % 7};${i % 23}`);
    writeFileSync(join(dir, 'presenze.csv'), `${lines.join('\r\n')}\r\n`);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['import', join(dir, 'presenze.csv'), '--out', join(dir, 'out'), '--quiet'], { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).toBe(0);
    expect(err).toEqual([
      `piao: presenze.csv: la copia annotata non si è potuta scrivere (ha ${rows.toLocaleString('it-IT')} righe e una copia annotata ne può avere al massimo ${LIMITS.maxFullLoadRows.toLocaleString('it-IT')}: le segnalazioni sono in piao.json, PIAO.xlsx e report.html).`,
    ]);
    const d = JSON.parse(readFileSync(join(dir, 'out', 'piao.json'), 'utf8')) as Dossier;
    expect(d.sources.map((s) => [s.file, s.status])).toEqual([['presenze.csv', 'ok']]);
    expect(existsSync(join(dir, 'out', 'PIAO.xlsx'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'annotated', 'presenze.xlsx'))).toBe(false);
    // nothing links to the copy that is not there
    expect(readFileSync(join(dir, 'out', 'report.html'), 'utf8')).not.toContain('annotated/presenze.xlsx');
  }, 60_000);
});
