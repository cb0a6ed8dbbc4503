import iconv from 'iconv-lite';
import { analyse } from '../../../importer/engine/analyse';
import { readCsv } from '../../../importer/read/csv';

/** read-problem: what a reader met in a file it could still read, at the place it met it. */
function findings(bytes: Buffer, file = 'obiettivi.csv') {
  const { grids, problems } = readCsv(bytes, file);
  return analyse([{ file, grids, problems }]).dossier.findings.filter((f) => f.rule === 'read-problem');
}

const HEAD = 'Codice;Obiettivo;Responsabile;Peso\n';

describe('rule read-problem', () => {
  describe('valid', () => {
    it.each([
      ['UTF-8 with accents', Buffer.from(`${HEAD}01.01.01.01;Qualità dei servizi;Demografici;100\n`, 'utf8')],
      ['Windows-1252 throughout', iconv.encode(`${HEAD}01.01.01.01;Qualità dei servizi;Demografici;100\n`, 'windows-1252')],
      ['a quoted field with a line break, closed', Buffer.from(`${HEAD}01.01.01.01;"Qualità\ndei servizi";Demografici;100\n`, 'utf8')],
    ])('%s', (_, bytes) => expect(findings(bytes)).toEqual([]));
  });

  describe('invalid', () => {
    it('a file that mixes UTF-8 and Windows-1252 lines: one warning, the rest imported', () => {
      const bytes = Buffer.concat([Buffer.from(`${HEAD}01.01.01.01;Qualità;Demografici;50\n`, 'utf8'), iconv.encode('01.01.01.02;Città;Demografici;50\n', 'windows-1252')]);
      const f = findings(bytes);
      expect(f.map((x) => [x.severity, x.sheet])).toEqual([['warning', 'obiettivi']]);
      expect(f[0].message).toMatch(/mescola due codifiche.*riga 3/);
    });

    it('quotes opened and never closed: a warning at the record where they open', () => {
      const bytes = Buffer.from(`${HEAD}01.01.01.01;Primo;Demografici;50\n01.01.01.02;"Secondo;Demografici;50\n01.01.01.03;Terzo;Demografici;0\n`, 'utf8');
      const f = findings(bytes);
      expect(f).toHaveLength(1);
      expect(f[0].cell).toBe('A3');
      expect(f[0].message).toMatch(/virgolette/);
    });
  });
});
