/**
 * End-to-end tests run the built command (bin/piao.js -> build/). `npm ci` builds it (prepare);
 * here it is rebuilt only when a source file is newer than the build, so a test never runs stale code.
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

export default function globalSetup(): void {
  const root = join(__dirname, '..');
  const entry = join(root, 'build', 'importer', 'cli', 'run.js');
  const sources = Math.max(newest(join(root, 'importer')), statSync(join(root, 'tsconfig.build.json')).mtimeMs);
  if (existsSync(entry) && statSync(entry).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(root, 'node_modules', '.bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
}
