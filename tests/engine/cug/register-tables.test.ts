/**
 * The CUG tables from a generated register of 3,000 people: every cell of every table equals a
 * count done here, person by person, with the portal's headings written out. Ages at 31/12 are the
 * year's difference (a birthday is never after 31 December); the bands, the seniority bands, the
 * kinds of presence and the study titles are placed by this test's own rules.
 */
import { CugTable } from '../../../importer/engine/schema/cug';
import { Dossier } from '../../../importer/engine/schema/dossier';
import { GenPerson, REF, REF_YEAR, generatePeople, registerBook } from '../../helpers/cug-register';
import { analyseWorkbooks } from '../../helpers/xlsx';

jest.setTimeout(120_000);

const people = generatePeople(3000);
const inService = people.filter((p) => p.hired.getTime() <= REF && !(p.left && p.left.getTime() <= REF));

/** Where an HR officer places each category of the register. */
const PLACE: Record<string, [string, string]> = {
  'Segretario generale': ['Dirigente di livello generale', 'Segretario'],
  Dirigente: ['Dirigente di livello non generale', 'Dirigente'],
  'Dirigente a T.D. art. 110': ['Dirigente di livello non generale', 'Dirigente'],
  "Area dei Funzionari e dell'EQ": ['Personale non dirigente', 'Area dei Funzionari e dell’Elevata Qualificazione'],
  D1: ['Personale non dirigente', 'Area dei Funzionari e dell’Elevata Qualificazione'],
  'Area degli Istruttori': ['Personale non dirigente', 'Area degli Istruttori'],
  C1: ['Personale non dirigente', 'Area degli Istruttori'],
  'Area degli Operatori esperti': ['Personale non dirigente', 'Area degli Operatori Esperti'],
  B1: ['Personale non dirigente', 'Area degli Operatori Esperti'],
  'Cat. A': ['Personale non dirigente', 'Area degli Operatori'],
  'Collaboratore art. 90': ['Personale non dirigente', 'Collaboratore art. 90'],
};
const place = (p: GenPerson): [string, string] => (p.profile === 'Direttore generale' ? ['Dirigente di livello generale', 'Dirigente'] : PLACE[p.category]);
const managerial = (p: GenPerson) => place(p)[0] !== 'Personale non dirigente';

const age = (p: GenPerson) => REF_YEAR - p.birth.getUTCFullYear();
const band = (p: GenPerson) => {
  const a = age(p);
  return a <= 30 ? 0 : a <= 40 ? 1 : a <= 50 ? 2 : a <= 60 ? 3 : 4;
};
const BANDS = ['< 30', 'da 31 a 40', 'da 41 a 50', 'da 51 a 60', '> 60'];

/** Whole years in the profile at 31/12: the difference of the years (every anniversary falls by 31 December). */
const seniority = (p: GenPerson) => {
  const years = REF_YEAR - p.entry!.getUTCFullYear();
  return years < 3 ? 0 : years < 5 ? 1 : years <= 10 ? 2 : 3;
};
const presence = (p: GenPerson) => (p.partTimeShare === undefined ? -1 : p.partTimeShare >= 100 ? 0 : p.partTimeShare > 50 ? 1 : 2);

/** Counts by band: men's five then women's five. */
function byBand(list: GenPerson[]): number[] {
  return [...['M', 'F'].flatMap((g) => [0, 1, 2, 3, 4].map((b) => list.filter((p) => p.gender === g && band(p) === b).length))];
}

/** Rows of a table as label -> values. */
function rowsOf(t: CugTable | undefined): Map<string, (number | null)[]> {
  expect(t).toBeDefined();
  return new Map(t!.rows.map((r) => [r.labels.filter(Boolean).join(' | '), r.values]));
}

/** A table of shares as the portal defines them, from the lines' counts (men's bands, women's bands). */
function shareLines(lines: [string, number[]][]): Map<string, (number | null)[]> {
  const men = lines.reduce((n, [, v]) => n + v.slice(0, 5).reduce((a, b) => a + b, 0), 0);
  const women = lines.reduce((n, [, v]) => n + v.slice(5).reduce((a, b) => a + b, 0), 0);
  const out = new Map<string, (number | null)[]>();
  for (const [label, v] of lines) {
    const m = v.slice(0, 5).reduce((a, b) => a + b, 0);
    const f = v.slice(5).reduce((a, b) => a + b, 0);
    out.set(label, [...v.slice(0, 5), m, m + f ? m / (m + f) : null, men ? m / men : null, ...v.slice(5), f, m + f ? f / (m + f) : null, women ? f / women : null]);
  }
  const cols = [0, 1, 2, 3, 4].map((i) => lines.reduce((n, [, v]) => n + v[i], 0));
  const colsF = [5, 6, 7, 8, 9].map((i) => lines.reduce((n, [, v]) => n + v[i], 0));
  const all = men + women;
  out.set('Totale', [...cols, men, null, null, ...colsF, women, null, null]);
  out.set('Totale %', [...cols.map((c) => c / all), men / all, null, null, ...colsF.map((c) => c / all), women / all, null, null]);
  return out;
}

/** Same values: counts exactly, shares within the portal's rounding (two decimals of a point). */
function expectSame(actual: Map<string, (number | null)[]>, expected: Map<string, (number | null)[]>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [label, values] of expected) {
    const got = actual.get(label)!;
    expect([label, got.length]).toEqual([label, values.length]);
    values.forEach((v, i) => {
      if (v === null) expect([label, i, got[i]]).toEqual([label, i, null]);
      else expect([label, i, Math.abs((got[i] ?? NaN) - v) <= 0.00005 + 1e-12]).toEqual([label, i, true]);
    });
  }
}

describe('CUG tables from a register of 3,000 people', () => {
  let dossier: Dossier;
  beforeAll(async () => {
    dossier = (await analyseWorkbooks({ 'anagrafica-2024.xlsx': registerBook(people) })).dossier;
  });

  it('reads every person in service at 31/12 (the staff PAP counts)', () => {
    expect(inService.length).toBeGreaterThan(2000);
    expect(dossier.pap.headcount.total).toBe(inService.length);
    expect(dossier.cug?.referenceDate).toBe('2024-12-31');
  });

  it('1.1: people by tipologia, inquadramento, gender and age band at 31/12, with «Totale personale» and «Totale % sul personale complessivo»', () => {
    const t = dossier.cug!['1.1']!;
    expect(t.title).toBe('Ripartizione del personale per genere ed età nei livelli di inquadramento');
    expect(t.rowHeadings).toEqual(['Tipologia di personale', 'Inquadramento']);
    expect(t.columns.map((c) => `${c.group}/${c.label}`)).toEqual([...BANDS.map((b) => `Uomini/${b}`), ...BANDS.map((b) => `Donne/${b}`)]);
    const expected = new Map<string, (number | null)[]>();
    for (const key of new Set(inService.map((p) => place(p).join(' | ')))) expected.set(key, byBand(inService.filter((p) => place(p).join(' | ') === key)));
    const totals = byBand(inService);
    expected.set('Totale personale', totals);
    expected.set('Totale % sul personale complessivo', totals.map((n) => n / inService.length));
    expectSame(rowsOf(t), expected);
    // rows top first: general managers, then the others, the areas as the CCNL orders them
    expect(t.rows.slice(0, 3).map((r) => r.labels[1])).toEqual(['Segretario', 'Dirigente', 'Dirigente']);
  });

  it('1.2: by kind of presence; part-time at 50% is «<50%»; part-time without a percentage is noted, never guessed', () => {
    const lines: [string, number[]][] = ['Tempo Pieno', 'Part Time >50%', 'Part Time <50%'].map((label, k) => [label, byBand(inService.filter((p) => presence(p) === k))]);
    expectSame(rowsOf(dossier.cug!['1.2']), shareLines(lines));
    const unknown = inService.filter((p) => presence(p) === -1).length;
    expect(unknown).toBeGreaterThan(0);
    expect(dossier.cug!['1.2']!.notes?.join(' ')).toContain(`${unknown} persone in part-time senza la percentuale`);
  });

  it('1.4: the non-managerial staff by whole years in the profile at 31/12 (3, 5, 10 years exactly on the limits)', () => {
    const counted = inService.filter((p) => !managerial(p) && p.entry);
    const lines: [string, number[]][] = ['Inferiore a 3 anni', 'Tra 3 e 5 anni', 'Tra 5 e 10 anni', 'Superiore a 10 anni'].map((label, k) => [label, byBand(counted.filter((p) => seniority(p) === k))]);
    expectSame(rowsOf(dossier.cug!['1.4']), shareLines(lines));
    const noDate = inService.filter((p) => !managerial(p) && !p.entry).length;
    expect(dossier.cug!['1.4']!.notes?.join(' ')).toContain(`${noDate} persone del personale non dirigente senza la data di ingresso nel profilo`);
  });

  it('1.6 and 1.7: level and study title, «Valori assoluti» and shares, «Totale personale»', () => {
    const TITLES = ['Inferiore al Diploma superiore', 'Diploma di scuola superiore', 'Laurea', 'Laurea magistrale', 'Master di I livello', 'Master di II livello', 'Dottorato di ricerca'];
    for (const [key, top] of [['1.6', true], ['1.7', false]] as const) {
      const list = inService.filter((p) => managerial(p) === top);
      const expected = new Map<string, (number | null)[]>();
      for (const level of new Set(list.map((p) => place(p)[1]))) {
        TITLES.forEach((title, s) => {
          const here = list.filter((p) => place(p)[1] === level && p.studyIndex === s);
          if (!here.length) return;
          const m = here.filter((p) => p.gender === 'M').length;
          const f = here.length - m;
          expected.set(`${level} | ${title}`, [m, m / here.length, f, f / here.length, here.length, here.length / list.length]);
        });
      }
      const m = list.filter((p) => p.gender === 'M').length;
      expected.set('Totale personale', [m, m / list.length, list.length - m, (list.length - m) / list.length, list.length, 1]);
      expectSame(rowsOf(dossier.cug![key]), expected);
    }
  });

  it('2.1: part-time and smart working by gender and age; telelavoro and orari flessibili left to fill, never 0', () => {
    const t = dossier.cug!['2.1']!;
    const rows = rowsOf(t);
    const part = byBand(inService.filter((p) => presence(p) !== 0));
    const smart = byBand(inService.filter((p) => p.smart));
    const sumOf = (v: number[], from: number) => v.slice(from, from + 5).reduce((a, b) => a + b, 0);
    for (const [label, v] of [['Personale che fruisce di part time a richiesta', part], ['Personale che fruisce del lavoro agile', smart]] as const) {
      const m = sumOf(v, 0);
      const f = sumOf(v, 5);
      const got = rows.get(label)!;
      expect(got.slice(0, 6)).toEqual([...v.slice(0, 5), m]);
      expect(got.slice(8, 14)).toEqual([...v.slice(5), f]);
      expect(Math.abs(got[6]! - m / (m + f))).toBeLessThanOrEqual(0.00005);
      expect([got[7], got[15]]).toEqual([null, null]);
    }
    for (const label of ['Personale che fruisce di telelavoro', 'Personale che fruisce di orari flessibili']) {
      expect(rows.get(label)!.every((v) => v === null)).toBe(true);
      expect(t.rows.find((r) => r.labels[0] === label)!.toFill).toBe(true);
    }
    expect(rows.get('Totale')!.every((v) => v === null)).toBe(true);
  });

  it('hires and terminations of the year by gender', () => {
    const rows = rowsOf(dossier.cug!.movimenti);
    const inYear = (d: Date | undefined) => d !== undefined && d.getUTCFullYear() === REF_YEAR;
    const hires = people.filter((p) => inYear(p.hired));
    const ends = people.filter((p) => inYear(p.left));
    const mf = (l: GenPerson[]) => [l.filter((p) => p.gender === 'M').length, l.filter((p) => p.gender === 'F').length, l.length];
    expect(rows.get(`Assunzioni ${REF_YEAR}`)).toEqual(mf(hires));
    expect(rows.get(`Cessazioni ${REF_YEAR}`)).toEqual(mf(ends));
  });

  it('lists what the register cannot give, with what each table needs', () => {
    expect(dossier.cug!.missing.map((m) => m.table)).toEqual(['1.3', '1.5', '1.8', '2.2']);
    expect(dossier.cug!.missing.every((m) => m.needs.length > 10)).toBe(true);
  });
});

describe('a register without some columns', () => {
  it('gives the tables it can and lists the others with the column they need (no zeros)', async () => {
    const few = generatePeople(200, 77);
    const book = registerBook(few);
    const ws = book.getWorksheet('Anagrafica')!;
    // drop «Titolo di studio» and «Data inquadramento»
    ws.spliceColumns(14, 2);
    const d = (await analyseWorkbooks({ 'anagrafica.xlsx': book })).dossier;
    expect(Object.keys(d.cug!).filter((k) => k !== 'missing' && k !== 'referenceDate').sort()).toEqual(['1.1', '1.2', '2.1', 'movimenti']);
    const needs = new Map(d.cug!.missing.map((m) => [m.table, m.needs]));
    expect(needs.get('1.4')).toMatch(/data di ingresso nel profilo/);
    expect(needs.get('1.6')).toMatch(/titolo di studio/);
    expect(needs.get('1.7')).toMatch(/titolo di studio/);
  });
});
