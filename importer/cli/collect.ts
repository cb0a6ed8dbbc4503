import { Dirent, Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { isSpreadsheetPath } from '../read/read-source';

export interface CollectedFile {
  path: string;
  /** Path relative to the dossier root, with forward slashes. */
  file: string;
  /**
   * Why the file is refused without being opened (a named pipe, a device, a socket, a link to
   * nothing): reading one would hang or never end. The import lists it as failed with this reason.
   */
  refused?: string;
}

/** What a path that is neither a regular file nor a folder is, said to an officer (the reason after «<file>: »). */
export function specialFileReason(s: Stats): string | undefined {
  if (s.isFile() || s.isDirectory()) return undefined;
  if (s.isFIFO()) return 'è una pipe con nome (FIFO), non un file: piao legge solo file normali, salva i dati in un file .xlsx o .csv.';
  if (s.isSocket()) return 'è un socket, non un file: piao legge solo file normali (.xlsx, .csv).';
  if (s.isCharacterDevice()) return 'è un dispositivo a caratteri (come /dev/null o un terminale), non un file: piao legge solo file normali (.xlsx, .csv).';
  if (s.isBlockDevice()) return 'è un dispositivo a blocchi (un disco o una partizione), non un file: piao legge solo file normali (.xlsx, .csv).';
  return 'non è un file normale: piao legge solo file normali (.xlsx, .csv).';
}

const BROKEN_LINK = 'è un collegamento simbolico a un file che non esiste (o che non si può raggiungere).';

interface Walk {
  paths: { path: string; refused?: string }[];
  /** Real paths of the folders walked: a link back to a folder above is not followed twice. */
  seen: Set<string>;
}

/**
 * What one folder entry is for an import: a folder to walk, a spreadsheet to read, a file refused
 * with its reason (a special file, a link to nothing), or nothing to import (hidden, Excel's lock
 * files, other documents). A link to a file is that file; a link to a folder is not followed.
 */
export async function entryKind(dir: string, e: Dirent): Promise<{ folder: string } | { file: string; refused?: string } | undefined> {
  if (e.name.startsWith('.') || e.name.startsWith('~$')) return undefined; // hidden files, Excel lock files
  const p = join(dir, e.name);
  if (e.isDirectory()) return { folder: p };
  if (e.isFile()) return isSpreadsheetPath(p) ? { file: p } : undefined;
  if (e.isSymbolicLink()) {
    let target: Stats;
    try {
      target = await stat(p);
    } catch {
      // a link that points nowhere is said, never skipped silently
      return isSpreadsheetPath(p) ? { file: p, refused: BROKEN_LINK } : undefined;
    }
    // a link to a folder is not walked: it may lead anywhere (the whole disk, /proc, back up the tree)
    if (target.isDirectory()) return undefined;
    if (target.isFile()) return isSpreadsheetPath(p) ? { file: p } : undefined;
    return { file: p, refused: specialFileReason(target) };
  }
  // a named pipe, a socket, a device met in a folder: opening it could wait for ever
  return { file: p, refused: specialFileReason(await lstat(p)) };
}

/** A folder's entries in a stable order (by name, as bytes compare). */
export async function sortedEntries(dir: string): Promise<Dirent[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function walk(dir: string, w: Walk): Promise<void> {
  // the same folder given twice (or inside another input) is read once
  const real = await realpath(dir).catch(() => dir);
  if (w.seen.has(real)) return;
  w.seen.add(real);
  for (const e of await sortedEntries(dir)) {
    const k = await entryKind(dir, e);
    if (!k) continue;
    if ('folder' in k) await walk(k.folder, w);
    else w.paths.push({ path: k.file, refused: k.refused });
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
 * The dossier root is the folder given, or the common folder of all inputs. A special file (a named
 * pipe, a device, a socket), given or met in a folder, is listed with the reason it is refused,
 * and never opened.
 */
export async function collectInputs(inputs: string[]): Promise<{ root: string; files: CollectedFile[]; missing: string[] }> {
  const w: Walk = { paths: [], seen: new Set() };
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
      await walk(abs, w);
    } else w.paths.push({ path: abs, refused: specialFileReason(s) });
  }
  const paths = w.paths.map((p) => p.path);
  const root = dirs.length === 1 && paths.every((p) => p.startsWith(dirs[0] + sep)) ? dirs[0] : commonDir([...dirs.map((d) => d + sep + 'x'), ...paths].map((p) => dirname(p)));
  const unique = new Map<string, string | undefined>();
  for (const p of w.paths) if (!unique.has(p.path)) unique.set(p.path, p.refused);
  return {
    root,
    files: [...unique].map(([p, refused]) => ({ path: p, file: relative(root, p).split(sep).join('/'), ...(refused ? { refused } : {}) })),
    missing,
  };
}
