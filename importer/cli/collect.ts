import { Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { isSpreadsheetPath } from '../read/read-source';

export interface CollectedFile {
  path: string;
  /**
   * The path as the file system holds it, when a name in it is not UTF-8 (a file named on Windows
   * and copied from a zip: «lat\xe9n.csv»): `path` shows it read as Windows-1252, `raw` opens it.
   */
  raw?: Buffer;
  /** Path relative to the dossier root, with forward slashes. */
  file: string;
  /**
   * Why the file is refused without being opened (a named pipe, a device, a socket, a link to
   * nothing): reading one would hang or never end. The import lists it as failed with this reason.
   */
  refused?: string;
  /**
   * The dossier-relative name of the file this path reaches too (a symbolic or hard link to a file
   * already in the dossier): it is not read a second time, and a line says so.
   */
  sameAs?: string;
}

/**
 * Marks every path that reaches a file already listed (same device and inode once links are
 * followed: a symbolic link, a hard link, a folder given twice by two names) with `sameAs`, so that
 * its figures are never counted twice. Of the paths to one file, the one read is a path that is not
 * a symbolic link, nearest the dossier's root, first in order (a hard link has no original: the
 * file in the folder above is taken for it).
 */
export async function markSameFiles(files: CollectedFile[]): Promise<void> {
  const groups = new Map<string, { f: CollectedFile; link: boolean }[]>();
  for (const f of files) {
    if (f.refused) continue;
    try {
      const at = openable(f.path, f.raw);
      const [s, l] = await Promise.all([stat(at, { bigint: true }), lstat(at)]);
      const key = `${s.dev}:${s.ino}`;
      const group = groups.get(key);
      if (group) group.push({ f, link: l.isSymbolicLink() });
      else groups.set(key, [{ f, link: l.isSymbolicLink() }]);
    } catch {
      // a path that cannot be looked at now is left to the reader, which says why
    }
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const depth = (f: CollectedFile) => f.file.split('/').length;
    const kept = group.reduce((best, g) => (Number(g.link) - Number(best.link) || depth(g.f) - depth(best.f)) < 0 ? g : best).f;
    for (const { f } of group) if (f !== kept) f.sameAs = kept.file;
  }
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
  paths: { path: string; raw?: Buffer; refused?: string }[];
  /** Real paths of the folders walked: a link back to a folder above is not followed twice. */
  seen: Set<string>;
}

/** One entry of a folder: its name as shown (UTF-8, else read as Windows-1252) and, when they differ, as the file system holds it. */
export interface FolderEntry {
  name: string;
  /** The entry's whole path as bytes, when its name (or its folder's) is not UTF-8. */
  raw?: Buffer;
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const WINDOWS_1252 = new TextDecoder('windows-1252');

/** A name's bytes as text: UTF-8 when they are, else Windows-1252 (every byte is a letter there). */
function nameText(bytes: Buffer): { text: string; utf8: boolean } {
  try {
    return { text: UTF8.decode(bytes), utf8: true };
  } catch {
    return { text: WINDOWS_1252.decode(bytes), utf8: false };
  }
}

/** A path to open: the bytes when any part of it is not UTF-8, else the text. */
function openable(path: string, raw: Buffer | undefined): string | Buffer {
  return raw ?? path;
}

/**
 * What one folder entry is for an import: a folder to walk, a spreadsheet to read, a file refused
 * with its reason (a special file, a link to nothing), or nothing to import (hidden, Excel's lock
 * files, other documents). A link to a file is that file; a link to a folder is not followed.
 */
export async function entryKind(dir: string, e: FolderEntry): Promise<{ folder: string; raw?: Buffer } | { file: string; raw?: Buffer; refused?: string } | undefined> {
  if (e.name.startsWith('.') || e.name.startsWith('~$')) return undefined; // hidden files, Excel lock files
  const p = join(dir, e.name);
  const at = openable(p, e.raw);
  const raw = e.raw ? { raw: e.raw } : {};
  if (e.isDirectory()) return { folder: p, ...raw };
  if (e.isFile()) return isSpreadsheetPath(p) ? { file: p, ...raw } : undefined;
  if (e.isSymbolicLink()) {
    let target: Stats;
    try {
      target = await stat(at);
    } catch {
      // a link that points nowhere is said, never skipped silently
      return isSpreadsheetPath(p) ? { file: p, ...raw, refused: BROKEN_LINK } : undefined;
    }
    // a link to a folder is not walked: it may lead anywhere (the whole disk, /proc, back up the tree)
    if (target.isDirectory()) return undefined;
    if (target.isFile()) return isSpreadsheetPath(p) ? { file: p, ...raw } : undefined;
    return { file: p, ...raw, refused: specialFileReason(target) };
  }
  // a named pipe, a socket, a device met in a folder: opening it could wait for ever
  return { file: p, ...raw, refused: specialFileReason(await lstat(at)) };
}

/**
 * A folder's entries in a stable order (by name, as bytes compare). Names are read as bytes: one
 * that is not UTF-8 is shown read as Windows-1252 and opened by its bytes, never lost as «not found».
 */
export async function sortedEntries(dir: string, rawDir?: Buffer): Promise<FolderEntry[]> {
  const entries = await readdir(openable(dir, rawDir) as string, { withFileTypes: true, encoding: 'buffer' });
  const prefix = rawDir ? Buffer.concat([rawDir, Buffer.from(sep)]) : undefined;
  return entries
    .sort((a, b) => Buffer.compare(a.name, b.name))
    .map((e) => {
      const { text, utf8 } = nameText(e.name);
      const raw = !utf8 || prefix ? Buffer.concat([prefix ?? Buffer.from(join(dir, 'x').slice(0, -1)), e.name]) : undefined;
      return { name: text, ...(raw ? { raw } : {}), isDirectory: () => e.isDirectory(), isFile: () => e.isFile(), isSymbolicLink: () => e.isSymbolicLink() };
    });
}

async function walk(dir: string, w: Walk, rawDir?: Buffer): Promise<void> {
  // the same folder given twice (or inside another input) is read once
  const real = await realpath(openable(dir, rawDir)).catch(() => dir);
  const key = Buffer.isBuffer(real) ? real.toString('latin1') : real;
  if (w.seen.has(key)) return;
  w.seen.add(key);
  for (const e of await sortedEntries(dir, rawDir)) {
    const k = await entryKind(dir, e);
    if (!k) continue;
    if ('folder' in k) await walk(k.folder, w, k.raw);
    else w.paths.push({ path: k.file, ...(k.raw ? { raw: k.raw } : {}), ...(k.refused ? { refused: k.refused } : {}) });
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
export async function collectInputs(inputs: string[], rawDir?: Buffer): Promise<{ root: string; files: CollectedFile[]; missing: string[] }> {
  const w: Walk = { paths: [], seen: new Set() };
  const missing: string[] = [];
  const dirs: string[] = [];
  for (const input of inputs) {
    const abs = resolve(input);
    // a batch's dossier folder whose name is not UTF-8 comes with its bytes
    const raw = inputs.length === 1 ? rawDir : undefined;
    let s;
    try {
      s = await stat(openable(abs, raw));
    } catch {
      missing.push(input);
      continue;
    }
    if (s.isDirectory()) {
      dirs.push(abs);
      await walk(abs, w, raw);
    } else w.paths.push({ path: abs, refused: specialFileReason(s) });
  }
  const paths = w.paths.map((p) => p.path);
  const root = dirs.length === 1 && paths.every((p) => p.startsWith(dirs[0] + sep)) ? dirs[0] : commonDir([...dirs.map((d) => d + sep + 'x'), ...paths].map((p) => dirname(p)));
  const unique = new Map<string, { raw?: Buffer; refused?: string }>();
  for (const p of w.paths) if (!unique.has(p.path)) unique.set(p.path, p);
  const files: CollectedFile[] = [...unique].map(([p, { raw, refused }]) => ({ path: p, file: relative(root, p).split(sep).join('/'), ...(raw ? { raw } : {}), ...(refused ? { refused } : {}) }));
  await markSameFiles(files);
  return { root, files, missing };
}
