/**
 * Takes the pictures of PIAO.xlsx's printed pages shown in the README (npm run screenshot:piao):
 * the workbook of a dossier with findings and figures not known (the Comune di Roccanera's staff
 * tables with the Provincia di Prato's objectives) printed by LibreOffice to PDF, pages turned
 * into PNG by poppler's pdftoppm: docs/piao-obiettivi.png (the objectives, with their
 * «Segnalazioni»), docs/piao-statistiche.png (the PAP statistics, figures resting on flagged cells
 * marked), docs/piao-note.png (their last page: «n.d.» and the notes saying why, its title rows
 * repeated) and docs/piao-anomalie.png (the findings).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotatedNames } from '../../importer/write/cells';
import { writePiaoXlsx } from '../../importer/write/piao-xlsx';
import { roccaneraDossier } from './samples/roccanera-dossier';

const DOCS = join(__dirname, '..', '..', 'docs');

/** The pages of a PDF whose text holds each of these words (the first page that does). */
function pageWith(pdf: string, words: string[]): number {
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  const i = pages.findIndex((p) => words.every((w) => p.includes(w)));
  if (i < 0) throw new Error(`nessuna pagina con ${words.join(', ')}`);
  return i + 1;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'piao-pagine-'));
  const d = await roccaneraDossier();
  const xlsx = join(dir, 'comune-roccanera', 'PIAO.xlsx');
  await writePiaoXlsx(xlsx, d, annotatedNames(d.sources.map((s) => s.file)));
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profilo')}`, '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'pipe' });
  const pdf = join(dir, 'PIAO.pdf');
  // the objectives' page holds 15 columns on one page wide: a finer picture to read them
  const shots: [string, string[], number][] = [
    ['piao-obiettivi', ['Sezione 2.2', 'Segnalazioni'], 140],
    ['piao-statistiche', ['Statistiche del Piano', 'Personale per categoria'], 90],
    ['piao-note', ['Statistiche del Piano', 'Note sui dati'], 90],
    ['piao-anomalie', ['Anomalie trovate nei fogli'], 110],
  ];
  for (const [name, words, dpi] of shots) {
    const page = pageWith(pdf, words);
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, join(dir, name)]);
    renameSync(join(dir, `${name}.png`), join(DOCS, `${name}.png`));
  }
  console.log(`scritti ${shots.map(([n]) => `docs/${n}.png`).join(', ')} (${readdirSync(dir).length} file di lavoro in ${dir})`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
