import { codeTable, ruleTable } from '../../helpers/rule-cases';

ruleTable('weight-sum', {
  valid: [
    { name: 'weights summing to 100 per structure', books: codeTable([['01.01.01.01', 'Uno', 'A', 60], ['01.01.01.02', 'Due', 'A', 40], ['01.01.01.03', 'Tre', 'B', 100]]) },
    { name: 'weights written as fractions', books: codeTable([['01.01.01.01', 'Uno', 'A', 0.6], ['01.01.01.02', 'Due', 'A', 0.4]]) },
    { name: 'weights written with %', books: codeTable([['01.01.01.01', 'Uno', 'A', '70%'], ['01.01.01.02', 'Due', 'A', '30%']]) },
    { name: 'percent-formatted cells', books: codeTable([['01.01.01.01', 'Uno', 'A', 0.25], ['01.01.01.02', 'Due', 'A', 0.75]]), numFmt: { D2: '0%', D3: '0%' } },
    { name: 'no weights at all', books: codeTable([['01.01.01.01', 'Uno', 'A'], ['01.01.01.02', 'Due', 'A']]) },
    {
      name: 'a coefficient scale (0,8 / 1 / 1,5) adds up to nothing in particular',
      books: [
        ['Obiettivo', 'Settore', 'Peso'],
        ['Digitalizzare il protocollo', 'Settore I', 1.2],
        ['Regolamento accesso agli atti', 'Settore I', 1],
        ['Tempi dei certificati', 'Settore I', 0.8],
        ['Tempi di pagamento', 'Settore II', 1.5],
      ],
    },
    {
      name: 'a «Coefficiente» column, whatever its sums',
      books: [
        ['Obiettivo', 'Settore', 'Coefficiente di ponderazione'],
        ['Digitalizzare il protocollo', 'Settore I', 50],
        ['Regolamento accesso agli atti', 'Settore I', 30],
      ],
    },
    {
      name: 'per manager: every manager\'s column makes 100',
      books: [
        ['N.', 'Obiettivo', 'Peso Segretario', 'Peso Area Tecnica'],
        [1, 'Misure anticorruzione', 40, 30],
        [2, 'Transizione digitale', 60, 70],
      ],
    },
  ],
  invalid: [
    {
      name: 'one structure at 90',
      books: codeTable([['01.01.01.01', 'Uno', 'A', 50], ['01.01.01.02', 'Due', 'A', 40], ['01.01.01.03', 'Tre', 'B', 100]]),
      expect: [{ cell: 'D3', severity: 'warning', message: /«A» sommano a 90/, related: ['D2'] }],
    },
    {
      name: 'one structure of a codeless table at 95 (shares meant to make 100)',
      books: [
        ['Obiettivo', 'Settore', 'Peso'],
        ['Trasparenza', 'Affari generali', 20],
        ['Mercati e fiere', 'Affari generali', 40],
        ['Biblioteca', 'Affari generali', 35],
      ],
      expect: [{ cell: 'C4', message: /«Affari generali» sommano a 95/, related: ['C2', 'C3'] }],
    },
    {
      name: 'per manager: the column of one manager at 90 among columns at 100',
      books: [
        ['N.', 'Obiettivo', 'Peso Segretario', 'Peso Area Tecnica'],
        [1, 'Misure anticorruzione', 40, 30],
        [2, 'Transizione digitale', 60, 60],
      ],
      expect: [{ cell: 'D3', message: /«Area Tecnica» sommano a 90/, related: ['D2'] }],
    },
  ],
});
