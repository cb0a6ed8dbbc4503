/**
 * A generated per-person register of a few thousand people, as an HR system exports it (matricola,
 * names, sesso, data di nascita, categoria, profilo, settore, TI/TD, part-time, lavoro agile, date
 * of hire and termination, titolo di studio, date of entry into the profile), with the cases that
 * make CUG tables hard: birthdays on the band limits, profile dates exactly 3, 5 and 10 years back,
 * part-time with no percentage, missing profile dates, study titles written in many ways. Seeded:
 * the same people every time. Tests count the tables from `people` on their own.
 */
import ExcelJS from 'exceljs';
import { Random } from '../../bench/generate/random';

export const REF_YEAR = 2024;
export const REF = Date.UTC(REF_YEAR, 11, 31);

export interface GenPerson {
  matricola: string;
  surname: string;
  name: string;
  gender: 'F' | 'M';
  birth: Date;
  /** The category as the register writes it. */
  category: string;
  profile: string;
  structure: string;
  fixedTerm: boolean;
  /** The part-time cell: '' full time, '100%', '83,33%', '50%', or 'PT' (no percentage). */
  partTime: string;
  /** Percentage of the hours; undefined for 'PT'. */
  partTimeShare: number | undefined;
  smart: boolean;
  hired: Date;
  left?: Date;
  /** Index of the portal's study title, and the text the register writes for it. */
  studyIndex: number;
  study: string;
  /** Entry into the current profile; undefined when the register leaves it empty. */
  entry?: Date;
}

/** [category as written, profile, share of people, share of women, general-level manager] */
const POSITIONS: [string, string, number, number, boolean][] = [
  ['Segretario generale', 'Segretario generale', 0.001, 0.5, false],
  ['Dirigente', 'Direttore generale', 0.001, 0.4, true],
  ['Dirigente', 'Dirigente amministrativo', 0.012, 0.45, false],
  ['Dirigente a T.D. art. 110', 'Dirigente tecnico', 0.004, 0.3, false],
  ['Area dei Funzionari e dell\'EQ', 'Funzionario amministrativo', 0.12, 0.68, false],
  ['D1', 'Istruttore direttivo contabile', 0.1, 0.64, false],
  ['Area degli Istruttori', 'Istruttore amministrativo', 0.25, 0.62, false],
  ['C1', 'Istruttore di vigilanza', 0.12, 0.33, false],
  ['Area degli Operatori esperti', 'Collaboratore professionale', 0.15, 0.45, false],
  ['B1', 'Esecutore tecnico', 0.12, 0.2, false],
  ['Cat. A', 'Operatore', 0.06, 0.3, false],
  ['Collaboratore art. 90', 'Addetto stampa', 0.002, 0.6, false],
];

/** The portal's study titles (index) in the words registers use. */
const STUDY_TEXTS: string[][] = [
  ['Licenza media', 'Scuola dell\'obbligo', 'Licenza elementare', 'Qualifica professionale'],
  ['Diploma di maturità', 'Diploma scuola secondaria superiore', 'Diploma'],
  ['Laurea triennale', 'Laurea breve', 'Laurea'],
  ['Laurea magistrale', 'Laurea specialistica', 'Laurea vecchio ordinamento'],
  ['Master di I livello', 'Master I livello'],
  ['Master di II livello', 'Master II livello'],
  ['Dottorato di ricerca', 'PhD'],
];

const SURNAMES = ['Ardito', 'Bellomo', 'Cavallari', 'Dessì', 'Esposito', 'Fabbri', 'Guerrini', 'Iannone', 'Lattanzi', 'Mazzoleni', 'Nardone', 'Orlando', 'Pellegrino', 'Quaranta', 'Rinaldi', 'Sartori', 'Tognazzi', 'Urbani', 'Valente', 'Zanetti'];
const WOMEN = ['Agnese', 'Beatrice', 'Cecilia', 'Donatella', 'Ester', 'Fiorella', 'Gemma', 'Ilaria', 'Lucrezia', 'Mirella'];
const MEN = ['Achille', 'Battista', 'Corrado', 'Dario', 'Ettore', 'Fulvio', 'Gualtiero', 'Ippolito', 'Lamberto', 'Marcello'];

/** The bench's seeded generator (mulberry32): the same people every run. */
function random(seed: number): () => number {
  const r = new Random(seed);
  return () => r.next();
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export function generatePeople(n = 3000, seed = 1702): GenPerson[] {
  const rnd = random(seed);
  const pickPosition = () => {
    let x = rnd();
    for (const p of POSITIONS) if ((x -= p[2]) < 0) return p;
    return POSITIONS[6];
  };
  const people: GenPerson[] = [];
  for (let i = 0; i < n; i++) {
    const [category, profile, , women] = i < POSITIONS.length ? POSITIONS[i] : pickPosition();
    const gender: 'F' | 'M' = rnd() < women ? 'F' : 'M';
    // birthdays: one in ten on a band limit at 31/12 (30, 31, 40, 41, 50, 51, 60, 61 years old), the others anywhere
    let birth: Date;
    if (rnd() < 0.1) {
      const age = [30, 31, 40, 41, 50, 51, 60, 61][Math.floor(rnd() * 8)];
      birth = rnd() < 0.5 ? day(REF_YEAR - age, 12, 31) : day(REF_YEAR - age, 1, 1);
    } else birth = day(1957 + Math.floor(rnd() * 45), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
    const fixedTerm = /T\.D\.|art\. 90/.test(category) || rnd() < 0.07;
    const hiredYear = Math.max(birth.getUTCFullYear() + 19, fixedTerm ? 2021 : 1985 + Math.floor(rnd() * 40));
    const hired = day(Math.min(hiredYear, 2025), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
    const r = rnd();
    const [partTime, partTimeShare] = r < 0.05 ? ['50%', 50] : r < 0.09 ? ['83,33%', 83.33] : r < 0.11 ? ['66,67', 66.67] : r < 0.12 ? ['PT', undefined] : r < 0.13 ? ['30%', 30] : r < 0.5 ? ['100%', 100] : ['', 100];
    const studyIndex = Math.min(6, Math.max(0, Math.floor(rnd() * 7 * (/Dirigente|Segretario|Funzionari|D1/.test(category) ? 1 : 0.6)) + (/Dirigente|Segretario/.test(category) ? 2 : 0)));
    const texts = STUDY_TEXTS[studyIndex];
    const p: GenPerson = {
      matricola: `MT${String(400000 + i * 7).padStart(7, '0')}`,
      surname: `${SURNAMES[Math.floor(rnd() * SURNAMES.length)]}${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26) % 26)}`,
      name: (gender === 'F' ? WOMEN : MEN)[Math.floor(rnd() * 10)],
      gender,
      birth,
      category,
      profile,
      structure: ['Affari generali', 'Finanziario', 'Tecnico', 'Servizi sociali', 'Polizia locale'][Math.floor(rnd() * 5)],
      fixedTerm,
      partTime,
      partTimeShare,
      smart: rnd() < 0.35,
      hired,
      studyIndex,
      study: texts[Math.floor(rnd() * texts.length)],
    };
    // entry into the profile: the hire, a later progression, exactly 3, 5 or 10 years back, or left empty
    const e = rnd();
    if (e < 0.04) p.entry = undefined;
    else if (e < 0.16) p.entry = day(REF_YEAR - [3, 5, 10, 11][Math.floor(rnd() * 4)], 12, 31);
    else if (e < 0.45) p.entry = day(2008 + Math.floor(rnd() * 17), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
    else p.entry = hired;
    if (p.entry && p.entry < hired) p.entry = hired;
    if (rnd() < 0.08) {
      const left = day(2022 + Math.floor(rnd() * 4), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
      if (left > hired) p.left = left;
    }
    people.push(p);
  }
  return people;
}

/** The register as an xlsx workbook, with the title that gives its date. */
export function registerBook(people: readonly GenPerson[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Anagrafica');
  ws.addRow([`Comune di Monteverde - estrazione anagrafica del personale al 31/12/${REF_YEAR}`]);
  ws.addRow([]);
  ws.addRow(['Matricola', 'Cognome', 'Nome', 'Sesso', 'Data di nascita', 'Categoria', 'Profilo professionale', 'Settore', 'TI/TD', 'Part-time %', 'Lavoro agile', 'Data assunzione', 'Data cessazione', 'Titolo di studio', 'Data inquadramento']);
  for (const p of people) {
    const row = ws.addRow([p.matricola, p.surname, p.name, p.gender, p.birth, p.category, p.profile, p.structure, p.fixedTerm ? 'TD' : 'TI', p.partTime || null, p.smart ? 'Sì' : 'No', p.hired, p.left ?? null, p.study, p.entry ?? null]);
    for (const c of [5, 12, 13, 15]) row.getCell(c).numFmt = 'dd/mm/yyyy';
  }
  return wb;
}
