import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../importer/cli/main';
import { Dossier } from '../../importer/engine/schema/dossier';
import { pratoObjectivesWorkbook } from '../../templates/scripts/samples/prato-objectives';
import { cleanObjectivesWorkbook } from '../../templates/scripts/samples/clean-objectives';
import { tempDir } from '../helpers/xlsx';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

async function writeBook(path: string, wb: import('exceljs').Workbook): Promise<void> {
  writeFileSync(path, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

describe('piao import', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    await writeBook(join(dir, 'in', 'prato.xlsx'), pratoObjectivesWorkbook());
    writeFileSync(join(dir, 'in', 'sub', 'rotto.xlsx'), 'questo non è un file excel');
    writeFileSync(join(dir, 'in', 'vecchio.xls'), Buffer.alloc(10));
    writeFileSync(join(dir, 'in', 'appunti.docx'), 'ignored: not a spreadsheet');
  });

  it('imports the readable files, names each unreadable one in Italian, exits 3', async () => {
    const { io, out, err } = captureIo();
    const code = await main(['import', join(dir, 'in'), '--out', join(dir, 'out')], io);
    expect(code).toBe(3);
    const d: Dossier = JSON.parse(readFileSync(join(dir, 'out', 'piao.json'), 'utf8'));
    expect(() => Dossier.parse(d)).not.toThrow();
    expect(d.sources.map((s) => [s.file, s.status])).toEqual([
      ['prato.xlsx', 'ok'],
      ['sub/rotto.xlsx', 'failed'],
      ['vecchio.xls', 'failed'],
    ]);
    expect(d.sources[1].error).toMatch(/^sub\/rotto\.xlsx: non è una cartella di lavoro Excel valida/);
    expect(d.sources[2].error).toMatch(/^vecchio\.xls: .*salvalo come \.xlsx/);
    expect(d.objectives.filter((o) => o.level === 'performance')).toHaveLength(34);
    expect(err.join('\n')).toMatch(/sub\/rotto\.xlsx/);
    expect(out.join('\n')).toMatch(/obiettivi: 3 valore pubblico, 5 linee di mandato, 13 strategici, 16 operativi, 34 di performance/);
    expect(out.join('\n')).toMatch(/ERRORE \[code-parent-mismatch\] Performance 2024-2026!C\d+/);
  });

  it('exits 0 on a clean dossier, and 1 with --fail-on only when findings reach that level', async () => {
    const clean = join(dir, 'clean');
    mkdirSync(clean, { recursive: true });
    await writeBook(join(clean, 'obiettivi.xlsx'), cleanObjectivesWorkbook());
    expect(await main(['import', clean, '--out', join(dir, 'out-clean'), '--fail-on', 'warning'], captureIo().io)).toBe(0);
    const prato = join(dir, 'in', 'prato.xlsx');
    expect(await main(['import', prato, '--out', join(dir, 'out-p'), '--fail-on', 'error'], captureIo().io)).toBe(1);
    expect(await main(['import', prato, '--out', join(dir, 'out-p')], captureIo().io)).toBe(0);
  });

  it('answers usage errors with exit 2 and an Italian line', async () => {
    const cases: [string[], RegExp][] = [
      [['import', join(dir, 'in')], /--out/],
      [['import', '--out', join(dir, 'x')], /almeno un file/],
      [['esporta'], /comando sconosciuto/],
      [['import', join(dir, 'in'), '--out', join(dir, 'in', 'risultati')], /dentro la cartella di input/],
      [['import', join(dir, 'in'), '--out', join(dir, 'o'), '--fail-on', 'tutto'], /--fail-on/],
      [['import', join(dir, 'in'), '--out', join(dir, 'o'), '--boh'], /opzione non valida/],
      // Node's own English never reaches the officer
      [['import', join(dir, 'in'), '--out', join(dir, 'o'), '--boh'], /^piao: opzione non valida: «--boh» non è un'opzione di piao\.$/m],
      [['import', join(dir, 'in'), '--out'], /«--out» vuole un valore/],
      [['import', join(dir, 'in'), '--out', join(dir, 'o'), '--quiet=si'], /«--quiet» non vuole un valore/],
    ];
    for (const [args, message] of cases) {
      const { io, err } = captureIo();
      expect(await main(args, io)).toBe(2);
      expect(err.join('\n')).toMatch(message);
      expect(err.join('\n')).not.toMatch(/Unknown option|argument missing|does not take/);
    }
    expect(existsSync(join(dir, 'in', 'risultati'))).toBe(false);
  });

  it('prints help in Italian', async () => {
    const { io, out } = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Uso:\n {2}piao import <file\|cartella>\.\.\. --out <cartella>/);
    expect(out.join('\n')).toMatch(/Codici di uscita/);
  });

  it('never shows a stack trace from the installed command, and leaves sources untouched', () => {
    const bin = join(__dirname, '..', '..', 'bin', 'piao.js');
    if (!existsSync(join(__dirname, '..', '..', 'build', 'importer', 'cli', 'run.js'))) execFileSync('npm', ['run', 'build:cli'], { cwd: join(__dirname, '..', '..') });
    const before = readFileSync(join(dir, 'in', 'prato.xlsx'));
    const r = spawnSync(process.execPath, [bin, 'import', join(dir, 'in'), '--out', join(dir, 'out-bin')], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/piao: sub\/rotto\.xlsx: non è una cartella di lavoro Excel valida/);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readFileSync(join(dir, 'in', 'prato.xlsx')).equals(before)).toBe(true);
  });
});
