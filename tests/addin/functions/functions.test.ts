/**
 * The custom functions PIAO.*, run as plain functions (with a stand-in of the CustomFunctions
 * global) against the engine's own data: the reference list of missioni and programmi, the
 * category mapping, the checker's messages and the PAP shares of the Prato dossier.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { missionName } from '../../../importer/engine/reference/budget-codes';
import { codeFormat } from '../../../importer/engine/rules/code-format';
import { share } from '../../../importer/engine/normalise/numbers';
import { pratoDossier } from '../../helpers/dossiers';
import { StandinFunctionError, installCustomFunctions } from '../helpers/custom-functions-standin';

installCustomFunctions();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the global is in place
const f = require('../../../addin/functions/functions') as typeof import('../../../addin/functions/functions');

const CSV = join(__dirname, '..', '..', '..', 'importer', 'engine', 'reference', 'missioni-programmi.csv');
const rows = Papa.parse<Record<string, string>>(readFileSync(CSV, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** The message of an Excel error returned by a function; fails when the result is not one. */
function errorOf(value: unknown): string {
  expect(value).toBeInstanceOf(StandinFunctionError);
  const e = value as StandinFunctionError;
  expect(e.code).toBe('#VALUE!');
  expect(e.message).toMatch(/\S/);
  return e.message!;
}

describe('PIAO.PROGRAMMA and PIAO.MISSIONE', () => {
  it('name every programme and missione of D.Lgs 118/2011 (Allegato 14) from its code', () => {
    const programmes = rows.filter((r) => r.programma);
    const missions = rows.filter((r) => !r.programma);
    expect(programmes.length).toBeGreaterThan(90);
    for (const r of programmes) expect(f.programma(r.programma)).toBe(r.denominazione);
    for (const r of missions) expect(f.missione(r.missione)).toBe(r.denominazione);
  });

  it('accept a missione typed as a number and codes written loosely, as the checker does', () => {
    expect(f.missione(4)).toBe(missionName('04'));
    expect(f.programma('4.2')).toBe(f.programma('04.02'));
    expect(f.programma(' 04.02 ')).toBe(f.programma('04.02'));
  });

  it('give #VALORE! with an Italian reason for a code that does not exist or cannot be read', () => {
    expect(errorOf(f.programma('01.99'))).toMatch(/01\.99 non esiste nel D\.Lgs 118\/2011/);
    expect(errorOf(f.programma('01.99'))).toContain(missionName('01'));
    expect(errorOf(f.programma('77.01'))).toMatch(/non esiste nemmeno la missione 77/);
    expect(errorOf(f.programma(4.1))).toMatch(/come testo/);
    expect(errorOf(f.programma('04'))).toMatch(/PIAO\.MISSIONE/);
    expect(errorOf(f.missione('04.02'))).toMatch(/PIAO\.PROGRAMMA/);
    expect(errorOf(f.missione('abc'))).toMatch(/non è un codice di missione/);
    expect(errorOf(f.missione(''))).toMatch(/Manca il codice/);
    expect(errorOf(f.missione('00'))).toMatch(/00 non esiste/);
  });
});

describe('PIAO.VERIFICA_CODICE', () => {
  it('is VERO for a well-formed code under its parent, or with no parent', () => {
    expect(f.verificaCodice('01.01.02', '01.01')).toBe(true);
    expect(f.verificaCodice('01.01.02.01', '01.01.02')).toBe(true);
    expect(f.verificaCodice('05.02')).toBe(true);
    expect(f.verificaCodice('05.02', '')).toBe(true);
  });

  it('gives the checker\'s message for a code out of form, typed as a number, or under the wrong parent', () => {
    expect(f.verificaCodice('3.02.01', '03.02')).toBe(codeFormat.messages.default.replace('{what}', 'Il codice').replace('{actual}', '3.02.01').replace('{expected}', '03.02.01'));
    expect(f.verificaCodice(1.1)).toMatch(/La cella contiene un numero/);
    // the real error of the Provincia di Prato PIAO 2024-2026
    const prato = f.verificaCodice('02.02.02.01', '02.02.01');
    expect(typeof prato).toBe('string');
    expect(prato).toMatch(/02\.02\.02\.01.*02\.02\.01.*02\.02\.01\.xx/);
    expect(f.verificaCodice('01.02.01', '1.02')).toMatch(/livello superiore «1\.02».*«01\.02»/);
    expect(f.verificaCodice('testo libero')).toMatch(/non è un codice/);
  });

  it('gives #VALORE! when the code is missing', () => {
    expect(errorOf(f.verificaCodice(''))).toMatch(/Manca il codice/);
  });
});

describe('PIAO.CATEGORIA', () => {
  it('places the categories of both CCNL systems and free profiles in their area', () => {
    const cases: [string, RegExp][] = [
      ['Cat. A', /^Area degli Operatori$/],
      ['B3', /^Area degli Operatori esperti$/],
      ['B-BS', /^Area degli Operatori esperti$/],
      ['Cat. C', /^Area degli Istruttori$/],
      ['ISTRUTTORE POLIZIA LOCALE', /^Area degli Istruttori$/],
      ['Cat. D', /^Area dei Funzionari e dell'Elevata Qualificazione$/],
      ['Istruttore direttivo amministrativo', /^Area dei Funzionari/],
      ['Dirigente a T.D. art. 110', /^Dirigenza$/],
      ['Segretario generale', /^Segretari/],
    ];
    for (const [label, area] of cases) expect(f.categoria(label)).toMatch(area);
  });

  it('gives #VALORE! for what no area holds, saying it counts as «altro personale»', () => {
    expect(errorOf(f.categoria('Collaboratore art. 90'))).toMatch(/non rientra in nessuna area.*altro personale/);
    expect(errorOf(f.categoria('Forestale'))).toMatch(/altro personale/);
    expect(errorOf(f.categoria(''))).toMatch(/Manca/);
  });
});

describe('PIAO.QUOTA', () => {
  it('rounds as the engine does: the PAP shares of the Prato dossier come out the same', async () => {
    const { pap } = await pratoDossier();
    expect(f.quota(pap.smartWorking.total, pap.headcount.total)).toBe(pap.smartWorking.share);
    expect(f.quota(pap.headcount.F, pap.headcount.total)).toBe(pap.headcount.shareF);
    for (const c of pap.byCategory) if (c.total) expect(f.quota(c.F, c.total)).toBe(c.shareF);
    expect(f.quota(pap.smartWorking.total, pap.headcount.total)).toBe(0.623); // "62%" in the plan: 43 of 69
  });

  it('reads counts written with the notations of staff tables', () => {
    expect(f.quota('28 di cui 1 a T.D', 38)).toBe(share(28, 38));
    expect(f.quota('5 (+ 5 TD)', '20')).toBe(0.5);
    expect(f.quota('1.234', '2.468')).toBe(0.5);
  });

  it('gives #VALORE! with the reason for a zero total, a part above the total, n.d. or text', () => {
    expect(errorOf(f.quota(1, 0))).toMatch(/totale è zero/);
    expect(errorOf(f.quota(50, 40))).toMatch(/supera il totale/);
    expect(errorOf(f.quota('n.d.', 40))).toMatch(/non disponibile/);
    expect(errorOf(f.quota('molti', 40))).toMatch(/non è un numero/);
    expect(errorOf(f.quota(-1, 40))).toMatch(/negativi/);
    expect(errorOf(f.quota(3, ''))).toMatch(/Manca il totale/);
  });
});
