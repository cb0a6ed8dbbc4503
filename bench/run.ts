/**
 * `npm run bench`: generates large realistic inputs in a temporary folder, measures piao against
 * the libraries it is built on (on the same files, in the same run), prints the ratios with their
 * targets and writes them to bench/results.md. Not part of `npm test`: speed is measured here,
 * never asserted in a timed test.
 *
 * Options: --reps N (repetitions of each measurement, default 3), --keep (keep the generated inputs), --dir <folder> (where to generate them, and where
 * inputs already generated are reused). Takes about 5 minutes on 2 cores.
 */
import { transformFileSync } from '@swc/core';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { SAMPLE_WORKBOOKS } from '../templates/scripts/make-samples';
import { ROOT, ensureBuild } from './ensure-build';
import { attendanceCsvLines } from './generate/attendance';
import { writeObjectivesXlsx } from './generate/objectives';
import { registerCsvLines, writeRegisterXlsx } from './generate/register';

interface Measure {
  ms: number;
  maxRssMB: number;
  phases?: { read: number; engine: number; write: number };
  cells?: number;
}

interface SyncFigures {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalBytes: number;
}

interface AddinMeasure {
  ms: number;
  cells: number;
  findings: number;
  flagged: number;
  read: SyncFigures;
  all: SyncFigures;
  flag: { syncs: number };
  payloadLimit: number;
}

const { values: opts } = parseArgs({ options: { reps: { type: 'string' }, keep: { type: 'boolean' }, dir: { type: 'string' } } });
const REPS = Number(opts.reps ?? 3);
const BATCH_DOSSIERS = 40;
const ADDIN_ROWS = 50_000;

const it = (n: number, digits = 1) => n.toLocaleString('it-IT', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const seconds = (ms: number) => `${it(ms / 1000, ms < 10_000 ? 2 : 1)} s`;
const mb = (v: number) => `${it(v, 0)} MB`;
const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${it(bytes / 1024 / 1024, 2)} MB` : `${it(bytes / 1024, 0)} KB`);
const size = (path: string) => `${it(statSync(path).size / 1024 / 1024, 1)} MB`;

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function compileTask(): string {
  const out = join(ROOT, 'build', 'bench', 'task.js');
  mkdirSync(dirname(out), { recursive: true });
  const { code } = transformFileSync(join(ROOT, 'bench', 'task.ts'), { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } });
  writeFileSync(out, code);
  return out;
}

let TASK = '';

/**
 * Runs one measurement `reps` times, each in a fresh process: the best time (the least disturbed
 * by whatever else the machine runs), and the highest peak memory.
 */
function measure(label: string, args: string[], reps = REPS): Measure {
  const runs: Measure[] = [];
  for (let i = 0; i < reps; i++) {
    const r = spawnSync(process.execPath, [TASK, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as Measure);
  }
  runs.sort((a, b) => a.ms - b.ms);
  const result = { ...runs[0], maxRssMB: Math.max(...runs.map((r) => r.maxRssMB)) };
  log(`  ${label}: ${seconds(result.ms)}, picco ${mb(result.maxRssMB)}${result.phases ? ` (lettura ${seconds(result.phases.read)}, motore ${seconds(result.phases.engine)}, scrittura ${seconds(result.phases.write)})` : ''}`);
  return result;
}

/**
 * How the machine itself scales: the same fixed work (arithmetic only, or allocating small objects
 * as exceljs does) in one process alone, then in `n` processes at once. Returns the speedup n
 * processes give (n × time alone / time of the slowest of the n).
 */
async function machineScaling(task: 'arithmetic' | 'allocation', n: number): Promise<number> {
  const once = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [TASK, task]);
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve((JSON.parse(out.trim().split('\n').pop()!) as Measure).ms) : reject(new Error(`${task}: uscita ${code}`))));
    });
  const alone = await once();
  const together = Math.max(...(await Promise.all(Array.from({ length: n }, once))));
  const speedup = (n * alone) / together;
  log(`  la macchina, lavoro ${task === 'arithmetic' ? 'di solo calcolo' : 'che alloca oggetti'}: ${seconds(alone)} in un processo, ${seconds(together)} in ${n} processi insieme (${it(speedup, 2)}×)`);
  return speedup;
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const stream = createWriteStream(path);
  let buffer: string[] = [];
  for (const line of lines) {
    buffer.push(line);
    if (buffer.length >= 10_000) {
      if (!stream.write(`${buffer.join('\r\n')}\r\n`)) await new Promise<void>((r) => stream.once('drain', () => r()));
      buffer = [];
    }
  }
  if (buffer.length) stream.write(`${buffer.join('\r\n')}\r\n`);
  await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

interface Row {
  /** Names the row for the notes under the table. */
  id?: string;
  what: string;
  piao: string;
  base: string;
  ratio: number;
  target: string;
  pass: boolean;
}

function ratioRow(what: string, piao: number, base: number, target: number, kind: 'time' | 'memory' | 'share' | 'speedup'): Row {
  const ratio = kind === 'speedup' ? base / piao : piao / base;
  const show = kind === 'memory' ? mb : kind === 'share' ? (v: number) => seconds(v) : seconds;
  const pass = kind === 'speedup' ? ratio >= target : ratio <= target;
  const targetText = kind === 'share' ? `≤ ${it(target * 100, 0)}%` : kind === 'speedup' ? `≥ ${it(target, 1)}×` : `≤ ${it(target, 1)}×`;
  return { what, piao: show(piao), base: show(base), ratio, target: targetText, pass };
}

/** The ratio as shown; one more digit when the rounded figure would read as the target itself (2,00× short). */
function formatRatio(r: Row): string {
  const percent = r.target.endsWith('%');
  const value = percent ? r.ratio * 100 : r.ratio;
  const shown = (digits: number) => (percent ? `${it(value, digits)}%` : `${it(value, digits)}×`);
  const digits = percent ? 0 : 2;
  const target = Number((/[\d,]+/.exec(r.target)?.[0] ?? '').replace(',', '.'));
  return Number(value.toFixed(digits)) === target ? shown(digits + 1) : shown(digits);
}

interface NotesInput {
  rows: Row[];
  r100: Record<'exceljs' | 'json' | 'full', Measure>;
  obj: Record<'exceljs' | 'json' | 'full', Measure>;
  c: Record<'papa' | 'json' | 'full', Measure>;
  lot: Record<'one' | 'all', Measure>;
  workers: number;
  scaling: Record<'arithmetic' | 'allocation', number>;
}

/** A short explanation under each figure that misses its target (the figures say what was measured). */
function shortNotes(n: NotesInput): string {
  const ph = (m: Measure) => m.phases!;
  const why: Record<string, (r: Row) => string> = {
    json: () => `la lettura in streaming del registro (${seconds(ph(n.r100.json).read)}) e il motore (${seconds(ph(n.r100.json).engine)}) insieme superano il caricamento di exceljs.`,
    'json-memory': () => 'la griglia del motore tiene i valori delle celle lette e i testi che li mostrano.',
    full: () =>
      `lettura in streaming (${seconds(ph(n.r100.json).read)}) e motore (${seconds(ph(n.r100.json).engine)}) fino a piao.json, poi la copia annotata (il foglio segnato riscritto in streaming e ricompresso), PIAO.xlsx e report.html: ${seconds(n.r100.full.ms - n.r100.json.ms)} oltre l'import fino a piao.json.`,
    'full-memory': () => 'il picco è quello della griglia del motore (i valori e i testi delle celle lette), tenuta fino alla fine dell’import.',
    csv: () =>
      `papaparse fa solo il parsing del testo; piao decodifica i byte (UTF-8 o Windows-1252), riconosce il separatore, costruisce la griglia con papaparse (${seconds(ph(n.c.json).read)}), esegue il motore (${seconds(ph(n.c.json).engine)}: il file è un elenco di presenze, nessuna tabella da riconoscere, e i rilevatori di obiettivi e tabelle del personale ne esaminano le prime 200.000 righe) e scrive piao.json, PIAO.xlsx e report.html: la sola lettura costa già più del riferimento.`,
    'share-register': () =>
      `prima dell'aggregazione del registro il motore cerca le tabelle riga per riga con tre rilevatori (obiettivi, tabelle del personale, registri): su 100.000 righe la ricerca costa quanto l'aggregazione. Profilato e corretto: il registro è trovato per primo e gli altri rilevatori saltano le sue righe (importer/engine/detect/claims.ts); intestazioni cercate prima nel vocabolario e solo dopo con il riconoscimento dei numeri. La lettura (${seconds(ph(n.r100.json).read)}) è più veloce da quando piao ha una generazione giovane di V8 più grande (importer/cli/heap.ts): a parità di tempo del motore, la sua quota sale.`,
    'share-csv': () =>
      `la lettura del CSV è veloce (${seconds(ph(n.c.json).read)} per 1.000.000 di righe, in un solo passaggio di papaparse), mentre i rilevatori di obiettivi e tabelle del personale esaminano le prime 200.000 righe una per una (${seconds(ph(n.c.json).engine)}).`,
    'share-objectives': () =>
      `il file è piccolo (lettura ${seconds(ph(n.obj.json).read)}) e quasi tutto il lavoro dell'import è del motore: rilevare la tabella, leggere 10.000 obiettivi, collegarli e controllarli, e provare come tabelle del personale i blocchi di righe che hanno solo codici di missione e programma come cifre (circa 2.000, tutti scartati). Sul comando intero, con copia annotata, PIAO.xlsx e report.html, il motore è il ${it((100 * ph(n.obj.json).engine) / n.obj.full.ms, 0)}% del tempo.`,
    batch: () =>
      `su questa macchina nemmeno un lavoro fisso scala di 2× con ${n.workers} processi: ${it(n.scaling.arithmetic, 2)}× per un lavoro di solo calcolo, ${it(n.scaling.allocation, 2)}× per uno che alloca piccoli oggetti (misure qui sotto). L'import di un dossier è di questo secondo tipo (griglie, record, PIAO.xlsx scritto con exceljs), e con un solo worker il processo usa già più di un core (V8 raccoglie la memoria su altri thread): il batch ottiene ${formatRatio(n.rows.find((r) => r.id === 'batch')!)} contro il ${it(n.scaling.allocation, 2)}× della macchina.`,
  };
  const short = n.rows.filter((r) => !r.pass);
  const lines = short.map((r) => `- **${r.what.replace(/`/g, '')}** (${formatRatio(r)}, obiettivo ${r.target}): ${r.id && why[r.id] ? why[r.id](r) : ''}`);
  const scaling = `\nCome scala la macchina stessa (lo stesso lavoro fisso in 1 processo e in ${n.workers} processi insieme): ${it(n.scaling.arithmetic, 2)}× per il solo calcolo, ${it(n.scaling.allocation, 2)}× per un lavoro che alloca oggetti.\n`;
  return `${lines.length ? `\nDove l'obiettivo non è raggiunto:\n\n${lines.join('\n')}\n` : ''}${scaling}`;
}

/** The add-in task runs from the sources (it loads the add-in and the in-memory Excel of the tests). */
function measureAddin(rows: number): AddinMeasure {
  const r = spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'bench', 'addin-task.ts'), String(rows)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`componente aggiuntivo: ${r.stderr}`);
  const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as AddinMeasure;
  log(`  componente aggiuntivo, Controlla su ${it(rows, 0)} righe × 20: ${m.all.syncs} sync (${m.read.syncs} per leggere, ${m.flag.syncs} per segnalare), carico massimo ${kb(Math.max(m.all.maxRequestBytes, m.all.maxResponseBytes))}`);
  return m;
}

async function benchMain(): Promise<void> {
  ensureBuild();
  TASK = compileTask();
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'piao-bench-'));
  mkdirSync(join(dir, 'out'), { recursive: true });
  const out = (name: string) => join(dir, 'out', name);
  // with --dir, inputs already there are reused
  const missing = (path: string) => !existsSync(path);
  log(`piao bench: input in ${dir}`);

  const started = Date.now();
  const reg10k = join(dir, 'registro-10000.xlsx');
  const reg100k = join(dir, 'registro-100000.xlsx');
  const objectives = join(dir, 'obiettivi-10000.xlsx');
  const csv = join(dir, 'presenze-1000000.csv');
  if (missing(reg10k)) await writeRegisterXlsx(reg10k, 10_000);
  if (missing(reg100k)) await writeRegisterXlsx(reg100k, 100_000);
  if (missing(objectives)) await writeObjectivesXlsx(objectives, 10_000);
  if (missing(csv)) await writeLines(csv, attendanceCsvLines(1_000_000));
  // a batch of 40 dossiers: the sample workbooks, a 2,000-person register and its CSV export each
  const batch = join(dir, 'lotto');
  const batchFiles: [string, string][] = [];
  const reg2k = join(dir, 'registro-2000.xlsx');
  if (missing(reg2k)) await writeRegisterXlsx(reg2k, 2_000);
  const reg2kCsv = join(dir, 'registro-2000.csv');
  if (missing(reg2kCsv)) await writeLines(reg2kCsv, registerCsvLines(2_000));
  batchFiles.push([reg2k, 'personale.xlsx'], [reg2kCsv, 'personale.csv']);
  for (const [file, make] of SAMPLE_WORKBOOKS) {
    const p = join(dir, file.split('/').pop()!);
    writeFileSync(p, Buffer.from((await make().xlsx.writeBuffer()) as ArrayBuffer));
    batchFiles.push([p, file.split('/').pop()!]);
  }
  for (let i = 1; i <= BATCH_DOSSIERS; i++) {
    const d = join(batch, `ente-${String(i).padStart(2, '0')}`);
    mkdirSync(d, { recursive: true });
    for (const [from, name] of batchFiles) copyFileSync(from, join(d, name));
  }
  log(`input generati in ${seconds(Date.now() - started)}: registro 10.000 righe (${size(reg10k)}), 100.000 righe (${size(reg100k)}), obiettivi 10.000 righe (${size(objectives)}), CSV 1.000.000 di righe (${size(csv)}), lotto di ${BATCH_DOSSIERS} dossier da ${batchFiles.length} file`);

  log('misure:');
  const r100 = {
    exceljs: measure('exceljs load, registro 100.000 × 20', ['exceljs-load', reg100k]),
    json: measure('piao import fino a piao.json, registro 100.000 × 20', ['piao-json', out('json-100000'), reg100k]),
    full: measure('piao import completo, registro 100.000 × 20', ['piao-import', out('registro-100000'), reg100k]),
  };
  const r10 = {
    exceljs: measure('exceljs load, registro 10.000 × 20', ['exceljs-load', reg10k]),
    json: measure('piao import fino a piao.json, registro 10.000 × 20', ['piao-json', out('json-10000'), reg10k]),
    full: measure('piao import completo, registro 10.000 × 20', ['piao-import', out('registro-10000'), reg10k]),
  };
  const obj = {
    exceljs: measure('exceljs load, obiettivi 10.000 righe', ['exceljs-load', objectives]),
    json: measure('piao import fino a piao.json, obiettivi 10.000 righe', ['piao-json', out('json-obiettivi'), objectives]),
    full: measure('piao import completo, obiettivi 10.000 righe', ['piao-import', out('obiettivi'), objectives]),
  };
  const c = {
    papa: measure('papaparse, CSV 1.000.000 di righe', ['papaparse', csv]),
    full: measure('piao import completo, CSV 1.000.000 di righe', ['piao-import', out('csv'), csv]),
    json: measure('piao import fino a piao.json, CSV 1.000.000 di righe', ['piao-json', out('json-csv'), csv]),
  };
  const workers = availableParallelism();
  const lot = {
    one: measure(`piao batch, ${BATCH_DOSSIERS} dossier, 1 worker`, ['piao-batch', batch, out('lotto-1'), '1'], 1),
    all: measure(`piao batch, ${BATCH_DOSSIERS} dossier, ${workers} worker`, ['piao-batch', batch, out(`lotto-${workers}`), String(workers)], 1),
  };
  const scaling = { arithmetic: await machineScaling('arithmetic', workers), allocation: await machineScaling('allocation', workers) };
  const addin = measureAddin(ADDIN_ROWS);

  const share = (m: Measure) => m.phases!.engine / (m.phases!.read + m.phases!.engine + m.phases!.write);
  const shareRow = (what: string, m: Measure): Row => {
    const total = m.phases!.read + m.phases!.engine + m.phases!.write;
    return { what, piao: seconds(m.phases!.engine), base: seconds(total), ratio: share(m), target: '≤ 25%', pass: share(m) <= 0.25 };
  };
  const rows: Row[] = [
    { id: 'json', ...ratioRow('`piao import` registro 100.000 × 20 fino a piao.json (lettura in streaming, motore, piao.json) vs exceljs load', r100.json.ms, r100.exceljs.ms, 1.0, 'time') },
    { id: 'json-memory', ...ratioRow('picco di memoria (RSS) dello stesso import vs exceljs load', r100.json.maxRssMB, r100.exceljs.maxRssMB, 1.2, 'memory') },
    { id: 'full', ...ratioRow('`piao import` completo del registro 100.000 × 20 (piao.json, copia annotata, PIAO.xlsx, report.html) vs exceljs load', r100.full.ms, r100.exceljs.ms, 1.0, 'time') },
    { id: 'full-memory', ...ratioRow('picco di memoria (RSS) dell’import completo vs exceljs load', r100.full.maxRssMB, r100.exceljs.maxRssMB, 0.6, 'memory') },
    { id: 'csv', ...ratioRow('`piao import` completo del CSV 1.000.000 di righe vs papaparse', c.full.ms, c.papa.ms, 1.5, 'time') },
    { id: 'share-register', ...shareRow('quota del motore (rilevamento tabelle, aggregazione del registro, regole) nell’import del registro 100.000 × 20 fino a piao.json', r100.json) },
    { id: 'share-csv', ...shareRow('quota del motore nell’import del CSV 1.000.000 di righe fino a piao.json', c.json) },
    { id: 'share-objectives', ...shareRow('quota del motore nell’import degli obiettivi 10.000 righe fino a piao.json', obj.json) },
    { id: 'batch', ...ratioRow(`\`piao batch\` di ${BATCH_DOSSIERS} dossier, ${workers} worker (tutti i core) vs 1 worker`, lot.all.ms, lot.one.ms, 1.7, 'speedup') },
  ];
  const info: Row[] = [
    { ...ratioRow('`piao import` registro 10.000 × 20 fino a piao.json vs exceljs load', r10.json.ms, r10.exceljs.ms, 1.0, 'time'), target: '—' },
    { ...ratioRow('`piao import` completo del registro 10.000 × 20 vs exceljs load', r10.full.ms, r10.exceljs.ms, 1.0, 'time'), target: '—' },
    { ...ratioRow('`piao import` obiettivi 10.000 righe fino a piao.json vs exceljs load', obj.json.ms, obj.exceljs.ms, 1.0, 'time'), target: '—' },
    { ...shareRow('quota del motore nell’import completo degli obiettivi 10.000 righe (motore dalla misura fino a piao.json)', { ...obj.json, phases: { read: 0, write: obj.full.ms - obj.json.phases!.engine, engine: obj.json.phases!.engine } }), target: '—' },
  ];

  log('\nrapporti:');
  for (const r of rows) log(`  ${r.pass ? 'pass ' : 'short'}  ${formatRatio(r).padStart(7)}  (obiettivo ${r.target})  ${r.what.replace(/`/g, '')}`);
  for (const r of info) log(`  info   ${formatRatio(r).padStart(7)}  ${r.what.replace(/`/g, '')}`);

  const cpu = cpus();
  const table = (list: Row[]) => ['| misura | piao | riferimento | rapporto | obiettivo | esito |', '|---|---|---|---|---|---|', ...list.map((r) => `| ${r.what} | ${r.piao} | ${r.base} | ${formatRatio(r)} | ${r.target} | ${r.target === '—' ? '—' : r.pass ? 'pass' : 'short'} |`)].join('\n');
  const notes = shortNotes({ rows, r100, obj, c, lot, workers, scaling });
  const detail = [
    ['registro 100.000 × 20 xlsx', size(reg100k), r100.json.cells!, 'exceljs load', r100.exceljs],
    ['registro 100.000 × 20 xlsx', size(reg100k), r100.json.cells!, 'piao import fino a piao.json', r100.json],
    ['registro 100.000 × 20 xlsx', size(reg100k), r100.json.cells!, 'piao import completo', r100.full],
    ['registro 10.000 × 20 xlsx', size(reg10k), r10.json.cells!, 'exceljs load', r10.exceljs],
    ['registro 10.000 × 20 xlsx', size(reg10k), r10.json.cells!, 'piao import fino a piao.json', r10.json],
    ['registro 10.000 × 20 xlsx', size(reg10k), r10.json.cells!, 'piao import completo', r10.full],
    ['obiettivi 10.000 righe xlsx', size(objectives), obj.json.cells!, 'exceljs load', obj.exceljs],
    ['obiettivi 10.000 righe xlsx', size(objectives), obj.json.cells!, 'piao import fino a piao.json', obj.json],
    ['obiettivi 10.000 righe xlsx', size(objectives), obj.json.cells!, 'piao import completo', obj.full],
    ['CSV 1.000.000 di righe `;`', size(csv), c.json.cells!, 'papaparse (Papa.parse del testo, delimitatore dato)', c.papa],
    ['CSV 1.000.000 di righe `;`', size(csv), c.json.cells!, 'piao import fino a piao.json', c.json],
    ['CSV 1.000.000 di righe `;`', size(csv), c.json.cells!, 'piao import completo (copia annotata oltre il limite: non scritta)', c.full],
    [`lotto di ${BATCH_DOSSIERS} dossier (${batchFiles.length} file ciascuno)`, '', 0, 'piao batch, 1 worker', lot.one],
    [`lotto di ${BATCH_DOSSIERS} dossier (${batchFiles.length} file ciascuno)`, '', 0, `piao batch, ${workers} worker`, lot.all],
  ] as const;
  const phases = (m: Measure) => `${seconds(m.phases!.read)} / ${seconds(m.phases!.engine)} / ${seconds(m.phases!.write)}`;
  const md = `# Prestazioni di piao

Scritto da \`npm run bench\` (bench/run.ts): non modificarlo a mano, rilancia il bench.

- Macchina: ${cpu[0]?.model ?? 'n.d.'}, ${cpu.length} core, ${it(totalmem() / 1024 ** 3, 0)} GB di memoria, ${platform()} ${release()}, Node ${process.version}
- Data: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
- Metodo: ogni misura gira in un processo nuovo sugli stessi file generati nello stesso run; tempo = il migliore di ${REPS} ripetizioni (una per il batch), il meno disturbato dal resto della macchina; memoria = il picco RSS più alto. piao gira dal codice compilato (\`build/\`), come \`npx piao\`.
- Che cosa si confronta:
  - **import fino a piao.json**: i passi di \`piao import\` prima delle copie (\`readDossierInputs\`, \`analyse\`, \`writePiaoJson\` di importer/cli/import-dossier.ts): gli xlsx letti con il lettore in streaming. Riferimento: exceljs che carica lo stesso file.
  - **import completo**: il comando \`piao import <file> --out <cartella>\` come lo lancia un utente, con le sue quattro uscite (piao.json, la copia annotata, PIAO.xlsx, report.html). La copia annotata di un xlsx è il pacchetto del file con le sole parti da segnare riscritte (il foglio in streaming) e tutte le altre copiate ancora compresse. Riferimento: exceljs che carica lo stesso file. Per il CSV il riferimento è papaparse: la copia annotata di un CSV da un milione di righe supera il limite delle copie ricostruite dai valori (\`LIMITS.maxCopyCells\`, 2.000.000 di celle) e non viene scritta (una riga lo dice); piao.json, PIAO.xlsx e report.html sì. piao gira con la generazione giovane di V8 che imposta il comando (\`importer/cli/heap.ts\`), i riferimenti con quella predefinita di Node.
  - **quota del motore**: il tempo di \`analyse\` (rilevamento delle tabelle, lettura in record, aggregazione del registro, regole, PAP) sul tempo dell'import fino a piao.json (lettura + motore + scrittura di piao.json).
  - **batch**: lo stesso lotto con \`--workers 1\` e con tutti i core (\`--workers ${workers}\`, il predefinito).

## Rapporti

${table(rows)}

Per confronto (non sono obiettivi):

${table(info)}
${notes}
## Componente aggiuntivo: «Controlla» su un foglio di ${it(ADDIN_ROWS, 0)} righe

Nel simulatore rigoroso di Excel dei test (\`tests/addin/fake-excel/\`: chiamate in coda, \`load\` prima di leggere, al massimo ${it(addin.payloadLimit / 1024 / 1024, 0)} MB per richiesta e per risposta, come Excel sul web), un registro di ${it(ADDIN_ROWS, 0)} righe × 20 colonne (${it(addin.cells, 0)} celle) con una riga su cento inserita due volte e un genere illeggibile ogni cinquecento righe: ${it(addin.findings, 0)} segnalazioni, ${it(addin.flagged, 0)} celle segnate. Misura di \`bench/addin-task.ts\`.

| fase | sync | richiesta più grande | risposta più grande |
|---|---|---|---|
| lettura del foglio (blocchi di ${it(40_000, 0)} celle) | ${addin.read.syncs} | ${kb(addin.read.maxRequestBytes)} | ${kb(addin.read.maxResponseBytes)} |
| segnalazione (registro dei colori e delle note, stato delle celle, colori e note, salvataggio) | ${addin.flag.syncs} | ${kb(addin.all.maxRequestBytes)} | ${kb(addin.all.maxResponseBytes)} |
| «Controlla» intero | ${addin.all.syncs} | ${kb(addin.all.maxRequestBytes)} | ${kb(addin.all.maxResponseBytes)} |

Il carico più grande di un sync è il ${it((100 * Math.max(addin.all.maxRequestBytes, addin.all.maxResponseBytes)) / addin.payloadLimit, 0)}% del limite; in tutto passano ${mb(addin.all.totalBytes / 1024 / 1024)}. Tempo del componente nel simulatore (che risponde subito): ${seconds(addin.ms)}; un Excel vero aggiunge il suo tempo a ogni sync. Il costo di un ricontrollo automatico dopo una modifica si misura a parte con \`npm run bench:live\` ([addin-live.md](addin-live.md)).

## Dettaglio delle misure

| input | dimensione | celle lette | misura | tempo | picco RSS | lettura / motore / piao.json |
|---|---|---|---|---|---|---|
${detail.map(([input, sz, cells, what, m]) => `| ${input} | ${sz} | ${cells ? it(cells, 0) : ''} | ${what} | ${seconds(m.ms)} | ${mb(m.maxRssMB)} | ${m.phases ? phases(m) : ''} |`).join('\n')}
`;
  writeFileSync(join(ROOT, 'bench', 'results.md'), md);
  log(`\nscritto bench/results.md (${seconds(Date.now() - started)} in tutto)`);
  if (!opts.keep && !opts.dir) rmSync(dir, { recursive: true, force: true });
}

benchMain().catch((err: unknown) => {
  process.stderr.write(`piao bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
