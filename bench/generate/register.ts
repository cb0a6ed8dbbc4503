/**
 * A per-person staff register as offices keep it: one row per employee, 20 columns (names, gender,
 * birth date, category, profile, structure, contract, part-time, smart working, hire and end dates).
 * Invented people; written with exceljs' streaming writer so that 100k rows take seconds.
 */
import ExcelJS from 'exceljs';
import { Random } from './random';

export const REGISTER_HEADER = [
  'Matricola',
  'Cognome',
  'Nome',
  'Genere',
  'Data di nascita',
  'Categoria',
  'Posizione economica',
  'Profilo professionale',
  'Settore',
  'Servizio',
  'Tipo contratto',
  'Regime orario',
  'Percentuale part-time',
  'Lavoro agile',
  'Giorni di lavoro agile al mese',
  'Data assunzione',
  'Data cessazione',
  'Motivo cessazione',
  'Titolo di studio',
  'Anni di servizio',
] as const;

const SURNAMES = ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone'];
const NAMES_F = ['Maria', 'Anna', 'Giulia', 'Francesca', 'Chiara', 'Sara', 'Laura', 'Elena', 'Paola', 'Silvia', 'Valentina', 'Federica', 'Alessandra', 'Martina', 'Roberta'];
const NAMES_M = ['Marco', 'Giuseppe', 'Luca', 'Andrea', 'Francesco', 'Alessandro', 'Stefano', 'Paolo', 'Roberto', 'Davide', 'Matteo', 'Simone', 'Giovanni', 'Antonio', 'Fabio'];
const CATEGORIES: [string, string[], string[]][] = [
  ['A', ['A1', 'A2', 'A3'], ['Operatore', 'Operatore ausiliario']],
  ['B', ['B1', 'B3', 'B5'], ['Esecutore amministrativo', 'Collaboratore tecnico', 'Autista']],
  ['C', ['C1', 'C2', 'C4'], ['Istruttore amministrativo', 'Istruttore tecnico', 'Istruttore di vigilanza', 'Istruttore contabile']],
  ['D', ['D1', 'D3', 'D5'], ['Funzionario amministrativo', 'Funzionario tecnico', 'Specialista in attività socio-assistenziali']],
  ['Dirigente', ['-'], ['Dirigente']],
];
const SECTORS = ['Servizi finanziari', 'Lavori pubblici', 'Servizi sociali', 'Polizia locale', 'Segreteria generale', 'Urbanistica', 'Servizi demografici', 'Istruzione e cultura', 'Ambiente', 'Personale'];
const SERVICES = ['Ragioneria', 'Tributi', 'Economato', 'Manutenzioni', 'Progettazione', 'Anagrafe', 'Stato civile', 'Protocollo', 'Biblioteca', 'Scuole', 'Verde pubblico', 'Viabilità'];
const REGIMES = ['Tempo pieno', 'Tempo pieno', 'Tempo pieno', 'Tempo pieno', 'Part-time verticale 50%', 'Part-time orizzontale 83,33%', 'Part-time misto 66,66%'];
const DEGREES = ['Licenza media', 'Diploma', 'Diploma', 'Laurea triennale', 'Laurea magistrale'];
const ENDINGS = ['Pensionamento', 'Dimissioni', 'Mobilità in uscita', 'Fine contratto'];

export type RegisterCell = string | number | Date | null;

function day(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** The rows of a register (header first), generated on the fly. */
export function* registerRows(rows: number, seed = 7): Generator<RegisterCell[]> {
  const rnd = new Random(seed);
  yield [...REGISTER_HEADER];
  for (let i = 0; i < rows; i++) {
    const female = rnd.chance(0.62);
    const [cat, positions, profiles] = rnd.pick(CATEGORIES);
    const regime = rnd.pick(REGIMES);
    const fixedTerm = rnd.chance(0.08);
    const hired = day(rnd.int(1985, 2023), rnd.int(1, 12), rnd.int(1, 28));
    const ended = rnd.chance(0.05);
    const agile = rnd.chance(0.45);
    yield [
      `M${String(100000 + i).padStart(6, '0')}`,
      rnd.pick(SURNAMES),
      rnd.pick(female ? NAMES_F : NAMES_M),
      female ? 'F' : 'M',
      day(rnd.int(1960, 2000), rnd.int(1, 12), rnd.int(1, 28)),
      cat,
      rnd.pick(positions),
      rnd.pick(profiles),
      rnd.pick(SECTORS),
      rnd.pick(SERVICES),
      fixedTerm ? 'Tempo determinato' : 'Tempo indeterminato',
      regime,
      regime === 'Tempo pieno' ? 100 : Number(/(\d+)(?:,(\d+))?%/.exec(regime)![1]),
      agile ? 'Sì' : 'No',
      agile ? rnd.int(2, 10) : 0,
      hired,
      ended ? day(2024, rnd.int(1, 12), rnd.int(1, 28)) : null,
      ended ? rnd.pick(ENDINGS) : null,
      rnd.pick(DEGREES),
      2024 - hired.getUTCFullYear(),
    ];
  }
}

/** Writes the register as an xlsx (one sheet, dates formatted dd/mm/yyyy, header bold). */
export async function writeRegisterXlsx(path: string, rows: number, seed = 7): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Personale al 31.12.2024');
  const dateCols = [5, 16, 17];
  for (const c of dateCols) ws.getColumn(c).numFmt = 'dd/mm/yyyy';
  let first = true;
  for (const values of registerRows(rows, seed)) {
    const row = ws.addRow(values);
    if (first) row.font = { bold: true };
    else for (const c of dateCols) row.getCell(c).numFmt = 'dd/mm/yyyy';
    first = false;
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

function csvField(v: RegisterCell, delimiter: string): string {
  if (v === null) return '';
  if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`;
  const s = typeof v === 'number' ? String(v).replace('.', ',') : v;
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The register as CSV text lines, as Excel writes it in Italy (`;`, dates dd/mm/yyyy, decimal comma). */
export function* registerCsvLines(rows: number, seed = 7, delimiter = ';'): Generator<string> {
  for (const values of registerRows(rows, seed)) yield values.map((v) => csvField(v, delimiter)).join(delimiter);
}
