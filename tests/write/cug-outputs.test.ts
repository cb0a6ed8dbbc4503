/**
 * What `piao import` writes for the CUG tables, read back as the officer gets it: the sheet
 * «Tabelle CUG» of PIAO.xlsx laid out as the portal prints the tables (headings, groups merged
 * over their columns, totals, two-decimal percentages), one CSV per table with Italian numbers,
 * the report's section; and never a name, a matricola or a birth date in any of them.
 */
import ExcelJS from 'exceljs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../importer/cli/main';
import { Dossier } from '../../importer/engine/schema/dossier';
import { generatePeople, registerBook } from '../helpers/cug-register';
import { tempDir, writeXlsx } from '../helpers/xlsx';

jest.setTimeout(180_000);

const silent = { out: () => undefined, err: () => undefined };
const people = generatePeople(800, 4242);

describe('CUG outputs of piao import', () => {
  let out: string;
  let dossier: Dossier;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const { path } = await writeXlsx(registerBook(people), 'anagrafica-2024.xlsx');
    out = tempDir('piao-cug-');
    expect(await main(['import', path, '--out', out, '-q'], silent)).toBe(0);
    dossier = JSON.parse(readFileSync(join(out, 'piao.json'), 'utf8')) as Dossier;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, 'PIAO.xlsx')) as unknown as ArrayBuffer);
    ws = wb.getWorksheet('Tabelle CUG')!;
  });

  /** The sheet row (1-based) whose first cell is `text`. */
  const rowOf = (text: string) => {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === text) return r;
    throw new Error(`riga «${text}» non trovata`);
  };

  it('PIAO.xlsx has the sheet «Tabelle CUG» with each table under its caption, «Uomini» and «Donne» merged over the age bands', () => {
    expect(ws).toBeDefined();
    const caption = rowOf('Tabella 1.1 – Ripartizione del personale per genere ed età nei livelli di inquadramento');
    // source line, then the two header rows
    const groups = caption + 2;
    expect([ws.getCell(groups, 1).value, ws.getCell(groups, 2).value]).toEqual(['Tipologia di personale', 'Inquadramento']);
    expect(ws.getCell(groups, 3).value).toBe('Uomini');
    expect(ws.getCell(groups, 7).isMerged && ws.getCell(groups, 7).master.address).toBe(ws.getCell(groups, 3).address);
    expect(ws.getCell(groups, 8).value).toBe('Donne');
    expect([3, 4, 5, 6, 7].map((c) => ws.getCell(groups + 1, c).value)).toEqual(['< 30', 'da 31 a 40', 'da 41 a 50', 'da 51 a 60', '> 60']);
    for (const key of ['1.2', '1.4', '1.6', '1.7', '2.1']) rowOf(`Tabella ${key} – ${dossier.cug![key as '1.2']!.title}`);
  });

  it('prints as the other sheets: A4, one page wide, the title repeated, the footer with the dossier and the page', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(ws.headerFooter.oddFooter).toMatch(/Pagina &P di &N/);
  });

  it('the rows of 1.1 are the figures of piao.json; percentages in points with two decimals and the format 0.00', () => {
    const t = dossier.cug!['1.1']!;
    const total = rowOf('Totale personale');
    const values = (r: number) => Array.from({ length: 10 }, (_, i) => ws.getCell(r, 3 + i).value);
    expect(values(total)).toEqual(t.rows.find((r) => r.labels[0] === 'Totale personale')!.values);
    const pct = rowOf('Totale % sul personale complessivo');
    expect(values(pct)).toEqual(t.rows.find((r) => r.kind === 'percent')!.values.map((v) => Math.round(v! * 10000) / 100));
    expect(ws.getCell(pct, 3).numFmt).toBe('0.00');
    expect(ws.getCell(total, 1).font?.bold).toBe(true);
    // the detail rows right above the total, as many as piao.json has
    const details = t.rows.filter((r) => r.kind === 'detail');
    details.forEach((r, i) => {
      const row = total - details.length + i;
      expect([ws.getCell(row, 1).value, ws.getCell(row, 2).value, ...values(row)]).toEqual([...r.labels, ...r.values]);
    });
  });

  it('the tables the inputs cannot give are listed with what they need', () => {
    const head = rowOf('Tabelle che i dati importati non permettono di calcolare');
    const listed = Array.from({ length: dossier.cug!.missing.length }, (_, i) => ws.getCell(head + 2 + i, 1).value);
    expect(listed).toEqual(dossier.cug!.missing.map((m) => m.table));
    expect(ws.getCell(head + 2, 3).value).toBe(dossier.cug!.missing[0].needs);
  });

  it('writes one CSV per table, semicolons and decimal commas, the portal headings', () => {
    const csvs = readdirSync(out).filter((f) => f.endsWith('.csv')).sort();
    expect(csvs).toEqual(['cug-1.1.csv', 'cug-1.2.csv', 'cug-1.4.csv', 'cug-1.6.csv', 'cug-1.7.csv', 'cug-2.1.csv', 'cug-movimenti.csv']);
    const text = readFileSync(join(out, 'cug-1.1.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Tabella 1.1 – Ripartizione del personale per genere ed età nei livelli di inquadramento');
    expect(lines[1]).toBe(';;Uomini;;;;;Donne;;;;');
    expect(lines[2]).toBe('Tipologia di personale;Inquadramento;< 30;da 31 a 40;da 41 a 50;da 51 a 60;> 60;< 30;da 31 a 40;da 41 a 50;da 51 a 60;> 60');
    const t = dossier.cug!['1.1']!;
    expect(lines.slice(3)).toHaveLength(t.rows.length);
    const pct = lines[lines.length - 1].split(';');
    expect(pct[0]).toBe('Totale % sul personale complessivo');
    pct.slice(2).forEach((cell, i) => expect(cell).toBe((Math.round(t.rows[t.rows.length - 1].values[i]! * 10000) / 100).toFixed(2).replace('.', ',')));
  });

  it('report.html has the section «Tabelle CUG» with the tables and what is missing', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<section id="cug"><h2>Tabelle CUG al 31/12/2024</h2>');
    expect(html).toContain('Tabella 1.4 – Anzianità nei profili e livelli non dirigenziali, ripartite per età e per genere');
    expect(html).toContain('<th colspan="8" class="num">Uomini</th>');
    expect(html).toContain('Tabelle che i dati importati non permettono di calcolare');
    expect(html).toContain('da completare');
  });

  it('no name, matricola or birth date in any output but the annotated copy of the register itself', async () => {
    const texts: string[] = [];
    for (const f of readdirSync(out)) if (/\.(json|csv|html)$/.test(f)) texts.push(readFileSync(join(out, f), 'utf8'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, 'PIAO.xlsx')) as unknown as ArrayBuffer);
    const dates = new Set<number>();
    wb.eachSheet((s) =>
      s.eachRow((row) =>
        row.eachCell((c) => {
          if (c.value instanceof Date) dates.add(c.value.getTime());
          else texts.push(typeof c.value === 'object' && c.value !== null ? JSON.stringify(c.value) : String(c.value));
        }),
      ),
    );
    const all = texts.join('\n');
    const it2 = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    const leaks = people.flatMap((p) => [p.matricola, p.surname, it2(p.birth), p.birth.toISOString().slice(0, 10)].filter((s) => all.includes(s)));
    expect(leaks).toEqual([]);
    expect(people.filter((p) => dates.has(p.birth.getTime()))).toEqual([]);
  });
});
