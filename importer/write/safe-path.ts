import { createHash } from 'node:crypto';
import { relative, resolve, sep, isAbsolute } from 'node:path';

/** Windows device names that cannot be file names there, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * At most this many UTF-8 bytes in a segment: file systems allow 255 bytes a name, and the atomic
 * writer's temporary name (`.piao-tmp-<name>-<pid>-<random>`) and a « (2)» must still fit.
 */
const MAX_SEGMENT_BYTES = 180;

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** The longest start of `s` within `bytes` UTF-8 bytes, never cutting a character (or a surrogate pair) in two. */
function cutToBytes(s: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = utf8Length(ch);
    if (used + n > bytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/**
 * A name taken from the input (a dossier folder, a source file) made safe as ONE path segment of
 * an output: no separators of any system, no `..`, no control characters, no names Windows
 * reserves. `..\..\x.xlsx` becomes `.._.._x.xlsx`, a plain name inside the output folder. A name
 * too long for a file system is shortened keeping its extension, with a few characters of a hash
 * of the whole name so that two long names that differ only at the end stay two names.
 */
export function safeSegment(name: string): string {
  let s = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    // `#` and `%` would break the links to the file (a fragment, an escape) in PIAO.xlsx and report.html
    .replace(/[#%]/g, '_')
    .replace(/[. ]+$/, '');
  if (s === '' || s === '.' || s === '..') s = '_';
  if (s.startsWith('.')) s = `_${s}`;
  if (RESERVED.test(s)) s = `_${s}`;
  const ext = /\.[^.\s]{1,10}$/.exec(s)?.[0] ?? '';
  return fitSegment(s.slice(0, s.length - ext.length), ext);
}

/**
 * `stem + suffix` as one segment within the file system's limit: a stem too long is cut, with a
 * few characters of a hash of the whole stem (two long names that differ only at the end stay two
 * names). `stem` must already be safe (see safeSegment); the suffix is kept whole.
 */
export function fitSegment(stem: string, suffix: string): string {
  if (utf8Length(stem) + utf8Length(suffix) <= MAX_SEGMENT_BYTES) return stem + suffix;
  const tag = `~${createHash('sha256').update(stem).digest('hex').slice(0, 8)}`;
  return `${cutToBytes(stem, MAX_SEGMENT_BYTES - utf8Length(tag) - utf8Length(suffix)).replace(/[. ]+$/, '')}${tag}${suffix}`;
}

/**
 * Safe segments for several names, made distinct ("a:b" and "a_b" do not share a folder), and
 * distinct from the names in `reserved` (the files written beside them, such as summary.json).
 */
export function distinctSafeSegments(names: readonly string[], reserved: readonly string[] = []): string[] {
  const used = new Set<string>(reserved.map((r) => r.toLowerCase()));
  return names.map((n) => {
    const base = safeSegment(n);
    let s = base;
    for (let i = 2; used.has(s.toLowerCase()); i++) s = `${base}-${i}`;
    used.add(s.toLowerCase());
    return s;
  });
}

/** Thrown when a computed output path would leave the output folder (never expected: a guard). */
export class OutputEscapeError extends Error {
  constructor(readonly path: string) {
    super(`percorso di uscita fuori dalla cartella dei risultati: ${path}`);
    this.name = 'OutputEscapeError';
  }
}

/**
 * The path of an output inside `outDir`, each part made a safe segment (a relative source path
 * such as `sub/file.xlsx` keeps its folders), and checked to stay inside `outDir`.
 */
export function outputPath(outDir: string, ...parts: string[]): string {
  const root = resolve(outDir);
  const segments = parts.flatMap((p) => p.split(/[\\/]+/)).filter((p) => p !== '' && p !== '.');
  const path = resolve(root, ...segments.map(safeSegment));
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) throw new OutputEscapeError(path);
  return path;
}
