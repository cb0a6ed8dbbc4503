import { analyse } from '../../importer/engine/analyse';
import { readCsv } from '../../importer/read/csv';
import { Dossier } from '../../importer/engine/schema/dossier';
import { registerPeople, registerWorkbook } from '../../templates/scripts/samples/register';
import { analyseWorkbooks } from '../helpers/xlsx';
import { findings } from '../helpers/staff';

const REF = Date.UTC(2024, 11, 31);
/** Categories of the sample as an HR officer would place them, written out here on purpose. */
const PLACED: Record<string, string> = {
  'Segretario generale': 'segretario',
  Dirigente: 'dirigente',
  'Dirigente a T.D. art. 110': 'dirigente',
  D3: 'funzionario',
  D1: 'funzionario',
  C1: 'istruttore',
  B3: 'operatore-esperto',
  B1: 'operatore-esperto',
  A1: 'operatore',
  'Collaboratore art. 90': 'altro',
};

function age(birth: Date): number {
  const ref = new Date(REF);
  let a = ref.getUTCFullYear() - birth.getUTCFullYear();
  if (ref.getUTCMonth() < birth.getUTCMonth() || (ref.getUTCMonth() === birth.getUTCMonth() && ref.getUTCDate() < birth.getUTCDate())) a--;
  return a;
}

describe('per-person register (one row per employee)', () => {
  const people = registerPeople();
  const inService = people.filter((p) => p.hired.getTime() <= REF && !(p.left && p.left.getTime() <= REF));
  const count = (list: typeof people, g: 'F' | 'M') => list.filter((p) => p.gender === g).length;
  let dossier: Dossier;
  beforeAll(async () => {
    dossier = (await analyseWorkbooks({ 'anagrafica.xlsx': registerWorkbook() })).dossier;
  });

  it('counts the people in service at the date of its title', () => {
    expect(dossier.pap.referenceDate).toBe('2024-12-31');
    expect(dossier.pap.headcount).toMatchObject({ F: count(inService, 'F'), M: count(inService, 'M'), total: inService.length });
  });

  it('places every category and keeps its label', () => {
    for (const c of dossier.pap.byCategory) {
      const mine = inService.filter((p) => PLACED[p.category] === c.category);
      expect([c.category, c.F, c.M]).toEqual([c.category, count(mine, 'F'), count(mine, 'M')]);
    }
    expect(new Set(dossier.headcount.map((h) => h.label))).toEqual(new Set(inService.map((p) => p.category)));
  });

  it('counts fixed-term, part-time and smart-working staff by gender', () => {
    expect(dossier.pap.fixedTerm).toEqual({ F: count(inService.filter((p) => p.fixedTerm), 'F'), M: count(inService.filter((p) => p.fixedTerm), 'M'), total: inService.filter((p) => p.fixedTerm).length, byGender: true });
    expect(dossier.pap.partTime).toMatchObject({ F: count(inService.filter((p) => p.partTime < 100), 'F'), M: count(inService.filter((p) => p.partTime < 100), 'M') });
    expect(dossier.pap.smartWorking).toMatchObject({ F: count(inService.filter((p) => p.smart), 'F'), M: count(inService.filter((p) => p.smart), 'M') });
    const vertical = inService.filter((p) => p.partTimeType === 'Verticale' && p.partTime <= 50);
    expect(dossier.workTime.filter((w) => w.regime === 'part-time-vertical-50').reduce((n, w) => n + w.count, 0)).toBe(vertical.length);
  });

  it('gives hires and terminations of the last three years', () => {
    for (const year of [2022, 2023, 2024]) {
      const hired = people.filter((p) => p.hired.getUTCFullYear() === year);
      const left = people.filter((p) => p.left?.getUTCFullYear() === year);
      expect(dossier.pap.turnover.find((t) => t.year === year)).toEqual({ year, hires: { F: count(hired, 'F'), M: count(hired, 'M') }, terminations: { F: count(left, 'F'), M: count(left, 'M') } });
    }
    expect(dossier.pap.turnover.map((t) => t.year)).toEqual([2022, 2023, 2024]);
  });

  it('gives the age bands of the CUG tables', () => {
    const band = (a: number) => (a <= 30 ? '<30' : a <= 40 ? '31-40' : a <= 50 ? '41-50' : a <= 60 ? '51-60' : '>60');
    for (const b of ['<30', '31-40', '41-50', '51-60', '>60']) {
      const expected = inService.filter((p) => band(age(p.birth)) === b).length;
      expect([b, dossier.headcount.filter((h) => h.ageBand === b).reduce((n, h) => n + h.count, 0)]).toEqual([b, expected]);
    }
  });

  it('points every record at the column it was counted from and holds no personal data', () => {
    const last = 3 + people.length;
    expect(new Set(dossier.headcount.map((h) => h.at.cell))).toEqual(new Set([`F4:F${last}`]));
    expect(new Set(dossier.turnover.map((t) => t.at.cell))).toEqual(new Set([`M4:M${last}`, `N4:N${last}`]));
    const json = JSON.stringify(dossier);
    for (const p of people) {
      expect(json).not.toContain(p.surname.toUpperCase());
      expect(json).not.toContain(`${p.name.toUpperCase()}"`);
      expect(json).not.toContain(String(p.id));
      expect(json).not.toContain(p.birth.toISOString().slice(0, 10));
    }
    expect(() => Dossier.parse(dossier)).not.toThrow();
  });

  it('reads a CSV export: text dates, a row entered twice counted once, unreadable cells reported without personal data', () => {
    const csv = [
      'Elenco dipendenti al 31/12/2024',
      'Matricola;Cognome e nome;Sesso;Data nascita;Cat.;Tipo rapporto;% orario;Lavoro agile;Data assunzione;Data cessazione',
      '101;VERDI ANNA;F;12/03/1980;C1;TI;100;Sì;01/02/2010;',
      '102;NERI LUCA;M;05/07/1975;D3;TD;50;No;15/09/2023;',
      '103;BLU SARA;F;31/02/1990;B3;TI;83,33;1;01/01/2001;',
      '102;NERI LUCA;M;05/07/1975;D3;TD;50;No;15/09/2023;',
      '104;ROSA PIA;X;01/01/1970;C1;TI;100;No;01/01/2000;',
      '105;GIALLI EVA;F;01/01/1965;A1;TI;100;No;01/01/1990;30/06/2024',
    ].join('\r\n');
    const { grids } = readCsv(new TextEncoder().encode(csv), 'dipendenti.csv');
    const { dossier: d } = analyse([{ file: 'dipendenti.csv', grids }]);
    expect(d.pap.headcount).toMatchObject({ F: 2, M: 1, total: 3 });
    expect(d.pap.fixedTerm).toEqual({ F: 0, M: 1, total: 1, byGender: true });
    expect(d.pap.partTime).toMatchObject({ F: 1, M: 1 });
    expect(d.pap.turnover.find((t) => t.year === 2024)?.terminations).toEqual({ F: 1, M: 0 });
    expect(findings(d, 'duplicate-row')).toMatchObject([{ cell: 'A6', severity: 'warning', related: [{ cell: 'A4' }] }]);
    expect(findings(d, 'value-unparseable').map((f) => f.cell).sort()).toEqual(['C7', 'D5']);
    const birth = findings(d, 'value-unparseable').find((f) => f.cell === 'D5')!;
    expect(JSON.stringify(birth)).not.toContain('31/02/1990');
    expect(JSON.stringify(d)).not.toMatch(/VERDI|NERI|BLU|ROSA|GIALLI/);
  });

  it('without a date, counts everybody without a termination date and gives no age bands', () => {
    const csv = ['Matricola;Cognome;Nome;Sesso;Categoria;Data cessazione', '1;A;B;F;C1;', '2;C;D;M;D1;', '3;E;F;F;C1;31/03/2023'].join('\n');
    const { grids } = readCsv(new TextEncoder().encode(csv), 'elenco.csv');
    const { dossier: d } = analyse([{ file: 'elenco.csv', grids }]);
    expect(d.pap.referenceDate).toBeUndefined();
    expect(d.pap.headcount).toMatchObject({ F: 1, M: 1, total: 2 });
    expect(d.headcount.every((h) => h.ageBand === undefined)).toBe(true);
  });
});
