import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { isSpreadsheetPath } from '../read/read-source';

export interface CollectedFile {
  path: string;
  /** Path relative to the dossier root, with forward slashes. */
  file: string;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue; // hidden files, Excel lock files
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && isSpreadsheetPath(p)) out.push(p);
  }
}

function commonDir(paths: string[]): string {
  if (paths.length === 0) return process.cwd();
  let parts = paths[0].split(sep);
  for (const p of paths.slice(1)) {
    const q = p.split(sep);
    let i = 0;
    while (i < parts.length && i < q.length && parts[i] === q[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
}

/**
 * The files of one dossier: folders are read recursively (spreadsheets only), files taken as given.
 * The dossier root is the folder given, or the common folder of all inputs.
 */
export async function collectInputs(inputs: string[]): Promise<{ root: string; files: CollectedFile[]; missing: string[] }> {
  const paths: string[] = [];
  const missing: string[] = [];
  const dirs: string[] = [];
  for (const input of inputs) {
    const abs = resolve(input);
    let s;
    try {
      s = await stat(abs);
    } catch {
      missing.push(input);
      continue;
    }
    if (s.isDirectory()) {
      dirs.push(abs);
      await walk(abs, paths);
    } else paths.push(abs);
  }
  const root = dirs.length === 1 && paths.every((p) => p.startsWith(dirs[0] + sep)) ? dirs[0] : commonDir([...dirs.map((d) => d + sep + 'x'), ...paths].map((p) => dirname(p)));
  const unique = [...new Set(paths)];
  return { root, files: unique.map((p) => ({ path: p, file: relative(root, p).split(sep).join('/') })), missing };
}
