/**
 * The objectives table of the Provincia di Prato PIAO 2024-2026 (section 2.2, "Tavola di sintesi
 * sezione strategica-operativa-performance"), as published, with its real error: performance
 * objective 02.02.02.01 listed under operational objective 02.02.01. Layout: one column per
 * level, code and title in one cell, strategic cells merged down, operational cells left blank
 * below, heading rows for value and mandate, the header repeated per mandate line, one title split
 * over two rows at a page break (03.01.01.04).
 */
import ExcelJS from 'exceljs';
import { HEADING_FILL, newWorkbook, styleHeader } from '../workbook';

type Row =
  | { value: string; area?: string }
  | { mandate: string }
  | { area: string; col: 'A' | 'D' }
  | { header: 'dup' | 'plain' }
  | { s?: string; o?: string; p: string; structure: string; continues?: { p: string; structure: string } };

const S = (s: string) => s;

export const PRATO_ROWS: Row[] = [
  { area: 'AREA AMMINISTRATIVA', col: 'D' },
  { value: "1. VALORE PUBBLICO- BENESSERE ORGANIZZATIVO DELL'ENTE E RAFFORZAMENTO DELLA CAPACITÀ AMMINISTRATIVA DELLA PERFORMANCE" },
  { mandate: '01. LINEA DI MANDATO - LA PROVINCIA DI PRATO COME "ENTE" AL SERVIZIO DEI SINDACI E DELLE COMUNITÀ LOCALI' },
  { header: 'dup' },
  {
    s: S('01.01 CABINA DI REGIA: IL PRESIDENTE DELLA PROVINCIA DI PRATO COME "SINDACO DEI SINDACI"'),
    o: "01.01.01 Sostenere i comuni del territorio attraverso l'esercizio del principio di sussidiarietà verticale",
    p: '01.01.01.01 Potenziare gli strumenti e i canali di informazione, comunicazione e confronto tra gli organi istituzionali e cittadini',
    structure: 'Staff Presidente',
  },
  { o: '01.01.02 Gestire in modo virtuoso le finanze provinciali, agendo su riqualificazione della spesa', p: "01.01.02.01 Sostenere l'efficienza della spesa e monitorare lo stato degli investimenti dell'Ente", structure: 'Servizi Finanziari' },
  { p: '01.01.02.02 Presidiare il rispetto dei tempi di pagamento e le priorità strategiche', structure: 'Dirigente' },
  { p: '01.01.02.03 Approvvigionamento di beni e servizi e gestione dei contratti assicurativi', structure: 'Ufficio Provveditorato' },
  { o: '01.01.03 Gestire Contenzioso e Ruoli', p: '01.01.03.01 Assistenza giuridico-legale e funzione sanzionatoria in materia ambientale', structure: 'Ufficio Legale' },
  { o: '01.01.04 Gestione della documentazione', p: '01.01.04.01 Servizi di Back e Front Office', structure: 'Ufficio Protocollo e Front office' },
  {
    s: "01.02. MIGLIORARE IL BENESSERE ECONOMICO E SOCIALE DELL'ENTE",
    o: "01.02.01 Retention dei neoassunti, incentivare il merito e HSE management all'interno dell'organizzazione",
    p: "01.02.01.01 Accrescere le competenze del capitale umano mediante la formazione, valorizzare il merito e mantenere l'efficacia organizzativa",
    structure: 'Servizio Risorse Umane',
  },
  { p: '01.02.01.02 Gestione giuridica ed economica del personale', structure: 'Servizio Risorse Umane' },
  {
    p: '01.02.01.03 Consolidamento delle politiche occupazionali fra Enti del territorio per rispondere in termini di flessibilità ed efficacia alle esigenze di reclutamento del personale',
    structure: 'Dirigente',
  },
  {
    s: '01.03 INNOVAZIONE TECNOLOGICA E TRANSIZIONE DIGITALE DEI SERVIZI E DEGLI UFFICI PROVINCIALI',
    o: "01.03.01 Open government per orientare l'azione amministrativa alla legalità e alla trasparenza e alla semplificazione dei procedimenti amministrativi",
    p: "01.03.01.01 Fornire supporto giuridico alle direzioni dell'Ente in materia contrattuale e sulla gestione della Privacy",
    structure: 'Segreteria Generale e Programmazione',
  },
  { p: "01.03.01.02 Revisionare la disciplina regolamentare interna sull'attività contrattuale", structure: 'Dirigente' },
  {
    p: "01.03.01.03 Supportare i processi decisionali e della strategia: funzione di presidio della legittimità dell'azione amministrativa e prevenzione del fenomeno della corruzione",
    structure: 'Segreteria Generale e Programmazione',
  },
  { p: "01.03.01.04 Aggiornamento dell'attuale assetto procedimentale interno in un'ottica di semplificazione, digitalizzazione e monitoraggio tempistiche", structure: 'Dirigente' },
  { mandate: "02. LINEA DI MANDATO - RAFFORZAMENTO DEI SERVIZI PER L'ESERCIZIO OTTIMALE DELLE FUNZIONI RIDELEGATE DALLA REGIONE TOSCANA ALLE PROVINCE" },
  { header: 'plain' },
  {
    s: '02.01. RAFFORZARE LE FUNZIONI DELLA POLIZIA PROVINCIALE DI PRESIDIO DEL TERRITORIO',
    o: '02.01.01 Sicurezza, prevenzione del disagio e contrasto a degrado e abusivismo',
    p: '02.01.01.01 Prevenire i comportamenti lesivi del decoro urbano e assicurare la legalità e la percezione di sicurezza nel territorio provinciale',
    structure: 'Polizia Provinciale',
  },
  { p: '02.01.01.02 Gestione delle funzioni amministrative in materia ambientale', structure: 'Servizio viabilità e ambiente' },
  {
    s: "02.02 DIFESA DEL SUOLO E TUTELA DEL TERRITORIO ATTRAVERSO LE ATTIVITÀ DI PROTEZIONE CIVILE",
    o: '02.02.01 Gestione del rischio per la salvaguardia del territorio',
    p: '02.02.02.01 Sistema di monitoraggio eventi di Protezione Civile',
    structure: 'Polizia Provinciale-Protezione Civile e Trasporto Privato',
  },
  { area: 'AREA TECNICA', col: 'D' },
  { value: '2. VALORE PUBBLICO - VALORIZZAZIONE DEL PATRIMONIO, BENESSERE SCOLASTICO E SOCIALE' },
  { mandate: "03. LINEA DI MANDATO – SVILUPPO DELL'EDILIZIA SCOLASTICA E VALORIZZAZIONE DEI BENI PATRIMONIALI" },
  { header: 'plain' },
  {
    s: '03.01 MANUTENZIONE E MESSA IN SICUREZZA DEGLI EDIFICI SCOLASTICI',
    o: '03.01.01 OPERE PUBBLICHE E INVESTIMENTI Governare efficientemente risorse e tempi di realizzazione delle opere pubbliche e traguardare con successo gli obiettivi del Piano Nazionale di Ripresa e Resilienza',
    p: '03.01.01.01 Grado di raggiungimento Milestone e Target PNRR',
    structure: 'Dirigente',
  },
  { p: '03.01.01.02 Migliorare la fruibilità delle strutture scolastiche', structure: 'Servizio Edilizia Scolastica, Patrimonio e Urbanistica' },
  { p: '03.01.01.03 Presidiare il rispetto dei tempi di pagamento e le priorità strategiche', structure: 'Dirigente' },
  {
    p: '03.01.01.04 Supportare i',
    structure: 'Segreteria Generale',
    continues: { p: "processi decisionali e della strategia: funzione di presidio della legittimità dell'azione amministrativa e prevenzione del fenomeno della corruzione", structure: 'e Programmazione' },
  },
  {
    s: '03.02 VALORIZZAZIONE DEL PATRIMONIO ARTISTICO E ARCHITETTONICO DELLA PROVINCIA',
    o: '03.02.01 Riqualficazione del patrimonio',
    p: "03.02.01.01 Gestione del patrimonio e riqualificazione funzionale e strutturale degli immobili dell'Ente",
    structure: 'Servizio Edilizia Scolastica, Patrimonio e Urbanistica',
  },
  { area: 'AREA AMMINISTRATIVA', col: 'A' },
  { mandate: "04. LINEA DI MANDATO – IL SISTEMA SCOLASTICO, L'ACCOGLIENZA, L'INTEGRAZIONE E LE PARI OPPORTUNITÀ" },
  { header: 'plain' },
  {
    s: "04.01 GOVERNANCE DEL SISTEMA SCOLASTICO: LA PROGRAMMAZIONE DELLA RETE SCOLASTICA PROVINCIALE E DELL'OFFERTA D'ISTRUZIONE SUL TERRITORIO",
    o: '04.01.01 Incentivare la partecipazione e lo sviluppo dei talenti dei giovani',
    p: '04.01.01.01 Concertazione e valutazione congiunta dei bisogni didattici e formativi',
    structure: 'Servizio Istruzione e Pari Opportunità',
  },
  {
    s: '04.02 VALORIZZAZIONE DEGLI SPAZI SPORTIVI PROVINCIALI',
    o: '04.02.01 La Provincia a sostegno dello sport',
    p: '04.02.01.01 Lo sport come mezzo di aggregazione, accrescimento del benessere psico-fisico',
    structure: 'Servizio Istruzione e Pari Opportunità',
  },
  {
    s: "04.03 PROMUOVERE STRATEGIE, AZIONI E PROGETTI PER L'ACCOGLIENZA E L'INTEGRAZIONE",
    o: '04.03.01 Una Provincia a misura di tutti',
    p: "04.03.01.01 Favorire l'integrazione scolastica",
    structure: 'Servizio Istruzione e Pari Opportunità',
  },
  { p: "04.03.01.02 Garantire l'accessibilità digitale ai servizi e l'autonomia dei cittadini over 65 e con disabilità", structure: 'Dirigente' },
  {
    s: '04.04 PROMUOVERE LE PARI OPPORTUNITÀ',
    o: '04.04.01 Attenzione sistematica verso un approccio di Genere',
    p: "04.04.01.01 Promuovere la cittadinanza attiva, le pari opportunità e l'equilibrio di genere",
    structure: 'Servizio Istruzione e Pari Opportunità',
  },
  { area: 'AREA TECNICA', col: 'A' },
  { value: "3. VALORE PUBBLICO – BENESSERE AMBIENTALE INFRASTRUTTURALE E SVILUPPO DELLA MOBILITÀ SOSTENIBILE" },
  { mandate: "05. LINEA DI MANDATO – POTENZIAMENTO DELLA MESSA IN SICUREZZA DEL TERRITORIO E DELL'AMBIENTE" },
  { header: 'plain' },
  {
    s: '05.01 MIGLIORARE LA GESTIONE DEL SISTEMA INFRASTRUTTURALE',
    o: '05.01.01 Efficienza prestazionale delle infrastrutture viarie',
    p: '05.01.01.01 Gestione interventi in somma urgenza a seguito degli eventi alluvionali',
    structure: 'Servizio viabilità e ambiente',
  },
  { p: '05.01.01.02 Assicurare assistenza tecnica e supporto ai Comuni della Provincia nella gestione degli strumenti urbanistici P.T.C.', structure: 'Servizio viabilità e ambiente' },
  { p: "05.01.01.03 Azioni per la viabilità e per incrementare la qualità dell'infrastruttura stradale", structure: 'Servizio viabilità e ambiente' },
  { p: '05.01.01.04 Consolidamento ponti', structure: 'Servizio viabilità e ambiente' },
  { p: '05.01.01.05 Realizzazione nuovi ponti e interventi di messa in sicurezza', structure: 'Dirigente' },
  { p: '05.01.01.06 Intervento di consolidamento di 2 ponti lungo il III tratto della SP4 "Nuova Montalese" ai Km 0+450 e Km 0+500 nel Comune di Prato', structure: 'Dirigente' },
  { p: '05.01.01.07 Realizzazione di illuminazione pubblica lungo un tratto della SP4 "Nuova Montalese" dal Km 0+000 al Km 0+500 nel Comune di Prato', structure: 'Dirigente' },
  {
    s: '05.02 MIGLIORARE LA GESTIONE DEL SISTEMA TRASPORTI',
    o: '05.02.02 Gestione della viabilità',
    p: "05.02.02.01 Partecipare al coordinamento dei servizi di trasporto sul territorio e garantire un'efficiente gestione amministrativa del Trasporto Privato",
    structure: 'Polizia Provinciale-Protezione Civile e Trasporto Privato',
  },
];

/** Writes the sheet into a workbook; returns the worksheet. */
export function addPratoObjectivesSheet(wb: ExcelJS.Workbook, name = 'Performance 2024-2026'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 42 }, { width: 48 }, { width: 60 }, { width: 30 }];
  ws.addRow(['TAVOLA DI SINTESI SEZIONE STRATEGICA-OPERATIVA-PERFORMANCE']);
  ws.mergeCells(1, 1, 1, 3);
  ws.getCell('A1').font = { bold: true, size: 13 };
  let strategicStart = 0;
  const closeStrategic = (lastRow: number) => {
    if (strategicStart && lastRow > strategicStart) ws.mergeCells(strategicStart, 1, lastRow, 1);
    strategicStart = 0;
  };
  for (const r of PRATO_ROWS) {
    if ('header' in r) {
      closeStrategic(ws.rowCount);
      const labels =
        r.header === 'dup'
          ? ['OBIETTIVO STRATEGICO (DUP)', 'OBIETTIVO OPERATIVO (DUP)', 'PIAO-PERFORMANCE 2024-2026', 'STRUTTURA']
          : ['OBIETTIVO STRATEGICO', 'OBIETTIVO OPERATIVO', 'PIAO-PERFORMANCE 2024-2026', 'STRUTTURA'];
      styleHeader(ws.addRow(labels));
    } else if ('value' in r || 'mandate' in r) {
      closeStrategic(ws.rowCount);
      const text = 'value' in r ? r.value : r.mandate;
      const row = ws.addRow([text]);
      ws.mergeCells(row.number, 1, row.number, 4);
      row.getCell(1).font = { bold: true };
      row.getCell(1).fill = HEADING_FILL;
    } else if ('area' in r && 'col' in r) {
      closeStrategic(ws.rowCount);
      const row = ws.addRow(r.col === 'A' ? [r.area] : [null, null, null, r.area]);
      row.font = { italic: true, bold: true };
    } else {
      if (r.s) {
        closeStrategic(ws.rowCount);
        strategicStart = ws.rowCount + 1;
      }
      const row = ws.addRow([r.s ?? null, r.o ?? null, r.p, r.structure]);
      row.alignment = { wrapText: true, vertical: 'top' };
      if (r.continues) ws.addRow([null, null, r.continues.p, r.continues.structure]).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  closeStrategic(ws.rowCount);
  return ws;
}

export function pratoObjectivesWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  addPratoObjectivesSheet(wb);
  return wb;
}
