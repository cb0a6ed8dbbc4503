import { codeTable, findingsOf, ruleTable } from '../../helpers/rule-cases';

ruleTable('header-unrecognised', {
  valid: [
    { name: 'every column known', books: codeTable([['01.01.01.01', 'Uno', 'A', 100]]) },
    { name: 'an empty extra sheet is not worth a note', books: { 'a.xlsx': { Obiettivi: codeTable([['01', 'Uno']]), Foglio2: [] } } },
  ],
  invalid: [
    {
      name: 'an unknown column is reported with its label',
      books: [['Codice', 'Obiettivo', 'Responsabile', 'Colonna misteriosa'], ['01.01.01.01', 'Uno', 'A', 'x']],
      expect: [{ cell: 'D1', severity: 'info', message: /«Colonna misteriosa»/ }],
    },
    {
      name: 'a sheet with text but no table is reported with the labels seen',
      books: { 'a.xlsx': { Obiettivi: codeTable([['01', 'Uno']]), Appunti: [['Riunione del 3 marzo'], ['da rivedere con la ragioneria']] } },
      expect: [{ cell: 'Appunti!A1', message: /«Riunione del 3 marzo»/ }],
    },
  ],
});

describe('labels of an unrecognised sheet', () => {
  it('come from the titles and the header row only, never from the rows below (personal data)', async () => {
    const found = await findingsOf({
      name: 'unknown register',
      books: { 'x.xlsx': { Elenco: [['Elenco nominativo'], ['Nominativo', 'Ufficio', 'Interno'], ['ROSSI MARIO', 'Protocollo', 'x123'], ['BIANCHI ANNA', 'Ragioneria', 'x456']] } },
    });
    const note = found.find((f) => f.rule === 'header-unrecognised')!;
    expect(note.message).toContain('«Nominativo»');
    expect(JSON.stringify(found)).not.toMatch(/ROSSI|BIANCHI/);
  });
});
