import { cellKey } from '../staff/model';
import { cellName, lineName } from '../staff/read';
import { usableCount } from '../staff/sums';
import { Rule } from './rule';
import { capitalise } from './staff-words';

export const valueOutOfRange: Rule = {
  id: 'value-out-of-range',
  severity: 'error',
  docs: {
    it: 'Un valore impossibile: conteggio negativo, percentuale oltre il 100%, più part-time (o lavoro agile) che personale nella stessa riga.',
    en: 'An impossible value: a negative count, a share above 100%, more part-time (or smart) staff than staff on one line.',
  },
  messages: {
    negative: '{What} è «{text}»: un numero di persone non può essere negativo.',
    ofWhich: '{What} è «{text}»: indica più persone a tempo determinato ({fixedTerm}) che persone in tutto ({count}).',
    over100: '{What} è «{text}»: una percentuale non può superare il 100%.',
    negativeShare: '{What} è «{text}»: una percentuale non può essere negativa.',
    part: '{What} è {actual}, più del personale indicato nella stessa riga ({expected}, {staff}).',
  },
  check(ctx) {
    for (const t of ctx.model.staff.tables) {
      for (const c of t.cells) {
        const What = capitalise(cellName(c));
        if (c.count?.kind === 'count') {
          if (c.count.count < 0 || c.count.fixedTerm < 0) ctx.report({ at: c.at, messageId: 'negative', data: { What, text: c.text }, actual: c.count.count, expected: '>= 0' });
          else if (c.count.fixedTerm > c.count.count) ctx.report({ at: c.at, messageId: 'ofWhich', data: { What, text: c.text, fixedTerm: c.count.fixedTerm, count: c.count.count }, actual: c.count.fixedTerm, expected: c.count.count });
        }
      }
      for (const p of t.percentages) {
        const What = capitalise(cellName(p.cell));
        if (p.stated > 1 + 1e-9) ctx.report({ at: p.cell.at, messageId: 'over100', data: { What, text: p.cell.text }, actual: Math.round(p.stated * 10000) / 10000, expected: '<= 1' });
        else if (p.stated < 0) ctx.report({ at: p.cell.at, messageId: 'negativeShare', data: { What, text: p.cell.text }, actual: Math.round(p.stated * 10000) / 10000, expected: '>= 0' });
      }
      // parts of the staff on the same line ("In lavoro agile", "di cui part-time") beside "Personale"
      const { rows, columns } = t.table.staff;
      for (const [lines, others, isColumn] of [
        [columns, rows, true],
        [rows, columns, false],
      ] as const) {
        const staffLine = lines.find((l) => l.meaning.staff && l.totalLevel < 0 && !l.percent);
        if (!staffLine) continue;
        for (const part of lines.filter((l) => l.subset)) {
          for (const o of others) {
            if (o.percent) continue;
            const key = (l: typeof part) => (isColumn ? cellKey(o.index, l.index) : cellKey(l.index, o.index));
            const pc = t.byPosition.get(key(part));
            const sc = t.byPosition.get(key(staffLine));
            const pv = usableCount(pc);
            const sv = usableCount(sc);
            if (!pc || !sc || !pv || !sv || pv.count <= sv.count) continue;
            ctx.report({ at: pc.at, messageId: 'part', data: { What: capitalise(cellName(pc)), actual: pv.count, expected: sv.count, staff: lineName(staffLine, isColumn ? 'colonna' : 'riga') }, related: [sc.at], actual: pv.count, expected: sv.count });
          }
        }
      }
    }
  },
};
