import { ruleTable } from '../../helpers/rule-cases';

/** The totals of weights a table of objectives states under each block («Totale peso», a row of sums). */
ruleTable('sum-mismatch', {
  valid: [
    {
      name: '«Totale peso» equal to the weights above it, block by block',
      books: [
        ['Obiettivo n.', 'Descrizione obiettivo', 'Peso %'],
        [1, 'Riordino dell\'archivio', 40],
        [2, 'ANPR', 60],
        ['Totale peso', null, 100],
        [1, 'Strade', 70],
        [2, 'Scuole', 30],
        ['Totale peso', null, 100],
      ],
    },
    {
      name: 'a line of figures that are no sums («Peso ponderale effettivo») is not a total',
      books: [
        ['Obiettivo n.', 'Descrizione', 'Bilancia', 'Pignatelli'],
        [1, 'Riaccertamento residui', 1.54, 4.46],
        [2, 'Riordino pratiche', 0, 2.3],
        ['Peso ponderale calcolato', null, 1.54, 6.76],
        ['Peso ponderale effettivo', null, 10, 40],
      ],
    },
  ],
  invalid: [
    {
      name: 'a stated total of weights that is not their sum',
      books: [
        ['Obiettivo n.', 'Descrizione obiettivo', 'Peso %'],
        [1, 'Riordino dell\'archivio', 40],
        [2, 'ANPR', 50],
        ['Totale peso', null, 100],
      ],
      expect: [{ cell: 'C4', severity: 'error', message: /totale dei pesi indica 100, ma la somma dei pesi degli obiettivi sopra è 90/, related: ['C2:C3'] }],
    },
    {
      name: 'a row of sums of per-manager weights with one figure typed wrong',
      books: [
        ['Obiettivo n.', 'Descrizione', 'Bilancia', 'Pignatelli', 'Arcieri'],
        [1, 'Riaccertamento residui', 1.54, 4.46, 0],
        [2, 'Riordino pratiche', 0, 2.3, 1.8],
        [3, 'Riqualificazione energetica', 0, 0, 3],
        ['Peso ponderale calcolato', null, 1.54, 6.67, 4.8],
      ],
      expect: [{ cell: 'D5', message: /«Pignatelli» indica 6,67, ma la somma .* è 6,76/, related: ['D2:D4'] }],
    },
  ],
});
