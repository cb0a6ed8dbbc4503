/**
 * `npm run fuzz`: the property tests, the workbook and CSV fuzzing and the SIGKILL test, pushed much
 * harder than in `npm test` (PIAO_FUZZ_RUNS runs per property, PIAO_KILL_RUNS kills; both may be
 * set in the environment). A failure prints the seed to replay with PIAO_FUZZ_SEED.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const env = { ...process.env, PIAO_FUZZ_RUNS: process.env.PIAO_FUZZ_RUNS ?? '10000', PIAO_KILL_RUNS: process.env.PIAO_KILL_RUNS ?? '25' };
process.stdout.write(`piao fuzz: ${env.PIAO_FUZZ_RUNS} esecuzioni per proprietà, ${env.PIAO_KILL_RUNS} interruzioni del batch\n`);
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), 'tests/property', 'tests/cli/kill', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
process.exitCode = r.status ?? 1;
