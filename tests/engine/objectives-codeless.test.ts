import { Dossier } from '../../importer/engine/schema/dossier';
import { Row } from '../corpus/fixtures/kit';
import { analyseSheets, explain, serious, titled } from '../helpers/sheets';

/**
 * Objective tables as small offices keep them: no dotted codes, objectives listed under a
 * Settore / Servizio and its Responsabile, own numbering or none, weights as percentages,
 * coefficients or one column per manager, rows under the table that are not objectives.
 */

const byTitle = (d: Dossier, start: string) => titled(d, start);

describe('objectives numbered «n. 1» under structure headings, with resources and signatures below each block', () => {
  // as the PDO of a small Comune prints them: a heading per Servizio, «Obiettivi | Peso», «n. 0» a
  // prerequisite marked X, then the responsible, the staff and the equipment of the service
  const rows: Row[] = [
    ['PIANO DETTAGLIATO DEGLI OBIETTIVI 2016'],
    [],
    ['Servizio Amministrativo'],
    ['Obiettivi', 'Peso'],
    ['n. 0 Codice di comportamento (pre requisito)', 'X'],
    ['n. 1 Esercitazione sul rischio sismico (obiettivo di gruppo)', 20],
    ['n. 2 Trasparenza', 10],
    ['n. 3 Potenziamento attività di vigilanza', 10],
    ['n. 4 Monitoraggio sui tempi dei procedimenti della Polizia Locale', 10],
    ['n. 5 Mercati e fiere', 10],
    ['n. 6 Biblioteca', 10],
    ['n. 7 Reperimento fondi', 10],
    ['n. 8 Miglioramento dei servizi demografici', 10],
    ['n. 9 Aggiornamento carta dei servizi dell\'ufficio segreteria', 10],
    ['Responsabile del servizio', 'Istruttore direttivo (D4) Luisa Barral'],
    ['Risorse umane', '5 Istruttori cat. C.1, 2 Istruttori cat. C.3'],
    ['Risorse strumentali', '11 P.C., 6 scanner, 9 stampanti'],
    [],
    ['Servizio Finanziario'],
    ['Obiettivi', 'Peso'],
    ['n. 1 Riduzione dei tempi di pagamento delle fatture', 40],
    ['n. 2 Recupero evasione IMU', 35],
    ['n. 3 Inventario dei beni mobili', 25],
    ['Responsabile del servizio', 'Istruttore direttivo (D3) Marco Genre'],
    ['Risorse umane', '2 Istruttori cat. C'],
  ];
  let d: Dossier;
  beforeAll(async () => {
    d = (await analyseSheets([{ name: 'PDO 2016', rows }])).dossier;
  });

  it('imports every objective with its structure, responsible and weight, and nothing from the rows below', () => {
    expect(d.objectives).toHaveLength(13);
    expect(byTitle(d, 'Trasparenza')).toMatchObject({ structure: 'Servizio Amministrativo', responsible: 'Istruttore direttivo (D4) Luisa Barral', weight: 10, weightKind: 'percentage' });
    expect(byTitle(d, 'Recupero evasione IMU')).toMatchObject({ structure: 'Servizio Finanziario', responsible: 'Istruttore direttivo (D3) Marco Genre', weight: 35 });
    expect(byTitle(d, 'Codice di comportamento').weight).toBeUndefined();
    expect(d.objectives.some((o) => /risorse|responsabile del servizio/i.test(o.title))).toBe(false);
  });

  it('gives each objective an assigned code from its own number, per block since the numbering restarts', () => {
    expect(d.objectives.every((o) => o.codeAssigned === true && o.level === 'performance')).toBe(true);
    expect(byTitle(d, 'Codice di comportamento').code).toBe('1.0');
    expect(byTitle(d, 'Trasparenza').code).toBe('1.2');
    expect(byTitle(d, 'Inventario').code).toBe('2.3');
    expect(new Set(d.objectives.map((o) => o.code)).size).toBe(13);
  });

  it('raises no false alarm', () => {
    expect(serious(d)).toEqual([]);
    expect(d.findings.filter((f) => f.rule.startsWith('code-'))).toEqual([]);
  });
});

describe('Settore and Responsabile merged down their block, coefficient weights, a note and a signature under the table', () => {
  const rows: Row[] = [
    ['PIANO DELLA PERFORMANCE 2023 - OBIETTIVI ASSEGNATI AI RESPONSABILI DI SETTORE'],
    [],
    ['Settore', 'Responsabile', 'Obiettivo', 'Indicatore', 'Target', 'Peso'],
    ['Settore I - Affari generali', 'Dott.ssa Anna Verdi', 'Digitalizzazione del protocollo', '% documenti protocollati digitalmente', '≥ 90%', 1.2],
    [null, null, 'Aggiornamento del regolamento di accesso agli atti', 'Approvazione in Consiglio', 'entro il 30/09', 1],
    [null, null, 'Riduzione dei tempi di rilascio dei certificati', 'Giorni medi di attesa', '≤ 3', 0.8],
    ['Settore II - Finanziario', 'Rag. Paolo Neri', 'Rispetto dei tempi di pagamento', 'Indicatore di tempestività', '≤ 0', 1.5],
    [null, null, 'Lotta all\'evasione TARI', 'Avvisi emessi', '200', 1],
    [],
    ['Note: il coefficiente di ponderazione va da 0,5 (obiettivo ordinario) a 1,5 (obiettivo strategico).'],
    ['Il Segretario comunale'],
    ['F.to Dott. Luigi Bianchi'],
  ];
  let d: Dossier;
  beforeAll(async () => {
    d = (await analyseSheets([{ name: 'Obiettivi 2023', rows, merges: ['A4:A6', 'B4:B6', 'A7:A8', 'B7:B8'] }])).dossier;
  });

  it('carries the merged structure and responsible to every objective of the block', () => {
    expect(d.objectives).toHaveLength(5);
    expect(byTitle(d, 'Riduzione dei tempi')).toMatchObject({ structure: 'Settore I - Affari generali', responsible: 'Dott.ssa Anna Verdi', indicator: 'Giorni medi di attesa', target: '≤ 3' });
    expect(byTitle(d, 'Lotta')).toMatchObject({ structure: 'Settore II - Finanziario', responsible: 'Rag. Paolo Neri' });
  });

  it('reads the weights as a coefficient scale, never as percentages to sum', () => {
    expect(byTitle(d, 'Digitalizzazione')).toMatchObject({ weight: 1.2, weightKind: 'coefficient' });
    expect(byTitle(d, 'Rispetto')).toMatchObject({ weight: 1.5, weightKind: 'coefficient' });
    expect(serious(d)).toEqual([]);
  });

  it('numbers the objectives per structure block when the table has no numbering of its own', () => {
    expect(d.objectives.map((o) => o.code)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2']);
  });
});

describe('«Obiettivo n.» restarting in each Settore, the header repeated per block, «Totale peso» rows', () => {
  const block = (heading: string, items: [number, string, string, number][], total: number): Row[] => [
    [heading],
    ['Obiettivo n.', 'Descrizione obiettivo', 'Risultato atteso', 'Peso %'],
    ...items.map(([n, t, r, w]) => [n, t, r, w] as Row),
    ['Totale peso', null, null, total],
    [],
  ];
  const rows = (weights: number[]): Row[] => [
    ['OBIETTIVI DI PERFORMANCE ORGANIZZATIVA 2024'],
    [],
    ...block('SETTORE 1 - AMMINISTRATIVO E DEMOGRAFICO', [[1, 'Riorganizzazione dell\'archivio comunale', 'Archivio inventariato', weights[0]], [2, 'Passaggio ad ANPR dei registri di stato civile', 'Registri digitalizzati', weights[1]]], weights[0] + weights[1]),
    ...block('SETTORE 2 - TECNICO MANUTENTIVO', [[1, 'Manutenzione straordinaria strade comunali', 'Km di strade rifatte', weights[2]], [2, 'Efficientamento energetico della scuola', 'Lavori conclusi', weights[3]], [3, 'Censimento del verde pubblico', 'Alberi censiti', weights[4]]], weights[2] + weights[3] + weights[4]),
  ];

  it('reads both blocks under their heading, with block-numbered codes and no false alarm', async () => {
    const { dossier: d } = await analyseSheets([{ name: 'Performance', rows: rows([40, 60, 50, 30, 20]) }]);
    expect(d.objectives).toHaveLength(5);
    expect(byTitle(d, 'Censimento')).toMatchObject({ code: '2.3', codeAssigned: true, structure: 'SETTORE 2 - TECNICO MANUTENTIVO', weight: 20, weightKind: 'percentage', target: 'Alberi censiti' });
    expect(byTitle(d, 'Riorganizzazione')).toMatchObject({ code: '1.1', structure: 'SETTORE 1 - AMMINISTRATIVO E DEMOGRAFICO' });
    expect(serious(d)).toEqual([]);
  });

  it('flags a block whose percentages do not reach 100 at its last weight', async () => {
    const { dossier: d } = await analyseSheets([{ name: 'Performance', rows: rows([40, 60, 50, 30, 10]) }]);
    expect(serious(d)).toEqual(['weight-sum Performance!D13']);
    expect(explain(d)).toContain('SETTORE 2 - TECNICO MANUTENTIVO');
  });
});

describe('one weight column per manager under a merged «Pesatura»', () => {
  const rows = (last: number): Row[] => [
    ['N.', 'Obiettivo', 'Pesatura', null, null],
    [null, null, 'Segretario generale', 'Area Amministrativa', 'Area Tecnica'],
    [1, 'Attuazione delle misure del PTPCT', 30, 20, 20],
    [2, 'Transizione digitale dei servizi', 20, 40, 30],
    [3, 'Riduzione dei debiti commerciali', 50, 40, last],
    ['Totale', null, 100, 100, 30 + 20 + last - 0],
  ];
  const merges = ['C1:E1', 'A1:A2', 'B1:B2'];

  it('keeps every manager\'s weight, as printed, and raises no alarm when each manager\'s column makes 100', async () => {
    const { dossier: d } = await analyseSheets([{ name: 'Pesi', rows: rows(50), merges }]);
    expect(d.objectives).toHaveLength(3);
    const o = byTitle(d, 'Transizione');
    expect(o).toMatchObject({ code: '2', codeAssigned: true, weightKind: 'per-manager' });
    expect(o.weights?.map((w) => [w.manager, w.weight, w.at.cell])).toEqual([
      ['Segretario generale', 20, 'C4'],
      ['Area Amministrativa', 40, 'D4'],
      ['Area Tecnica', 30, 'E4'],
    ]);
    expect(serious(d)).toEqual([]);
  });

  it('flags the manager whose weights do not make 100', async () => {
    const { dossier: d } = await analyseSheets([{ name: 'Pesi', rows: rows(40), merges }]);
    expect(serious(d)).toEqual(['weight-sum Pesi!E5']);
    expect(explain(d)).toContain('Area Tecnica');
  });
});

describe('flattened hierarchy: a code and a title column for each ancestor level (PEG export)', () => {
  const header = ['Missione', 'Programma', 'Cod. ob. strategico', 'Obiettivo strategico', 'Cod. ob. operativo', 'Obiettivo operativo', 'Cod. ob. esecutivo', 'Obiettivo esecutivo', 'Responsabile', 'Peso'];
  const rows = (misplaced: boolean): Row[] => [
    ['PEG 2024 - OBIETTIVI ESECUTIVI'],
    header,
    ['01', '01.02', '01.01', 'Amministrazione trasparente e integra', '01.01.01', 'Prevenzione della corruzione', '01.01.01.01', 'Aggiornare la mappatura dei processi', 'Segretario comunale', 50],
    [null, null, null, null, null, null, '01.01.01.02', 'Formazione anticorruzione del personale', 'Segretario comunale', 50],
    [null, '01.03', null, null, '01.01.02', 'Bilancio partecipato', '01.01.02.01', 'Assemblee pubbliche sul bilancio', 'Rag. Paolo Neri', 100],
    ['04', '04.02', '02.01', 'Scuole sicure', '02.01.01', 'Manutenzione dei plessi scolastici', '02.01.01.01', 'Adeguamento antincendio scuola media', 'Ing. Carla Blu', 60],
    [null, null, null, null, null, null, misplaced ? '02.01.02.01' : '02.01.01.02', 'Nuova palestra della scuola primaria', 'Ing. Carla Blu', 40],
  ];

  it('builds each ancestor once and places every leaf under the ancestors of its row', async () => {
    const { dossier: d } = await analyseSheets([{ name: 'PEG', rows: rows(false) }]);
    const levels = (l: string) => d.objectives.filter((o) => o.level === l).map((o) => o.code);
    expect(levels('strategic')).toEqual(['01.01', '02.01']);
    expect(levels('operational')).toEqual(['01.01.01', '01.01.02', '02.01.01']);
    expect(levels('performance')).toEqual(['01.01.01.01', '01.01.01.02', '01.01.02.01', '02.01.01.01', '02.01.01.02']);
    const o = new Map(d.objectives.map((x) => [x.code, x]));
    expect(o.get('01.01.02')).toMatchObject({ parent: '01.01', title: 'Bilancio partecipato' });
    expect(o.get('01.01.01.02')).toMatchObject({ parent: '01.01.01', title: 'Formazione anticorruzione del personale', responsible: 'Segretario comunale', weight: 50 });
    expect(o.get('01.01.02.01')).toMatchObject({ parent: '01.01.02', mission: '01', programme: '01.03' });
    expect(o.get('02.01.01.02')).toMatchObject({ parent: '02.01.01', mission: '04', programme: '04.02' });
    expect(d.objectives.some((x) => x.codeAssigned)).toBe(false);
    expect(serious(d)).toEqual([]);
    // the ancestor columns are understood: no «colonna non riconosciuta»
    expect(d.findings.filter((f) => f.rule === 'header-unrecognised')).toEqual([]);
  });

  it('flags a leaf whose code does not derive from the ancestor on its row, at the leaf, with the ancestor related', async () => {
    const { dossier: d } = await analyseSheets([{ name: 'PEG', rows: rows(true) }]);
    expect(serious(d)).toEqual(['code-parent-mismatch PEG!G7']);
    const f = d.findings.find((x) => x.rule === 'code-parent-mismatch')!;
    expect(f.related).toEqual([{ file: 'obiettivi.xlsx', sheet: 'PEG', cell: 'E6' }]);
  });
});

describe('flattened hierarchy of titles only, ancestors merged down', () => {
  const rows: Row[] = [
    ['Obiettivo strategico', 'Obiettivo operativo', 'Obiettivo esecutivo', 'Responsabile', 'Peso %'],
    ['Ente digitale e vicino ai cittadini', 'Servizi online', 'Attivare i pagamenti PagoPA per tutti i servizi', 'Resp. Area Finanziaria', 50],
    [null, null, 'Prenotazioni online all\'anagrafe', 'Resp. Area Demografici', 100],
    [null, 'Dematerializzazione degli atti', 'Fascicolo elettronico del dipendente', 'Resp. Area Finanziaria', 50],
    ['Territorio sostenibile', 'Raccolta differenziata', 'Introdurre la tariffa puntuale', 'Resp. Area Tecnica', 100],
  ];
  it('builds the tree with assigned codes that follow it', async () => {
    const { dossier: d } = await analyseSheets([{ name: 'Albero', rows, merges: ['A2:A4', 'B2:B3'] }]);
    const codes = d.objectives.map((o) => `${o.level} ${o.code} ${o.parent ?? '-'}`);
    expect(codes).toEqual([
      'strategic 1 -',
      'operational 1.1 1',
      'performance 1.1.1 1.1',
      'performance 1.1.2 1.1',
      'operational 1.2 1',
      'performance 1.2.1 1.2',
      'strategic 2 -',
      'operational 2.1 2',
      'performance 2.1.1 2.1',
    ]);
    expect(d.objectives.every((o) => o.codeAssigned)).toBe(true);
    expect(byTitle(d, 'Fascicolo')).toMatchObject({ responsible: 'Resp. Area Finanziaria', weight: 50, weightKind: 'percentage' });
    expect(serious(d)).toEqual([]);
  });
});

describe('letter-number references instead of dotted codes', () => {
  it('keeps the table\'s own references as the codes, assigned, with no code alarm', async () => {
    const rows: Row[] = [
      ['Cod.', 'Obiettivo gestionale', 'Servizio', 'Peso'],
      ['AA2/B', 'Revisione del regolamento dei contributi alle associazioni', 'Segreteria', 30],
      ['PS1', 'Sportello unico per le attività produttive online', 'SUAP', 70],
      ['AA3', 'Sistema di prenotazione delle sale comunali', 'Segreteria', 70],
      ['PS2', 'Mappatura dei procedimenti del SUAP', 'SUAP', 30],
    ];
    const { dossier: d } = await analyseSheets([{ name: 'PEG', rows }]);
    expect(d.objectives.map((o) => o.code)).toEqual(['AA2/B', 'PS1', 'AA3', 'PS2']);
    expect(d.objectives.every((o) => o.codeAssigned && o.level === 'performance')).toBe(true);
    expect(serious(d)).toEqual([]);
  });

  it('reads references to another document as the parent, never as the objective\'s own code', async () => {
    const rows: Row[] = [
      ['Obiettivo', 'Rif. DUP', 'Responsabile', 'Peso %'],
      ['Revisione del regolamento dei contributi alle associazioni', 'AA2/B', 'Segretario', 60],
      ['Sportello unico per le attività produttive online', 'PS1', 'Segretario', 40],
    ];
    const { dossier: d } = await analyseSheets([{ name: 'PEG', rows }]);
    expect(d.objectives.map((o) => [o.code, o.parent, o.codeAssigned])).toEqual([
      ['1', 'AA2/B', true],
      ['2', 'PS1', true],
    ]);
    expect(serious(d)).toEqual([]);
  });
});
