/**
 * What the officer gets back (issue 14): figures they can trust, words they read, pages they can
 * print. One dossier with every kind of trouble: the Comune di Roccanera's staff tables («n.d.»,
 * «dodici», a negative count, a repeated row, more smart workers than staff, no fixed-term table)
 * and the Provincia di Prato's objectives (an objective under the wrong parent).
 */
import ExcelJS from 'exceljs';
import { summarise } from '../../importer/cli/batch-summary';
import { entityIn } from '../../importer/engine/entity';
import { Dossier } from '../../importer/engine/schema/dossier';
import { annotatedNames } from '../../importer/write/cells';
import { CATEGORY_IT, percentIt } from '../../importer/write/labels';
import { buildPiaoWorkbook, piaoWorkbookBytes } from '../../importer/write/piao-xlsx';
import { LIST_SHEETS, PAP_SHEET } from '../../importer/write/piao-layout';
import { renderReport } from '../../importer/write/report/report';
import { buildSummaryWorkbook } from '../../importer/write/summary-xlsx';
import { workbookBytes } from '../../importer/write/xlsx-bytes';
import { inconsistentStaffWorkbook } from '../../templates/scripts/samples/inconsistent-staff';
import { pratoObjectivesWorkbook } from '../../templates/scripts/samples/prato-objectives';
import { cugWorkbook } from '../../templates/scripts/samples/cug-table';
import { cleanStaffWorkbook } from '../../templates/scripts/samples/clean-staff';
import { loadXlsx, sheetPart, xlsxPart } from '../helpers/dossiers';
import { analyseWorkbooks } from '../helpers/xlsx';

const STAFF = 'personale-2024-da-verificare.xlsx';
const MADE = new Date(2025, 2, 5, 10, 30);

let dossier: Dossier;
let annotated: Map<string, string>;
let bytes: Buffer;
let wb: ExcelJS.Workbook;
/** The links of the PAP sheet as Excel reads them: the cell, and where it leads in the annotated copy. */
let papLinks: { ref: string; location: string }[];

beforeAll(async () => {
  ({ dossier } = await analyseWorkbooks({ [STAFF]: inconsistentStaffWorkbook(), 'piao-performance.xlsx': pratoObjectivesWorkbook() }));
  annotated = annotatedNames(dossier.sources.map((s) => s.file));
  bytes = await piaoWorkbookBytes(await buildPiaoWorkbook(dossier, annotated, undefined, 'roccanera'));
  wb = await loadXlsx(bytes);
  const { xml } = await sheetPart(bytes, PAP_SHEET);
  papLinks = [...xml.matchAll(/<hyperlink ref="([A-Z]+\d+)" r:id="[^"]+" location="([^"]+)"/g)].map((m) => ({ ref: m[1], location: m[2].replace(/&apos;/g, "'") }));
});

/** The PAP sheet as written: label in column A -> the cells right of it. */
function papRows(book: ExcelJS.Workbook): Map<string, ExcelJS.Cell[]> {
  const ws = book.getWorksheet(PAP_SHEET)!;
  const out = new Map<string, ExcelJS.Cell[]>();
  ws.eachRow((row) => {
    const label = row.getCell(1).value;
    const text = label !== null && typeof label === 'object' && 'text' in label ? label.text : label;
    if (text !== null && text !== undefined) out.set(String(text), [2, 3, 4, 5, 6].map((c) => row.getCell(c)));
  });
  return out;
}

const noteOf = (c: ExcelJS.Cell) => (typeof c.note === 'string' ? c.note : (c.note?.texts ?? []).map((t) => t.text).join(''));
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('unknown is never 0', () => {
  it('«Statistiche PAP»: «n.d.» with the reason in a note, where piao.json had 0', () => {
    const pap = papRows(wb);
    // no fixed-term table in the dossier: not 0 people
    expect(pap.get('Persone a tempo determinato')!.slice(0, 3).map((c) => c.value)).toEqual(['n.d.', 'n.d.', 'n.d.']);
    expect(noteOf(pap.get('Persone a tempo determinato')![0])).toContain('nessuna tabella del dossier lo indica');
    // 2023: hires «dodici» (women) and «n.d.» (men), a termination of -2 (men); the balance is not known either
    const y2023 = pap.get('2023')!;
    expect(y2023.map((c) => c.value)).toEqual(['n.d.', 'n.d.', 3, 'n.d.', 'n.d.']);
    expect(noteOf(y2023[0])).toContain('non si legge un numero');
    expect(noteOf(y2023[0])).toContain('Personale 2024!C33');
    expect(noteOf(y2023[1])).toContain('«n.d.»');
    expect(noteOf(y2023[3])).toContain('valore impossibile');
    expect(pap.get('2024')!.map((c) => c.value)).toEqual([3, 2, 2, 1, 2]);
    // «n.d.» sits right, like the figures around it
    expect(y2023[0].alignment?.horizontal).toBe('right');
  });

  it('«Statistiche PAP»: the notes under the statistics say why, each with a link to its cell in the annotated copy', () => {
    const pap = papRows(wb);
    const note = pap.get('Assunzioni 2023 (donne, totale)')!;
    expect(note[0].value).toBe(`n.d.: non si legge un numero nella cella ${STAFF} · Personale 2024!C33`);
    // the figure's name leads to the cell (a link's text is not wrapped in LibreOffice: the reason is plain text)
    expect(papLinks).toContainEqual({ ref: `A${note[0].row}`, location: "'Personale 2024'!C33" });
    expect(pap.get('Tempo determinato')).toBeDefined();
    expect(String(pap.get('Tempo determinato')![0].value)).toBe('n.d.: nessuna tabella del dossier lo indica');
  });

  it('report.html: «n.d.» in the tables, with the reason as a tooltip and a numbered note linking the cell', () => {
    const html = renderReport(dossier, { title: 'roccanera', annotated, made: MADE });
    expect(html).toMatch(/<td class="num nd" title="n\.d\.: nessuna tabella del dossier lo indica">n\.d\.<sup><a href="#nota-pap-\d+">\d+<\/a><\/sup><\/td>/);
    const row2023 = /<tr><td>2023<\/td>(.*?)<\/tr>/.exec(html)![1];
    const cells = row2023.split('</td>').filter(Boolean).map((c) => textOf(c.replace(/<sup>.*?<\/sup>/g, '')).trim());
    expect(cells).toEqual(['n.d.', 'n.d.', '3', 'n.d.']);
    expect(html).toContain(`href="${annotated.get(STAFF)}#'Personale 2024'!C33"`.replace(/'/g, '&#39;'));
    expect(html).not.toMatch(/Tempo determinato<\/td><td class="num">0/);
  });

  it('report.html: a chart leaves out the bar of a figure not known, and says so', () => {
    const html = renderReport(dossier, { title: 'roccanera', annotated, made: MADE });
    const turnover = /<figure role="img" aria-label="Assunzioni e cessazioni per anno">(.*?)<\/figure>/s.exec(html)![1];
    expect(turnover).toContain('Senza barra, perché il dato non è noto');
    expect(turnover).toContain('2023: assunzioni donne; 2023: assunzioni uomini; 2023: cessazioni uomini');
    // the bars drawn for 2023: one (terminations of women, 3), and no bar at 0
    const smart = /<figure role="img" aria-label="Quota di personale in lavoro agile, per genere">(.*?)<\/figure>/s.exec(html)![1];
    expect(smart).toContain('Uomini (quota non calcolabile');
  });

  it('report.html: the card of the staff says «n.d.» when the staff is not known', () => {
    const d: Dossier = structuredClone(dossier);
    d.pap.unknown = [...(d.pap.unknown ?? []), { figure: 'headcount', who: 'total', reason: 'not-available', at: [{ file: STAFF, sheet: 'Personale 2024', cell: 'D5' }] }];
    const html = renderReport(d, { title: 'x', made: MADE });
    expect(html).toMatch(/<div class="card" title="n\.d\.: il dato è indicato come «n\.d\.» nella cella [^"]+"><b>n\.d\.<\/b>persone in servizio<\/div>/);
  });

  it('summary.xlsx: «n.d.» where a figure is not known, with why in the row', async () => {
    const s = summarise('comune-roccanera', 'comune-roccanera', dossier, ['PIAO.xlsx']);
    expect(s.pap.unknown).toEqual({ fixedTerm: 'nessuna tabella del dossier lo indica' });
    const book = await loadXlsx(await workbookBytes(buildSummaryWorkbook('/lotto', [s])));
    const ws = book.getWorksheet('Dossier')!;
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const value = (name: string) => ws.getRow(2).getCell(header.indexOf(name) + 1).value;
    expect(value('Tempo determinato')).toBe('n.d.');
    expect(value('Personale')).toBe(63);
    expect(value('Dati non noti')).toBe('n.d.: Tempo determinato: nessuna tabella del dossier lo indica');
  });
});

describe('statistics resting on a flagged cell', () => {
  it('«Statistiche PAP» fills them and says which cells, with a link', () => {
    const pap = papRows(wb);
    const experts = pap.get(CATEGORY_IT['operatore-esperto'])!;
    expect(experts[0].value).toBe(10);
    expect((experts[0].fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFE3E0');
    expect(noteOf(experts[0])).toBe(`Dato calcolato da celle con segnalazioni (Riga ripetuta: ${STAFF} · Personale 2024!A8).`);
    const note = pap.get('Operatori esperti (donne, uomini, totale)')!;
    expect(papLinks).toContainEqual({ ref: `A${note[0].row}`, location: "'Personale 2024'!A8" });
    // a clean figure is not marked
    expect(pap.get(CATEGORY_IT.istruttore)![0].note).toBeUndefined();
  });

  it('report.html highlights them and links the note to the flagged cell', () => {
    const html = renderReport(dossier, { title: 'roccanera', annotated, made: MADE });
    expect(html).toMatch(/<tr><td>Operatori esperti<\/td><td class="num flagged" title="Dato calcolato da celle con segnalazioni \(Riga ripetuta: [^"]*\)">10<sup>/);
    expect(html).toMatch(/<li id="nota-pap-\d+" class="flagged"><b>Operatori esperti \(donne, uomini, totale\)<\/b>: calcolato da celle con segnalazioni \(Riga ripetuta\): <a href="[^"]*#&#39;Personale 2024&#39;!A8"/);
  });
});

describe('summary.xlsx: hires and terminations year by year', () => {
  it('one row per dossier and year, never summed across years', async () => {
    const clean = await analyseWorkbooks({ 'personale.xlsx': cleanStaffWorkbook() });
    const book = await loadXlsx(await workbookBytes(buildSummaryWorkbook('/lotto', [summarise('roccanera', 'roccanera', dossier), summarise('valle-serena', 'valle-serena', clean.dossier)])));
    const header = (book.getWorksheet('Dossier')!.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header).not.toContain('Assunzioni');
    const ws = book.getWorksheet('Assunzioni e cessazioni')!;
    expect((ws.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual(['Dossier', 'Anno', 'Assunzioni donne', 'Assunzioni uomini', 'Cessazioni donne', 'Cessazioni uomini', 'Saldo']);
    const rows = [];
    for (let r = 2; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as ExcelJS.CellValue[]).slice(1));
    expect(rows.filter((r) => r[0] === 'roccanera')).toEqual([
      ['roccanera', 2022, 2, 1, 1, 2, 0],
      ['roccanera', 2023, 'n.d.', 'n.d.', 3, 'n.d.', 'n.d.'],
      ['roccanera', 2024, 3, 2, 2, 1, 2],
    ]);
  });
});

describe('words for people, ids for machines', () => {
  it('report.html groups findings under the rule titles, the id as a tooltip', () => {
    const html = renderReport(dossier, { title: 'roccanera', made: MADE });
    expect(html).toContain('<h4 title="Controllo sum-mismatch">Totale diverso dalla somma delle parti (3)</h4>');
    expect(html).toContain('<h4 title="Controllo code-parent-mismatch">Codice sotto il padre sbagliato (1)</h4>');
    expect(html).not.toMatch(/<h4[^>]*><code>/);
  });

  it('«Anomalie» of PIAO.xlsx: the title in «Controllo», the id in its own column', () => {
    const ws = wb.getWorksheet(LIST_SHEETS.findings.name)!;
    const headers = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1);
    expect(headers).toEqual(['Gravità', 'Controllo', 'Messaggio', 'File', 'Foglio', 'Cella', 'Celle collegate', 'Id del controllo']);
    const row = ws.getRow(4);
    const f = dossier.findings[0];
    expect(row.getCell(8).value).toBe(f.rule);
    expect(row.getCell(2).value).not.toBe(f.rule);
  });

  it('summary.xlsx: findings by rule title, with the id beside', async () => {
    const book = await loadXlsx(await workbookBytes(buildSummaryWorkbook('/lotto', [summarise('roccanera', 'roccanera', dossier)])));
    const ws = book.getWorksheet('Segnalazioni per controllo')!;
    const rows = [];
    for (let r = 2; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as ExcelJS.CellValue[]).slice(1));
    expect(rows).toContainEqual(['roccanera', 'Totale diverso dalla somma delle parti', 3, 'sum-mismatch']);
  });

  it('the report is titled with the entity the sheets name, else the folder, and dated', async () => {
    const html = renderReport(dossier, { title: 'roccanera', made: MADE });
    expect(html).toContain('<title>PIAO: Comune di Roccanera</title>');
    expect(html).toContain('<h1>Comune di Roccanera</h1>');
    expect(html).toContain('Rapporto del 5 marzo 2025.');
    const { dossier: prato } = await analyseWorkbooks({ 'piao-performance.xlsx': pratoObjectivesWorkbook() });
    expect(prato.entity).toBeUndefined(); // its sheets name the Provincia only inside objectives' titles
    expect(renderReport(prato, { title: 'provincia-prato', made: MADE })).toContain('<h1>provincia-prato</h1>');
  });

  it.each([
    ['Comune di Roccanera - Personale in servizio al 31/12/2024', 'Comune di Roccanera'],
    ['COMUNE DI VALLE SERENA – ALBERO DELLA PERFORMANCE 2024-2026', 'Comune di Valle Serena'],
    ['Unione dei Comuni dei Colli Alti – Personale in servizio', 'Unione dei Comuni dei Colli Alti'],
    ['Provincia di Prato: PIAO 2024-2026', 'Provincia di Prato'],
    ['Città metropolitana di Bologna (Area Personale)', 'Città metropolitana di Bologna'],
    ['Comune di Borgo Esempio', 'Comune di Borgo Esempio'],
  ])('names the entity of «%s»', (text, name) => {
    expect(entityIn(text)).toBe(name);
  });

  it.each(['Comune', 'Comunicazione istituzionale', 'Personale in servizio al 31/12/2024', 'Provinciale: viabilità', 'Ente', 'Obiettivi del Comune'])('names no entity in «%s»', (text) => {
    expect(entityIn(text)).toBeUndefined();
  });

  it('percentages are written one way, one decimal, in the report and its charts', () => {
    const html = renderReport(dossier, { title: 'roccanera', made: MADE });
    const pap = /<section id="pap">(.*?)<\/section>/s.exec(html)![1];
    const shown = [...textOf(pap.replace(/<svg.*?<\/svg>/gs, (svg) => svg.replace(/<text[^>]*>([^<]*)<\/text>/g, ' $1 '))).matchAll(/[\d.,]+%/g)].map((m) => m[0]);
    expect(shown.length).toBeGreaterThan(10);
    for (const p of shown) expect(p).toMatch(/^\d{1,3},\d%$/);
    expect(shown).toContain('100,0%');
    expect(percentIt(0.0049)).toBe('0,5%');
    expect(percentIt(1)).toBe('100,0%');
    expect(percentIt(null)).toBe('n.d.');
  });
});

describe('PIAO.xlsx: findings where the officer works', () => {
  it('the staff and objectives sheets have a «Segnalazioni» column with severity and rule title, inside the filter', () => {
    const hc = wb.getWorksheet(LIST_SHEETS.headcount.name)!;
    const col = LIST_SHEETS.headcount.columns.findIndex((c) => c.header === 'Segnalazioni') + 1;
    expect(hc.getCell(3, col).value).toBe('Segnalazioni');
    const texts = new Map<string, unknown>();
    for (let r = 4; r <= hc.rowCount; r++) texts.set(String((hc.getCell(r, LIST_SHEETS.headcount.columns.length).value as ExcelJS.CellHyperlinkValue)?.text), hc.getCell(r, col).value);
    // the repeated «Cat. B» row (B8, C8) carries the finding at its label; the row it repeats does not
    expect(texts.get(`${STAFF} · Personale 2024!B8`)).toBe('Avviso – Riga ripetuta');
    expect(texts.get(`${STAFF} · Personale 2024!B7`)).toBeNull();
    expect(String(hc.autoFilter)).toMatch(new RegExp(`^A3:${hc.getColumn(LIST_SHEETS.headcount.columns.length).letter}\\d+$`));
    const ob = wb.getWorksheet(LIST_SHEETS.objectives.name)!;
    const ocol = LIST_SHEETS.objectives.columns.findIndex((c) => c.header === 'Segnalazioni') + 1;
    let wrong: ExcelJS.CellValue = null;
    for (let r = 4; r <= ob.rowCount; r++) if (ob.getCell(r, 2).value === '02.02.02.01') wrong = ob.getCell(r, ocol).value;
    expect(wrong).toBe('Errore – Codice sotto il padre sbagliato');
  });

  it('tells Excel not to warn of numbers stored as text in codes and targets', async () => {
    const { xml } = await sheetPart(bytes, LIST_SHEETS.objectives.name);
    const n = dossier.objectives.length + 3;
    expect(xml).toContain(`<ignoredErrors><ignoredError sqref="B4:B${n} C4:C${n} H4:H${n} K4:K${n} L4:L${n}" numberStoredAsText="1"/></ignoredErrors>`);
    // in its place in the sheet's XML: after the page setup, before the drawing of the notes
    expect(xml.indexOf('<ignoredErrors>')).toBeGreaterThan(xml.indexOf('<headerFooter>'));
  });

  it('writes one validation range per column, none overlapping another, with whole numbers ≥ 0 on «Persone» and numbers ≥ 0 on «Peso»', async () => {
    for (const sheet of Object.values(LIST_SHEETS)) {
      const { xml } = await sheetPart(bytes, sheet.name);
      const ranges = [...xml.matchAll(/<dataValidation ([^>]*)>/g)].map((m) => ({ attrs: m[1], sqref: /sqref="([^"]+)"/.exec(m[1])![1] }));
      const cells = new Set<string>();
      for (const r of ranges) {
        const [from, to = from] = r.sqref.split(':');
        const col = from.replace(/\d+/g, '');
        expect(to.replace(/\d+/g, '')).toBe(col);
        for (let i = Number(from.replace(/\D+/g, '')); i <= Number(to.replace(/\D+/g, '')); i++) {
          expect(cells.has(`${col}${i}`)).toBe(false);
          cells.add(`${col}${i}`);
        }
      }
    }
    const { xml } = await sheetPart(bytes, LIST_SHEETS.headcount.name);
    const persone = String.fromCharCode(65 + LIST_SHEETS.headcount.columns.findIndex((c) => c.header === 'Persone'));
    expect(xml).toMatch(new RegExp(`<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*sqref="${persone}4:${persone}\\d+"><formula1>0</formula1>`));
    const ob = await sheetPart(bytes, LIST_SHEETS.objectives.name);
    expect(ob.xml).toMatch(/<dataValidation type="decimal" operator="greaterThanOrEqual"[^>]*sqref="I4:I\d+"><formula1>0<\/formula1>/);
  });

  it('«Personale» shows the age band column when records have one, and hides it when none has', async () => {
    const { dossier: cug } = await analyseWorkbooks({ 'relazione-cug-2023.xlsx': cugWorkbook() });
    expect(cug.headcount.some((h) => h.ageBand)).toBe(true);
    const book = await loadXlsx(await piaoWorkbookBytes(await buildPiaoWorkbook(cug, new Map())));
    const ws = book.getWorksheet(LIST_SHEETS.headcount.name)!;
    const band = LIST_SHEETS.headcount.columns.findIndex((c) => c.header === "Fascia d'età") + 1;
    expect(ws.getColumn(band).hidden).toBe(false);
    // rows that differ only by age band no longer look the same: the only twins left are a row the table repeats, and say so
    const findings = LIST_SHEETS.headcount.columns.findIndex((c) => c.header === 'Segnalazioni') + 1;
    const keys = new Map<string, number>();
    const twins: string[] = [];
    for (let r = 4; r <= ws.rowCount; r++) {
      const key = [1, 2, 3, band, 6].map((c) => String(ws.getCell(r, c).value)).join('|');
      if (keys.has(key)) twins.push(String(ws.getCell(r, findings).value ?? ws.getCell(keys.get(key)!, findings).value));
      keys.set(key, r);
    }
    expect(twins).toEqual(['Avviso – Riga ripetuta']);
    expect(wb.getWorksheet(LIST_SHEETS.headcount.name)!.getColumn(band).hidden).toBe(true);
  });

  it('is made by piao, now', async () => {
    const before = Date.now();
    const fresh = await piaoWorkbookBytes(await buildPiaoWorkbook(dossier, annotated));
    const core = await xlsxPart(fresh, 'docProps/core.xml');
    expect(core).toContain('<dc:creator>piao</dc:creator>');
    const created = new Date(/<dcterms:created[^>]*>([^<]+)</.exec(core)![1]).getTime();
    expect(created).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(created).toBeLessThanOrEqual(Date.now());
    const summary = await xlsxPart(await workbookBytes(buildSummaryWorkbook('/lotto', [summarise('x', 'x', dossier)])), 'docProps/core.xml');
    expect(summary).toContain('<dc:creator>piao</dc:creator>');
  });
});

describe('pages: print-ready workbooks (page setup read back from the written XML)', () => {
  /** The page setup of each sheet of an xlsx: its own XML and the print titles the workbook defines for it. */
  async function pageSetups(xlsx: Uint8Array): Promise<{ name: string; xml: string; titles?: string }[]> {
    const workbook = await xlsxPart(xlsx, 'xl/workbook.xml');
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1].replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
    return Promise.all(
      names.map(async (name, i) => ({
        name,
        xml: (await sheetPart(xlsx, name)).xml,
        titles: new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">([^<]+)<`).exec(workbook)?.[1].replace(/&apos;/g, "'"),
      })),
    );
  }

  function expectPrintReady(s: { name: string; xml: string; titles?: string }, owner: string, header: string): void {
    expect(s.xml).toMatch(/<sheetPr[^>]*>.*<pageSetUpPr fitToPage="1"\/>/);
    expect(s.xml).toMatch(/<pageSetup paperSize="9" orientation="(portrait|landscape)"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(s.xml).toContain(`<oddFooter>&amp;L&amp;8${owner.replace(/&/g, '&amp;&amp;')}&amp;C&amp;8&amp;A&amp;R&amp;8Pagina &amp;P di &amp;N</oddFooter>`);
    expect(s.titles).toBe(`'${s.name}'!${header}`);
  }

  it('PIAO.xlsx: every sheet A4, one page wide, header rows repeated, footer with the entity and the page', async () => {
    const sheets = await pageSetups(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['Obiettivi', 'Personale', 'Part-time', 'Lavoro agile', 'Assunzioni e cessazioni', 'Statistiche PAP', 'Anomalie', 'Fonti']);
    for (const s of sheets) expectPrintReady(s, 'Comune di Roccanera', s.name === PAP_SHEET ? '$1:$2' : '$3:$3');
    // orientation by width: the objectives (15 columns) across
    expect(sheets[0].xml).toContain('orientation="landscape"');
  });

  it('PIAO.xlsx: the footer names the dossier when the sheets name no entity', async () => {
    const { dossier: prato } = await analyseWorkbooks({ 'piao-performance.xlsx': pratoObjectivesWorkbook() });
    const sheets = await pageSetups(await piaoWorkbookBytes(await buildPiaoWorkbook(prato, new Map(), undefined, 'provincia-prato')));
    expectPrintReady(sheets[0], 'provincia-prato', '$3:$3');
  });

  it('PIAO.xlsx: rows as tall as their wrapped titles and messages', () => {
    const ws = wb.getWorksheet(LIST_SHEETS.objectives.name)!;
    let tall = 0;
    for (let r = 4; r <= ws.rowCount; r++) {
      const title = String(ws.getCell(r, 4).value ?? '');
      // a title longer than its column (60) needs two lines or more
      if (title.length > 75) {
        expect(ws.getRow(r).height).toBeGreaterThanOrEqual(30);
        tall++;
      }
    }
    expect(tall).toBeGreaterThan(5);
    const findings = wb.getWorksheet(LIST_SHEETS.findings.name)!;
    for (let r = 4; r <= findings.rowCount; r++) {
      // at most some 100 characters of a message fit on a line of its column (80)
      const lines = Math.ceil(String(findings.getCell(r, 3).value).length / 100);
      expect(findings.getRow(r).height ?? 15).toBeGreaterThanOrEqual(lines * 15);
    }
  });

  it('summary.xlsx: every sheet A4, one page wide, the header row repeated, footer with the batch and the page', async () => {
    const sheets = await pageSetups(await workbookBytes(buildSummaryWorkbook('/dati/lotto 2024', [summarise('roccanera', 'roccanera', dossier)])));
    expect(sheets.map((s) => s.name)).toEqual(['Dossier', 'Assunzioni e cessazioni', 'Segnalazioni per controllo', 'File non letti']);
    for (const s of sheets) expectPrintReady(s, 'Riepilogo di lotto 2024', '$1:$1');
    // orientation by width: the dossiers' line (24 columns) across, the years (7 narrow columns) upright
    expect(sheets[0].xml).toContain('orientation="landscape"');
    expect(sheets[1].xml).toContain('orientation="portrait"');
  });
});
