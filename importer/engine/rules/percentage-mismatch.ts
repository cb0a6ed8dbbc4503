import { formatPercentIt } from '../normalise/shares';
import { compressPlaces, shareCells } from '../staff/percentages';
import { bestSummary } from '../staff/model';
import { cellName } from '../staff/read';
import { Rule } from './rule';

/** Stated and computed percentages may differ by rounding: up to half a point is accepted. */
export const PERCENT_TOLERANCE = 0.005;

export const percentageMismatch: Rule = {
  id: 'percentage-mismatch',
  title: 'Percentuale diversa da quella calcolata',
  severity: 'error',
  docs: {
    it: 'Una percentuale indicata differisce di più di mezzo punto da quella che risulta dai conteggi della tabella.',
    en: 'A stated percentage differs by more than 0.5 points from the one computed from the counts.',
  },
  messages: {
    default: 'La percentuale {what} è «{text}» ({stated}), ma dai conteggi risulta {computed} ({numerator} su {denominator}).',
    overStaff: 'La percentuale {what} è «{text}» ({stated}), ma {numerator} su {denominator} persone in servizio {there} fanno {computed}.',
  },
  check(ctx) {
    const staffAt = (date: string | undefined) => bestSummary(ctx.model.staff.summaries.filter((s) => s.staff && !s.incomplete && s.date === date));
    for (const t of ctx.model.staff.tables) {
      for (const p of t.percentages) {
        if (p.overStaff && p.stated >= 0 && p.stated <= 1 + 1e-9) {
          const ref = staffAt(p.overStaff.date);
          const tally = ref?.staff;
          const who = tally && !tally.gendered ? 'total' : p.overStaff.who;
          const den = tally?.[who];
          if (!ref || !tally || !den) continue;
          const value = p.overStaff.numerator / den;
          if (Math.abs(value - p.stated) <= PERCENT_TOLERANCE + 1e-9) continue;
          const at = tally.at[who] ?? tally.at.total;
          ctx.report({
            at: p.cell.at,
            messageId: 'overStaff',
            data: { what: cellName(p.cell).replace(/^il dato /, ''), text: p.cell.text, stated: formatPercentIt(p.stated), computed: formatPercentIt(value), numerator: p.overStaff.numerator, denominator: den, there: ref.sourceName },
            related: [...p.overStaff.related, ...(at ? [at] : [])],
            expected: Math.round(value * 10000) / 10000,
            actual: Math.round(p.stated * 10000) / 10000,
          });
          continue;
        }
        if (p.stated < 0 || p.stated > 1 + 1e-9 || p.candidates.length === 0) continue;
        if (p.candidates.some((c) => Math.abs(c.value - p.stated) <= PERCENT_TOLERANCE + 1e-9)) continue;
        const best = p.candidates[0];
        ctx.report({
          at: p.cell.at,
          data: {
            what: cellName(p.cell).replace(/^il dato /, ''),
            text: p.cell.text,
            stated: formatPercentIt(p.stated),
            computed: formatPercentIt(best.value),
            numerator: best.numerator,
            denominator: best.denominator,
          },
          related: compressPlaces(shareCells(best)),
          expected: Math.round(best.value * 10000) / 10000,
          actual: Math.round(p.stated * 10000) / 10000,
        });
      }
    }
  },
};
