import { codeTable, ruleTable } from '../../helpers/rule-cases';

ruleTable('code-gap', {
  valid: [{ name: 'consecutive numbering', books: codeTable([['05', 'M'], ['05.01', 'S'], ['05.02', 'S'], ['05.02.01', 'O'], ['05.02.02', 'O']]) }],
  invalid: [
    {
      name: '05.02.02 with no 05.02.01',
      books: codeTable([['05', 'M'], ['05.01', 'S'], ['05.02', 'S'], ['05.02.02', 'O']]),
      expect: [{ cell: 'A5', severity: 'info', message: /05\.02\.01/ }],
    },
  ],
});
