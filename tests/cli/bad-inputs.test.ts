import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectInputs } from '../../importer/cli/collect';
import { DossierResult, importDossier } from '../../importer/cli/import-dossier';
import { Source } from '../../importer/engine/schema/dossier';
import { UNREADABLE, writeBadInputs } from '../helpers/bad-inputs';
import { tempDir } from '../helpers/xlsx';

const hashes = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

describe('bad inputs in one dossier', () => {
  let dir: string;
  let out: string;
  let before: Record<string, string>;
  let result: DossierResult;
  let source: (file: string) => Source;
  beforeAll(async () => {
    dir = tempDir('piao-bad-');
    await writeBadInputs(dir);
    before = hashes(dir);
    out = tempDir('piao-bad-out-');
    const { files } = await collectInputs([dir]);
    result = await importDossier(files, out);
    source = (file) => result.analysis.dossier.sources.find((s) => s.file === file)!;
  });

  const expectations: [string, RegExp][] = [
    ['rotto.xlsx', /danneggiato|incompleto/],
    ['vuoto.xlsx', /vuoto/],
    ['appunti.xlsx', /non è una cartella di lavoro Excel valida.*testo/],
    ['protetto.xlsx', /protetta da password/],
    ['vecchio.xls', /Excel 97-2003.*salvalo come \.xlsx/],
    ['foglio.ods', /OpenDocument.*salvalo come \.xlsx/],
    ['xls-rinominato.xlsx', /Excel 97-2003.*salvalo come \.xlsx/],
    ['utf32.csv', /codifica non riconosciuta.*CSV UTF-8/],
  ];

  it.each(expectations)('%s: status "failed" with one Italian line naming the file', (file, reason) => {
    const s = source(file);
    expect(s.status).toBe('failed');
    expect(s.error).toMatch(new RegExp(`^${file.replace('.', '\\.')}: `));
    expect(s.error).toMatch(reason);
    expect(s.error).not.toMatch(/\n|\bat .*\(|Error:|TypeError|undefined/);
  });

  it('covers every unreadable file of the fixture set', () => {
    expect(expectations.map(([f]) => f).sort()).toEqual([...UNREADABLE].sort());
    expect(result.failed).toBe(UNREADABLE.length);
  });

  it('reads a workbook with formula errors and reports each unreadable cell', () => {
    expect(source('errori-formule.xlsx').status).toBe('ok');
    const cells = result.analysis.dossier.findings.filter((f) => f.file === 'errori-formule.xlsx' && f.rule === 'value-unparseable');
    expect(cells.map((f) => f.cell).sort()).toEqual(['D5', 'D6', 'D7']);
    expect(cells.find((f) => f.cell === 'D5')!.message).toContain('#DIV/0!');
    expect(cells.find((f) => f.cell === 'D7')!.message).toContain('#RIF!');
  });

  it('reads a sheet with no table and says so', () => {
    expect(source('senza-tabella.xlsx').status).toBe('ok');
    const f = result.analysis.dossier.findings.find((x) => x.file === 'senza-tabella.xlsx')!;
    expect(f.rule).toBe('header-unrecognised');
    expect(f.message).toMatch(/Nessuna tabella riconosciuta nel foglio «Note»/);
  });

  it('still writes every output, with an annotated copy of each readable file', () => {
    for (const f of ['piao.json', 'PIAO.xlsx', 'report.html', 'annotated/errori-formule.xlsx', 'annotated/senza-tabella.xlsx']) expect(existsSync(join(out, f))).toBe(true);
    expect(readdirSync(join(out, 'annotated')).sort()).toEqual(['errori-formule.xlsx', 'senza-tabella.xlsx']);
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    for (const file of UNREADABLE) expect(report).toContain(file);
  });

  it('never modifies a source', () => {
    expect(hashes(dir)).toEqual(before);
  });
});
