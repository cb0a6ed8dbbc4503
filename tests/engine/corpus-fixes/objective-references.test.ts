import { Dossier } from '../../../importer/engine/schema/dossier';
import { analyseWorkbooks, sheetWorkbook } from '../../helpers/xlsx';

const serious = (d: Dossier) => d.findings.filter((f) => f.severity !== 'info');

/** Found by the corpus (PIAO 2.2 with a "DUP di riferimento" column; PEG CSV exports with total lines). */
describe('objectives tables: references and total lines', () => {
  const dup = sheetWorkbook(
    [
      ['Obiettivo strategico', 'Obiettivo operativo', 'Responsabile'],
      ['01.01 Trasparenza', '01.01.01 Aggiornare le misure anticorruzione', 'Segretario generale'],
      [null, '01.01.02 Formazione sulla legalità', 'Segretario generale'],
    ],
    'DUP',
  );

  it('a level column holding bare codes beside the objectives\' own codes is their parent, not an objective without title', async () => {
    const piao = sheetWorkbook(
      [
        ['Cod.', 'Obiettivo di performance', 'Obiettivo operativo DUP di riferimento', 'Peso %', 'Dirigente responsabile'],
        ['01.01.01.01', 'Mappare i processi a rischio', '01.01.01', 40, 'Segretario generale'],
        ['01.01.02.01', 'Corso sulla legalità per i neoassunti', '01.01.02', 60, 'Segretario generale'],
      ],
      'PIAO',
    );
    const { dossier } = await analyseWorkbooks({ 'dup.xlsx': dup, 'piao.xlsx': piao });
    expect(serious(dossier)).toEqual([]);
    const perf = dossier.objectives.filter((o) => o.level === 'performance');
    expect(perf.map((o) => [o.code, o.parent, o.title])).toEqual([
      ['01.01.01.01', '01.01.01', 'Mappare i processi a rischio'],
      ['01.01.02.01', '01.01.02', 'Corso sulla legalità per i neoassunti'],
    ]);
    expect(dossier.objectives.filter((o) => o.level === 'operational')).toHaveLength(2);
  });

  it('the reference still meets the rules: a parent found nowhere is code-unknown', async () => {
    const piao = sheetWorkbook(
      [
        ['Cod.', 'Obiettivo di performance', 'Obiettivo operativo DUP di riferimento', 'Dirigente responsabile'],
        ['01.01.09.01', 'Obiettivo senza padre', '01.01.09', 'Segretario generale'],
      ],
      'PIAO',
    );
    const { dossier } = await analyseWorkbooks({ 'dup.xlsx': dup, 'piao.xlsx': piao });
    const f = serious(dossier);
    expect(f.map((x) => [x.rule, x.cell, x.related?.map((p) => p.cell)])).toEqual([['code-unknown', 'A2', ['C2']]]);
  });

  it('a "Totale peso" line after a centre\'s objectives is no objective without code; a "Totale ..." objective with a structure still is', async () => {
    const peg = sheetWorkbook([
      ['Codice', 'Descrizione obiettivo', 'Centro di responsabilità', 'Peso'],
      ['01.02.01.01', 'Gestione del ciclo del bilancio', 'CdR 2 - Ragioneria', 30],
      ['01.02.01.02', 'Controllo di gestione trimestrale', 'CdR 2 - Ragioneria', 70],
      [null, 'Totale peso CdR 2', null, 100],
      [null, 'Totale digitalizzazione delle pratiche edilizie', 'CdR 4 - Edilizia', 100],
    ]);
    const { dossier } = await analyseWorkbooks({ 'peg.xlsx': peg });
    expect(dossier.objectives.map((o) => o.code)).toEqual(['01.02.01.01', '01.02.01.02']);
    expect(serious(dossier).map((f) => [f.rule, f.cell])).toEqual([['missing-value', 'B5']]);
  });
});
