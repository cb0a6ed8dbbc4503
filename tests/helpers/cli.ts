import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'piao.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command (bin/piao.js, as after `npm ci`) in a child process, stdout and stderr not a terminal. */
export function runCli(args: string[], cwd = ROOT): CliRun {
  if (!existsSync(join(ROOT, 'build', 'importer', 'cli', 'run.js'))) throw new Error("build/ manca: esegui 'npm run build:cli' (npm test lo fa da sé)");
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PIAO_DEBUG: '' }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `piao` and kills it with SIGKILL after `afterMs`; resolves with how it ended. */
export function runCliKilledAfter(args: string[], afterMs: number): Promise<{ killed: boolean; status: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore', env: { ...process.env, PIAO_DEBUG: '' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', (status, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', status });
    });
  });
}

/** Every file under a folder (relative path -> sha256), to prove sources untouched. */
export function hashFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p, r);
      else if (e.isFile()) out[r] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

/** Every file under a folder, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return Object.keys(hashFiles(dir)).sort();
}
