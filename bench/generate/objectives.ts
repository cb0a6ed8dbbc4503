/**
 * A large objectives workbook (the PEG of a big city, or ten years of them in one sheet): code,
 * title, structure, indicator, target, weight, missione and programma, in the code-only layout.
 */
import ExcelJS from 'exceljs';
import { Random } from './random';

const VERBS = ['Migliorare', 'Ridurre', 'Digitalizzare', 'Semplificare', 'Potenziare', 'Garantire', 'Promuovere', 'Razionalizzare', 'Monitorare', 'Rafforzare'];
const OBJECTS = ['i tempi di risposta', 'la riscossione delle entrate', 'i servizi al cittadino', 'la manutenzione delle strade', 'il diritto allo studio', 'la trasparenza degli atti', 'la raccolta differenziata', 'i controlli di polizia locale', 'gli archivi comunali', 'la gestione del personale'];
const STRUCTURES = ['Servizi finanziari', 'Lavori pubblici', 'Servizi sociali', 'Polizia locale', 'Segreteria generale', 'Urbanistica', 'Servizi demografici', 'Istruzione e cultura'];
const PROGRAMMES = ['01.02', '01.03', '01.04', '01.07', '01.08', '03.01', '04.06', '04.07', '09.03', '10.05', '12.03'];

export const OBJECTIVES_HEADER = ['Codice', 'Obiettivo', 'Struttura responsabile', 'Indicatore', 'Target 2024', 'Peso %', 'Missione', 'Programma'];

/** Rows of a cascade: mandate lines, strategic, operational and performance objectives (about `rows` in all). */
export function* objectiveRows(rows: number, seed = 5): Generator<(string | number | null)[]> {
  const rnd = new Random(seed);
  yield OBJECTIVES_HEADER;
  let n = 0;
  for (let m = 1; n < rows; m++) {
    const mandate = String(m).padStart(2, '0');
    yield [mandate, `Linea di mandato ${m}: ${rnd.pick(OBJECTS)}`, null, null, null, null, null, null];
    n++;
    for (let s = 1; s <= 5 && n < rows; s++) {
      const strategic = `${mandate}.${String(s).padStart(2, '0')}`;
      const programme = rnd.pick(PROGRAMMES);
      yield [strategic, `${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)}`, null, null, null, null, programme.slice(0, 2), null];
      n++;
      for (let o = 1; o <= 5 && n < rows; o++) {
        const operational = `${strategic}.${String(o).padStart(2, '0')}`;
        const structure = rnd.pick(STRUCTURES);
        yield [operational, `${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)}`, structure, null, null, null, programme.slice(0, 2), programme];
        n++;
        const count = rnd.int(2, 5);
        const weights = Array.from({ length: count }, () => Math.floor(100 / count));
        weights[0] += 100 - weights.reduce((a, b) => a + b, 0);
        for (let p = 1; p <= count && n < rows; p++) {
          yield [`${operational}.${String(p).padStart(2, '0')}`, `${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)} (fase ${p})`, structure, `Percentuale di ${rnd.pick(OBJECTS)}`, `${rnd.int(50, 100)}%`, weights[p - 1], null, null];
          n++;
        }
      }
    }
  }
}

export async function writeObjectivesXlsx(path: string, rows: number, seed = 5): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('PEG 2024');
  for (const values of objectiveRows(rows, seed)) ws.addRow(values).commit();
  ws.commit();
  await wb.commit();
}
