import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { distinctSafeSegments, outputPath, safeSegment } from '../../importer/write/safe-path';
import { removeStaleTemps } from '../../importer/write/stale-temp';
import { tempDir } from '../helpers/xlsx';

describe('output paths from input names', () => {
  it.each([
    ['..', '_'],
    ['.', '_'],
    ['', '_'],
    ['..\\..\\evil', '_.._.._evil'],
    ['a/b', 'a_b'],
    ['con:due punti?', 'con_due punti_'],
    ['CON', '_CON'],
    ['lpt1.xlsx', '_lpt1.xlsx'],
    ['nome.  ', 'nome'],
    ['.nascosto', '_.nascosto'],
    ['riga\nnuova\u0000', 'riga_nuova_'],
    ['Comune di Città', 'Comune di Città'],
  ])('%j -> %j', (name, safe) => {
    expect(safeSegment(name)).toBe(safe);
  });

  it('keeps names distinct after making them safe', () => {
    expect(distinctSafeSegments(['a:b', 'a_b', 'A_B', 'c'])).toEqual(['a_b', 'a_b-2', 'A_B-3', 'c']);
  });

  it('never leaves the output folder, whatever the relative path', () => {
    const out = tempDir('piao-out-');
    for (const rel of ['../../etc/passwd', '..\\..\\x.xlsx', '/etc/passwd', 'sub/../../x', 'C:\\Windows\\x']) {
      const p = outputPath(out, 'annotated', rel);
      expect(p.startsWith(out + sep)).toBe(true);
    }
    expect(outputPath(out, 'annotated', 'sub/dir/file.xlsx')).toBe(join(out, 'annotated', 'sub', 'dir', 'file.xlsx'));
  });
});

describe('temporary files left by a killed run', () => {
  it('are removed at the next run when their process is gone; a running one keeps its own', async () => {
    const out = tempDir('piao-stale-');
    mkdirSync(join(out, 'comune'));
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = join(out, 'comune', `.piao-tmp-piao.json-${gone}-0a1b2c3d`);
    const mine = join(out, `.piao-tmp-summary.json-${process.pid}-deadbeef`);
    const other = join(out, 'comune', 'piao.json');
    for (const p of [stale, mine, other]) writeFileSync(p, '{');
    expect(await removeStaleTemps(out)).toBe(1);
    expect([existsSync(stale), existsSync(mine), existsSync(other)]).toEqual([false, true, true]);
    expect(await removeStaleTemps(join(out, 'non-esiste'))).toBe(0);
  });
});
