/**
 * Comune di Pian del Lago (invented): the per-person staff register as the HR system exports it,
 * one row per employee (matricola, cognome, nome, sesso, data di nascita, categoria, profilo,
 * settore, contratto TI/TD, part-time %, lavoro agile, date of hire and of termination, titolo di
 * studio, date of entry into the current profile), including
 * people who left in 2022-2024. Every person is invented by a seeded generator: the same file
 * every time. `registerPeople` hands the same people to tests, which count them on their own.
 */
import ExcelJS from 'exceljs';
import { newWorkbook, styleHeader } from '../workbook';

export interface Person {
  id: number;
  surname: string;
  name: string;
  gender: 'F' | 'M';
  birth: Date;
  category: string;
  profile: string;
  structure: string;
  fixedTerm: boolean;
  partTime: number;
  partTimeType: '' | 'Orizzontale' | 'Verticale';
  smart: boolean;
  hired: Date;
  left?: Date;
  /** Titolo di studio as the HR system writes it. */
  study: string;
  /** Date of entry into the current profile or level (a progression, or the hire). */
  entry: Date;
}

const SURNAMES = ['Rossi', 'Bianchi', 'Ferrari', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone', 'Longo'];
const WOMEN = ['Giulia', 'Chiara', 'Francesca', 'Sara', 'Martina', 'Elena', 'Valentina', 'Laura', 'Silvia', 'Anna', 'Paola', 'Federica', 'Roberta', 'Alessia', 'Marta'];
const MEN = ['Marco', 'Luca', 'Andrea', 'Matteo', 'Alessandro', 'Davide', 'Stefano', 'Paolo', 'Giorgio', 'Simone', 'Roberto', 'Fabio', 'Nicola', 'Claudio', 'Enrico'];
const STRUCTURES = ['Settore Affari generali', 'Settore Finanziario', 'Settore Tecnico', 'Settore Servizi alla persona', 'Polizia locale'];

/** [category as written, profile, how many, share of women] */
const POSITIONS: [string, string, number, number][] = [
  ['Segretario generale', 'Segretario generale', 1, 1],
  ['Dirigente', 'Dirigente amministrativo', 2, 0.5],
  ['Dirigente a T.D. art. 110', 'Dirigente tecnico', 1, 0],
  ['D3', 'Funzionario amministrativo', 12, 0.7],
  ['D1', 'Istruttore direttivo contabile', 20, 0.65],
  ['C1', 'Istruttore amministrativo', 48, 0.62],
  ['C1', 'Istruttore di vigilanza', 16, 0.35],
  ['B3', 'Collaboratore professionale', 22, 0.45],
  ['B1', 'Esecutore tecnico', 18, 0.2],
  ['A1', 'Operatore', 9, 0.3],
  ['Collaboratore art. 90', 'Addetto stampa', 1, 1],
];

/** A small seeded generator (mulberry32): the samples are the same bytes every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function date(rnd: () => number, fromYear: number, toYear: number): Date {
  const y = fromYear + Math.floor(rnd() * (toYear - fromYear + 1));
  return new Date(Date.UTC(y, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)));
}

/** Study titles as HR systems write them, by category: [title, weight]. */
const STUDIES: Record<string, [string, number][]> = {
  top: [['Laurea magistrale', 6], ['Laurea vecchio ordinamento', 3], ['Master di II livello', 1]],
  d: [['Laurea magistrale', 5], ['Laurea triennale', 3], ['Diploma di maturità', 2]],
  c: [['Diploma di maturità', 6], ['Laurea triennale', 2], ['Laurea magistrale', 1], ['Licenza media', 1]],
  b: [['Licenza media', 5], ['Diploma di maturità', 4], ['Qualifica professionale', 1]],
  a: [['Licenza media', 7], ['Licenza elementare', 1], ['Diploma di maturità', 2]],
};

function pick(rnd: () => number, list: [string, number][]): string {
  const total = list.reduce((n, [, w]) => n + w, 0);
  let x = rnd() * total;
  for (const [v, w] of list) if ((x -= w) < 0) return v;
  return list[list.length - 1][0];
}

function studyGroup(category: string): string {
  if (/^(Segretario|Dirigente)/.test(category)) return 'top';
  if (/^D/.test(category)) return 'd';
  if (/^C/.test(category)) return 'c';
  if (/^B/.test(category)) return 'b';
  return /^A/.test(category) ? 'a' : 'c';
}

export function registerPeople(): Person[] {
  const rnd = random(20241231);
  // study titles and profile dates come from a generator of their own: the other figures stay as they were
  const more = random(20250101);
  const people: Person[] = [];
  let id = 10230;
  for (const [category, profile, n, women] of POSITIONS) {
    for (let i = 0; i < n; i++) {
      const gender: 'F' | 'M' = rnd() < women ? 'F' : 'M';
      const fixedTerm = /T\.D\.|art\. 90/.test(category) || rnd() < 0.06;
      const partTime = rnd() < 0.14 ? [50, 83.33, 66.67, 50][Math.floor(rnd() * 4)] : 100;
      const p: Person = {
        id: id++,
        surname: SURNAMES[Math.floor(rnd() * SURNAMES.length)],
        name: (gender === 'F' ? WOMEN : MEN)[Math.floor(rnd() * 15)],
        gender,
        birth: date(rnd, 1960, 1999),
        category,
        profile,
        structure: profile === 'Istruttore di vigilanza' ? 'Polizia locale' : STRUCTURES[Math.floor(rnd() * 4)],
        fixedTerm,
        partTime,
        partTimeType: partTime < 100 ? (rnd() < 0.5 ? 'Orizzontale' : 'Verticale') : '',
        smart: rnd() < 0.4 && profile !== 'Esecutore tecnico' && profile !== 'Istruttore di vigilanza',
        hired: fixedTerm ? date(rnd, 2021, 2024) : date(rnd, 1988, 2024),
        study: '',
        entry: new Date(0),
      };
      p.study = pick(more, STUDIES[studyGroup(category)]);
      // a third changed profile or level after the hire (a progression, a new area in 2023)
      p.entry = more() < 0.35 ? date(more, Math.max(p.hired.getUTCFullYear(), 2010), 2024) : p.hired;
      if (p.entry < p.hired) p.entry = p.hired;
      // about one in nine left the Comune in 2022-2024
      if (rnd() < 0.11) {
        const left = date(rnd, 2022, 2024);
        if (left > p.hired) p.left = left;
      }
      people.push(p);
    }
  }
  return people;
}

export function registerWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Anagrafica');
  ws.columns = [10, 16, 12, 7, 14, 26, 32, 30, 13, 12, 14, 13, 16, 16, 26, 16].map((width) => ({ width }));
  ws.addRow(['Comune di Pian del Lago - Anagrafica del personale al 31/12/2024 (estrazione dal gestionale presenze)']).font = { bold: true };
  ws.addRow([]);
  styleHeader(
    ws.addRow(['Matricola', 'Cognome', 'Nome', 'Sesso', 'Data di nascita', 'Categoria', 'Profilo professionale', 'Settore', 'Tipo contratto', 'Part-time %', 'Tipo part-time', 'Lavoro agile', 'Data assunzione', 'Data cessazione', 'Titolo di studio', 'Data inquadramento']),
  );
  for (const p of registerPeople()) {
    const row = ws.addRow([p.id, p.surname.toUpperCase(), p.name.toUpperCase(), p.gender, p.birth, p.category, p.profile, p.structure, p.fixedTerm ? 'TD' : 'TI', p.partTime, p.partTimeType || null, p.smart ? 'Sì' : 'No', p.hired, p.left ?? null, p.study, p.entry]);
    for (const c of [5, 13, 14, 16]) row.getCell(c).numFmt = 'dd/mm/yyyy';
  }
  return wb;
}
