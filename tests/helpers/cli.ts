import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'piao.js');

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
