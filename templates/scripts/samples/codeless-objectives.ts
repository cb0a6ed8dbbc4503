/**
 * Comune di Monte Piccolo (invented, in the form of the PDO of small Comuni): objectives with no
 * code of the cascade, under a heading per Servizio with the header written again for each block,
 * numbered «n. 1» from 0 (a prerequisite weighted «X»), weights per service summing to 100, a
 * «Totale peso» line, the responsible and the resources of each service under its objectives, and a
 * signature at the end. No error and no warning: every objective with its service, responsible,
 * weight and an assigned code.
 */
import ExcelJS from 'exceljs';
import { HEADING_FILL, newWorkbook, styleHeader } from '../workbook';

type Service = { name: string; responsible: string; staff: string; objectives: [string, string, string | number][] };

const SERVICES: Service[] = [
  {
    name: 'Servizio Amministrativo e Demografico',
    responsible: 'Istruttore direttivo Anna Bertolino',
    staff: '3 istruttori (area degli Istruttori), 1 operatore esperto',
    objectives: [
      ['n. 0', 'Rispetto del codice di comportamento (pre requisito)', 'X'],
      ['n. 1', 'Passaggio della gestione dello stato civile ad ANPR', 30],
      ['n. 2', 'Prenotazione on line della carta d\'identità elettronica', 25],
      ['n. 3', 'Aggiornamento della sezione Amministrazione trasparente', 25],
      ['n. 4', 'Riordino dell\'archivio storico comunale', 20],
    ],
  },
  {
    name: 'Servizio Finanziario e Tributi',
    responsible: 'Rag. Marco Gaudenzi',
    staff: '2 istruttori (area degli Istruttori)',
    objectives: [
      ['n. 1', 'Riduzione dei tempi medi di pagamento delle fatture', 40],
      ['n. 2', 'Recupero dell\'evasione IMU degli anni 2019-2021', 35],
      ['n. 3', 'Attivazione dei pagamenti pagoPA per la mensa scolastica', 25],
    ],
  },
  {
    name: 'Servizio Tecnico e Manutentivo',
    responsible: 'Geom. Luca Perrone',
    staff: '1 istruttore, 2 operatori esperti',
    objectives: [
      ['n. 1', 'Manutenzione straordinaria della strada comunale del Colle', 50],
      ['n. 2', 'Sostituzione dei corpi illuminanti con lampade a LED', 30],
      ['n. 3', 'Censimento del verde pubblico', 20],
    ],
  },
];

export function codelessObjectivesWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('PDO 2024');
  ws.columns = [{ width: 8 }, { width: 62 }, { width: 10 }];
  ws.addRow(['COMUNE DI MONTE PICCOLO - PIANO DETTAGLIATO DEGLI OBIETTIVI 2024']).font = { bold: true, size: 13 };
  ws.addRow([]);
  for (const s of SERVICES) {
    const heading = ws.addRow([s.name]);
    heading.font = { bold: true };
    heading.getCell(1).fill = HEADING_FILL;
    ws.mergeCells(heading.number, 1, heading.number, 3);
    styleHeader(ws.addRow(['N.', 'Obiettivi', 'Peso']));
    for (const o of s.objectives) ws.addRow(o);
    const total = s.objectives.reduce((sum, o) => sum + (typeof o[2] === 'number' ? o[2] : 0), 0);
    ws.addRow(['Totale peso', null, total]).font = { italic: true };
    ws.addRow(['Responsabile del servizio', s.responsible]);
    ws.addRow(['Risorse umane', s.staff]);
    ws.addRow([]);
  }
  ws.addRow(['Il Segretario comunale']);
  ws.addRow(['F.to Dott.ssa Elena Martini']);
  return wb;
}
