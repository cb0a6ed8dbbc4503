/**
 * The bench and the end-to-end tests run the built command (build/, made by `npm run build:cli`,
 * which `npm ci` runs). It is rebuilt here only when a source is newer than the build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
  let latest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) latest = Math.max(latest, newest(p));
    else if (/\.(ts|json|csv)$/.test(e.name)) latest = Math.max(latest, statSync(p).mtimeMs);
  }
  return latest;
}

export const ROOT = join(__dirname, '..');

export function ensureBuild(): void {
  const entry = join(ROOT, 'build', 'importer', 'cli', 'run.js');
  const sources = Math.max(newest(join(ROOT, 'importer')), statSync(join(ROOT, 'tsconfig.build.json')).mtimeMs);
  if (existsSync(entry) && statSync(entry).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', '.bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
}
