import { fitSegment, safeSegment } from './safe-path';

/**
 * `stem.xlsx`, `stem.csv.xlsx`, `stem (2).xlsx`…: the names an annotated copy may take, in order,
 * each within a file system's limit (a long stem is cut, the ending kept). An .xlsm stays an .xlsm
 * (its macros are copied); anything else becomes an .xlsx.
 */
function* candidates(name: string): Generator<string> {
  const ext = /\.[^.]+$/.exec(name)?.[0] ?? '';
  const stem = name.slice(0, name.length - ext.length) || name;
  const out = ext.toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx';
  yield fitSegment(stem, out);
  if (ext && ext.toLowerCase() !== out) yield fitSegment(stem, `${ext}${out}`);
  for (let i = 2; ; i++) yield fitSegment(stem, ` (${i})${out}`);
}

/**
 * Where the annotated copy of each source is, relative to the dossier's output folder: under
 * `annotated/`, with the source's folders, ending in `.xlsx` (`.xlsm` for a workbook with macros). Every source gets its own
 * copy whatever the names: `a.csv` beside `a.xlsx`, `A.xlsx` beside `a.xlsx` (one file on Windows
 * and macOS), names that make the same safe name, names too long for a file system (shortened,
 * extension kept), a file named like a folder of another source. The same files always get the
 * same names.
 */
export function annotatedNames(files: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  /** Paths taken by copies, and by the folders that hold them (lower case: one name on case-insensitive disks). */
  const files_ = new Set<string>();
  const folders = new Set<string>();
  const isXlsx = (f: string) => (/\.xls[xm]$/i.test(f) ? 0 : 1);
  const sorted = [...files].sort((a, b) => isXlsx(a) - isXlsx(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const f of sorted) {
    // each folder of the source's relative path, and its name, made a safe segment: never a way out
    const parts = f.split('/').filter((p) => p !== '' && p !== '.').map(safeSegment);
    const name = parts.pop() ?? '_';
    // a folder whose name a copy already took gets another name (a source «x.xlsx» beside a folder «x.xlsx»)
    let dir = 'annotated';
    for (const p of parts) {
      let seg = p;
      for (let i = 2; files_.has(`${dir}/${seg}`.toLowerCase()); i++) seg = fitSegment(p, ` (${i})`);
      dir = `${dir}/${seg}`;
    }
    let path = '';
    for (const c of candidates(name)) {
      path = `${dir}/${c}`;
      if (!files_.has(path.toLowerCase()) && !folders.has(path.toLowerCase())) break;
    }
    files_.add(path.toLowerCase());
    for (let d = dir; d.includes('/'); d = d.slice(0, d.lastIndexOf('/'))) folders.add(d.toLowerCase());
    out.set(f, path);
  }
  return out;
}
