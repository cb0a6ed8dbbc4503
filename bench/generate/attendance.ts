/**
 * A million-row export as HR software writes it in Italy (`;`, dates dd/mm/yyyy, decimal comma):
 * one row per person and day of absence or overtime.
 */
import { Random } from './random';

const CAUSES = ['Ferie', 'Malattia', 'Permesso L. 104', 'Straordinario', 'Formazione', 'Lavoro agile', 'Recupero ore', 'Congedo parentale'];
const SECTORS = ['Servizi finanziari', 'Lavori pubblici', 'Servizi sociali', 'Polizia locale', 'Segreteria generale', 'Urbanistica'];
const SURNAMES = ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'];

export const ATTENDANCE_HEADER = 'Matricola;Cognome;Data;Causale;Ore;Settore;Anno;Note';

export function* attendanceCsvLines(rows: number, seed = 9): Generator<string> {
  const rnd = new Random(seed);
  yield ATTENDANCE_HEADER;
  for (let i = 0; i < rows; i++) {
    const day = `${String(rnd.int(1, 28)).padStart(2, '0')}/${String(rnd.int(1, 12)).padStart(2, '0')}/2024`;
    const hours = `${rnd.int(1, 8)},${rnd.pick(['0', '5'])}`;
    const note = rnd.chance(0.05) ? '"giornata intera; da verificare"' : '';
    yield `M${String(100000 + rnd.int(0, 4999)).padStart(6, '0')};${rnd.pick(SURNAMES)};${day};${rnd.pick(CAUSES)};${hours};${rnd.pick(SECTORS)};2024;${note}`;
  }
}
