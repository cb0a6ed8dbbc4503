import { Gender, Place } from '../schema/dossier';
import { bestSourceOf, bestSummary, Tally } from '../staff/model';
import { Rule, RuleContext } from './rule';
import { capitalise, dateIt } from './staff-words';

type Who = Gender | 'total';
type Quantity = 'staff' | 'fixedTerm' | 'partTime' | 'smart';

const QUANTITY_IT: Record<Quantity, string> = {
  staff: 'in servizio',
  fixedTerm: 'a tempo determinato',
  partTime: 'in part-time',
  smart: 'in lavoro agile',
};
const WHO_SUBJECT: Record<Who, string> = { F: 'le donne', M: 'gli uomini', total: 'le persone' };


/** The figures of two tallies to compare: by gender when both have genders, else the totals. */
function pairs(a: Tally, b: Tally): Who[] {
  return a.gendered && b.gendered ? ['F', 'M'] : ['total'];
}

function placeOf(t: Tally, who: Who): Place | undefined {
  return t.at[who] ?? t.at.total;
}

/**
 * Reports the figure of `who` in `here` against the one in `there`: at the cell of `here`, with the
 * cell of `there` as related place, `actual`/`expected` in the finding and in the message.
 */
function reportFigure(ctx: RuleContext, messageId: string, here: Tally, there: Tally, who: Who, data: Record<string, string | number>): void {
  const at = placeOf(here, who);
  if (!at) return;
  const related = placeOf(there, who);
  ctx.report({
    at,
    messageId,
    data: { ...data, actual: here[who], expected: there[who] },
    ...(related ? { related: [related] } : {}),
    expected: there[who],
    actual: here[who],
  });
}

export const crossTableMismatch: Rule = {
  id: 'cross-table-mismatch',
  title: 'Dato diverso tra due tabelle',
  severity: 'error',
  docs: {
    it: 'Lo stesso dato è diverso in due tabelle della stessa data (personale per genere nella tabella del personale e in quella del part-time; più persone in lavoro agile o in part-time che in servizio).',
    en: 'The same quantity differs between two tables of the same date (staff by gender vs the part-time table; more smart or part-time workers than staff).',
  },
  messages: {
    differs: '{Who} {quantity} sono {actual} {here}, ma {expected} {there}, alla stessa data ({date}).',
    more: '{Who} {quantity} sono {actual} {here}: più del personale in servizio alla stessa data ({date}), che è {expected} {there}.',
    turnover: '{Who} {movement} nel {year} sono {actual} {here}, ma {expected} {there}.',
  },
  check(ctx) {
    const summaries = ctx.model.staff.summaries.filter((s) => !s.incomplete);
    const dates = new Set(summaries.map((s) => s.date ?? ''));
    for (const date of dates) {
      const group = summaries.filter((s) => (s.date ?? '') === date);
      const staffRef = bestSourceOf(group, 'staff');
      // the same quantity in two tables, each against the source the PAP statistics trust
      for (const q of ['staff', 'fixedTerm', 'partTime', 'smart'] as const) {
        const holders = group.filter((s) => s[q]);
        const ref = bestSourceOf(group, q);
        if (!ref) continue;
        for (const s of holders) {
          if (s === ref) continue;
          const a = s[q]!;
          const b = ref[q]!;
          for (const who of pairs(a, b)) {
            if (a[who] === b[who]) continue;
            reportFigure(ctx, 'differs', a, b, who, { Who: capitalise(WHO_SUBJECT[who]), quantity: QUANTITY_IT[q], here: s.sourceName, there: ref.sourceName, date: dateIt(date) });
          }
        }
      }
      // more part-time or smart workers than staff
      if (staffRef?.staff) {
        for (const q of ['partTime', 'smart'] as const) {
          for (const s of group) {
            const part = s[q];
            if (!part || s === staffRef) continue;
            for (const who of [...pairs(part, staffRef.staff), ...(part.gendered && staffRef.staff.gendered ? (['total'] as const) : [])]) {
              if (part[who] <= staffRef.staff[who]) continue;
              if (who === 'total' && (part.F > staffRef.staff.F || part.M > staffRef.staff.M)) continue; // said by gender already
              reportFigure(ctx, 'more', part, staffRef.staff, who, { Who: capitalise(WHO_SUBJECT[who]), quantity: QUANTITY_IT[q], here: s.sourceName, there: staffRef.sourceName, date: dateIt(date) });
            }
          }
        }
      }
    }
    // hires and terminations of the same year in two tables
    const withTurnover = summaries.filter((s) => s.turnover.size > 0);
    const years = new Set(withTurnover.flatMap((s) => [...s.turnover.keys()]));
    for (const year of years) {
      for (const mv of ['hire', 'termination'] as const) {
        const holders = withTurnover.filter((s) => s.turnover.get(year)?.[mv]);
        const ref = bestSummary(holders);
        if (!ref) continue;
        for (const s of holders) {
          if (s === ref) continue;
          const a = s.turnover.get(year)![mv]!;
          const b = ref.turnover.get(year)![mv]!;
          for (const who of pairs(a, b)) {
            if (a[who] === b[who]) continue;
            reportFigure(ctx, 'turnover', a, b, who, { Who: capitalise(WHO_SUBJECT[who]), movement: mv === 'hire' ? 'assunte' : 'cessate', year: String(year), here: s.sourceName, there: ref.sourceName });
          }
        }
      }
    }
  },
};
