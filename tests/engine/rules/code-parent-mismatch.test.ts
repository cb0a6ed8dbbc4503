import { codeTable, ruleTable } from '../../helpers/rule-cases';

const levels = ['Obiettivo strategico', 'Obiettivo operativo', 'Obiettivo PIAO', 'Struttura'];

ruleTable('code-parent-mismatch', {
  valid: [
    { name: 'one column per level, codes derived from the parent', books: [levels, ['01.01 A', '01.01.01 B', '01.01.01.01 C', 'Ufficio X'], [null, null, '01.01.01.02 D', 'Ufficio Y']] },
    { name: 'code-only: each code under the nearest shorter one', books: codeTable([['01', 'M'], ['01.01', 'S'], ['01.01.01', 'O'], ['01.02', 'S2'], ['01.02.01', 'O2']]) },
    { name: 'programme inside its missione', books: [['Codice', 'Obiettivo', 'Missione', 'Programma'], ['01.01.01', 'Riscossione', '01', '01.04']] },
  ],
  invalid: [
    {
      name: 'performance objective under an operational objective it does not derive from (Prato 02.02.02.01)',
      books: [levels, ['02.02 DIFESA DEL SUOLO', '02.02.01 Gestione del rischio', '02.02.02.01 Monitoraggio eventi', 'Polizia'], [null, null, '02.02.01.02 Altro', 'Polizia']],
      expect: [{ cell: 'C2', severity: 'error', message: /02\.02\.02\.01.*02\.02\.01/, related: ['B2'] }],
    },
    {
      name: 'code-only: a row placed under the wrong parent',
      books: codeTable([['01', 'M'], ['01.01', 'S'], ['01.01.01', 'O'], ['01.02.01.01', 'P', 'Ufficio', 100]]),
      expect: [{ cell: 'A5', related: ['A4'] }],
    },
    {
      name: 'programme outside its missione',
      books: [['Codice', 'Obiettivo', 'Missione', 'Programma'], ['01.01.01', 'Scuole', '05', '04.02']],
      expect: [{ cell: 'D2', severity: 'error', message: /04\.02.*missione 05/, related: ['C2'] }],
    },
  ],
});
