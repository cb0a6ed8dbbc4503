/**
 * Speed of the staff engine on a large per-person register (npm run bench): 100,000 invented rows
 * built straight into a Grid (as the xlsx reader would hand them over), then the whole analysis.
 * Prints timings; asserts nothing (speed is measured here, never in a test).
 */
import { analyse } from '../importer/engine/analyse';
import { Grid } from '../importer/engine/grid/grid';

const ROWS = Number(process.env.ROWS ?? 100_000);
/** CSV=1: every cell a text, as the CSV reader hands it over ("12/03/1985", "50"). */
const AS_CSV = process.env.CSV === '1';
const CATEGORIES = ['D1', 'D3', 'C1', 'C2', 'B1', 'B3', 'A1', 'Dirigente', 'Segretario generale', 'Istruttore di vigilanza'];
const STRUCTURES = ['Settore Affari generali', 'Settore Finanziario', 'Settore Tecnico', 'Servizi sociali', 'Polizia locale'];

function makeGrid(rows: number): Grid {
  const g = new Grid('anagrafica.xlsx', 'Anagrafica 2024');
  g.set(0, 0, { value: 'Anagrafica del personale al 31/12/2024' });
  const header = ['Matricola', 'Cognome', 'Nome', 'Sesso', 'Data di nascita', 'Categoria', 'Profilo', 'Settore', 'Tipo contratto', 'Part-time %', 'Lavoro agile', 'Data assunzione', 'Data cessazione'];
  header.forEach((h, c) => g.set(2, c, { value: h }));
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < rows; i++) {
    const r = i + 3;
    const birth = new Date(Date.UTC(1960 + Math.floor(rnd() * 40), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)));
    const hire = new Date(Date.UTC(1985 + Math.floor(rnd() * 40), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)));
    const values = [100000 + i, `COGNOME${i}`, `NOME${i % 977}`, rnd() < 0.55 ? 'F' : 'M', birth, CATEGORIES[Math.floor(rnd() * CATEGORIES.length)], 'Profilo', STRUCTURES[i % 5], rnd() < 0.08 ? 'TD' : 'TI', rnd() < 0.15 ? 50 : 100, rnd() < 0.35 ? 'Sì' : 'No', hire, rnd() < 0.05 ? new Date(Date.UTC(2022 + Math.floor(rnd() * 3), 5, 30)) : null];
    values.forEach((v, c) => g.set(r, c, { value: AS_CSV ? csvText(v) : v }));
  }
  return g;
}

function csvText(v: string | number | Date | null): string | null {
  if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`;
  return v === null ? null : String(v);
}

function time<T>(label: string, f: () => T): T {
  const t0 = process.hrtime.bigint();
  const out = f();
  console.log(`${label.padEnd(36)} ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0).padStart(6)} ms`);
  return out;
}

const grid = time(`costruzione griglia (${ROWS} righe${AS_CSV ? ', CSV' : ''})`, () => makeGrid(ROWS));
const heapBefore = process.memoryUsage().heapUsed;
const { dossier } = time('analisi completa (rilevamento + aggregazione + controlli)', () => analyse([{ file: 'anagrafica.xlsx', grids: [grid] }]));
console.log(`memoria aggiuntiva (heap)               ${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(0).padStart(6)} MB`);
console.log(`personale al ${dossier.pap.referenceDate}: ${dossier.pap.headcount.total} (donne ${dossier.pap.headcount.F}); record: ${dossier.headcount.length}; segnalazioni: ${dossier.findings.length}`);
