import { isCountLike, parseCountText, readCount } from '../../../importer/engine/normalise/counts';

describe('count notations of real staff tables', () => {
  it.each([
    ['28', 28, 0, 'plain'],
    ['1.234', 1234, 0, 'plain'],
    ['28 di cui 1 a T.D', 28, 1, 'of-which'],
    ['28 di cui 1 T.D.', 28, 1, 'of-which'],
    ['2 (di cui 1 TD)', 2, 1, 'of-which'],
    ['28, di cui 2 a tempo determinato', 28, 2, 'of-which'],
    ['1 (TD)', 1, 1, 'all-fixed-term'],
    ['3 T.D.', 3, 3, 'all-fixed-term'],
    ['5 (+ 5 TD)', 10, 5, 'plus'],
    ['8 (+3 TD)', 11, 3, 'plus'],
    ['26 (+ 13 TD)', 39, 13, 'plus'],
    ['13 + 2 TD', 15, 2, 'plus'],
    ['-3', -3, 0, 'plain'],
  ])('%s is %i people, %i fixed-term (%s)', (text, count, fixedTerm, notation) => {
    expect(parseCountText(text)).toEqual({ kind: 'count', count, fixedTerm, notation });
  });

  it.each(['', '-', '–', '—'])('"%s" is empty (a count table reads it as 0)', (text) => {
    expect(parseCountText(text)).toEqual({ kind: 'empty' });
  });

  it.each(['n.d.', 'N.D.', 'nd', 'n.d', 'non disponibile'])('"%s" is not available, never 0', (text) => {
    expect(parseCountText(text)).toEqual({ kind: 'not-available' });
  });

  it.each(['dodici', '(TD)', 'vedi nota', '12 persone'])('"%s" cannot be read', (text) => {
    expect(parseCountText(text)).toMatchObject({ kind: 'unparseable', why: 'text' });
  });

  it('refuses a fraction of a person', () => {
    expect(parseCountText('2,5')).toMatchObject({ kind: 'unparseable', why: 'fraction' });
    expect(readCount(2.5, '2,5')).toMatchObject({ kind: 'unparseable', why: 'fraction' });
  });

  it('reads number cells and rejects dates', () => {
    expect(readCount(12, '12')).toEqual({ kind: 'count', count: 12, fixedTerm: 0, notation: 'plain' });
    expect(readCount(new Date(Date.UTC(2023, 11, 31)), '2023-12-31')).toMatchObject({ kind: 'unparseable' });
    expect(readCount({ error: '#REF!' }, '#REF!')).toMatchObject({ kind: 'unparseable', text: '#REF!' });
  });

  it('tells body cells from labels', () => {
    for (const t of ['28 di cui 1 a T.D', '5 (+ 5 TD)', '-', 'n.d.', '12']) expect(isCountLike(t, t)).toBe(true);
    for (const t of ['Uomo', 'Cat. D', 'Totale per anno', '']) expect(isCountLike(t, t)).toBe(false);
  });
});
