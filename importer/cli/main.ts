import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ParsedMapping, parseMapping } from '../engine/mapping/parse';
import { basename, join, resolve, sep } from 'node:path';
import { collectInputs, specialFileReason } from './collect';
import { importDossier } from './import-dossier';
import { describeDossier } from './summary';
import { Severity } from '../engine/schema/dossier';
import { RULES } from '../engine/rules/registry';
import { runBatch } from './batch';
import { ProgressSink } from './progress';
import { removeStaleTemps } from '../write/stale-temp';
import { BATCH_OUTPUTS, prepareOutDir } from './out-dir';
import { systemReason } from './system-errors';
import { printable, printableLines } from './printable';

export const EXIT = { ok: 0, findings: 1, usage: 2, unreadable: 3 } as const;

export const HELP = `piao: importa i fogli dell'ente e li normalizza in tabelle PIAO e statistiche PAP

Uso:
  piao import <file|cartella>... --out <cartella>
      Tutti gli input insieme sono UN dossier (un ente). Le cartelle sono lette
      con le sottocartelle. Scrive in <cartella>: piao.json, PIAO.xlsx (tabelle
      normalizzate), annotated/ (copia di ogni foglio con le anomalie segnate
      nelle celle), report.html (rapporto con grafici, apribile senza rete) e
      mappatura.json (come è stato letto ogni foglio: si corregge e si riusa
      con --mappa).
  piao batch <cartella> --out <cartella>
      Ogni sottocartella è un dossier (i file direttamente nella cartella ne
      formano un altro). Scrive <out>/<sottocartella>/... come import, più
      <out>/summary.json e <out>/summary.xlsx. I dossier sono importati in
      parallelo.
  piao rules
      Elenca i controlli (id, gravità, descrizione).
  piao --help | --version

Opzioni:
  -o, --out <cartella>        dove scrivere i risultati (obbligatoria per import)
  --fail-on error|warning     esce con 1 se ci sono segnalazioni di quel livello (o più gravi)
  -q, --quiet                 stampa solo il riepilogo
  -d, --details               (batch) stampa per ogni dossier file, fogli, obiettivi e segnalazioni
  -w, --workers <n>           (batch) quanti dossier importare in parallelo (predefinito: i core)
  -m, --mappa <file>          legge i fogli nominati come dice la mappatura (mappatura.json scritto
                              da un'importazione precedente, corretto a mano) invece di riconoscere
                              le colonne da sé

Codici di uscita (nessun altro):
  0  tutti gli input sono stati letti e i risultati scritti
  1  solo con --fail-on: ci sono segnalazioni di quel livello
  2  uso scorretto del comando, detto prima di leggere i file (anche un --out
     impossibile: un file, una cartella senza permessi di scrittura...)
  3  uno o più input non si sono potuti leggere (gli altri sono stati importati),
     o un risultato non si è potuto scrivere, o l'importazione si è interrotta

File letti: .xlsx, .xlsm, .csv (separatore ; , o tabulazione; UTF-8 o Windows-1252).
I file di origine non vengono mai modificati.`;

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Where batch progress goes: a terminal gets a bar, anything else plain lines. */
  progress?: ProgressSink;
}

const consoleIo: Io = {
  // a name with a line break or an escape sequence never splits a message nor drives the terminal
  out: (l) => process.stdout.write(`${printableLines(l)}\n`),
  err: (l) => process.stderr.write(`${printable(l)}\n`),
  progress: {
    // a bar redrawn on the terminal's stderr; plain lines on stdout in logs and CI
    write: (t) => (process.stderr.isTTY ? process.stderr : process.stdout).write(t),
    get isTTY() {
      return process.stderr.isTTY === true;
    },
    get columns() {
      return process.stderr.columns;
    },
  },
};

function usage(io: Io, message: string): number {
  io.err(`piao: ${message}`);
  io.err("Usa 'piao --help' per l'elenco dei comandi.");
  return EXIT.usage;
}

function failLevelReached(findings: { severity: Severity }[], level: string | undefined): boolean {
  if (!level) return false;
  const rank: Record<Severity, number> = { error: 2, warning: 1, info: 0 };
  const threshold = level === 'error' ? 2 : 1;
  return findings.some((f) => rank[f.severity] >= threshold);
}

/**
 * Runs one command and returns its exit status: only the codes of EXIT, ever. Whatever stops a run
 * half-way (a disk that fills up, a folder removed meanwhile) is one Italian line and status 3.
 */
export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  try {
    return await command(argv, io);
  } catch (err) {
    io.err(`piao: l'importazione si è interrotta prima della fine: ${interruption(err)}. I risultati già scritti restano; quelli mancanti non sono stati scritti.`);
    if (process.env.PIAO_DEBUG) for (const l of (err instanceof Error ? (err.stack ?? err.message) : String(err)).split('\n')) io.err(l);
    return EXIT.unreadable;
  }
}

function interruption(err: unknown): string {
  const path = (err as NodeJS.ErrnoException | undefined)?.path;
  const reason = systemReason(err);
  return path ? `${path}: ${reason}` : reason;
}

async function command(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        details: { type: 'boolean', short: 'd' },
        workers: { type: 'string', short: 'w' },
        mappa: { type: 'string', short: 'm' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    return usage(io, invalidOption(err));
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out('piao 0.1.0');
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    io.out(HELP);
    return command || values.help ? EXIT.ok : EXIT.usage;
  }
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'error' && failOn !== 'warning') return usage(io, `--fail-on accetta "error" o "warning", non "${failOn}".`);

  if (command === 'rules') {
    for (const r of RULES) io.out(`${r.id.padEnd(22)} ${r.severity.padEnd(8)} ${r.docs.it}`);
    return EXIT.ok;
  }
  let mapping: ParsedMapping | undefined;
  if (values.mappa !== undefined) {
    try {
      // a pipe or a device given as the mapping would never end: only a regular file is read
      const special = existsSync(values.mappa) && !statSync(values.mappa).isDirectory() ? specialFileReason(statSync(values.mappa)) : undefined;
      if (special) return usage(io, `--mappa: ${values.mappa} ${special.replace(/:.*$/, '')}: indica il file mappatura.json.`);
      mapping = parseMapping(await readFile(values.mappa, 'utf8'), values.mappa);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return usage(io, `--mappa: il file ${values.mappa} non esiste.`);
      if (code === 'EISDIR') return usage(io, `--mappa: ${values.mappa} è una cartella, non un file mappatura.json.`);
      if (code) return usage(io, `--mappa: il file ${values.mappa} non si può leggere (${systemReason(err)}).`);
      return usage(io, (err as Error).message);
    }
  }

  if (command === 'batch') {
    const workers = values.workers === undefined ? undefined : Number(values.workers);
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) return usage(io, `--workers vuole un numero intero positivo, non "${values.workers}".`);
    return batchCommand(rest, values.out, failOn, values.quiet ? { ...io, progress: { write: () => undefined } } : io, values.details === true, workers, mapping);
  }
  if (command !== 'import') return usage(io, `comando sconosciuto "${command}".`);
  if (rest.length === 0) return usage(io, 'indica almeno un file o una cartella da importare.');
  if (!values.out) return usage(io, 'indica dove scrivere i risultati con --out <cartella>.');
  const outDir = resolve(values.out);
  const inside = outsideInputs(outDir, rest);
  if (inside) return usage(io, `la cartella di uscita ${values.out} è dentro la cartella di input ${inside}: scegline un'altra.`);
  const { root, files, missing } = await collectInputs(rest);
  if (files.length > 0) {
    const outProblem = await prepareOutDir(values.out);
    if (outProblem) return usage(io, outProblem);
  }
  for (const m of missing) {
    // the command line reaches piao as UTF-8: a name in another encoding cannot be named there, but its folder can
    if (m.includes('\ufffd')) io.err(`piao: ${m}: il nome non è in UTF-8 e dalla riga di comando non si può aprire: indica la cartella che lo contiene (piao legge ogni nome), o rinominalo.`);
    else io.err(`piao: ${m}: file o cartella inesistente.`);
  }
  if (files.length === 0) {
    io.err('piao: nessun foglio di calcolo (.xlsx, .csv) trovato negli input indicati.');
    return missing.length ? EXIT.unreadable : EXIT.usage;
  }
  await removeStaleTemps(outDir, 1);
  const result = await importDossier(files, outDir, undefined, basename(root), mapping);
  const d = result.analysis.dossier;
  if (!values.quiet) io.out(describeDossier(d));
  for (const s of d.sources) if (s.status === 'failed') io.err(`piao: ${s.error}`);
  for (const w of result.warnings) io.err(`piao: ${w}`);
  for (const f of d.findings) if (f.rule === 'mapping-unusable') io.err(`piao: ${f.message}`);
  const copies = result.outputs.filter((o) => o.startsWith('annotated/')).length;
  io.out(`Risultati in ${values.out}: ${result.outputs.filter((o) => !o.startsWith('annotated/')).join(', ')}${copies ? `, annotated/ (${copies} ${copies === 1 ? 'copia annotata' : 'copie annotate'})` : ''}`);
  if (result.failed > 0 || missing.length > 0 || result.outputsFailed > 0) return EXIT.unreadable;
  if (failLevelReached(d.findings, failOn)) return EXIT.findings;
  return EXIT.ok;
}

/** The input folder that would contain the output folder (a file given as input contains nothing: --out's own check says why it cannot be used). */
function outsideInputs(outDir: string, inputs: string[]): string | undefined {
  for (const input of inputs) {
    const abs = resolve(input);
    const isFolder = existsSync(abs) && statSync(abs).isDirectory();
    if (isFolder && (outDir === abs || outDir.startsWith(abs + sep))) return input;
  }
  return undefined;
}

async function batchCommand(rest: string[], out: string | undefined, failOn: string | undefined, io: Io, details: boolean, workers?: number, mapping?: ParsedMapping): Promise<number> {
  if (rest.length !== 1) return usage(io, 'batch vuole una sola cartella radice.');
  if (!out) return usage(io, 'indica dove scrivere i risultati con --out <cartella>.');
  const outDir = resolve(out);
  const inside = outsideInputs(outDir, rest);
  if (inside) return usage(io, `la cartella di uscita ${out} è dentro la cartella di input ${inside}: scegline un'altra.`);
  if (!existsSync(rest[0]) || !statSync(rest[0]).isDirectory()) return usage(io, `${rest[0]}: cartella inesistente.`);
  const outProblem = await prepareOutDir(out, BATCH_OUTPUTS);
  if (outProblem) return usage(io, outProblem);
  let result;
  try {
    result = await runBatch(rest[0], outDir, { workers, mapping, progress: io.progress ?? { write: (t) => io.out(t.replace(/\n$/, '')) } });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return usage(io, `${rest[0]}: cartella inesistente.`);
    throw err;
  }
  for (const o of result.outcomes) {
    const s = o.summary;
    if (details && o.details) io.out(`\n== ${s.name} ==\n${o.details}`);
    for (const x of s.sources.failures) io.err(`piao: ${x.error}`);
    for (const w of o.warnings) io.err(`piao: ${w}`);
    if (o.error) io.err(`piao: ${s.name}: il dossier non si è potuto importare (${o.error}).`);
  }
  io.out(`Risultati in ${out}: ${result.summaries.length} dossier, riepilogo in summary.json e summary.xlsx`);
  for (const s of result.summaries) {
    const copies = s.outputs.filter((o) => o.startsWith('annotated/')).length;
    const files = s.outputs.filter((o) => !o.startsWith('annotated/'));
    if (copies) files.push(`annotated/ (${copies} ${copies === 1 ? 'copia annotata' : 'copie annotate'})`);
    io.out(`  ${join(out, s.outDir)}/: ${files.join(', ') || 'nessun file scritto'}`);
  }
  if (result.failed > 0) return EXIT.unreadable;
  const worst = (sev: Severity) => result.summaries.some((s) => s.findings[sev] > 0);
  if (failOn === 'error' && worst('error')) return EXIT.findings;
  if (failOn === 'warning' && (worst('error') || worst('warning'))) return EXIT.findings;
  return EXIT.ok;
}

/** Node's parseArgs errors, said in Italian: the option named, never the library's English. */
function invalidOption(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code;
  const quoted = /'(-[^']*)'/.exec(message)?.[1];
  // «-o, --out <value>»: the long name is the one users type
  const name = quoted ? (/--[\w-]+/.exec(quoted)?.[0] ?? quoted) : undefined;
  const option = name ? `«${name}»` : 'indicata';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `opzione non valida: ${option} non è un'opzione di piao.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /missing/.test(message) ? `opzione non valida: ${option} vuole un valore (es. --out risultati).` : `opzione non valida: ${option} non vuole un valore.`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'opzione non valida: un argomento di troppo.';
  return `opzione non valida: ${option}.`;
}
