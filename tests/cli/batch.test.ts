import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DossierSummary } from '../../importer/cli/batch-summary';
import { barLine, createProgress } from '../../importer/cli/progress';
import { SAMPLE_WORKBOOKS } from '../../templates/scripts/make-samples';
import { saveWorkbook } from '../../templates/scripts/workbook';
import { UNREADABLE, writeBadInputs } from '../helpers/bad-inputs';
import { runCli, CliRun } from '../helpers/cli';
import { sheetPart } from '../helpers/dossiers';
import { tempDir } from '../helpers/xlsx';

interface Summary {
  schemaVersion: number;
  root: string;
  dossiers: DossierSummary[];
}

const OUTPUTS = ['piao.json', 'PIAO.xlsx', 'report.html'];
/** The sample dossiers (subfolders of templates/samples) and how many workbooks each holds. */
const SAMPLE_DOSSIERS = [...new Set(SAMPLE_WORKBOOKS.map(([f]) => f.split('/')[0]))].sort();
const workbooksIn = (dossier: string) => SAMPLE_WORKBOOKS.filter(([f]) => f.startsWith(`${dossier}/`)).length;
const copies = (n: number) => (n === 1 ? '1 copia annotata' : `${n} copie annotate`);

/** A batch root: the three sample dossiers, a folder of bad files, and loose files in the root itself. */
async function batchRoot(): Promise<string> {
  const root = join(tempDir('piao-batch-'), 'comuni-prato');
  for (const [file, make] of SAMPLE_WORKBOOKS) await saveWorkbook(make(), join(root, file));
  await writeBadInputs(join(root, 'archivio-vecchio'));
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'obiettivi-sciolti.csv'), 'Codice;Obiettivo;Responsabile;Peso\n01;Comune aperto;;\n01.01;Servizi;;\n01.01.01;Sportello;;\n01.01.01.01;Prenotazioni;Demografici;100\n');
  return root;
}

describe('piao batch (the built command, not on a terminal)', () => {
  let root: string;
  let out1: string;
  let out2: string;
  let run1: CliRun;
  let run2: CliRun;
  let summary: Summary;
  beforeAll(async () => {
    root = await batchRoot();
    out1 = join(tempDir(), 'risultati');
    out2 = join(tempDir(), 'risultati');
    run1 = runCli(['batch', root, '--out', out1, '--workers', '1']);
    run2 = runCli(['batch', root, '--out', out2, '--workers', '2']);
    summary = JSON.parse(readFileSync(join(out1, 'summary.json'), 'utf8'));
  }, 180_000);

  it('exits 3 when some inputs could not be read, with one Italian line per file and no stack trace', () => {
    expect(run1.status).toBe(3);
    expect(run2.status).toBe(3);
    for (const f of UNREADABLE) expect(run1.stderr).toMatch(new RegExp(`^piao: ${f.replace('.', '\\.')}: .+$`, 'm'));
    expect(run1.stderr + run1.stdout).not.toMatch(/\n\s+at |Error:|node:internal/);
  });

  it('makes one dossier per subfolder, plus one of the files directly in the root, named after it', () => {
    expect(summary.root).toBe('comuni-prato');
    expect(summary.dossiers.map((d) => d.name)).toEqual(['comuni-prato', ...[...SAMPLE_DOSSIERS, 'archivio-vecchio'].sort()]);
  });

  it('writes every output of every dossier, good ones and the one with bad files', () => {
    for (const d of summary.dossiers) {
      for (const f of OUTPUTS) expect(existsSync(join(out1, d.name, f))).toBe(true);
      expect(d.outputs).toEqual(expect.arrayContaining(OUTPUTS));
    }
    expect(readdirSync(join(out1, 'comune-borgo-esempio', 'annotated')).sort()).toEqual(['dup-2024-2026.xlsx', 'peg-2024.xlsx']);
    expect(readdirSync(join(out1, 'comuni-prato', 'annotated'))).toEqual(['obiettivi-sciolti.xlsx']);
    const prato = summary.dossiers.find((d) => d.name === 'provincia-prato')!;
    expect(prato.objectives).toEqual({ value: 3, mandate: 5, strategic: 13, operational: 16, performance: 34 });
    expect(prato.findings.byRule['code-parent-mismatch']).toBe(1);
  });

  it('lists each failure in summary.json', () => {
    const bad = summary.dossiers.find((d) => d.name === 'archivio-vecchio')!;
    expect(bad.sources.failed).toBe(UNREADABLE.length);
    expect(bad.sources.ok).toBe(2);
    expect(bad.sources.failures.map((f) => f.file).sort()).toEqual([...UNREADABLE].sort());
    for (const f of bad.sources.failures) expect(f.error.startsWith(`${f.file}: `)).toBe(true);
    for (const d of summary.dossiers.filter((x) => x.name !== 'archivio-vecchio')) expect(d.sources.failed).toBe(0);
  });

  it('gives the same summary.json, piao.json and report.html with 1 or 2 workers', () => {
    expect(readFileSync(join(out2, 'summary.json'), 'utf8')).toBe(readFileSync(join(out1, 'summary.json'), 'utf8'));
    for (const d of summary.dossiers) {
      for (const f of ['piao.json', 'report.html']) expect(readFileSync(join(out2, d.name, f), 'utf8')).toBe(readFileSync(join(out1, d.name, f), 'utf8'));
    }
  });

  it('writes summary.xlsx: per dossier sources, objectives by level, PAP figures and findings, and the files not read', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out1, 'summary.xlsx'));
    const ws = wb.getWorksheet('Dossier')!;
    expect(ws.rowCount).toBe(summary.dossiers.length + 1);
    const header = (ws.getRow(1).values as string[]).slice(1);
    const row = (name: string) => {
      for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === name) return (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1);
      throw new Error(name);
    };
    const prato = row('provincia-prato');
    expect(prato[header.indexOf('Obiettivo di performance')]).toBe(34);
    expect(prato[header.indexOf('Errori')]).toBe(1);
    expect(row('archivio-vecchio')[header.indexOf('File non letti')]).toBe(UNREADABLE.length);
    const failed = wb.getWorksheet('File non letti')!;
    expect(failed.rowCount).toBe(UNREADABLE.length + 1);
    expect(wb.getWorksheet('Segnalazioni per controllo')!.rowCount).toBe(1 + summary.dossiers.reduce((n, d) => n + Object.keys(d.findings.byRule).length, 0));
  });

  it('prints plain progress lines when not on a terminal, then where the results are', () => {
    const lines = run1.stdout.split('\n');
    for (let i = 1; i <= summary.dossiers.length; i++) expect(lines.some((l) => l.startsWith(`[${i}/${summary.dossiers.length}] `))).toBe(true);
    expect(run1.stdout).not.toContain('\r');
    // each dossier's line counts its files in Italian: "1 file letto", "2 file letti"
    const read = (n: number) => `${n} file ${n === 1 ? 'letto' : 'letti'}`;
    for (const d of SAMPLE_DOSSIERS) expect(lines.some((l) => new RegExp(`^\\[\\d+/\\d+\\] ${d}: ${read(workbooksIn(d))}; `).test(l))).toBe(true);
    const old = summary.dossiers.find((d) => d.name === 'archivio-vecchio')!;
    expect(old.sources.failed).toBe(UNREADABLE.length);
    expect(run1.stdout).toContain(`archivio-vecchio: ${read(old.sources.ok)}, ${UNREADABLE.length} file non letti;`);
    expect(run1.stdout).toContain('comuni-prato: 1 file letto;');
    expect(run1.stdout).toMatch(new RegExp(`Risultati in .*risultati: ${SAMPLE_DOSSIERS.length + 2} dossier`));
    expect(run1.stdout).toContain(`risultati/provincia-prato/: piao.json, mappatura.json, PIAO.xlsx, report.html, annotated/ (${copies(workbooksIn('provincia-prato'))})`);
  });

  it("links each finding of PIAO.xlsx to a copy that exists, at a sheet that exists in it", async () => {
    for (const d of summary.dossiers) {
      const dir = join(out1, d.name);
      const { rels, xml } = await sheetPart(readFileSync(join(dir, 'PIAO.xlsx')), 'Anomalie');
      const targets = [...rels.matchAll(/Target="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
      expect(targets.length).toBe(d.findings.error + d.findings.warning + d.findings.info);
      for (const t of new Set(targets)) expect(existsSync(join(dir, t))).toBe(true);
      const copies = await Promise.all([...new Set(targets)].map((t) => new ExcelJS.Workbook().xlsx.readFile(join(dir, t))));
      for (const m of xml.matchAll(/location="&apos;(.+?)&apos;!/g)) expect(copies.some((wb) => wb.getWorksheet(m[1].replace(/&apos;&apos;/g, "'")))).toBe(true);
    }
  });

  it('leaves no temporary file behind (every output is written atomically)', () => {
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [e.name]));
    expect(walk(out1).filter((f) => f.startsWith('.piao-tmp-'))).toEqual([]);
  });
});

describe('piao batch: usage and --fail-on', () => {
  let root: string;
  beforeAll(async () => {
    root = join(tempDir('piao-good-'), 'comuni');
    for (const [file, make] of SAMPLE_WORKBOOKS) await saveWorkbook(make(), join(root, file));
  });

  it('refuses an output folder inside the input folder, with a clear line, and writes nothing', () => {
    const r = runCli(['batch', root, '--out', join(root, 'risultati')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/la cartella di uscita .*risultati è dentro la cartella di input .*comuni: scegline un'altra\./);
    expect(existsSync(join(root, 'risultati'))).toBe(false);
  });

  it('exits 0 when every input was read, 1 with --fail-on error when errors were found', () => {
    expect(runCli(['batch', join(root, 'comune-valle-serena'), '--out', join(tempDir(), 'o'), '--fail-on', 'warning']).status).toBe(0);
    expect(runCli(['batch', root, '--out', join(tempDir(), 'o')]).status).toBe(0);
    expect(runCli(['batch', root, '--out', join(tempDir(), 'o'), '--fail-on', 'error']).status).toBe(1);
  }, 60_000);

  it('import writes the four outputs of one dossier and says where they are', () => {
    const out = join(tempDir(), 'prato');
    const r = runCli(['import', join(root, 'provincia-prato'), '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Risultati in ${out}: piao.json, mappatura.json, PIAO.xlsx, report.html, annotated/ (${copies(workbooksIn('provincia-prato'))})`);
    for (const f of ['piao.json', 'PIAO.xlsx', 'report.html', 'annotated/piao-2024-2026-performance.xlsx']) expect(existsSync(join(out, f))).toBe(true);
    const inside = runCli(['import', root, '--out', join(root, 'provincia-prato', 'out')]);
    expect(inside.status).toBe(2);
    expect(inside.stderr).toContain("è dentro la cartella di input");
  });

  it('rejects a bad --workers value as a usage error', () => {
    const r = runCli(['batch', root, '--out', join(tempDir(), 'o'), '--workers', 'tanti']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--workers vuole un numero intero positivo');
  });
});

describe('progress', () => {
  it('draws a bar with dossier n of N, the current file, elapsed time and an estimate on a terminal', () => {
    expect(barLine(3, 10, 'comune-x: dup.xlsx', 30_000)).toBe('██████░░░░░░░░░░░░░░ 3/10 dossier · 0:30 · ancora ~1:10 · comune-x: dup.xlsx');
    let t = 0;
    const written: string[] = [];
    const p = createProgress(2, { write: (s) => written.push(s), isTTY: true, columns: 120 }, () => t);
    t = 500;
    p.file('a', 'x.xlsx');
    t = 2000;
    p.done('a', 'a: 1 file letto');
    p.finish();
    const screen = written.join('');
    expect(screen).toContain('\r\x1b[2K');
    expect(screen).toContain('0/2 dossier · 0:01 · a: x.xlsx');
    expect(screen).toContain('a: 1 file letto\n');
    expect(screen).toContain('1/2 dossier · 0:02 · ancora ~0:02');
  });

  it('prints one plain line per dossier elsewhere', () => {
    const written: string[] = [];
    const p = createProgress(2, { write: (s) => written.push(s), isTTY: false }, () => 0);
    p.file('a', 'x.xlsx');
    p.done('a', 'a: 1 file letto');
    p.finish();
    expect(written).toEqual(['[1/2] a: 1 file letto (0:00)\n']);
  });
});
