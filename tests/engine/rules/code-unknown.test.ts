import { ruleTable } from '../../helpers/rule-cases';

const head = ['Codice', 'Obiettivo', 'Missione', 'Programma'];

ruleTable('code-unknown', {
  valid: [
    { name: 'missione and programma of D.Lgs 118/2011', books: [head, ['01.01.01', 'Scuole', '04', '04.02'], ['01.01.02', 'Polizia', '03', '03.01']] },
    {
      name: 'a PEG objective whose parent is in the DUP file',
      books: {
        'dup.xlsx': { DUP: [['Livello', 'Codice', 'Descrizione'], ['Obiettivo operativo', '01.01.01', 'Riscossione']] },
        'peg.xlsx': { PEG: [['Codice', 'Obiettivo', 'Rif. DUP', 'Responsabile'], ['01.01.01.01', 'Recupero IMU', '01.01.01', 'Tributi']] },
      },
    },
    {
      name: 'a PEG listing performance objectives only: no operational level imported, no alarm',
      books: [['Codice', 'Obiettivo', 'Responsabile'], ['01.01.01.01', 'Recupero IMU', 'Tributi'], ['01.01.01.02', 'Riscossione coattiva', 'Tributi']],
    },
  ],
  invalid: [
    {
      name: 'a PEG checked without its DUP: the reference cannot be verified (info, not an error)',
      books: [['Codice', 'Obiettivo', 'Rif. DUP', 'Responsabile'], ['01.01.01.01', 'Recupero IMU', '01.01.01', 'Tributi']],
      expect: [{ cell: 'A2', severity: 'info', message: /01\.01\.01.*nessun obiettivo operativo.*DUP/, related: ['C2'] }],
    },
    {
      name: 'missione 21 and programme 01.99 do not exist',
      books: [head, ['01.01.01', 'Uno', '21', null], ['01.01.02', 'Due', '01', '01.99']],
      expect: [
        { cell: 'C2', severity: 'error', message: /missione 21/ },
        { cell: 'D3', message: /01\.99.*missione 01 non ha un programma 99/ },
      ],
    },
    {
      name: 'a reference to an objective absent from every table',
      books: {
        'dup.xlsx': { DUP: [['Livello', 'Codice', 'Descrizione'], ['Obiettivo operativo', '01.01.01', 'Riscossione']] },
        'peg.xlsx': { PEG: [['Codice', 'Obiettivo', 'Rif. DUP', 'Responsabile'], ['02.03.01.01', 'Centri estivi', '02.03.01', 'Sociale']] },
      },
      expect: [{ cell: 'PEG!A2', message: /02\.03\.01/ }],
    },
  ],
});
