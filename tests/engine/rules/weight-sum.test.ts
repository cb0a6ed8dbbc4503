import { codeTable, ruleTable } from '../../helpers/rule-cases';

ruleTable('weight-sum', {
  valid: [
    { name: 'weights summing to 100 per structure', books: codeTable([['01.01.01.01', 'Uno', 'A', 60], ['01.01.01.02', 'Due', 'A', 40], ['01.01.01.03', 'Tre', 'B', 100]]) },
    { name: 'weights written as fractions', books: codeTable([['01.01.01.01', 'Uno', 'A', 0.6], ['01.01.01.02', 'Due', 'A', 0.4]]) },
    { name: 'weights written with %', books: codeTable([['01.01.01.01', 'Uno', 'A', '70%'], ['01.01.01.02', 'Due', 'A', '30%']]) },
    { name: 'percent-formatted cells', books: codeTable([['01.01.01.01', 'Uno', 'A', 0.25], ['01.01.01.02', 'Due', 'A', 0.75]]), numFmt: { D2: '0%', D3: '0%' } },
    { name: 'no weights at all', books: codeTable([['01.01.01.01', 'Uno', 'A'], ['01.01.01.02', 'Due', 'A']]) },
  ],
  invalid: [
    {
      name: 'one structure at 90',
      books: codeTable([['01.01.01.01', 'Uno', 'A', 50], ['01.01.01.02', 'Due', 'A', 40], ['01.01.01.03', 'Tre', 'B', 100]]),
      expect: [{ cell: 'D3', severity: 'warning', message: /«A» sommano a 90/, related: ['D2'] }],
    },
  ],
});
