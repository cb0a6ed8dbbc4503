import { mapCategory } from '../../../importer/engine/normalise/categories';

describe('staff categories, old and new CCNL labels and free profile names', () => {
  it.each([
    ['Cat. D', 'funzionario'],
    ['D', 'funzionario'],
    ['D3', 'funzionario'],
    ['D1 giuridico', 'funzionario'],
    ['Categoria D (ex D3)', 'funzionario'],
    ["Area dei Funzionari e dell'EQ", 'funzionario'],
    ["Area dei Funzionari e dell'Elevata Qualificazione", 'funzionario'],
    ['Istruttore direttivo amministrativo', 'funzionario'],
    ['Posizione organizzativa', 'funzionario'],
    ['Cat. C', 'istruttore'],
    ['C1', 'istruttore'],
    ['Area degli Istruttori', 'istruttore'],
    ['ISTRUTTORE POLIZIA LOCALE', 'istruttore'],
    ['Agente di polizia locale', 'istruttore'],
    ['Cat. B', 'operatore-esperto'],
    ['B3', 'operatore-esperto'],
    ['B-BS', 'operatore-esperto'],
    ['CATEGORIA B-BS', 'operatore-esperto'],
    ['Area degli Operatori esperti', 'operatore-esperto'],
    ['Esecutore tecnico', 'operatore-esperto'],
    ['Cat. A', 'operatore'],
    ['A1', 'operatore'],
    ['Area degli Operatori', 'operatore'],
    ['Dirigente', 'dirigente'],
    ['Dirigente a T.D. art. 110', 'dirigente'],
    ['Dirigente di livello non generale', 'dirigente'],
    ['Direttore generale', 'dirigente'],
    ['Segretario generale', 'segretario'],
    ['Segretario comunale', 'segretario'],
  ])('%s -> %s', (label, category) => {
    expect(mapCategory(label)).toBe(category);
  });

  it.each(['Personale non dirigente', 'Collaboratore art. 90', 'Vice segretario', 'Operai forestali', 'A tempo determinato', 'Donne', 'da 31 a 40', 'Educatrice asilo nido', ''])(
    '%s cannot be placed (the caller keeps the label and uses altro)',
    (label) => {
      expect(mapCategory(label)).toBeUndefined();
    },
  );
});
