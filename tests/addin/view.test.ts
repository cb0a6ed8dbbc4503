/** What the task pane writes: grouped findings, counts and the sentences after each command. */
import { Finding } from '../../importer/engine/schema/dossier';
import { clearSentence, countBySeverity, countsSentence, findingsCount, groupFindings, markedSentence, severityCount, sheetViews, italianDate } from '../../addin/taskpane/view';
import { paneTheme } from '../../addin/taskpane/theme';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { emptyClearReport } from '../../addin/flags/plan';
import { kindLabel } from '../../addin/taskpane/labels';

const f = (rule: string, severity: Finding['severity'], cell: string): Finding => ({ rule, severity, file: 'f', sheet: 'S', cell, message: `${rule} in ${cell}` });

describe('task pane view', () => {
  it('groups findings by rule and severity, errors first, with the rule\'s title and description', () => {
    const groups = groupFindings([f('code-gap', 'info', 'A1'), f('weight-sum', 'warning', 'A2'), f('code-unknown', 'error', 'A3'), f('code-format', 'warning', 'A4'), f('code-unknown', 'error', 'A5')]);
    expect(groups.map((g) => [g.severity, g.rule, g.findings.length])).toEqual([
      ['error', 'code-unknown', 2],
      ['warning', 'code-format', 1],
      ['warning', 'weight-sum', 1],
      ['info', 'code-gap', 1],
    ]);
    expect(groups[0].title).toBe('Codice sconosciuto');
    expect(groups.map((g) => g.title)).toEqual(['Codice sconosciuto', 'Codice non nella forma a due cifre', 'Pesi che non sommano a 100', 'Salto nella numerazione']);
    expect(groups[0].docs).toMatch(/D\.Lgs 118\/2011/);
  });

  it('says counts and outcomes in Italian', () => {
    expect(countsSentence(countBySeverity([f('a', 'error', 'A1'), f('a', 'error', 'A2'), f('b', 'warning', 'A3')]))).toBe('2 errori, 1 avviso');
    expect(countsSentence(countBySeverity([]))).toBe('Nessuna segnalazione');
    expect(markedSentence({ cells: 3, texts: 2, via: 'comment' }, { ...emptyClearReport(), restored: 1 })).toBe(
      '3 celle segnate nella griglia, con il messaggio in un commento. 1 cella corretta dal controllo precedente: segnalazione tolta.',
    );
    expect(clearSentence({ ...emptyClearReport(), restored: 4, edited: 1, keptUserChanges: 2 })).toBe(
      'Segnalazioni tolte da 4 celle: colori e note di prima sono stati ripristinati. 1 cella è stata modificata dopo il controllo: i valori restano come li hai lasciati. In 2 celle hai cambiato colore, nota o commento dopo il controllo: restano come li hai lasciati.',
    );
    expect(clearSentence(emptyClearReport())).toBe('Nessuna segnalazione da togliere.');
  });

  it('counts in the singular for one, the plural otherwise', () => {
    expect([severityCount('error', 1), severityCount('error', 2), severityCount('warning', 1), severityCount('info', 1), severityCount('info', 0)]).toEqual(['1 errore', '2 errori', '1 avviso', '1 nota', '0 note']);
    expect([findingsCount(1), findingsCount(15000)]).toEqual(['1 segnalazione', '15.000 segnalazioni']);
    expect(clearSentence({ ...emptyClearReport(), restored: 1, failed: 1, approximate: 1 })).toBe(
      'Segnalazioni tolte da 1 cella: colori e note di prima sono stati ripristinati. In 1 cella è tornato il colore di sfondo ma non il motivo o la tinta (servono ExcelApi 1.9). 1 cella non è stata ripristinata: Excel ha rifiutato la modifica; ripeti "Pulisci segnalazioni".',
    );
  });

  it('follows the Office theme: dark or light, with Office\'s background when the text stays readable on it', () => {
    expect(paneTheme({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', isDarkTheme: true }).colorNeutralBackground1).toBe('#262626');
    expect(paneTheme({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' }).colorNeutralForeground1).toBe('#FFFFFF');
    expect(paneTheme({ bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000' }).colorNeutralBackground2).toBe(webLightTheme.colorNeutralBackground2);
    expect(paneTheme({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#303030' })).toBe(webDarkTheme); // unreadable: Fluent's own dark colours
    expect(paneTheme(undefined, true)).toBe(webDarkTheme);
    expect(paneTheme(undefined)).toBe(webLightTheme);
  });

  it('names sheet kinds and column roles in Italian, and offers each column the roles of its table', () => {
    expect(kindLabel('objectives')).toBe('Obiettivi');
    expect(italianDate('2023-12-31')).toBe('31/12/2023');
    expect(sheetViews([{ name: 'S', kind: 'unknown' }])).toEqual([{ name: 'S', kind: 'unknown', referenceDate: undefined, mapped: false, tables: [] }]);
    const mapping = {
      mappingVersion: 1 as const,
      sheets: [
        {
          file: 'peg.xlsx',
          sheet: 'PEG',
          headerLabels: ['Obiettivo', 'Pesatura'],
          tables: [
            {
              family: 'objectives' as const,
              kind: 'objectives' as const,
              range: 'A1:C4',
              headerRows: [1, 2],
              columns: [
                { column: 'A', label: 'Obiettivo', role: 'title' as const },
                { column: 'B', label: 'Pesatura / Area Tecnica', role: 'weight' as const, manager: 'Area Tecnica' },
                { column: 'C', label: 'Note', role: 'ignored' as const },
              ],
            },
          ],
        },
      ],
    };
    const [view] = sheetViews([{ name: 'PEG', kind: 'objectives' }], mapping, ['PEG']);
    expect(view.mapped).toBe(true);
    expect(view.tables[0].columns.map((c) => [c.column, c.choice, c.role])).toEqual([
      ['A', 'title', 'titolo'],
      ['B', 'weight:manager', 'peso (Area Tecnica)'],
      ['C', 'ignored', 'non letta'],
    ]);
    const labels = view.tables[0].columns[0].choices.map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['titolo', 'codice', 'obiettivi (codice e titolo): obiettivo strategico', 'codice: obiettivo operativo', 'struttura', 'responsabile', 'peso', 'non letta']));
  });
});
