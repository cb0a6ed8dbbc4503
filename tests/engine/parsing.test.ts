import { parseItalianNumber, readNumber, readPercentage, share } from '../../importer/engine/normalise/numbers';
import { parseCode, splitCodeAndTitle } from '../../importer/engine/objectives/codes';
import { objectiveVocabulary } from '../../importer/engine/objectives/columns';
import { referenceDate } from '../../importer/engine/detect/reference-date';

describe('Italian numbers', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['1234,5', 1234.5],
    ['0,623', 0.623],
    ['1.234', 1234],
    ['1.5', 1.5],
    ['1 234', 1234],
    ['1\u00a0234,50', 1234.5],
    ['-3', -3],
    ['1.234.567', 1234567],
    ['12', 12],
  ])('%s -> %d', (text, n) => expect(parseItalianNumber(text)).toBe(n));

  it.each(['', 'abc', '1,2,3', '12a', '1..2', ',', '.'])('%s is not a number', (text) => expect(parseItalianNumber(text)).toBeUndefined());

  it('reads empty and dashes as empty, n.d. as not available', () => {
    expect(readNumber(null, '')).toEqual({ kind: 'empty' });
    expect(readNumber('-', '-')).toEqual({ kind: 'empty' });
    expect(readNumber('n.d.', 'n.d.')).toEqual({ kind: 'not-available' });
    expect(readNumber('N.D.', 'N.D.')).toEqual({ kind: 'not-available' });
    expect(readNumber('dieci', 'dieci')).toEqual({ kind: 'unparseable', text: 'dieci' });
    expect(readNumber({ error: '#DIV/0!' }, '#DIV/0!')).toEqual({ kind: 'unparseable', text: '#DIV/0!' });
  });

  it('reads percentages as fractions', () => {
    expect(readPercentage('62%', '62%')).toEqual({ kind: 'number', value: 0.62 });
    expect(readPercentage('62,3%', '62,3%')).toEqual({ kind: 'number', value: 0.623 });
    expect(readPercentage('0,623', '0,623')).toEqual({ kind: 'number', value: 0.623 });
    expect(readPercentage(0.62, '62%', '0%')).toEqual({ kind: 'number', value: 0.62 });
    expect(readPercentage(62, '62')).toEqual({ kind: 'number', value: 0.62 });
    expect(share(43, 69)).toBe(0.623);
    expect(share(1, 0)).toBeNull();
  });
});

describe('objective codes', () => {
  it.each([
    ['01.01.02', '01.01.02', true],
    ['3.02.01', '03.02.01', false],
    ['1,01', '01.01', false],
    ['01.1', '01.01', false],
    ['01.02.', '01.02', true],
    ['VP 2', 'VP2', true],
  ])('%s -> %s (well formed: %s)', (raw, code, ok) => {
    expect(parseCode(raw)).toMatchObject({ code, wellFormed: ok });
  });

  it('splits code and title written in one cell', () => {
    expect(splitCodeAndTitle('01.01.02 Gestire in modo virtuoso le finanze')).toMatchObject({ code: { code: '01.01.02' }, title: 'Gestire in modo virtuoso le finanze' });
    expect(splitCodeAndTitle('1. VALORE PUBBLICO- BENESSERE')).toMatchObject({ code: { code: '01' }, title: 'VALORE PUBBLICO- BENESSERE' });
    expect(splitCodeAndTitle('02.01. RAFFORZARE')).toMatchObject({ code: { code: '02.01' }, title: 'RAFFORZARE' });
    expect(splitCodeAndTitle('01.01 - Bilancio')).toMatchObject({ code: { code: '01.01' }, title: 'Bilancio' });
    // numbers that open a title are not codes
    expect(splitCodeAndTitle('2024 anno di transizione').code).toBeUndefined();
    expect(splitCodeAndTitle('3 ponti da consolidare').code).toBeUndefined();
    expect(splitCodeAndTitle('processi decisionali').code).toBeUndefined();
  });
});

describe('column vocabulary', () => {
  it.each([
    ['OBIETTIVO STRATEGICO (DUP)', 'strategic', 'exact'],
    ['OBIETTIVO  STRATEGICO - DUP', 'strategic', 'normalised'],
    ['PIAO-PERFORMANCE 2024-2026', 'performance', 'normalised'],
    ['Obiettivi strategici di mandato', 'strategic', 'pattern'],
    ['Obiettivo operativo', 'operational', 'exact'],
    ['Obbiettivo operativo', 'operational', 'fuzzy'],
    ['Peso %', 'weight', 'exact'],
    ['Centro di responsabilita', 'structure', 'normalised'],
    ['Target 2025', 'target', 'normalised'],
  ])('%s -> %s (%s)', (label, role, how) => {
    expect(objectiveVocabulary.match(label)).toEqual({ role, how });
  });

  it('leaves unrelated labels alone', () => {
    for (const label of ['Note del revisore', 'Uomini', 'Cat. D', 'Totale', 'xyz']) {
      const m = objectiveVocabulary.match(label);
      if (label === 'Note del revisore') expect(m?.role ?? 'notes').toBe('notes');
      else expect(m).toBeUndefined();
    }
  });
});

describe('reference dates', () => {
  it('reads titles and sheet names', () => {
    expect(referenceDate(['Organico complessivo al 31.12.2023'], 'PAP')).toBe('2023-12-31');
    expect(referenceDate(['Assunzioni e cessazioni nel periodo 01.01.2023-31.12.2023'], 'x')).toBe('2023-12-31');
    expect(referenceDate(['Personale in servizio al 31 dicembre 2022'], 'x')).toBe('2022-12-31');
    expect(referenceDate([], '2024')).toBe('2024-12-31');
    expect(referenceDate([], 'Performance 2024-2026')).toBeUndefined();
  });
});
