/**
 * The built command on bad inputs, as a user runs it: one Italian line per unreadable file, never
 * a stack trace, the other files imported, exit status 3; and a batch whose folder and file names
 * try to climb out of the output folder.
 */
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dossier } from '../../importer/engine/schema/dossier';
import { CORPUS, GOOD_FILE, goodWorkbook } from '../robustness/make-corpus';
import { hashFiles, listFiles, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/xlsx';

const PICK = ['corrupt-zip', 'password-xlsx', 'zip-bomb-declared', 'xml-entity-bomb', 'binary-csv', 'legacy-xls', 'unclosed-quote-csv', 'zero-byte-sheet'];

describe('piao on bad inputs (built command)', () => {
  it('import: one Italian line per unreadable file on stderr, the rest imported, exit 3, no stack trace', async () => {
    const dir = tempDir('piao-e2e-');
    const dossier = join(dir, 'ente');
    mkdirSync(dossier);
    const cases = CORPUS.filter((c) => PICK.includes(c.id));
    for (const c of cases) writeFileSync(join(dossier, c.file), await c.bytes());
    writeFileSync(join(dossier, GOOD_FILE), await goodWorkbook());
    const sources = hashFiles(dossier);

    const r = runCli(['import', dossier, '--out', join(dir, 'out')]);
    expect(r.status).toBe(3);
    const errLines = r.stderr.trim().split('\n');
    const refused = ['danneggiato.xlsx', 'protetto.xlsx', 'bomba.xlsx', 'risate.xlsx', 'binario.csv', 'vecchio.xls'];
    // one line per file not read, and one for the damaged workbook whose copy keeps values, not formatting
    expect(errLines).toHaveLength(refused.length + 1);
    expect(errLines).toContainEqual(expect.stringMatching(/^piao: foglio-vuoto\.xlsx: la copia annotata riporta valori e segnalazioni ma non la formattazione originale \(.+\)\.$/));
    for (const file of refused) expect(errLines.some((l) => l.startsWith(`piao: ${file}: `))).toBe(true);
    for (const out of [r.stdout, r.stderr]) {
      expect(out).not.toMatch(/\n\s+at |Error:|errore imprevisto/);
    }
    expect(r.stdout).toContain(`✓ ${GOOD_FILE}`);
    expect(r.stdout).toMatch(/\[read-problem\] virgolette!A3: alla riga 3 del file si aprono delle virgolette/);
    expect(r.stdout).toMatch(/\[read-problem\] Obiettivi!A1: il foglio «Rovinato» è vuoto o danneggiato/);
    const written = JSON.parse(readFileSync(join(dir, 'out', 'piao.json'), 'utf8')) as Dossier;
    expect(Dossier.parse(written).sources.filter((s) => s.status === 'ok').map((s) => s.file).sort()).toEqual([GOOD_FILE, 'foglio-vuoto.xlsx', 'virgolette.csv']);
    expect(hashFiles(dossier)).toEqual(sources);
  }, 120_000);

  it('batch: folder and file names that look like paths never put an output outside --out', async () => {
    const parent = tempDir('piao-traversal-');
    const root = join(parent, 'radice');
    const outside = join(parent, 'fuori');
    mkdirSync(outside);
    writeFileSync(join(outside, 'segreto.xlsx'), await goodWorkbook());
    const good = await goodWorkbook();
    // (names starting with a dot are hidden folders, skipped: these climb from inside a name)
    const names = ['x\\..\\..\\fuori', 'con:due punti', 'CON', 'a:b', 'a_b', ' spazi finali. '];
    for (const n of names) {
      mkdirSync(join(root, n), { recursive: true });
      writeFileSync(join(root, n, GOOD_FILE), good);
    }
    mkdirSync(join(root, 'file-strani'), { recursive: true });
    writeFileSync(join(root, 'file-strani', 'x\\..\\..\\x.xlsx'), good);
    writeFileSync(join(root, 'file-strani', 'y..%2F..%2Fy.xlsx'), good);
    symlinkSync(outside, join(root, 'collegamento'), 'dir');
    const before = readdirSync(parent).sort();
    const sources = hashFiles(root);

    const out = join(parent, 'risultati');
    const r = runCli(['batch', root, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(parent).sort()).toEqual([...before, 'risultati'].sort());
    expect(readdirSync(outside)).toEqual(['segreto.xlsx']);
    const files = listFiles(out);
    const perDossier = (d: string, copies: string[]) => ['piao.json', 'mappatura.json', 'PIAO.xlsx', 'report.html', ...copies.map((c) => `annotated/${c}`)].map((f) => `${d}/${f}`);
    expect(files).toEqual(
      [' spazi finali', '_CON', 'x_.._.._fuori', 'a_b', 'a_b-2', 'con_due punti']
        .flatMap((d) => perDossier(d, [GOOD_FILE]))
        .concat(perDossier('file-strani', ['x_.._.._x.xlsx', 'y.._2F.._2Fy.xlsx']), 'summary.json', 'summary.xlsx')
        .sort(),
    );
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { dossiers: { name: string; outDir: string }[] };
    expect(summary.dossiers.map((d) => [d.name, d.outDir])).toContainEqual(['x\\..\\..\\fuori', 'x_.._.._fuori']);
    const strange = JSON.parse(readFileSync(join(out, 'file-strani', 'piao.json'), 'utf8')) as Dossier;
    expect(strange.sources.map((s) => [s.file, s.status])).toEqual([
      ['x\\..\\..\\x.xlsx', 'ok'],
      ['y..%2F..%2Fy.xlsx', 'ok'],
    ]);
    expect(hashFiles(root)).toEqual(sources);
  }, 120_000);
});
