import { relative, resolve, sep, isAbsolute } from 'node:path';

/** Windows device names that cannot be file names there, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A name taken from the input (a dossier folder, a source file) made safe as ONE path segment of
 * an output: no separators of any system, no `..`, no control characters, no names Windows
 * reserves. `..\..\x.xlsx` becomes `.._.._x.xlsx`, a plain name inside the output folder.
 */
export function safeSegment(name: string): string {
  let s = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/[. ]+$/, '');
  if (s === '' || s === '.' || s === '..') s = '_';
  if (s.startsWith('.')) s = `_${s}`;
  if (RESERVED.test(s)) s = `_${s}`;
  return s.length > 120 ? s.slice(0, 120) : s;
}

/** Safe segments for several names, made distinct ("a:b" and "a_b" do not share a folder). */
export function distinctSafeSegments(names: readonly string[]): string[] {
  const used = new Set<string>();
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
