import { copyFileSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectInputs } from '../../importer/cli/collect';
import { Dossier } from '../../importer/engine/schema/dossier';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/xlsx';

/**
 * The same file reached twice in one dossier (a symbolic link beside it, a hard link in a
 * subfolder, the same file named twice on the command line) is read once: its figures are never
 * counted twice, and one Italian line names the path that was skipped. Two files with the same
 * content are two files.
 */

const CSV = 'Personale in servizio al 31/12/2023\r\nCategoria;Donne;Uomini\r\nCat. D;5;4\r\nCat. C;10;8\r\n';

function folder(): string {
  const dir = tempDir('piao-same-file-');
  mkdirSync(join(dir, 'in', 'archivio'), { recursive: true });
  writeFileSync(join(dir, 'in', 'personale.csv'), CSV);
  // sorted before the real file: the real file is still the one read
  symlinkSync('personale.csv', join(dir, 'in', 'collegamento.csv'));
  linkSync(join(dir, 'in', 'personale.csv'), join(dir, 'in', 'archivio', 'copia-fisica.csv'));
  return dir;
}

const piaoJson = (out: string) => JSON.parse(readFileSync(join(out, 'piao.json'), 'utf8')) as Dossier;
const skipped = (err: string) => err.split('\n').filter((l) => /è lo stesso file di/.test(l));

describe('one file reached by two paths is read once', () => {
  it('import of a folder: a symbolic link and a hard link to a file beside them', () => {
    const dir = folder();
    const r = runCli(['import', join(dir, 'in'), '--out', join(dir, 'out')]);
    expect(r.status).toBe(0);
    const d = piaoJson(join(dir, 'out'));
    expect(d.sources.map((s) => s.file)).toEqual(['personale.csv']);
    expect(d.pap.headcount).toMatchObject({ F: 15, M: 12, total: 27 });
    expect(skipped(r.stderr)).toEqual([
      'piao: archivio/copia-fisica.csv: è lo stesso file di personale.csv (un collegamento simbolico o fisico): è letto una volta sola, da personale.csv, e questo percorso è saltato.',
      'piao: collegamento.csv: è lo stesso file di personale.csv (un collegamento simbolico o fisico): è letto una volta sola, da personale.csv, e questo percorso è saltato.',
    ]);
  });

  it('the same file named twice on the command line, once through a link', () => {
    const dir = folder();
    const r = runCli(['import', join(dir, 'in', 'personale.csv'), join(dir, 'in', 'collegamento.csv'), '--out', join(dir, 'out')]);
    expect(r.status).toBe(0);
    expect(piaoJson(join(dir, 'out')).pap.headcount.total).toBe(27);
    expect(skipped(r.stderr)).toHaveLength(1);
  });

  it('batch: the loose files of the root and a dossier folder each read their file once', () => {
    const dir = folder();
    mkdirSync(join(dir, 'radice', 'comune'), { recursive: true });
    writeFileSync(join(dir, 'radice', 'comune', 'personale.csv'), CSV);
    symlinkSync('personale.csv', join(dir, 'radice', 'comune', 'altro-nome.csv'));
    writeFileSync(join(dir, 'radice', 'sciolto.csv'), CSV);
    linkSync(join(dir, 'radice', 'sciolto.csv'), join(dir, 'radice', 'anche.csv'));
    const r = runCli(['batch', join(dir, 'radice'), '--out', join(dir, 'out')]);
    expect(r.status).toBe(0);
    expect(piaoJson(join(dir, 'out', 'comune')).pap.headcount.total).toBe(27);
    expect(piaoJson(join(dir, 'out', 'radice')).pap.headcount.total).toBe(27);
    expect(skipped(r.stderr)).toHaveLength(2);
  });

  it('two files with the same content are two files: both read, nothing said', async () => {
    const dir = tempDir('piao-same-content-');
    writeFileSync(join(dir, 'a.csv'), CSV);
    copyFileSync(join(dir, 'a.csv'), join(dir, 'b.csv'));
    const { files } = await collectInputs([dir]);
    expect(files.map((f) => [f.file, f.sameAs])).toEqual([
      ['a.csv', undefined],
      ['b.csv', undefined],
    ]);
  });
});
