/**
 * What "Controlla" and "Pulisci segnalazioni" decide, cell by cell, from what a cell holds now.
 * The user's expectations, one case each (the property test covers their combinations).
 */
import { Grid } from '../../importer/engine/grid/grid';
import { Finding } from '../../importer/engine/schema/dossier';
import { FLAG_FILL, PRIOR_NOTE_HEADING, composeNote, noteLine } from '../../addin/flags/look';
import { marksFromFindings } from '../../addin/flags/marks';
import { planClear, planMarks, reconcile } from '../../addin/flags/plan';
import { CellState, FlagRecord, cellKey } from '../../addin/flags/records';
import { textFingerprint, valueFingerprint } from '../../addin/flags/hash';

const WHITE = { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
const OURS = { color: FLAG_FILL.error, pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
const BLUE = { color: '#D9E1F2', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
const V12 = valueFingerprint(12, 'Double');

const finding = (cell: string, message = 'Peso mancante.', severity: Finding['severity'] = 'error'): Finding => ({ rule: 'missing-value', severity, file: 'f.xlsx', sheet: 'S', cell, message });
const state = (s: Partial<CellState>): CellState => ({ fill: WHITE, note: null, comment: null, value: V12, ...s });
const states = (entries: [string, CellState][]) => new Map(entries.map(([cell, st]) => [cellKey('S', cell), st]));

function flagged(cell: string, prior: { fill?: typeof WHITE; note?: string | null }, lines = [noteLine('error', 'Peso mancante.')]): { record: FlagRecord; now: CellState } {
  const text = composeNote(lines, prior.note ?? null);
  return {
    record: { sheet: 'S', cell, value: V12, severity: 'error', fill: { prior: prior.fill ?? WHITE, ours: FLAG_FILL.error }, note: { prior: prior.note ?? null, ours: textFingerprint(text) } },
    now: state({ fill: OURS, note: text }),
  };
}

describe('marks from findings', () => {
  it('colours a finding\'s whole merged area, puts its message on the first cell, worst severity wins', () => {
    const grid = new Grid('f.xlsx', 'S');
    grid.set(0, 0, { value: 'x' });
    grid.set(5, 5, { value: 'y' });
    grid.addMerge({ top: 1, left: 1, bottom: 2, right: 2 });
    const marks = marksFromFindings([finding('C3', 'Titolo mancante.', 'warning'), finding('B2', 'Codice errato.')], new Map([['S', grid]]));
    expect(marks.map((m) => [m.cell, m.severity]).sort()).toEqual([['B2', 'error'], ['B3', 'error'], ['C2', 'error'], ['C3', 'error']]);
    expect(marks.find((m) => m.cell === 'B2')!.lines).toEqual([noteLine('error', 'Codice errato.', 'missing-value'), noteLine('warning', 'Titolo mancante.', 'missing-value')]);
    // the rule's Italian title, as in the annotated copies
    expect(marks.find((m) => m.cell === 'B2')!.lines![0]).toBe('• Errore – Valore mancante: Codice errato.');
    expect(marks.find((m) => m.cell === 'C3')!.lines).toBeUndefined();
  });

  it('colours only the first cell of a very large range, and ignores sheets it was not given', () => {
    const grid = new Grid('f.xlsx', 'S');
    const marks = marksFromFindings([finding('D4:D5000'), { ...finding('A1'), sheet: 'Altro' }], new Map([['S', grid]]));
    expect(marks.map((m) => m.cell)).toEqual(['D4']);
  });
});

describe('Pulisci segnalazioni', () => {
  it('puts back the fill and the note that were there, and says the value was edited since', () => {
    const { record } = flagged('B2', { fill: BLUE, note: 'Nota del collega\r\nseconda riga' });
    const now = state({ fill: OURS, note: composeNote([noteLine('error', 'Peso mancante.')], 'Nota del collega\r\nseconda riga').replace(/\n/g, '\r\n'), value: valueFingerprint(13, 'Double') });
    const plan = planClear([record], states([['B2', now]]));
    expect(plan.writes).toEqual([
      { op: 'restoreFill', sheet: 'S', cell: 'B2', fill: BLUE },
      { op: 'setNote', sheet: 'S', cell: 'B2', text: 'Nota del collega\r\nseconda riga' },
    ]);
    expect(plan.report).toEqual({ restored: 1, edited: 1, keptUserChanges: 0, pending: 0, failed: 0, approximate: 0 });
  });

  it('deletes our note where there was none, and leaves a fill or note the user changed after the check', () => {
    const a = flagged('B2', {});
    const b = flagged('B3', {});
    const plan = planClear([a.record, b.record], states([
      ['B2', { ...a.now, fill: BLUE }],
      ['B3', { ...b.now, note: 'Ho corretto il peso' }],
    ]));
    expect(plan.writes).toEqual([
      { op: 'deleteNote', sheet: 'S', cell: 'B2' },
      { op: 'restoreFill', sheet: 'S', cell: 'B3', fill: WHITE },
    ]);
    expect(plan.report.keptUserChanges).toBe(2);
  });

  it('keeps the record of a note it cannot read on this Excel, for a later clean-up', () => {
    const a = flagged('B2', {});
    const plan = planClear([a.record], states([['B2', { ...a.now, note: undefined }]]));
    expect(plan.writes).toEqual([{ op: 'restoreFill', sheet: 'S', cell: 'B2', fill: WHITE }]);
    expect(plan.left).toEqual([{ ...a.record, fill: undefined }]);
    expect(plan.report.pending).toBe(1);
  });
});

describe('Controlla over earlier flags', () => {
  it('keeps the state recorded the first time as the prior state, and updates the message', () => {
    const a = flagged('B2', { fill: BLUE, note: 'Nota del collega' });
    const marks = marksFromFindings([finding('B2', 'Peso 30 invece di 100.', 'warning')], new Map([['S', new Grid('f.xlsx', 'S')]]));
    const plan = planMarks(marks, [a.record], states([['B2', a.now]]), 'note');
    const text = composeNote([noteLine('warning', 'Peso 30 invece di 100.', 'missing-value')], 'Nota del collega');
    expect(plan.writes).toEqual([
      { op: 'fill', sheet: 'S', cell: 'B2', color: FLAG_FILL.warning, solid: true },
      { op: 'setNote', sheet: 'S', cell: 'B2', text },
    ]);
    expect(text).toContain(`${PRIOR_NOTE_HEADING}\nNota del collega`);
    expect(plan.records[0].fill!.prior).toEqual(BLUE);
    expect(plan.records[0].note!.prior).toBe('Nota del collega');
  });

  it('removes the flags of cells that are clean now', () => {
    const a = flagged('B2', { fill: BLUE });
    const plan = planMarks([], [a.record], states([['B2', a.now]]), 'note');
    expect(plan.writes).toEqual([
      { op: 'restoreFill', sheet: 'S', cell: 'B2', fill: BLUE },
      { op: 'deleteNote', sheet: 'S', cell: 'B2' },
    ]);
    expect(plan.records).toEqual([]);
    expect(plan.cleared.restored).toBe(1);
  });

  it('never writes over the user\'s threaded comment: that cell is only coloured', () => {
    const marks = marksFromFindings([finding('B2')], new Map([['S', new Grid('f.xlsx', 'S')]]));
    for (const via of ['note', 'comment'] as const) {
      const plan = planMarks(marks, [], states([['B2', state({ comment: 'Chiedere a Mario' })]]), via);
      expect(plan.writes).toEqual([{ op: 'fill', sheet: 'S', cell: 'B2', color: FLAG_FILL.error, solid: true }]);
      expect(plan.fillOnly).toBe(1);
    }
  });
});

describe('after a batch failed halfway', () => {
  it('rebuilds the record from what the cell holds: the new flag, the old one, or nothing', () => {
    const old = flagged('B2', { note: 'prima' }).record;
    const planned: FlagRecord = { ...old, severity: 'warning', fill: { prior: WHITE, ours: FLAG_FILL.warning }, note: { prior: 'prima', ours: textFingerprint('nuova') } };
    // fill written, note not: the fill is the new flag's, the note still the old flag's
    expect(reconcile(planned, old, state({ fill: { ...OURS, color: FLAG_FILL.warning }, note: composeNote([noteLine('error', 'Peso mancante.')], 'prima') }))).toEqual({ ...planned, note: old.note });
    expect(reconcile(planned, old, state({ fill: BLUE, note: 'mia' }))).toBeUndefined();
  });
});
