import { codeTable, ruleTable } from '../../helpers/rule-cases';

ruleTable('code-duplicate', {
  valid: [
    {
      name: 'the same objective listed in the DUP and in the PEG, same title',
      books: {
        'dup.xlsx': { DUP: [['Livello', 'Codice', 'Descrizione'], ['Obiettivo operativo', '01.01.01', 'Migliorare la riscossione']] },
        'peg.xlsx': { PEG: [['Obiettivo operativo', 'Obiettivo esecutivo', 'Responsabile'], ['01.01.01 Migliorare la riscossione', '01.01.01.01 Recupero IMU', 'Tributi']] },
      },
    },
    { name: 'different codes with the same title', books: codeTable([['01.01.01.01', 'Presidiare i tempi di pagamento', 'A', 50], ['01.01.01.02', 'Presidiare i tempi di pagamento', 'A', 50]]) },
  ],
  invalid: [
    {
      name: 'one code, two objectives',
      books: codeTable([['01.01', 'Bilancio'], ['01.01.01', 'Riscossione'], ['01.01.01', 'Trasporto scolastico']]),
      expect: [{ cell: 'A4', severity: 'error', message: /01\.01\.01.*Foglio1!A3/, related: ['A3'] }],
    },
    {
      name: 'across files',
      books: {
        'a.xlsx': { DUP: [['Livello', 'Codice', 'Descrizione'], ['Obiettivo operativo', '02.01.01', 'Diritto allo studio']] },
        'b.xlsx': { Altro: [['Livello', 'Codice', 'Descrizione'], ['Obiettivo operativo', '02.01.01', 'Manutenzione strade']] },
      },
      expect: [{ cell: 'Altro!B2' }],
    },
  ],
});
