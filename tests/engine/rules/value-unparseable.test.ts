import { codeTable, ruleTable } from '../../helpers/rule-cases';

ruleTable('value-unparseable', {
  valid: [{ name: 'weights as numbers, percentages, Italian decimals', books: codeTable([['01.01.01.01', 'Uno', 'A', '40%'], ['01.01.01.02', 'Due', 'A', '35,5'], ['01.01.01.03', 'Tre', 'A', 24.5]]) }],
  invalid: [
    {
      name: 'a weight in words, a missione with no code',
      books: [
        ['Codice', 'Obiettivo', 'Responsabile', 'Peso', 'Missione'],
        ['01.01.01.01', 'Uno', 'A', 'quaranta', 'Servizi generali'],
      ],
      expect: [
        { cell: 'D2', severity: 'error', message: /peso.*«quaranta»/ },
        { cell: 'E2', message: /missione.*«Servizi generali»/ },
      ],
    },
  ],
});
