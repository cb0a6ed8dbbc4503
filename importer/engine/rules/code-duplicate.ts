import { ObjectiveDraft } from '../model';
import { sameTitle } from '../objectives/link';
import { shorten } from '../text/normalise';
import { Rule } from './rule';

export const codeDuplicate: Rule = {
  id: 'code-duplicate',
  title: 'Stesso codice per due obiettivi',
  severity: 'error',
  docs: {
    it: 'Lo stesso codice è usato per due obiettivi con titoli diversi.',
    en: 'The same code is used twice with different titles.',
  },
  messages: {
    default: 'Il codice {code} è già usato in {otherSheet}!{otherCell} per un altro obiettivo: «{title}» e «{otherTitle}».',
  },
  check(ctx) {
    const first = new Map<string, ObjectiveDraft[]>();
    for (const o of ctx.model.objectives) {
      if (o.codeAssigned) continue;
      const earlier = first.get(o.code) ?? [];
      const clash = earlier.find((e) => !sameTitle(e.title, o.title));
      if (clash) {
        ctx.report({
          at: o.at,
          data: { code: o.code, otherSheet: clash.at.sheet, otherCell: clash.at.cell, title: shorten(o.title), otherTitle: shorten(clash.title) },
          related: [clash.at],
          expected: clash.title,
          actual: o.title,
        });
      }
      earlier.push(o);
      first.set(o.code, earlier);
    }
  },
};
