import { codeTable, ruleTable } from '../../helpers/rule-cases';

ruleTable('missing-value', {
  valid: [
    { name: 'every performance objective has title and structure', books: codeTable([['01.01.01.01', 'Uno', 'Tributi', 60], ['01.01.01.02', 'Due', 'Tributi', 40]]) },
    { name: 'no structure column at all: nothing to ask', books: [['Codice', 'Obiettivo'], ['01.01.01.01', 'Uno']] },
  ],
  invalid: [
    {
      name: 'objective without structure, without title, weight n.d.',
      books: codeTable([['01.01.01.01', 'Uno', 'Tributi', 50], ['01.01.01.02', 'Due', undefined, 50], ['01.01.01.03', '', 'Tributi', 'n.d.']]),
      expect: [
        { cell: 'A3', severity: 'warning', message: /01\.01\.01\.02 non ha una struttura/ },
        { cell: 'A4', message: /titolo/ },
        { cell: 'D4', message: /n\.d\./ },
      ],
    },
  ],
});
