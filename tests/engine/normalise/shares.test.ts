import { formatPercentIt, fractionOf, lineScale, readStatedShare } from '../../../importer/engine/normalise/shares';

describe('stated percentages', () => {
  it('reads "62%", "62,3%" and a cell formatted as a percentage as fractions', () => {
    expect(readStatedShare('62%', '62%')).toEqual({ kind: 'share', value: 0.62, explicit: true });
    expect(readStatedShare('62,3%', '62,3%')).toEqual({ kind: 'share', value: 0.623, explicit: true });
    expect(readStatedShare(0.623, '62,3%', '0.0%')).toEqual({ kind: 'share', value: 0.623, explicit: true });
  });

  it('leaves bare numbers to the scale of their line: points ("62,3", "1,71") or fractions ("0,623")', () => {
    const points = [{ value: 62.3, explicit: false }, { value: 0.17, explicit: false }];
    expect(lineScale(points)).toBe('points');
    expect(fractionOf(points[1], 'points')).toBeCloseTo(0.0017);
    const fractions = [{ value: 0.623, explicit: false, expected: [0.6232] }];
    expect(lineScale(fractions)).toBe('fraction');
    // a line of small values that agree with the counts only as points
    expect(lineScale([{ value: 0.17, explicit: false, expected: [0.0017] }, { value: 0.35, explicit: false, expected: [0.0035] }])).toBe('points');
  });

  it('keeps n.d., empty and unreadable apart', () => {
    expect(readStatedShare('n.d.', 'n.d.')).toEqual({ kind: 'not-available' });
    expect(readStatedShare(null, '')).toEqual({ kind: 'empty' });
    expect(readStatedShare('molti', 'molti')).toEqual({ kind: 'unparseable', text: 'molti' });
  });

  it('writes percentages the Italian way', () => {
    expect(formatPercentIt(0.6232)).toBe('62,3%');
    expect(formatPercentIt(1)).toBe('100,0%');
  });
});
