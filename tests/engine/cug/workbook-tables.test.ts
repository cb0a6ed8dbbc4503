/**
 * CUG tables read from workbooks: real tables 1.1 published on the Portale CUG give 1.1 back with
 * the same figures; a table 1.1 and a register of the same date are compared cell by cell; the
 * «Totale» of the anzianità table is checked against 1.1's non-managerial staff (the real Massafra
 * 2021 report has such an error); «Totale %» and «% di genere» are checked by the portal's
 * definitions, even where another share would give the same number.
 */
import ExcelJS from 'exceljs';
import { Finding } from '../../../importer/engine/schema/dossier';
import { analyseWorkbooks } from '../../helpers/xlsx';
import { GenPerson, REF, generatePeople, registerBook } from '../../helpers/cug-register';
import { serious } from '../../helpers/staff';

jest.setTimeout(120_000);

type Row11 = [string, string, number[], number[]];
const BANDS = ['< 30', 'da 31 a 40', 'da 41 a 50', 'da 51 a 60', '> 60'];

// Portale CUG, Relazione CUG Comune di Massafra 2021 (portalecug.gov.it/format-2/relazione-cug-comune-di-massafra-2021), as published
const MASSAFRA: Row11[] = [
  ['Dirigente di livello generale', 'Segretario generale', [0, 0, 0, 0, 0], [0, 0, 0, 1, 0]],
  ['Dirigente di livello generale', 'Dirigente a tempo indeterminato', [0, 0, 0, 3, 1], [0, 0, 0, 0, 0]],
  ['Dirigente di livello generale', 'Dirigente a tempo determinato', [0, 0, 0, 0, 1], [0, 0, 0, 0, 0]],
  ['Personale non dirigente', 'Categoria D', [0, 2, 1, 7, 2], [0, 1, 4, 0, 4]],
  ['Personale non dirigente', 'CATEGORIA C', [2, 2, 9, 9, 6], [0, 2, 3, 12, 4]],
  ['Personale non dirigente', 'CATEGORIA B-BS', [0, 0, 3, 13, 12], [0, 0, 0, 1, 0]],
  ['Dirigente di livello generale', 'Segretario generale', [0, 0, 0, 0, 0], [0, 0, 0, 1, 0]],
  ['Personale non dirigente', 'dipendenti tempo determinato', [0, 0, 2, 0, 0], [2, 1, 5, 1, 0]],
];
const MASSAFRA_TOTAL = [2, 4, 15, 32, 22, 2, 4, 12, 16, 8];
const MASSAFRA_PCT = [1.71, 3.42, 12.82, 27.35, 18.8, 1.71, 3.42, 10.26, 13.68, 6.84];
/** The published anzianità table: «Tra 3 e 5 anni» left out, so its totals (54 men, 31 women) are not the non-managerial staff of 1.1 (70 and 40). */
const MASSAFRA_SENIORITY: [string, number[], number, number, number, number[], number, number, number][] = [
  ['Inferiore a 3 anni', [2, 3, 4, 5, 6], 20, 68.97, 37.04, [0, 3, 4, 2, 0], 9, 31.03, 29.03],
  ['Tra 5 e 10 anni', [0, 1, 4, 5, 1], 11, 84.62, 20.37, [0, 0, 1, 1, 0], 2, 15.38, 6.45],
  ['Superiore a 10 anni', [0, 0, 5, 18, 0], 23, 53.49, 42.59, [0, 0, 2, 10, 8], 20, 46.51, 64.52],
];

// Portale CUG, Relazione CUG Comune di Magenta 2024 (portalecug.gov.it/format-2/relazione-cug-comune-di-magenta-2024), as published
const MAGENTA: Row11[] = [
  ['Dirigente di livello generale', 'Dirigente a T.D. art 110 TUEL', [0, 0, 1, 0, 0], [0, 0, 0, 0, 0]],
  ['Personale non dirigente', 'Alte Specializzazioni Art. 110 T.D.', [0, 0, 0, 0, 0], [0, 0, 1, 0, 0]],
  ['Personale non dirigente', 'Collaboratore a T.D. art. 90 TUEL', [0, 0, 1, 0, 0], [0, 0, 0, 0, 0]],
  ['Dirigente di livello generale', '157 DIRIGENTI RUOLO PROFESSIONALE', [0, 0, 0, 1, 1], [0, 0, 0, 2, 0]],
  ['Personale non dirigente', 'AREA DEI FUNZIONARI ED ELEVATA QUALIFICAZIONE', [0, 1, 1, 4, 1], [2, 4, 8, 9, 3]],
  ['Personale non dirigente', 'ISTRUTTORE POLIZIA LOCALE', [2, 1, 5, 7, 1], [0, 0, 0, 0, 0]],
  ['Personale non dirigente', 'Istruttore Amministrativo', [1, 1, 0, 0, 3], [2, 3, 5, 9, 2]],
  ['Personale non dirigente', 'ISTRUTTORE TECNICO', [0, 0, 0, 3, 0], [0, 1, 0, 2, 0]],
  ['Personale non dirigente', 'area c socio educativo', [0, 0, 0, 0, 0], [0, 0, 0, 9, 3]],
  ['Personale non dirigente', 'AREA DEGLI OPERATORI ESPERTI', [0, 1, 2, 2, 5], [1, 1, 2, 10, 1]],
];
const MAGENTA_TOTAL = [3, 4, 10, 17, 11, 5, 9, 16, 41, 9];
const MAGENTA_PCT = [2.4, 3.2, 8.0, 13.6, 8.8, 4.0, 7.2, 12.8, 32.8, 7.2];

/** A sheet laid out as the portal prints Sezione 1: title, «Uomini»/«Donne» over the bands, 1.1, then (optionally) the anzianità table. */
function portalBook(rows: Row11[], total: number[], pct: number[], title: string, seniority?: typeof MASSAFRA_SENIORITY): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sezione 1');
  ws.addRow([title]);
  ws.addRow(['1.1 Personale per genere']);
  ws.addRow(['Ripartizione del personale per genere ed età nei livelli di inquadramento']);
  ws.addRow([null, null, 'Uomini', null, null, null, null, 'Donne']);
  ws.addRow(['Tipologia di personale', 'Inquadramento', ...BANDS, ...BANDS]);
  for (const [t, i, m, f] of rows) ws.addRow([t, i, ...m, ...f]);
  ws.addRow(['Totale personale', null, ...total]);
  const p = ws.addRow(['Totale % sul personale complessivo', null, ...pct]);
  for (let c = 3; c <= 12; c++) p.getCell(c).numFmt = '0.00';
  if (seniority) {
    ws.addRow([]);
    ws.addRow(['Anzianità nei profili e livelli non dirigenziali, ripartite per età e per genere']);
    ws.addRow([null, 'Uomini', null, null, null, null, null, null, null, 'Donne']);
    ws.addRow(['Permanenza nel profilo e livello', ...BANDS, 'Totale', 'Totale % (1)', '% di genere(2)', ...BANDS, 'Totale', 'Totale % (1)', '% di genere (3)']);
    for (const [label, m, tm, rm, gm, f, tf, rf, gf] of seniority) ws.addRow([label, ...m, tm, rm, gm, ...f, tf, rf, gf]);
    const sum = (i: number, k: 1 | 5) => seniority.reduce((n, r) => n + (r[k] as number[])[i], 0);
    const men = [0, 1, 2, 3, 4].map((i) => sum(i, 1));
    const women = [0, 1, 2, 3, 4].map((i) => sum(i, 5));
    const tm = men.reduce((a, b) => a + b, 0);
    const tf = women.reduce((a, b) => a + b, 0);
    ws.addRow(['Totale', ...men, tm, null, null, ...women, tf, null, null]);
    const all = tm + tf;
    const pts = (n: number) => Math.round((n / all) * 10000) / 100;
    ws.addRow(['Totale %', ...men.map(pts), pts(tm), null, null, ...women.map(pts), pts(tf), null, null]);
  }
  return wb;
}

const at = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.cell}`).sort();

describe('a real CUG table 1.1 read from a workbook gives 1.1 back with the same figures', () => {
  for (const [name, rows, total, pct] of [
    ['Comune di Massafra 2021', MASSAFRA, MASSAFRA_TOTAL, MASSAFRA_PCT],
    ['Comune di Magenta 2024', MAGENTA, MAGENTA_TOTAL, MAGENTA_PCT],
  ] as const) {
    it(name, async () => {
      const d = (await analyseWorkbooks({ 'relazione-cug.xlsx': portalBook([...rows], [...total], [...pct], `Relazione CUG ${name}`) })).dossier;
      const t = d.cug!['1.1']!;
      expect(t.source).toBe('table');
      expect(t.rowHeadings).toEqual(['Tipologia di personale', 'Inquadramento']);
      const details = t.rows.filter((r) => r.kind === 'detail');
      // every row as published, the repeated one too, in the published order
      expect(details.map((r) => [r.labels[0], r.labels[1], r.values.slice(0, 5), r.values.slice(5)])).toEqual(rows.map(([a, b, m, f]) => [a, b, m, f]));
      expect(t.rows.find((r) => r.labels[0] === 'Totale personale')!.values).toEqual([...total]);
      const shares = t.rows.find((r) => r.labels[0] === 'Totale % sul personale complessivo')!.values;
      shares.forEach((v, i) => expect(Math.round(v! * 10000) / 100).toBe(pct[i]));
    });
  }
});

describe('checks of the CUG tables of a report', () => {
  it('Massafra 2021: the anzianità totals are not the non-managerial staff of 1.1 (a «Tra 3 e 5 anni» row is missing)', async () => {
    const d = (await analyseWorkbooks({ 'relazione-cug-massafra-2021.xlsx': portalBook(MASSAFRA, MASSAFRA_TOTAL, MASSAFRA_PCT, 'Relazione CUG 2021', MASSAFRA_SENIORITY) })).dossier;
    // the repeated Segretario generale, and the anzianità «Totale» of men (G23) and women (O23)
    expect(at(serious(d))).toEqual(['cross-table-mismatch G23', 'cross-table-mismatch O23', 'duplicate-row B12']);
    const men = d.findings.find((f) => f.cell === 'G23')!;
    expect(men).toMatchObject({ actual: 54, expected: 70 });
    expect(men.message).toMatch(/Il totale degli uomini nella tabella «Anzianità.*è 54, ma la tabella 1\.1 dello stesso rapporto conta 70 per il personale non dirigente/);
    expect(d.findings.find((f) => f.cell === 'O23')).toMatchObject({ actual: 31, expected: 40 });
  });

  it('a «Totale» that counts the whole staff, managers included, is said so', async () => {
    // 1.1 with 2 managers (men) and 10 non-managerial men; the anzianità table totals 12 men
    const rows: Row11[] = [
      ['Dirigente di livello non generale', 'Dirigente', [0, 0, 1, 1, 0], [0, 0, 0, 0, 0]],
      ['Personale non dirigente', 'Area degli Istruttori', [1, 2, 3, 4, 0], [2, 2, 2, 2, 2]],
    ];
    const seniority: typeof MASSAFRA_SENIORITY = [
      ['Inferiore a 3 anni', [1, 2, 1, 1, 0], 5, 50, 41.67, [1, 1, 1, 1, 1], 5, 50, 50],
      ['Superiore a 10 anni', [0, 0, 3, 4, 0], 7, 58.33, 58.33, [1, 1, 1, 1, 1], 5, 41.67, 50],
    ];
    const d = (await analyseWorkbooks({ 'cug.xlsx': portalBook(rows, [1, 2, 4, 5, 0, 2, 2, 2, 2, 2], [4.55, 9.09, 18.18, 22.73, 0, 9.09, 9.09, 9.09, 9.09, 9.09], 'Relazione CUG 2024', seniority) })).dossier;
    const f = d.findings.filter((x) => x.rule === 'cross-table-mismatch');
    expect(f.map((x) => x.message)).toEqual([expect.stringMatching(/è 12, pari al personale complessivo della tabella 1\.1 dirigenti compresi; ma la tabella conta solo il personale non dirigente, che nella tabella 1\.1 sono 10/)]);
  });

  it('a «% di genere» written as the row share is found, though the row share is a share of the table too', async () => {
    const wrong = MASSAFRA_SENIORITY.map((r) => [...r]) as typeof MASSAFRA_SENIORITY;
    wrong[0][4] = 68.97; // «% di genere(2)» of «Inferiore a 3 anni» written as its «Totale % (1)»
    const d = (await analyseWorkbooks({ 'cug.xlsx': portalBook(MASSAFRA, MASSAFRA_TOTAL, MASSAFRA_PCT, 'Relazione CUG 2021', wrong) })).dossier;
    const p = d.findings.filter((f) => f.rule === 'percentage-mismatch');
    expect(at(p)).toEqual(['percentage-mismatch I20']);
    expect(p[0].message).toMatch(/come la calcola il Portale CUG \(quota della riga sul totale degli uomini della tabella\) risulta 37,0\d?%/);
  });

  it('a «Totale %» cell off by more than half a point is found; the published ones pass', async () => {
    const clean = (await analyseWorkbooks({ 'cug.xlsx': portalBook(MASSAFRA, MASSAFRA_TOTAL, MASSAFRA_PCT, 'Relazione CUG 2021', MASSAFRA_SENIORITY) })).dossier;
    expect(clean.findings.filter((f) => f.rule === 'percentage-mismatch')).toEqual([]);
    const pct = [...MASSAFRA_PCT];
    pct[3] = 28.35;
    const d = (await analyseWorkbooks({ 'cug.xlsx': portalBook(MASSAFRA, MASSAFRA_TOTAL, pct, 'Relazione CUG 2021') })).dossier;
    expect(at(d.findings.filter((f) => f.rule === 'percentage-mismatch'))).toEqual(['percentage-mismatch F15']);
  });
});

describe('a CUG table 1.1 and a register of the same date', () => {
  const people = generatePeople(120, 9);
  const LEVEL: Record<string, string> = {
    'Segretario generale': 'Segretario',
    Dirigente: 'Dirigente',
    'Dirigente a T.D. art. 110': 'Dirigente',
    "Area dei Funzionari e dell'EQ": 'Area dei Funzionari e dell’Elevata Qualificazione',
    D1: 'Area dei Funzionari e dell’Elevata Qualificazione',
    'Area degli Istruttori': 'Area degli Istruttori',
    C1: 'Area degli Istruttori',
    'Area degli Operatori esperti': 'Area degli Operatori Esperti',
    B1: 'Area degli Operatori Esperti',
    'Cat. A': 'Area degli Operatori',
    'Collaboratore art. 90': 'Collaboratore art. 90',
  };
  const inService = people.filter((p) => p.hired.getTime() <= REF && !(p.left && p.left.getTime() <= REF));
  const band = (p: GenPerson) => {
    const a = 2024 - p.birth.getUTCFullYear();
    return a <= 30 ? 0 : a <= 40 ? 1 : a <= 50 ? 2 : a <= 60 ? 3 : 4;
  };
  /** Table 1.1 of the same people, counted here: one row per level. */
  function table11(): Row11[] {
    const levels = [...new Set(inService.map((p) => LEVEL[p.category]))];
    return levels.map((level) => {
      const here = inService.filter((p) => LEVEL[p.category] === level);
      const counts = (g: 'M' | 'F') => [0, 1, 2, 3, 4].map((b) => here.filter((p) => p.gender === g && band(p) === b).length);
      const tip = level === 'Segretario' || level === 'Dirigente' ? 'Dirigente di livello non generale' : 'Personale non dirigente';
      return [tip, level, counts('M'), counts('F')];
    });
  }
  const totals = (rows: Row11[]) => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => rows.reduce((n, [, , m, f]) => n + [...m, ...f][i], 0));
  const pcts = (t: number[]) => t.map((n) => Math.round((n / t.reduce((a, b) => a + b, 0)) * 10000) / 100);

  it('agree: no finding', async () => {
    const rows = table11();
    const d = (await analyseWorkbooks({ 'anagrafica.xlsx': registerBook(people), 'relazione-cug.xlsx': portalBook(rows, totals(rows), pcts(totals(rows)), 'Relazione CUG - dati al 31/12/2024') })).dossier;
    expect(d.findings.filter((f) => f.rule === 'cross-table-mismatch')).toEqual([]);
    // the register gives the tables; the workbook's 1.1 is checked against it
    expect(d.cug!['1.1']!.source).toBe('register');
  });

  it('differ in one cell: cross-table-mismatch at that cell, the register named', async () => {
    const rows = table11();
    const i = rows.findIndex((r) => r[1] === 'Area degli Istruttori');
    rows[i][3][2] += 1; // one woman more aged 41-50
    const d = (await analyseWorkbooks({ 'anagrafica.xlsx': registerBook(people), 'relazione-cug.xlsx': portalBook(rows, totals(rows), pcts(totals(rows)), 'Relazione CUG - dati al 31/12/2024') })).dossier;
    // the cell, and the women of the whole table (the staff check every table of the same date gets)
    const all = d.findings.filter((x) => x.rule === 'cross-table-mismatch');
    expect(all.map((x) => [x.file, x.cell]).sort()).toEqual([['relazione-cug.xlsx', 'H6:L12'], ['relazione-cug.xlsx', `J${6 + i}`]].sort());
    const f = all.filter((x) => x.cell === `J${6 + i}`);
    expect(f[0].message).toMatch(/Le donne tra 41 e 50 anni dell’inquadramento «Area degli Istruttori» sono \d+ nella tabella «Ripartizione.*ma \d+ nel registro del personale.*alla stessa data \(31\/12\/2024\)/);
    expect(f[0].related?.some((p) => p.file === 'anagrafica.xlsx')).toBe(true);
  });

  it('of different dates: not compared', async () => {
    const rows = table11();
    rows[0][2][0] += 3;
    const d = (await analyseWorkbooks({ 'anagrafica.xlsx': registerBook(people), 'relazione-cug.xlsx': portalBook(rows, totals(rows), pcts(totals(rows)), 'Relazione CUG - dati al 31/12/2023') })).dossier;
    expect(d.findings.filter((f) => f.rule === 'cross-table-mismatch' && f.file === 'relazione-cug.xlsx')).toEqual([]);
  });
});

describe('a dossier with only a CUG table 1.1', () => {
  it('gives 1.1 back and lists every other table with what it needs', async () => {
    const d = (await analyseWorkbooks({ 'cug.xlsx': portalBook(MASSAFRA, MASSAFRA_TOTAL, MASSAFRA_PCT, 'Relazione CUG 2021') })).dossier;
    expect(Object.keys(d.cug!).filter((k) => /^\d|movimenti/.test(k))).toEqual(['1.1']);
    const needs = new Map(d.cug!.missing.map((m) => [m.table, m.needs]));
    expect([...needs.keys()]).toEqual(['1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '2.1', '2.2', 'movimenti']);
    expect(needs.get('1.4')).toMatch(/anagrafica per dipendente.*data di ingresso nel profilo/);
  });

  it('a dossier with no staff data has no cug', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Obiettivi').addRows([['Codice', 'Obiettivo', 'Struttura', 'Peso'], ['01.01.01.01', 'Digitalizzare i servizi', 'Settore AAGG', 100]]);
    const d = (await analyseWorkbooks({ 'peg.xlsx': wb })).dossier;
    expect(d.cug).toBeUndefined();
  });
});
