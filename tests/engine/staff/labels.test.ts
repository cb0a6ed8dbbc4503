import { classifyLabel, isClassified, readAgeBand } from '../../../importer/engine/staff/labels';

const meaning = (label: string) => {
  const m = classifyLabel(label, label);
  if (!m) return m;
  const { unexplained: _u, ...rest } = m;
  return rest;
};

describe('labels of staff tables, dimension by dimension', () => {
  it.each([
    ['Uomo', { gender: 'M' }],
    ['Donne', { gender: 'F' }],
    ['F', { gender: 'F' }],
    ['U', { gender: 'M' }],
    ['Personale femminile', { gender: 'F' }],
    ['Tot.', { total: true }],
    ['Totale per anno', { total: true }],
    ['Totale complessivo', { total: true }],
    ['Totale donne', { total: true, gender: 'F' }],
    ['Cat. D', { category: 'funzionario' }],
    ['Dirigente', { category: 'dirigente' }],
    ['FULL TIME', { regime: 'full-time' }],
    ['Tempo pieno', { regime: 'full-time' }],
    ['PT verticale 50%', { regime: 'part-time-vertical-50' }],
    ['PT verticale >50%', { regime: 'part-time-vertical-over-50' }],
    ['Part-time orizzontale fino al 50%', { regime: 'part-time-horizontal-50' }],
    ['Part-time orizzontale oltre il 50%', { regime: 'part-time-horizontal-over-50' }],
    ['Part-time misto', { regime: 'part-time' }],
    ['SMART WORKING PARZIALE', { smart: 'partial' }],
    ['SMART 100% (fragili)', { smart: 'full' }],
    ['Lavoro agile al 100% (lavoratori fragili)', { smart: 'full' }],
    ['In lavoro agile', { smart: 'any' }],
    ['Non in lavoro agile', { smart: 'none' }],
    ['Totale in lavoro agile', { smart: 'any', total: true }],
    ['Cessati', { movement: 'termination' }],
    ['Assunzioni 2023', { movement: 'hire', year: 2023 }],
    ['Tempo determinato', { contract: 'fixed-term' }],
    ['Uomini a tempo determinato', { contract: 'fixed-term', gender: 'M' }],
    ['Tempo indeterminato', { contract: 'permanent' }],
    ['di cui part-time', { subset: true, regime: 'part-time' }],
    ['Personale in servizio', { staff: true }],
    ['% donne', { percent: true, gender: 'F' }],
    ['Totale % sul personale complessivo', { percent: true, total: true, overall: true }],
    ['< 30', { age: '<30' }],
    ['da 31 a 40', { age: '31-40' }],
    ['> di 60', { age: '>60' }],
    ['al 31/12/2023', { date: '2023-12-31', year: 2023 }],
    ['Settore Tecnico', { structure: true }],
    ['Categoria', { axisName: 'category' }],
    ['Inquadramento', { axisName: 'category' }],
    ['Tipologia di personale', { axisName: 'tipologia' }],
    ['Anno', { axisName: 'year' }],
  ])('%s', (label, expected) => {
    expect(meaning(label)).toEqual(expected);
  });

  it('reads a year cell as a year and leaves other numbers alone', () => {
    expect(classifyLabel(2022, '2022')).toEqual({ year: 2022, unexplained: '' });
    expect(classifyLabel(28, '28')).toBeUndefined();
  });

  it('keeps "D" open: Donne among genders, Cat. D among categories', () => {
    expect(classifyLabel('D', 'D')).toMatchObject({ letter: 'D', category: 'funzionario' });
  });

  it('does not understand what is not staff', () => {
    for (const l of ['Descrizione', 'Responsabile', 'Obiettivo operativo', 'Indicatore']) expect(isClassified(classifyLabel(l, l))).toBe(false);
  });

  it('reads the CUG age bands in their many spellings', () => {
    expect(['fino a 30', '<30', 'meno di 30'].map(readAgeBand)).toEqual(['<30', '<30', '<30']);
    expect(['31-40', '41 - 50', 'da 51 a 60', 'oltre 60', '60 e oltre'].map(readAgeBand)).toEqual(['31-40', '41-50', '51-60', '>60', '>60']);
    expect(readAgeBand('25-34')).toBe('other');
  });
});
