import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { specialFileReason } from './collect';
import { systemReason } from './system-errors';

/** What `piao import` writes in its output folder. */
export const DOSSIER_OUTPUTS: readonly { name: string; folder?: boolean }[] = [
  { name: 'piao.json' },
  { name: 'mappatura.json' },
  { name: 'PIAO.xlsx' },
  { name: 'report.html' },
  { name: 'annotated', folder: true },
];

/** What `piao batch` writes in its output folder (each dossier in a folder of its own). */
export const BATCH_OUTPUTS: readonly { name: string; folder?: boolean }[] = [{ name: 'summary.json' }, { name: 'summary.xlsx' }];

async function statOrUndefined(path: string) {
  try {
    return await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // ENOTDIR: a file above it; the walk up finds it and says so
    if (code === 'ENOTDIR') return undefined;
    if (code === 'ENOENT') {
      // a link to nowhere is not a place to write either
      const l = await lstat(path).catch(() => undefined);
      if (l?.isSymbolicLink()) throw Object.assign(new Error('dangling'), { code: 'EDANGLING' });
      return undefined;
    }
    throw err;
  }
}

/**
 * Makes sure `--out` can hold the results before any input is read: creates the folder (and the
 * missing folders above it, one by one) and writes and removes a small test file in it. Returns
 * the Italian sentence saying why it cannot (the command then stops with exit 2), or undefined.
 */
export async function prepareOutDir(out: string, outputs: readonly { name: string; folder?: boolean }[] = DOSSIER_OUTPUTS): Promise<string | undefined> {
  const abs = resolve(out);
  const say = (why: string) => `--out ${out}: ${why}.`;
  // the folders to create, nearest the root first: mkdir one level at a time gives each refusal its own answer
  const missing: string[] = [];
  let at = abs;
  for (;;) {
    let s;
    try {
      s = await statOrUndefined(at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EDANGLING') return say(`${at === abs ? 'è' : `${at} è`} un collegamento simbolico a una cartella che non esiste`);
      return say(`non si può usare come cartella dei risultati (${systemReason(err)})`);
    }
    if (s) {
      if (!s.isDirectory()) {
        const special = specialFileReason(s);
        const what = special ? special.replace(/:.*$/, '') : 'è un file, non una cartella';
        return at === abs ? say(`${what}: indica una cartella (nuova o esistente) in cui scrivere i risultati`) : say(`${at} ${what}, quindi la cartella dei risultati non si può creare lì`);
      }
      break;
    }
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const dir of missing) {
    try {
      await mkdir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue; // made meanwhile by someone else
      return say(`la cartella ${dir} non si può creare (${systemReason(err)})`);
    }
  }
  // a result whose name is taken by something of the other kind (a folder «piao.json», a file «annotated») cannot be replaced
  for (const o of outputs) {
    const s = await lstat(join(abs, o.name)).catch(() => undefined);
    if (!s) continue;
    if (o.folder ? !s.isDirectory() && !s.isSymbolicLink() : s.isDirectory()) {
      return say(`contiene ${o.folder ? 'un file' : 'una cartella'} «${o.name}» dove va scritto ${o.folder ? 'la cartella' : 'il file'} dei risultati con lo stesso nome: spostalo o scegli un'altra cartella`);
    }
  }
  // a test file: permissions, a read-only disk, a full disk or quota show up now, not after the work
  const probe = join(abs, `.piao-tmp-prova-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(probe, 'piao');
  } catch (err) {
    return say(`nella cartella non si può scrivere (${systemReason(err)})`);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
  return undefined;
}
