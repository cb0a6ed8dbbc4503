import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { collectInputs } from '../../importer/cli/collect';
import { importDossier } from '../../importer/cli/import-dossier';
import { EXIT, HELP } from '../../importer/cli/main';
import { Dossier } from '../../importer/engine/schema/dossier';
import { annotatedNames } from '../../importer/write/cells';
import { safeSegment } from '../../importer/write/safe-path';
import { BIN, ROOT, listFiles, runCli } from '../helpers/cli';
import { staffWorkbook } from '../helpers/staff';
import { tempDir } from '../helpers/xlsx';

/**
 * The command line's own edges, as a hostile world makes them: special files among the inputs,
 * an impossible --out, output names from long, similar or hostile source names, and the exit
 * status (only 0, 1, 2, 3, each documented).
 */

/** A small headcount table whose total is wrong in B5: every copy has a finding, so a link. */
function staffBook(): ExcelJS.Workbook {
  return staffWorkbook({ Personale: [['Personale al 31/12/2023'], ['Categoria', 'Donne', 'Uomini'], ['Cat. D', 5, 4], ['Cat. C', 10, 8], ['Totale', 16, 12]] });
}

async function writeBook(path: string): Promise<void> {
  writeFileSync(path, Buffer.from((await staffBook().xlsx.writeBuffer()) as ArrayBuffer));
}

const CSV = 'Categoria;Donne;Uomini\r\nCat. D;5;4\r\nCat. C;10;8\r\nTotale;16;12\r\n';

/** No English errno, no stack, no «errore imprevisto»: what an officer must never read. */
function expectItalianOnly(text: string): void {
  expect(text).not.toMatch(/errore imprevisto|\bE[A-Z]{3,}\b:|no such file|permission denied|not a directory|\bat .*\.js:\d+/i);
}

function listen(path: string): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(path, () => resolve(server));
  });
}

describe('special files among the inputs: refused in one Italian line, never opened, the others imported', () => {
  let dir: string;
  let server: Server;
  beforeAll(async () => {
    dir = tempDir('piao-special-');
    mkdirSync(join(dir, 'cartella'));
    await writeBook(join(dir, 'cartella', 'personale.xlsx'));
    execFileSync('mkfifo', [join(dir, 'cartella', 'dati.csv')]);
    execFileSync('mkfifo', [join(dir, 'pipe-senza-nome')]);
    server = await listen(join(dir, 'cartella', 'presa.sock'));
    symlinkSync('/dev/zero', join(dir, 'cartella', 'zeri.xlsx'));
    symlinkSync(join(dir, 'non-esiste.xlsx'), join(dir, 'cartella', 'rotto.xlsx'));
    symlinkSync(join(dir, 'cartella', 'personale.xlsx'), join(dir, 'cartella', 'collegato.xlsx')); // a link to a file beside it: that file, read once
    symlinkSync(join(dir, 'cartella'), join(dir, 'cartella', 'giro')); // a link back to its own folder: not followed
  });
  afterAll(() => server.close());

  it('in a folder: a pipe, a socket, a link to a device, a link to nothing; a link to a folder is not walked', async () => {
    const r = runCli(['import', join(dir, 'cartella'), '--out', join(dir, 'out1')]);
    expect(r.status).toBe(3);
    const d: Dossier = JSON.parse(readFileSync(join(dir, 'out1', 'piao.json'), 'utf8'));
    expect(d.sources.map((s) => [s.file, s.status])).toEqual([
      ['dati.csv', 'failed'],
      ['personale.xlsx', 'ok'],
      ['presa.sock', 'failed'],
      ['rotto.xlsx', 'failed'],
      ['zeri.xlsx', 'failed'],
    ]);
    const error = (f: string) => d.sources.find((s) => s.file === f)!.error;
    expect(error('dati.csv')).toMatch(/^dati\.csv: è una pipe con nome \(FIFO\), non un file/);
    expect(error('presa.sock')).toMatch(/^presa\.sock: è un socket, non un file/);
    expect(error('zeri.xlsx')).toMatch(/^zeri\.xlsx: è un dispositivo a caratteri/);
    expect(error('rotto.xlsx')).toMatch(/^rotto\.xlsx: è un collegamento simbolico a un file che non esiste/);
    // one line each on stderr, and the readable file imported
    for (const f of ['dati.csv', 'presa.sock', 'zeri.xlsx', 'rotto.xlsx', 'collegato.xlsx']) expect(r.stderr.split('\n').filter((l) => l.startsWith(`piao: ${f}: `))).toHaveLength(1);
    expect(r.stderr).toContain('piao: collegato.xlsx: è lo stesso file di personale.xlsx');
    expect(d.pap.headcount).toMatchObject({ F: 15, M: 12 });
    expectItalianOnly(r.stderr);
  });

  it('given as inputs: a named pipe, /dev/null and /dev/zero beside a readable file', () => {
    const r = runCli(['import', join(dir, 'pipe-senza-nome'), '/dev/null', '/dev/zero', join(dir, 'cartella', 'personale.xlsx'), '--out', join(dir, 'out2')]);
    expect(r.status).toBe(3);
    const d: Dossier = JSON.parse(readFileSync(join(dir, 'out2', 'piao.json'), 'utf8'));
    expect(d.sources.filter((s) => s.status === 'failed').map((s) => s.error!.replace(/:.*$/, ''))).toEqual([expect.stringMatching(/pipe-senza-nome$/), expect.stringMatching(/null$/), expect.stringMatching(/zero$/)]);
    expect(d.sources.find((s) => s.status === 'ok')!.file).toMatch(/personale\.xlsx$/);
    expectItalianOnly(r.stderr);
  });

  it('a named pipe or a device given as --mappa: one Italian line and exit 2, never a wait', () => {
    for (const mappa of [join(dir, 'pipe-senza-nome'), '/dev/zero']) {
      const r = runCli(['import', join(dir, 'cartella', 'personale.xlsx'), '--out', join(dir, 'out-mappa'), '--mappa', mappa]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^piao: --mappa: .* è (una pipe con nome|un dispositivo a caratteri).*: indica il file mappatura\.json\./);
    }
  });

  it('in a batch: the pipe is a failed file of its dossier, the others are imported', () => {
    const r = runCli(['batch', dir, '--out', join(tempDir('piao-special-batch-'), 'out')]);
    expect(r.status).toBe(3);
    // personale.xlsx, read once (collegato.xlsx links to it), and four refused
    expect(r.stdout).toMatch(/cartella: 1 file letto, 4 file non letti/);
    expectItalianOnly(r.stderr);
  });
});

describe('an impossible --out: one Italian line and exit 2, before any file is read', () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = tempDir('piao-out-edge-');
    input = join(dir, 'in');
    mkdirSync(input);
    await writeBook(join(input, 'personale.xlsx'));
    writeFileSync(join(dir, 'un-file'), 'x');
    mkdirSync(join(dir, 'occupata', 'piao.json'), { recursive: true });
    mkdirSync(join(dir, 'occupata-batch', 'summary.xlsx'), { recursive: true });
    writeFileSync(join(dir, 'annotated-file'), '');
    mkdirSync(join(dir, 'con-file-annotated'));
    writeFileSync(join(dir, 'con-file-annotated', 'annotated'), 'x');
    symlinkSync(join(dir, 'sparita'), join(dir, 'link-a-niente'));
  });

  const cases: [string, () => string[], RegExp][] = [
    ['an existing file', () => ['import', input, '--out', join(dir, 'un-file')], /è un file, non una cartella/],
    ['a folder under a file', () => ['import', input, '--out', join(dir, 'un-file', 'sotto')], /un-file è un file, non una cartella, quindi la cartella dei risultati non si può creare lì/],
    ['a device', () => ['import', input, '--out', '/dev/null'], /è un dispositivo a caratteri/],
    ['a place no one can create a folder in (/proc)', () => ['import', input, '--out', '/proc/piao-risultati'], /non si può creare/],
    ['a name too long for the file system', () => ['import', input, '--out', join(dir, 'x'.repeat(300))], /troppo lungo/],
    ['a link to a folder that does not exist', () => ['import', input, '--out', join(dir, 'link-a-niente')], /collegamento simbolico a una cartella che non esiste/],
    ['a folder where piao.json is a folder', () => ['import', input, '--out', join(dir, 'occupata')], /contiene una cartella «piao\.json»/],
    ['a folder where annotated is a file', () => ['import', input, '--out', join(dir, 'con-file-annotated')], /contiene un file «annotated»/],
    ['batch: an existing file', () => ['batch', input, '--out', join(dir, 'un-file')], /è un file, non una cartella/],
    ['batch: summary.xlsx is a folder', () => ['batch', input, '--out', join(dir, 'occupata-batch')], /contiene una cartella «summary\.xlsx»/],
  ];

  it.each(cases)('%s', (_, args, reason) => {
    const r = runCli(args());
    expect(r.status).toBe(2);
    expect(r.stdout).toBe(''); // nothing was read: no summary of the dossier
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^piao: --out .*: /);
    expect(lines[0]).toMatch(reason);
    expect(lines).toHaveLength(2); // the line, and where to find help
    expectItalianOnly(r.stderr);
  });

  it('a read-only folder (when the tests do not run as root, who may write anywhere)', () => {
    const ro = join(dir, 'sola-lettura');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const r = runCli(['import', input, '--out', join(ro, 'risultati')]);
    chmodSync(ro, 0o755);
    if (process.getuid?.() === 0) {
      expect(r.status).toBe(0);
      return;
    }
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^piao: --out .*: la cartella .* non si può creare \(mancano i permessi di scrittura\)/);
  });

  it('creates a new --out with the folders above it, and leaves no test file behind', () => {
    const out = join(dir, 'nuova', 'più', 'giù');
    const r = runCli(['import', input, '--out', out]);
    expect(r.status).toBe(0);
    expect(listFiles(out).filter((f) => f.includes('.piao-tmp'))).toEqual([]);
    expect(existsSync(join(out, 'piao.json'))).toBe(true);
  });
});

describe('the exit status', () => {
  it('is only ever 0, 1, 2 or 3, and the help and the README say what each means', () => {
    expect(Object.values(EXIT).sort()).toEqual([0, 1, 2, 3]);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const code of Object.values(EXIT)) {
      expect(HELP).toMatch(new RegExp(`^  ${code}  \\S`, 'm'));
      expect(readme).toMatch(new RegExp(`\`${code}\` \\S`));
    }
  });

  it('a results folder that fails half-way (stdout on a full disk) is one Italian line and exit 3, never another code', () => {
    const dir = tempDir('piao-full-');
    writeFileSync(join(dir, 'dati.csv'), CSV);
    const r = spawnSync(process.execPath, [BIN, 'import', join(dir, 'dati.csv'), '--out', join(dir, 'out')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, env: { ...process.env, PIAO_DEBUG: '' } });
    expect(r.status).toBe(0);
    // /dev/full refuses every write with ENOSPC, as a full disk does
    const full = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" import "${join(dir, 'dati.csv')}" --out "${join(dir, 'out2')}" > /dev/full`], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, PIAO_DEBUG: '' } });
    expect(full.status).toBe(3);
    expect(full.stderr.trim()).toBe("piao: l'importazione si è interrotta prima della fine: il disco è pieno.");
  });

  it('an output that cannot be written never stops the others, and is said in Italian', async () => {
    const dir = tempDir('piao-one-output-');
    writeFileSync(join(dir, 'dati.csv'), CSV);
    const out = join(dir, 'out');
    mkdirSync(join(out, 'report.html'), { recursive: true }); // a folder where the report goes
    const { files } = await collectInputs([join(dir, 'dati.csv')]);
    const result = await importDossier(files, out);
    expect(result.outputsFailed).toBe(1);
    expect(result.outputs).toEqual(expect.arrayContaining(['piao.json', 'mappatura.json', 'PIAO.xlsx', 'annotated/dati.xlsx']));
    expect(result.warnings).toEqual(['report.html non si è potuto scrivere (è una cartella).']);
  });
});

describe('output names from long, similar or hostile source names', () => {
  const long = 'Relazione sul personale dipendente '.repeat(6); // 210 characters: with the year and extension, near the 255 bytes a file system allows
  const accented = 'è'.repeat(120); // 240 bytes in UTF-8 for 120 characters
  const names = [
    'a.xlsx',
    'A.xlsx',
    'a.csv',
    'a.txt',
    'a (2).xlsx',
    `${long}2023.xlsx`,
    `${long}2024.xlsx`,
    `${long}2024.csv`,
    `${accented}.xlsx`,
    'dati#1.xlsx',
    'quota 100%.csv',
    'con:due?punti*.xlsx',
    'CON.xlsx',
    'x_1.xlsx',
    'x?1.xlsx/y.xlsx', // a folder whose safe name is the copy of the file above
    'sotto/x.xlsx',
    'Sotto/x.xlsx',
  ];

  it('every source gets its own copy, ending in .xlsx, within a file system name', () => {
    const map = annotatedNames(names);
    const targets = [...map.values()];
    expect(new Set(targets.map((t) => t.toLowerCase())).size).toBe(names.length);
    for (const t of targets) {
      expect(t).toMatch(/^annotated\/.*\.xlsx$/);
      for (const seg of t.split('/')) {
        expect(Buffer.byteLength(seg)).toBeLessThanOrEqual(200);
        expect(safeSegment(seg)).toBe(seg); // the writer makes each segment safe again: it must not change
      }
      expect(t).not.toMatch(/[#%:?*]/);
    }
    // no copy where another needs a folder
    for (const t of targets) expect(targets.some((o) => o.toLowerCase().startsWith(`${t.toLowerCase()}/`))).toBe(false);
    // long names differing only at the end stay distinct, and say which they were
    expect(map.get(`${long}2023.xlsx`)).not.toBe(map.get(`${long}2024.xlsx`));
    expect(safeSegment(`${long}2024.csv`)).toMatch(/~[0-9a-f]{8}\.csv$/);
    // the same files always give the same names, whatever their order
    expect([...annotatedNames([...names].reverse())].sort()).toEqual([...map].sort());
  });

  it('an import writes each copy, and every link of PIAO.xlsx and report.html reaches an existing file', async () => {
    const dir = tempDir('piao-names-');
    const input = join(dir, 'in');
    for (const n of names) {
      mkdirSync(join(input, n, '..'), { recursive: true });
      if (/\.(csv|txt)$/.test(n)) writeFileSync(join(input, n), CSV);
      else await writeBook(join(input, n));
    }
    const out = join(dir, 'out');
    const r = runCli(['import', input, '--out', out, '-q']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const d: Dossier = JSON.parse(readFileSync(join(out, 'piao.json'), 'utf8'));
    expect(d.sources).toHaveLength(names.length);
    expect(listFiles(join(out, 'annotated'))).toHaveLength(names.length);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'PIAO.xlsx'));
    const links: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { hyperlink?: string } | null;
          if (v && typeof v === 'object' && v.hyperlink && !v.hyperlink.startsWith('#')) links.push(decodeURIComponent(v.hyperlink.split('#')[0]));
        }),
      ),
    );
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const hrefs = [...html.matchAll(/href="([^"#]+)[^"]*"/g)].map((m) => decodeURIComponent(m[1].replace(/&amp;/g, '&')));
    expect(new Set(links).size).toBe(names.length); // each source's findings link to its own copy
    expect(new Set(hrefs).size).toBe(names.length);
    for (const l of [...links, ...hrefs]) expect([l, existsSync(join(out, l))]).toEqual([l, true]);
  });
});
