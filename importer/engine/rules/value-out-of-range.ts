import { cellKey } from '../staff/model';
import { cellName, lineName } from '../staff/read';
import { usableCount } from '../staff/sums';
import { AxisLine } from '../staff/types';
import { Rule } from './rule';
import { capitalise } from './staff-words';

export const valueOutOfRange: Rule = {
  id: 'value-out-of-range',
  title: 'Valore impossibile',
  severity: 'error',
  docs: {
    it: 'Un valore impossibile: conteggio negativo, percentuale oltre il 100%, più part-time (o lavoro agile) che personale nella stessa riga, una parte «di cui» maggiore del suo totale.',
    en: 'An impossible value: a negative count, a share above 100%, more part-time (or smart) staff than staff on one line, a «di cui» part larger than its whole.',
  },
  messages: {
    negative: '{What} è «{text}»: un numero di persone non può essere negativo.',
    ofWhich: '{What} è «{text}»: indica più persone a tempo determinato ({fixedTerm}) che persone in tutto ({count}).',
    over100: '{What} è «{text}»: una percentuale non può superare il 100%.',
    negativeShare: '{What} è «{text}»: una percentuale non può essere negativa.',
    part: '{What} è {actual}, più del personale indicato nella stessa riga ({expected}, {staff}).',
    partOfWhole: '{What} è {actual}, più del dato {whole} di cui è parte ({expected}).',
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
      // «di cui» lines without a "Personale" line: each is a part of the line it follows («Totale | di cui donne | di cui part-time»)
      const partsOverWhole = (lines: readonly AxisLine[], others: readonly AxisLine[], isColumn: boolean) => {
        lines.forEach((part, i) => {
          if (!part.subset || part.percent || part.meaning.change) return;
          const whole = lines.slice(0, i).reverse().find((l) => !l.subset && !l.percent && !l.meaning.change);
          if (!whole) return;
          for (const o of others) {
            if (o.percent) continue;
            const pc = t.byPosition.get(isColumn ? cellKey(o.index, part.index) : cellKey(part.index, o.index));
            const wc = t.byPosition.get(isColumn ? cellKey(o.index, whole.index) : cellKey(whole.index, o.index));
            // only against a written figure: a blank whole says nothing
            if (pc?.count?.kind !== 'count' || wc?.count?.kind !== 'count' || pc.count.count <= wc.count.count) continue;
            ctx.report({ at: pc.at, messageId: 'partOfWhole', data: { What: capitalise(cellName(pc)), actual: pc.count.count, expected: wc.count.count, whole: lineName(whole, isColumn ? 'colonna' : 'riga') }, related: [wc.at], actual: pc.count.count, expected: wc.count.count });
          }
        });
      };
      for (const [lines, others, isColumn] of [
        [columns, rows, true],
        [rows, columns, false],
      ] as const) {
        const staffLine = lines.find((l) => l.meaning.staff && l.totalLevel < 0 && !l.percent);
        if (!staffLine) {
          partsOverWhole(lines, others, isColumn);
          continue;
        }
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
