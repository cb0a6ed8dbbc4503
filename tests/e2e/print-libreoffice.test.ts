/**
 * The written workbooks as LibreOffice prints them (headless, to PDF; the words read back with
 * poppler's pdftotext): A4 pages, one page wide, the header repeated on every page, a footer with
 * the entity and the page number, and no word printed over another (a wrapped title or message in
 * a row too short for it runs into the rows below: the check catches that on a control workbook).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { summarise } from '../../importer/cli/batch-summary';
import { annotatedNames } from '../../importer/write/cells';
import { readSource } from '../../importer/read/read-source';
import { writeAnnotatedCopy } from '../../importer/write/annotate';
import { writePiaoXlsx } from '../../importer/write/piao-xlsx';
import { writeSummaryXlsx } from '../../importer/write/summary-xlsx';
import { inconsistentStaffWorkbook } from '../../templates/scripts/samples/inconsistent-staff';
import { pratoObjectivesWorkbook } from '../../templates/scripts/samples/prato-objectives';
import { saveWorkbook } from '../../templates/scripts/workbook';
import { pratoDossier } from '../helpers/dossiers';
import { isA4, overprinted, PDFTOTEXT, PdfPage, pdfPages } from '../helpers/pdf';
import { describeWithTool, SOFFICE } from '../helpers/tools';
import { analyseWorkbooks, tempDir, writeXlsx } from '../helpers/xlsx';

function toPdf(files: string[], work: string): void {
  execFileSync(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profilo-lo')}`, '--convert-to', 'pdf', '--outdir', work, ...files], { stdio: 'pipe', timeout: 240_000 });
}

const text = (p: PdfPage) => p.words.map((w) => w.text).join(' ');

describeWithTool(PDFTOTEXT, 'apt-get install -y poppler-utils', 'print layout: poppler reads the PDF', () => {
  describeWithTool(SOFFICE, 'apt-get install -y libreoffice-calc', 'workbooks as LibreOffice prints them', () => {
    let work: string;
    const pdf: Record<string, PdfPage[]> = {};
    beforeAll(async () => {
      work = tempDir('piao-stampa-');
      // Prato: long objective titles and the published staff tables
      await writePiaoXlsx(join(work, 'provincia-prato', 'PIAO.xlsx'), await pratoDossier());
      // Roccanera: a finding in every sheet, figures not known, messages of several lines
      const { dossier } = await analyseWorkbooks({ 'personale-2024-da-verificare.xlsx': inconsistentStaffWorkbook(), 'piao-performance.xlsx': pratoObjectivesWorkbook() });
      await writePiaoXlsx(join(work, 'comune-roccanera', 'PIAO.xlsx'), dossier, annotatedNames(dossier.sources.map((s) => s.file)));
      // its annotated copy: the «Anomalie» sheet with messages of several lines
      const staff = await writeXlsx(inconsistentStaffWorkbook(), 'personale-2024-da-verificare.xlsx');
      await writeAnnotatedCopy({ bytes: readFileSync(staff.path), file: 'personale-2024-da-verificare.xlsx', grids: await readSource(staff.path, 'personale-2024-da-verificare.xlsx') }, dossier.findings, join(work, 'copia.xlsx'), { owner: 'Comune di Roccanera' });
      await writeSummaryXlsx(join(work, 'summary.xlsx'), join(work, 'lotto'), [summarise('comune-roccanera', 'comune-roccanera', dossier, ['PIAO.xlsx']), summarise('provincia-prato', 'provincia-prato', await pratoDossier(), ['PIAO.xlsx'])]);
      // the control: a wrapped message in a row told to be one line tall
      const control = new ExcelJS.Workbook();
      const ws = control.addWorksheet('Controllo');
      ws.getColumn(1).width = 30;
      for (let r = 1; r <= 6; r++) {
        ws.getCell(r, 1).value = 'Un messaggio lungo che va a capo su molte righe dentro una colonna stretta, come una segnalazione.';
        ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
        ws.getRow(r).height = 15;
      }
      await saveWorkbook(control, join(work, 'controllo.xlsx'));
      const copies: string[] = [];
      for (const [from, to] of [
        ['provincia-prato/PIAO.xlsx', 'prato.xlsx'],
        ['comune-roccanera/PIAO.xlsx', 'roccanera.xlsx'],
      ]) {
        execFileSync('cp', [join(work, from), join(work, to)]);
        copies.push(join(work, to));
      }
      toPdf([...copies, join(work, 'summary.xlsx'), join(work, 'copia.xlsx'), join(work, 'controllo.xlsx')], work);
      for (const name of ['prato', 'roccanera', 'summary', 'copia', 'controllo']) pdf[name] = pdfPages(join(work, `${name}.pdf`));
    }, 300_000);

    it('the check finds words printed over each other (a wrapped text in a row too short for it)', () => {
      expect(pdf.controllo.length).toBeGreaterThan(0);
      expect(overprinted(pdf.controllo[0]).length).toBeGreaterThan(5);
    });

    it.each(['prato', 'roccanera', 'summary'])('%s: no word over another on any page', (name) => {
      expect(pdf[name].length).toBeGreaterThan(2);
      for (const [i, page] of pdf[name].entries()) {
        const clash = overprinted(page).map(([a, b]) => `pagina ${i + 1}: «${a.text}» su «${b.text}»`);
        expect(clash).toEqual([]);
      }
    });

    it.each(['prato', 'roccanera', 'summary'])('%s: A4 pages, each with its footer (owner, sheet, page n of N)', (name) => {
      const pages = pdf[name];
      const owner = { prato: 'provincia-prato', roccanera: 'Comune di Roccanera', summary: 'Riepilogo di lotto' }[name]!;
      for (const page of pages) {
        expect(isA4(page)).toBe(true);
        const t = text(page);
        expect(t).toContain(owner);
        // LibreOffice numbers the pages of each sheet, out of the document's
        expect(t).toMatch(new RegExp(`Pagina \\d+ di ${pages.length}\\b`));
      }
    });

    it('the annotated copy: its «Anomalie» pages with their header, the rule titles and a footer with the entity', () => {
      // (the office's own sheets print as the office set them up: only «Anomalie» is ours)
      const anomalie = pdf.copia.filter((p) => text(p).includes('Id del controllo'));
      expect(anomalie.length).toBeGreaterThanOrEqual(1);
      for (const p of anomalie) {
        expect(isA4(p)).toBe(true);
        expect(overprinted(p).map(([a, b]) => `«${a.text}» su «${b.text}»`)).toEqual([]);
        for (const header of ['Gravità', 'Controllo', 'Messaggio', 'Celle collegate']) expect(text(p)).toContain(header);
        expect(text(p)).toContain('Comune di Roccanera');
        expect(text(p)).toMatch(/Pagina \d+ di \d+/);
      }
      expect(anomalie.map(text).join(' ')).toContain('Totale diverso dalla somma delle parti');
    });

    it('PIAO.xlsx: the notes under the statistics print whole (wrapped, not cut at the page edge)', () => {
      // compared without spaces: LibreOffice breaks the lines at the hyphens of a file's name
      const all = pdf.roccanera.map(text).join('').replace(/\s+/g, '');
      const whole = (s: string) => expect(all).toContain(s.replace(/\s+/g, ''));
      whole('Note sui dati');
      whole('n.d.: non si legge un numero nella cella personale-2024-da-verificare.xlsx · Personale 2024!C33');
      whole('calcolato da celle con segnalazioni (Dato diverso tra due tabelle: personale-2024-da-verificare.xlsx · Personale 2024!C24)');
    });

    it('PIAO.xlsx: one page wide, the header row on every page of a list', () => {
      // the pages of Prato's objectives (a level written in the «Livello» column): several, each with the whole header row
      const objectives = pdf.prato.filter((p) => text(p).includes('Obiettivo di performance'));
      expect(objectives.length).toBeGreaterThan(1);
      for (const p of objectives) for (const header of ['Livello', 'Codice padre', 'Titolo', 'Segnalazioni', 'Fonte (file']) expect(text(p)).toContain(header);
    });
  });
});
