import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** `.piao-tmp-<name>-<pid>-<random>`: the temporary files writeFileAtomic renames into place. */
const TEMP = /^\.piao-tmp-.*-(\d+)-[0-9a-f]{8}$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a run killed half-way left in an output folder (a crash, a power
 * cut, Ctrl-C twice): those whose process no longer runs. A run still writing keeps its own.
 * Returns how many were removed. Missing folders are fine.
 */
export async function removeStaleTemps(dir: string, depth = 3): Promise<number> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory() && depth > 0) removed += await removeStaleTemps(p, depth - 1);
    else if (e.isFile()) {
      const m = TEMP.exec(e.name);
      if (m && !alive(Number(m[1]))) {
        await rm(p, { force: true });
        removed++;
      }
    }
  }
  return removed;
}
