/**
 * Comune di Borgo Esempio (invented): the DUP 2024-2026 kept by Ragioneria (level / code / title
 * columns, missione and programma) and the PEG 2024 kept by the Segreteria (missione, programma and
 * operational objective merged down, two-row header with targets per year, weights in %), plus a
 * sheet of another Settore that links its objectives to the DUP by code only. It carries the
 * mistakes such files really have: weights that do not add up, a programme outside its missione,
 * a programme that does not exist, a code written "2.1.2", a reference to an objective not in the DUP.
 */
import ExcelJS from 'exceljs';
import { newWorkbook, styleHeader } from '../workbook';

export function borgoDupWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('DUP 2024-2026');
  ws.columns = [{ width: 22 }, { width: 10 }, { width: 60 }, { width: 10 }, { width: 11 }, { width: 30 }];
  ws.addRow(['Comune di Borgo Esempio']).font = { bold: true, size: 14 };
  ws.addRow(['Documento Unico di Programmazione 2024-2026 - Sezione strategica e sezione operativa']);
  ws.addRow([]);
  styleHeader(ws.addRow(['Livello', 'Codice', 'Descrizione', 'Missione', 'Programma', 'Responsabile']));
  const rows: (string | null)[][] = [
    ['Linea di mandato', '01', 'Una macchina comunale efficiente e trasparente', null, null, null],
    ['Obiettivo strategico', '01.01', 'Bilancio sano e tributi equi', '01', null, null],
    ['Obiettivo operativo', '01.01.01', 'Migliorare la riscossione delle entrate proprie', '01', '01.04', 'Settore Finanziario'],
    ['Obiettivo operativo', '01.01.02', 'Razionalizzare la spesa corrente', '01', '01.03', 'Settore Finanziario'],
    ['OS', '01.02', 'Amministrazione digitale e semplice', '01', null, null],
    ['OO', '01.02.01', 'Digitalizzare i servizi al cittadino', '01', '01.08', 'Settore Affari generali'],
    ['OO', '01.02.02', "Rinnovare l'anagrafe e lo stato civile", '01', '01.07', 'Settore Affari generali'],
    ['Linea di mandato', '02', 'Scuola, famiglie e comunità', null, null, null],
    ['Obiettivo strategico', '02.01', 'Una scuola sicura e inclusiva', '04', null, null],
    ['Ob. operativo', '02.01.01', 'Garantire il diritto allo studio', '04', '04.07', 'Settore Servizi alla persona'],
    ['Ob. operativo', '02.01.02', 'Servizi di mensa e trasporto scolastico', '04', '04.06', 'Settore Servizi alla persona'],
    ['Obiettivo strategico', '02.02', 'Welfare di comunità', '12', null, null],
    ['Ob. operativo', '02.02.01', 'Sostenere gli anziani soli e le loro famiglie', '12', '04.03', 'Settore Servizi alla persona'],
    ['Ob. operativo', '02.02.02', 'Contrastare la povertà educativa', '12', '12.99', 'Settore Servizi alla persona'],
  ];
  for (const r of rows) ws.addRow(r);
  return wb;
}

export function borgoPegWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('PEG 2024 Finanze e AAGG');
  ws.columns = [{ width: 10 }, { width: 11 }, { width: 40 }, { width: 48 }, { width: 26 }, { width: 36 }, { width: 12 }, { width: 12 }, { width: 9 }];
  ws.addRow(['PIANO ESECUTIVO DI GESTIONE 2024 - OBIETTIVI ESECUTIVI']).font = { bold: true, size: 13 };
  ws.mergeCells('A1:I1');
  ws.addRow([]);
  const h1 = ws.addRow(['Missione', 'Programma', 'Obiettivo operativo (DUP)', 'Obiettivo esecutivo', 'Responsabile', 'Indicatore', 'Target', null, 'Peso %']);
  const h2 = ws.addRow([null, null, null, null, null, null, '2024', '2025', null]);
  ws.mergeCells(h1.number, 7, h1.number, 8);
  for (const c of [1, 2, 3, 4, 5, 6, 9]) ws.mergeCells(h1.number, c, h2.number, c);
  styleHeader(h1);
  styleHeader(h2);
  type Peg = [string, string, string, string, string, string, string, string, number];
  const body: Peg[] = [
    ['01', '04', '01.01.01 Migliorare la riscossione delle entrate proprie', '01.01.01.01 Recupero evasione IMU e TARI', 'Settore Finanziario', 'Avvisi di accertamento emessi', '≥ 400', '≥ 450', 0.3],
    ['01', '04', '01.01.01 Migliorare la riscossione delle entrate proprie', '01.01.01.02 Riscossione coattiva tramite concessionario', 'Settore Finanziario', 'Riscosso su accertato', '60%', '65%', 0.2],
    ['01', '03', '01.01.02 Razionalizzare la spesa corrente', '01.01.02.01 Centralizzare gli acquisti di beni e servizi', 'Settore Finanziario', 'Acquisti tramite CONSIP/MEPA', '80%', '85%', 0.3],
    ['01', '03', '01.01.02 Razionalizzare la spesa corrente', '01.01.02.02 Ridurre i tempi medi di pagamento', 'Settore Finanziario', 'Indicatore di tempestività', '≤ 0 gg', '≤ 0 gg', 0.2],
    ['01', '08', '01.02.01 Digitalizzare i servizi al cittadino', '01.02.01.01 Servizi on line con SPID e pagoPA', 'Settore Affari generali', 'Servizi on line attivati', '10', '15', 0.5],
    ['01', '08', '01.02.01 Digitalizzare i servizi al cittadino', '01.02.01.02 Migrazione al cloud qualificato', 'Settore Affari generali', 'Applicativi migrati', '4', '8', 0.25],
    ['01', '07', "01.02.02 Rinnovare l'anagrafe e lo stato civile", '01.02.02.01 Carta di identità elettronica su appuntamento', 'Settore Affari generali', 'Attesa media CIE (giorni)', '≤ 15', '≤ 10', 0.15],
  ];
  const start = ws.rowCount + 1;
  for (const r of body) {
    const row = ws.addRow(r);
    row.getCell(9).numFmt = '0%';
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  // missione, programma and operational objective are merged down where they repeat, as offices do
  for (const col of [1, 2, 3]) {
    let from = start;
    for (let r = start + 1; r <= start + body.length; r++) {
      const same = r < start + body.length && body[r - start][col - 1] === body[from - start][col - 1] && (col === 1 || body[r - start][1] === body[from - start][1]);
      if (!same) {
        if (r - 1 > from) {
          ws.mergeCells(from, col, r - 1, col);
        }
        from = r;
      }
    }
  }
  // a second indicator for 01.02.02.01, on its own row
  ws.addRow([null, null, null, null, null, 'CIE rilasciate entro 10 giorni', '70%', '80%', null]);

  const ws2 = wb.addWorksheet('PEG 2024 Servizi persona');
  ws2.columns = [{ width: 13 }, { width: 50 }, { width: 16 }, { width: 28 }, { width: 30 }, { width: 10 }, { width: 8 }];
  ws2.addRow(['Obiettivi esecutivi 2024 - Settore Servizi alla persona']).font = { bold: true };
  styleHeader(ws2.addRow(['Codice', 'Obiettivo', 'Rif. DUP', 'Responsabile', 'Indicatore', 'Target', 'Peso']));
  const rows2: (string | number)[][] = [
    ['02.01.01.01', 'Contributi per libri di testo e borse di studio', '02.01.01', 'Settore Servizi alla persona', 'Domande istruite entro 30 giorni', '100%', 30],
    ['02.01.02.01', 'Nuovo appalto della refezione scolastica', '2.1.2', 'Settore Servizi alla persona', 'Aggiudicazione', 'entro 31/07', 25],
    ['02.02.01.01', 'Telesoccorso e pasti a domicilio', '02.02.01', 'Settore Servizi alla persona', 'Utenti serviti', '120', 20],
    ['02.03.01.01', 'Centri estivi per minori', '02.03.01', 'Settore Servizi alla persona', 'Posti disponibili', '200', 25],
  ];
  for (const r of rows2) ws2.addRow(r);
  return wb;
}
