import { usableCount } from '../staff/sums';
import { Rule } from './rule';

export const duplicateRow: Rule = {
  id: 'duplicate-row',
  severity: 'warning',
  docs: {
    it: 'Una riga ripete un’altra riga della stessa tabella (stessa etichetta, stessi valori): probabile doppio conteggio.',
    en: 'A row repeats another row of the same table (same label, same figures): likely double counting.',
  },
  messages: {
    table: 'La riga «{label}» ripete la riga {first} con gli stessi valori: probabile doppio conteggio (è stata contata due volte, come scritta).',
    register: 'La riga {row} del registro ripete esattamente la riga {first}: probabile doppio inserimento, contata una volta sola.',
  },
  check(ctx) {
    for (const t of ctx.model.staff.tables) {
      const seen = new Map<string, { row: number; at: NonNullable<(typeof t.table.staff.rows)[number]['at']> }>();
      const columns = t.table.staff.columns;
      for (const r of t.table.staff.rows) {
        if (r.totalLevel >= 0 || r.percent || !r.at || !r.keys.some(Boolean)) continue;
        const figures = columns.map((c) => {
          const cell = t.byPosition.get(`${r.index}:${c.index}`);
          const v = usableCount(cell);
          return v ? `${v.count}+${v.fixedTerm}` : (cell?.text ?? '');
        });
        const key = `${r.keys.join('\u0000')}\u0001${figures.join('\u0000')}`;
        const first = seen.get(key);
        if (first) ctx.report({ at: r.at, messageId: 'table', data: { label: r.labels.filter(Boolean).join(' / '), first: first.row + 1 }, related: [first.at] });
        else seen.set(key, { row: r.index, at: r.at });
      }
    }
    for (const d of ctx.model.staff.registerDuplicates) {
      ctx.report({ at: d.at, messageId: 'register', data: { row: d.at.cell.replace(/^[A-Z]+/, ''), first: d.first.cell.replace(/^[A-Z]+/, '') }, related: [d.first] });
    }
  },
};
