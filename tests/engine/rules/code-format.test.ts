import { codeTable, ruleTable } from '../../helpers/rule-cases';

ruleTable('code-format', {
  valid: [
    { name: 'dotted two-digit codes', books: codeTable([['01', 'Mandato'], ['01.01', 'Strategico'], ['01.01.01', 'Operativo'], ['01.01.01.01', 'Esecutivo', 'Settore A', 100]]) },
    {
      name: 'value headings "1." and a trailing dot "01.02." are the usual notation',
      books: [
        ['1. VALORE PUBBLICO - BENESSERE'],
        ['01. LINEA DI MANDATO - ENTE'],
        ['Obiettivo strategico', 'Obiettivo operativo', 'Obiettivo di performance', 'Struttura'],
        ['01.02. MIGLIORARE', '01.02.01 Formare', '01.02.01.01 Corsi', 'Risorse umane'],
      ],
    },
    {
      name: 'programme written 0102 or as a number within its missione',
      books: [
        ['Codice', 'Obiettivo', 'Missione', 'Programma'],
        ['01.01.01', 'Riscossione', '01', '0104'],
        ['01.01.02', 'Spesa', '1', '3'],
      ],
    },
  ],
  invalid: [
    {
      name: 'single-digit segments, commas, short segments',
      books: codeTable([['01', 'Mandato'], ['1,01', 'Strategico'], ['01.1.01', 'Operativo'], ['3.02.01', 'Altro']]),
      expect: [
        { cell: 'A3', severity: 'warning', message: /«1,01».*«01\.01»/ },
        { cell: 'A4', message: /«01\.1\.01».*«01\.01\.01»/ },
        { cell: 'A5', message: /«03\.02\.01»/ },
      ],
    },
    {
      name: 'programme "1.2"',
      books: [
        ['Codice', 'Obiettivo', 'Missione', 'Programma'],
        ['01.01.01', 'Riscossione', '01', '1.2'],
      ],
      expect: [{ cell: 'D2', message: /programma «1\.2».*«01\.02»/ }],
    },
  ],
});
