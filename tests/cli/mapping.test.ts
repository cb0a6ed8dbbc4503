import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Mapping } from '../../importer/engine/mapping/schema';
import { Row, xlsx } from '../corpus/fixtures/kit';
import { ROOT, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/xlsx';

/** `piao import --mappa`: the mapping every import writes, corrected by hand and given back. */
const ROWS: Row[] = [
  ['Programma delle attività 2024 - Ufficio tecnico'],
  [],
  ['Attività programmata', 'Ufficio', 'Punteggio atteso', 'Referente'],
  ['Rifacimento della segnaletica orizzontale', 'Manutenzioni', 40, 'Geom. Rossi'],
  ['Censimento delle alberature', 'Verde pubblico', 35, 'Geom. Rossi'],
  ['Sportello telematico edilizia', 'Edilizia privata', 25, 'Arch. Verdi'],
];

describe('piao import --mappa (the built command)', () => {
  it('writes mappatura.json; the same import with it gives the same piao.json (Provincia di Prato sample)', () => {
    const input = join(ROOT, 'templates', 'samples', 'provincia-prato');
    const first = join(tempDir(), 'a');
    expect(runCli(['import', input, '--out', first]).status).toBe(0);
    const mapping = Mapping.parse(JSON.parse(readFileSync(join(first, 'mappatura.json'), 'utf8')));
    expect(mapping.sheets.map((s) => [s.sheet, s.tables.map((t) => t.family)])).toEqual(
      expect.arrayContaining([['Performance 2024-2026', ['objectives']]]),
    );
    const second = join(tempDir(), 'b');
    const r = runCli(['import', input, '--out', second, '--mappa', join(first, 'mappatura.json')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(second, 'piao.json'), 'utf8')).toBe(readFileSync(join(first, 'piao.json'), 'utf8'));
    expect(readFileSync(join(second, 'mappatura.json'), 'utf8')).toBe(readFileSync(join(first, 'mappatura.json'), 'utf8'));
  }, 60_000);

  it('reads a sheet it did not recognise once the officer gives the roles; a wrong entry is said in Italian and the rest goes on', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'attivita.xlsx'), await xlsx([{ name: 'Attività', rows: ROWS }, { name: 'Copia', rows: ROWS }]));
    const out1 = join(tempDir(), 'o1');
    expect(runCli(['import', dir, '--out', out1]).status).toBe(0);
    const written = Mapping.parse(JSON.parse(readFileSync(join(out1, 'mappatura.json'), 'utf8')));
    expect(written.sheets.map((s) => [s.sheet, s.tables.length])).toEqual([
      ['Attività', 0],
      ['Copia', 0],
    ]);
    const table = {
      family: 'objectives',
      kind: 'objectives',
      range: 'A1:D6',
      headerRows: [3],
      columns: [
        { column: 'A', label: 'Attività programmata', role: 'title' },
        { column: 'B', label: 'Ufficio', role: 'structure' },
        { column: 'C', label: 'Punteggio atteso', role: 'weight' },
        { column: 'D', label: 'Referente', role: 'responsible' },
      ],
    };
    const edited = {
      mappingVersion: 1,
      sheets: [
        { ...written.sheets[0], tables: [table] },
        { ...written.sheets[1], tables: [{ ...table, columns: [{ column: 'A', label: 'Attività programmata', role: 'obiettivo' }] }] },
      ],
    };
    const file = join(tempDir(), 'mappatura.json');
    writeFileSync(file, JSON.stringify(edited, null, 2));
    const out2 = join(tempDir(), 'o2');
    const r = runCli(['import', dir, '--out', out2, '--mappa', file]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^piao: Mappatura, foglio «Copia» di «attivita\.xlsx»: tabella 1, colonna A, il ruolo: valore non ammesso/m);
    const piao = JSON.parse(readFileSync(join(out2, 'piao.json'), 'utf8'));
    expect(piao.objectives.map((o: { title: string; structure: string; at: { sheet: string } }) => [o.at.sheet, o.title, o.structure])).toEqual([
      ['Attività', 'Rifacimento della segnaletica orizzontale', 'Manutenzioni'],
      ['Attività', 'Censimento delle alberature', 'Verde pubblico'],
      ['Attività', 'Sportello telematico edilizia', 'Edilizia privata'],
    ]);
    expect(piao.findings.filter((f: { rule: string }) => f.rule === 'mapping-unusable').map((f: { sheet: string }) => f.sheet)).toEqual(['Copia']);
    expect(readFileSync(join(out2, 'report.html'), 'utf8')).toContain('Come sono stati letti i fogli');
  }, 60_000);

  it.each([
    ['a file that does not exist', (d: string) => join(d, 'manca.json'), /--mappa: il file .*manca\.json non esiste\./],
    ['a file that is not JSON', (d: string) => (writeFileSync(join(d, 'x.json'), 'ciao'), join(d, 'x.json')), /La mappatura «.*x\.json» non è un file JSON valido/],
    ['a JSON that is no mapping', (d: string) => (writeFileSync(join(d, 'y.json'), '{"a": 1}'), join(d, 'y.json')), /non ha l'elenco «sheets» dei fogli/],
  ])('refuses %s as a usage error (exit 2), in Italian, before any work', (_name, make, message) => {
    const d = tempDir();
    const out = join(tempDir(), 'o');
    const r = runCli(['import', join(ROOT, 'templates', 'samples', 'comune-valle-serena'), '--out', out, '--mappa', make(d)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+|Error:/);
  });
});
