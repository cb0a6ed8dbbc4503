import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Dossier } from '../../importer/engine/schema/dossier';
import { listFiles, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/xlsx';

/**
 * File names a hostile world gives (neighbours of issue 13's output names): CSV names that are no
 * sheet name Excel accepts («history», a line break), an escape sequence, names that are not UTF-8
 * (a zip made on Windows). Each is read, each gets its copy, the terminal shows each on one line,
 * and every link of PIAO.xlsx and report.html reaches a sheet that exists in an existing copy.
 */

/** A headcount table whose total is wrong: every file has a finding, so a link to its copy. */
const CSV = 'Personale al 31/12/2023;;\r\nCategoria;Donne;Uomini\r\nCat. D;5;4\r\nCat. C;10;8\r\nTotale;16;12\r\n';

// eslint-disable-next-line no-control-regex -- what must never reach the terminal raw
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

/** Every link of PIAO.xlsx and report.html, as [file, sheet] (the sheet from the `#'Sheet'!A1` fragment). */
async function links(out: string): Promise<[string, string][]> {
  const found: string[] = [];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(out, 'PIAO.xlsx'));
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { hyperlink?: string } | null;
        if (v && typeof v === 'object' && v.hyperlink && !v.hyperlink.startsWith('#')) found.push(v.hyperlink);
      }),
    ),
  );
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  for (const m of html.matchAll(/href="([^"]+\.xlsx#[^"]*)"/g)) found.push(m[1].replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
  return found.map((l) => {
    const [file, fragment] = l.split('#');
    const sheet = /^'?(.*?)'?!/.exec(decodeURIComponent(fragment ?? ''))?.[1] ?? '';
    return [decodeURIComponent(file), sheet.replace(/''/g, "'")];
  });
}

async function expectLinksReachSheets(out: string, sources: number): Promise<void> {
  const all = await links(out);
  expect(new Set(all.map(([f]) => f)).size).toBe(sources);
  // the report's links name the sheet and cell of each finding
  expect(new Set(all.filter(([, sheet]) => sheet).map(([f]) => f)).size).toBe(sources);
  for (const [file, sheet] of all) {
    expect([file, existsSync(join(out, file))]).toEqual([file, true]);
    if (!sheet) continue;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, file));
    expect([file, sheet, wb.getWorksheet(sheet) !== undefined]).toEqual([file, sheet, true]);
  }
}

describe('hostile file names: read, copied, shown on one line, linked', () => {
  it('CSV named «history», with a line break, an escape sequence, a name in Windows-1252, a long name', async () => {
    const dir = tempDir('piao-hostile-names-');
    const input = join(dir, 'in');
    mkdirSync(input);
    const names: (string | Buffer)[] = [
      'history.csv',
      'organico\ncomune.csv',
      'personale \u001b[31mrosso\u001b[0m.csv',
      Buffer.from('lat\xe9n.csv', 'latin1'),
      `personale in servizio al 31 dicembre 2023 del comune.csv`,
    ];
    for (const n of names) writeFileSync(Buffer.isBuffer(n) ? Buffer.concat([Buffer.from(`${input}/`), n]) : join(input, n), CSV);
    const out = join(dir, 'out');
    const r = runCli(['import', input, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const d: Dossier = JSON.parse(readFileSync(join(out, 'piao.json'), 'utf8'));
    expect(d.sources.map((s) => [s.file, s.status]).sort()).toEqual(
      ['history.csv', 'latén.csv', 'organico\ncomune.csv', 'personale in servizio al 31 dicembre 2023 del comune.csv', 'personale \u001b[31mrosso\u001b[0m.csv'].map((f) => [f, 'ok']).sort(),
    );
    // every file is read: a wrong total in each
    expect(d.findings.filter((f) => f.rule === 'sum-mismatch').map((f) => f.file).sort()).toEqual(d.sources.map((s) => s.file).sort());
    expect(listFiles(join(out, 'annotated'))).toHaveLength(names.length);
    // the terminal: one line per file, nothing that drives it
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(CONTROL);
    expect(r.stdout).toContain('✓ organico?comune.csv\n');
    expect(r.stdout).toContain('✓ latén.csv\n');
    await expectLinksReachSheets(out, names.length);
  });

  it('a batch whose dossier folder and files are named in Windows-1252', () => {
    const dir = tempDir('piao-hostile-batch-');
    const root = join(dir, 'enti');
    const folder = Buffer.from(`${root}/Comune di Citt\xe0`, 'latin1');
    mkdirSync(folder, { recursive: true });
    writeFileSync(Buffer.concat([folder, Buffer.from('/personale \xe8.csv', 'latin1')]), CSV);
    const out = join(dir, 'out');
    const r = runCli(['batch', root, '--out', out, '-q']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const d: Dossier = JSON.parse(readFileSync(join(out, 'Comune di Città', 'piao.json'), 'utf8'));
    expect(d.sources.map((s) => [s.file, s.status])).toEqual([['personale è.csv', 'ok']]);
    expect(d.pap.headcount).toMatchObject({ F: 15, M: 12 });
  });

  it('a name in another encoding on the command line: one Italian line that says to give its folder, exit 3', () => {
    const r = runCli(['import', 'lat\ufffdn.csv', '--out', join(tempDir('piao-hostile-arg-'), 'out')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^piao: lat.n\.csv: il nome non è in UTF-8 e dalla riga di comando non si può aprire: indica la cartella che lo contiene/);
  });
});
