import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Writes a file atomically: a temporary file beside it, then a rename. A reader never sees half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // the final name's start is enough to recognise it: a long name plus the suffix would pass 255 bytes
  const tmp = join(dirname(path), `.piao-tmp-${[...basename(path)].slice(0, 40).join('')}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
