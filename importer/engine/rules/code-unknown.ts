import { missionName, programmeName } from '../reference/budget-codes';
import { depth, parseCode } from '../objectives/codes';
import { objectiveName } from '../model';
import { LEVEL_NAMES_IT, levelFromDepth } from '../objectives/levels';
import { Rule } from './rule';

export const codeUnknown: Rule = {
  id: 'code-unknown',
  title: 'Codice sconosciuto',
  severity: 'error',
  docs: {
    it: "Un codice non rimanda a nulla di noto: missione o programma assente dal D.Lgs 118/2011 (Allegato 14), obiettivo di riferimento assente dalle tabelle importate.",
    en: 'A code refers to nothing known: a missione/programma not in D.Lgs 118/2011, a parent absent from the imported tables.',
  },
  messages: {
    mission: 'La missione {code} non esiste nello schema di bilancio del D.Lgs 118/2011 (Allegato 14).',
    programme: 'Il programma {code} non esiste nello schema di bilancio del D.Lgs 118/2011 (Allegato 14){hint}.',
    parent: "L'obiettivo {code} rimanda a {parent}, che non si trova in nessuna delle tabelle importate.",
    reference:
      "L'obiettivo {code} rimanda a «{parent}», che non si trova nelle tabelle importate: il collegamento non si può verificare. Importa anche il documento a cui rimanda (ad esempio il DUP).",
    parentLevelAbsent:
      "L'obiettivo {code} rimanda a {parent}, ma tra i fogli importati non c'è nessun {level}: il collegamento non si può verificare. Importa anche il foglio che li elenca (ad esempio il DUP).",
  },
  check(ctx) {
    for (const c of ctx.model.codes) {
      if (c.kind === 'mission' && !missionName(c.code)) ctx.report({ at: c.at, messageId: 'mission', data: { code: c.code }, actual: c.code });
      if (c.kind === 'programme' && !programmeName(c.code)) {
        const mission = c.code.slice(0, 2);
        const hint = missionName(mission) ? `: la missione ${mission} non ha un programma ${c.code.slice(3)}` : '';
        ctx.report({ at: c.at, messageId: 'programme', data: { code: c.code, hint }, actual: c.code });
      }
    }
    const known = new Set(ctx.model.objectives.map((o) => o.code));
    const levels = new Set(ctx.model.objectives.map((o) => o.level));
    for (const o of ctx.model.objectives) {
      if (!o.parentCode || known.has(o.parentCode)) continue;
      if (o.parentFrom !== 'code' && o.parentFrom !== 'column') continue;
      const related = o.parentAt ? [o.parentAt] : undefined;
      const code = objectiveName(o);
      // a reference of another document's own («AA2/B», «PS1»): no level to look in, nothing proven wrong
      if (!parseCode(o.parentCode)) {
        ctx.report({ at: o.at, messageId: 'reference', severity: 'info', data: { code, parent: o.parentCode }, related, actual: o.parentCode });
        continue;
      }
      // a PEG checked without its DUP: nothing of the parent's level to look in, so nothing proven wrong
      const parentLevel = levelFromDepth(depth(o.parentCode));
      if (!levels.has(parentLevel)) {
        ctx.report({ at: o.at, messageId: 'parentLevelAbsent', severity: 'info', data: { code, parent: o.parentCode, level: LEVEL_NAMES_IT[parentLevel] }, related, actual: o.parentCode });
        continue;
      }
      ctx.report({ at: o.at, messageId: 'parent', data: { code, parent: o.parentCode }, related, actual: o.parentCode });
    }
  },
};
