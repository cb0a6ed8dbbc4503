/**
 * Writes the corpus of realistic layouts (tests/corpus/fixtures) to a folder, with a manifest of
 * what each file reproduces and what the engine must make of it:
 *   node -r @swc-node/register tests/corpus/make-corpus.ts [out-dir]   (default: out/corpus)
 * With --check, also runs each file through the readers and the engine and prints the differences.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compare, runFixture } from './compare';
import { Fixture } from './fixtures/kit';
import { OBJECTIVE_FIXTURES } from './fixtures/objectives';
import { STAFF_FIXTURES } from './fixtures/staff';

export const CORPUS: Fixture[] = [...STAFF_FIXTURES, ...OBJECTIVE_FIXTURES];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const only = args.filter((a) => a.startsWith('--only=')).map((a) => a.slice(7));
  const dir = args.find((a) => !a.startsWith('--')) ?? join('out', 'corpus');
  await mkdir(dir, { recursive: true });
  const manifest = [];
  let failed = 0;
  for (const f of CORPUS) {
    if (only.length && !only.some((o) => f.file.includes(o))) continue;
    await writeFile(join(dir, f.file), await f.bytes());
    manifest.push({ file: f.file, source: f.source, features: f.features, planted: Boolean(f.planted), expected: f.expected });
    if (check) {
      const a = await runFixture(f);
      const diff = compare(f, a);
      if (diff.length) failed++;
      console.log(`${diff.length ? 'FAIL' : 'ok  '} ${f.file}${diff.length ? `\n  ${diff.join('\n  ')}` : ''}`);
      if (process.env.CORPUS_VERBOSE) {
        for (const s of a.dossier.sources[0].sheets) console.log(`    ${s.name}: ${s.kind} ${JSON.stringify(s.tables?.map((t) => [t.range, t.kind, t.title]))}`);
        for (const x of a.dossier.findings) console.log(`    [${x.severity}] ${x.rule} ${x.cell}: ${x.message}`);
        console.log(`    pap ${JSON.stringify(a.dossier.pap)}`);
      }
    }
  }
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  console.log(`${manifest.length} file scritti in ${dir}${check ? `; ${failed} non conformi` : ''}`);
  if (failed) process.exitCode = 1;
}

if (require.main === module) void main();
