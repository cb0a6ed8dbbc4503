import ExcelJS from 'exceljs';
import { borgoDupWorkbook, borgoPegWorkbook } from '../../templates/scripts/samples/borgo-objectives';
import { cleanObjectivesWorkbook } from '../../templates/scripts/samples/clean-objectives';
import { splitCodeAndTitle } from '../../importer/engine/objectives/codes';
import { Dossier, Objective } from '../../importer/engine/schema/dossier';
import { analyseWorkbooks, sheetWorkbook } from '../helpers/xlsx';
import { serious } from '../helpers/staff';

const byCode = (d: Dossier) => new Map<string, Objective>(d.objectives.map((o) => [o.code, o]));

describe('layout 2: level / code / description columns (DUP)', () => {
  it('reads levels written in several ways and links each row to the level above', async () => {
    const { dossier } = await analyseWorkbooks({ 'dup.xlsx': borgoDupWorkbook() });
    const o = byCode(dossier);
    expect(dossier.objectives.filter((x) => x.level === 'mandate')).toHaveLength(2);
    expect(dossier.objectives.filter((x) => x.level === 'strategic')).toHaveLength(4);
    expect(dossier.objectives.filter((x) => x.level === 'operational')).toHaveLength(8);
    expect(o.get('01.02.01')).toMatchObject({ level: 'operational', parent: '01.02', mission: '01', programme: '01.08', structure: 'Settore Affari generali' });
    expect(o.get('02.01')).toMatchObject({ level: 'strategic', parent: '02', mission: '04' });
    expect(o.get('01.01.01')?.at).toEqual({ file: 'dup.xlsx', sheet: 'DUP 2024-2026', cell: 'B7' });
  });
});

describe('layout 3: PEG with missione/programma, merged cells, two-row header, weights', () => {
  let dossier: Dossier;
  beforeAll(async () => {
    dossier = (await analyseWorkbooks({ 'dup.xlsx': borgoDupWorkbook(), 'peg.xlsx': borgoPegWorkbook() })).dossier;
  });

  it('carries vertically merged missione, programma and operational objective to every row', () => {
    const o = byCode(dossier);
    expect(o.get('01.01.01.02')).toMatchObject({ parent: '01.01.01', mission: '01', programme: '01.04', structure: 'Settore Finanziario' });
    expect(o.get('01.01.02.02')).toMatchObject({ parent: '01.01.02', programme: '01.03' });
  });

  it('reads weights from percent-formatted cells, targets per year, extra indicator rows', () => {
    const o = byCode(dossier);
    expect(o.get('01.01.01.01')).toMatchObject({ weight: 30, indicator: 'Avvisi di accertamento emessi', target: '2024: ≥ 400 | 2025: ≥ 450' });
    expect(o.get('01.02.02.01')?.indicator).toBe('Attesa media CIE (giorni); CIE rilasciate entro 10 giorni');
  });

  it('ties PEG objectives to the DUP across files and takes missione/programma from there', () => {
    const o = byCode(dossier);
    // the operational objectives repeated in the PEG are the DUP's, once
    expect(dossier.objectives.filter((x) => x.code === '01.01.01')).toHaveLength(1);
    expect(o.get('01.01.01')?.at.file).toBe('dup.xlsx');
    // "Rif. DUP" column: the parent is found in the other file, and lends its programme
    expect(o.get('02.01.01.01')).toMatchObject({ parent: '02.01.01', mission: '04', programme: '04.07', programmeFrom: { file: 'dup.xlsx', sheet: 'DUP 2024-2026', cell: 'E14' } });
  });

  it('reports the deliberate mistakes and nothing else', () => {
    const got = serious(dossier).map((f) => `${f.rule} ${f.file} ${f.sheet}!${f.cell}`);
    expect(got).toEqual([
      'code-parent-mismatch dup.xlsx DUP 2024-2026!E17',
      'code-unknown dup.xlsx DUP 2024-2026!E18',
      'weight-sum peg.xlsx PEG 2024 Finanze e AAGG!I11',
      'code-format peg.xlsx PEG 2024 Servizi persona!C4',
      'code-unknown peg.xlsx PEG 2024 Servizi persona!A6',
    ]);
  });
});

describe('layout 4: codes only, parent = nearest row above with a shorter code', () => {
  it('builds the tree and finds nothing to say on a clean workbook', async () => {
    const { dossier } = await analyseWorkbooks({ 'clean.xlsx': cleanObjectivesWorkbook() });
    const o = byCode(dossier);
    expect(o.get('01.02.01.02')).toMatchObject({ level: 'performance', parent: '01.02.01', structure: 'Segreteria generale', weight: 50, target: '100%' });
    expect(o.get('02.01')).toMatchObject({ level: 'strategic', parent: '02' });
    expect(dossier.findings).toEqual([]);
  });
});

describe('layout 1 variations', () => {
  it('maps misspelt and reordered headers, skips area headings, reads VP value codes', async () => {
    const wb = sheetWorkbook([
      ['Piano della performance 2025'],
      ['VP1 VALORE PUBBLICO - Comunità sicura'],
      ['Struttura responsabile', 'Obbiettivo strategico', 'Obiettivo operativo', 'Obiettivo di performance'],
      ['AREA TECNICA'],
      ['Lavori pubblici', '01.01 Strade', '01.01.01 Manutenzione', '01.01.01.01 Buche'],
      ['Lavori pubblici', null, null, '01.01.01.02 Segnaletica'],
      ['Struttura responsabile', 'Obbiettivo strategico', 'Obiettivo operativo', 'Obiettivo di performance'],
      ['Polizia locale', '01.02 Sicurezza', '01.02.01 Presidio', '01.02.01.01 Pattuglie serali'],
    ]);
    const { dossier, model } = await analyseWorkbooks({ 'p.xlsx': wb });
    const o = byCode(dossier);
    expect(o.get('VP1')?.level).toBe('value');
    expect(o.get('01.01.01.02')).toMatchObject({ parent: '01.01.01', structure: 'Lavori pubblici' });
    expect(o.get('01.02.01.01')).toMatchObject({ parent: '01.02.01', structure: 'Polizia locale' });
    expect(dossier.objectives.some((x) => /AREA TECNICA/.test(x.title))).toBe(false);
    expect(model.tables).toHaveLength(1);
    expect(model.tables[0].columns.find((c) => c.col === 1)).toMatchObject({ role: 'strategic', how: 'fuzzy' });
    expect(serious(dossier)).toEqual([]);
  });

  it('reads a two-row header ("Obiettivo" over "Codice" and "Descrizione")', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PEG');
    ws.addRow(['Obiettivo', null, 'Responsabile', 'Peso']);
    ws.addRow(['Codice', 'Descrizione', null, null]);
    ws.mergeCells('A1:B1');
    ws.addRow(['01.01.01.01', 'Recupero evasione', 'Tributi', 100]);
    const { dossier } = await analyseWorkbooks({ 'peg.xlsx': wb });
    expect(dossier.objectives).toEqual([
      expect.objectContaining({ code: '01.01.01.01', title: 'Recupero evasione', structure: 'Tributi', weight: 100, at: { file: 'peg.xlsx', sheet: 'PEG', cell: 'A3' } }),
    ]);
  });
});

describe('layouts without a full code hierarchy', () => {
  it('reads a flat list numbered 1, 2, 3 as performance objectives, with no format or gap alarm', async () => {
    const wb = sheetWorkbook([
      ['N.', 'Obiettivo', 'Responsabile', 'Indicatore', 'Peso'],
      [1, 'Ridurre i tempi di pagamento', 'Ragioneria', 'Giorni medi', 50],
      [2, 'Digitalizzare le determine', 'Ragioneria', 'Determine digitali', 50],
      [3, 'Riorganizzare l\'archivio', 'Protocollo', 'Faldoni riordinati', 100],
    ]);
    const other = sheetWorkbook([
      ['N.', 'Obiettivo', 'Responsabile', 'Peso'],
      [1, 'Piano asfalti', 'Lavori pubblici', 100],
      [3, 'Illuminazione', 'Lavori pubblici', 0],
    ]);
    const { dossier } = await analyseWorkbooks({ 'ragioneria.xlsx': wb, 'lavori.xlsx': other });
    expect(dossier.objectives.map((o) => [o.code, o.level, o.parent, o.structure])).toEqual([
      ['1', 'performance', null, 'Ragioneria'],
      ['2', 'performance', null, 'Ragioneria'],
      ['3', 'performance', null, 'Protocollo'],
      ['1', 'performance', null, 'Lavori pubblici'],
      ['3', 'performance', null, 'Lavori pubblici'],
    ]);
    expect(dossier.findings).toEqual([]);
  });

  it('builds the ancestors that level columns of titles name, with the codes their children derive from', async () => {
    const wb = sheetWorkbook([
      ['Obiettivo strategico', 'Obiettivo operativo', 'Codice', 'Obiettivo esecutivo', 'Responsabile', 'Peso'],
      ['Bilancio sano', 'Riscossione', '01.01.01.01', 'Recupero IMU', 'Tributi', 60],
      [null, null, '01.01.01.02', 'Riscossione coattiva', 'Tributi', 40],
    ]);
    const { dossier } = await analyseWorkbooks({ 'peg.xlsx': wb });
    expect(dossier.objectives.map((o) => [o.code, o.level, o.title, o.parent, o.at.cell, o.codeAssigned ?? false])).toEqual([
      ['01.01', 'strategic', 'Bilancio sano', null, 'A2', true],
      ['01.01.01', 'operational', 'Riscossione', '01.01', 'B2', true],
      ['01.01.01.01', 'performance', 'Recupero IMU', '01.01.01', 'C2', false],
      ['01.01.01.02', 'performance', 'Riscossione coattiva', '01.01.01', 'C3', false],
    ]);
    expect(dossier.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('says why a code typed as a number lost its zeros', async () => {
    const wb = sheetWorkbook([
      ['Codice', 'Obiettivo', 'Responsabile'],
      ['01', 'Mandato', null],
      [1.1, 'Strategico', null],
    ]);
    const { dossier } = await analyseWorkbooks({ 'n.xlsx': wb });
    const f = dossier.findings.find((x) => x.rule === 'code-format');
    expect(f).toMatchObject({ cell: 'A3', expected: '01.01' });
    expect(f?.message).toMatch(/Excel toglie gli zeri/);
  });

  it('reads a «Responsabile» column of bare surnames beside a «Settore» column as people; alone, a column of offices is the structure', async () => {
    const beside = sheetWorkbook([
      ['Settore', 'Responsabile', 'Obiettivo', 'Pesatura', 'Riferimenti'],
      ['Servizi alla persona', 'VANONI', 'Banca del tempo', 1.2, 'SP2'],
      [null, null, 'Regolamento ISEE', 1, 'SP7'],
      ['Gestione delle risorse', 'Pozzi', 'Mandato informatico', 1, 'GR1'],
    ]);
    const alone = sheetWorkbook([
      ['Obiettivo', 'Responsabile', 'Peso'],
      ['Recupero evasione', 'Tributi', 50],
      ['Riordino archivio', 'Protocollo', 50],
    ]);
    const { dossier } = await analyseWorkbooks({ 'beside.xlsx': beside, 'alone.xlsx': alone });
    expect(dossier.objectives.map((o) => [o.at.file, o.code, o.codeAssigned ?? false, o.structure, o.responsible ?? null, o.weight, o.weightKind])).toEqual([
      ['beside.xlsx', 'SP2', true, 'Servizi alla persona', 'VANONI', 1.2, 'coefficient'],
      ['beside.xlsx', 'SP7', true, 'Servizi alla persona', 'VANONI', 1, 'coefficient'],
      ['beside.xlsx', 'GR1', true, 'Gestione delle risorse', 'Pozzi', 1, 'coefficient'],
      ['alone.xlsx', '1', true, 'Tributi', null, 50, 'percentage'],
      ['alone.xlsx', '2', true, 'Protocollo', null, 50, 'percentage'],
    ]);
    expect(dossier.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('imports a table of objectives with no codes at all, numbering them, with no warning', async () => {
    const wb = sheetWorkbook([
      ['Obiettivo', 'Responsabile', 'Indicatore'],
      ['Ridurre i tempi di pagamento', 'Ragioneria', 'Giorni medi'],
      ['Digitalizzare le determine', 'Ragioneria', 'Determine digitali'],
    ]);
    const { dossier } = await analyseWorkbooks({ 'x.xlsx': wb });
    expect(dossier.objectives.map((o) => [o.code, o.codeAssigned, o.level, o.title, o.structure, o.indicator])).toEqual([
      ['1', true, 'performance', 'Ridurre i tempi di pagamento', 'Ragioneria', 'Giorni medi'],
      ['2', true, 'performance', 'Digitalizzare le determine', 'Ragioneria', 'Determine digitali'],
    ]);
    expect(dossier.findings).toEqual([]);
  });
});

describe('codes with a letter area (university plans)', () => {
  it('reads D.1, D.1.2, TM.1 as their own numbering: levels by depth, parents by prefix, no format alarm', async () => {
    const wb = sheetWorkbook([
      ['Obiettivo strategico', 'Obiettivo operativo', 'Struttura', 'Peso'],
      ['D.1 Migliorare la qualità della didattica', 'D.1.1 Ridurre gli abbandoni al primo anno', 'Area Didattica', 60],
      [null, 'D.1.2 Aumentare i tirocini curriculari', 'Area Didattica', 40],
      ['TM.1 Rafforzare la terza missione', 'TM.1.1 Brevetti e spin-off', 'Ufficio Trasferimento tecnologico', 100],
      ['R.2 Ricerca di qualità', 'R.1.1 Progetti europei', 'Area Ricerca', 100],
    ]);
    const { dossier } = await analyseWorkbooks({ 'piano-ateneo.xlsx': wb });
    expect(dossier.objectives.map((o) => [o.code, o.level, o.parent])).toEqual([
      ['D.1', 'strategic', null],
      ['D.1.1', 'operational', 'D.1'],
      ['D.1.2', 'operational', 'D.1'],
      ['TM.1', 'strategic', null],
      ['TM.1.1', 'operational', 'TM.1'],
      ['R.2', 'strategic', null],
      ['R.1.1', 'operational', 'R.2'],
    ]);
    // only the planted mistake: R.1.1 under R.2
    expect(dossier.findings.map((f) => [f.rule, f.cell])).toEqual([['code-parent-mismatch', 'B5']]);
  });

  it('does not take law references or abbreviations for codes', () => {
    for (const t of ['L.104/1992 permessi', 'D.Lgs 165/2001', 'A.S.L. di Prato', 'AREA TECNICA']) expect(splitCodeAndTitle(t).code).toBeUndefined();
  });
});
