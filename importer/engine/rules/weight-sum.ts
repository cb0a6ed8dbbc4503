import { ObjectiveDraft } from '../model';
import { normaliseLabel } from '../text/normalise';
import { Rule } from './rule';

const TOLERANCE = 0.5;

export const weightSum: Rule = {
  id: 'weight-sum',
  severity: 'warning',
  docs: {
    it: 'I pesi degli obiettivi di una stessa struttura (o dirigente) non sommano a 100.',
    en: "The weights of one structure's (or manager's) objectives do not sum to 100.",
  },
  messages: {
    default: 'I pesi degli obiettivi di «{structure}» sommano a {actual} invece di 100 ({count} obiettivi).',
  },
  check(ctx) {
    const groups = new Map<string, ObjectiveDraft[]>();
    for (const o of ctx.model.objectives) {
      if (o.weight === undefined || !o.weightAt) continue;
      const key = `${o.table.grid.file}\u0000${normaliseLabel(o.structure ?? '')}`;
      const group = groups.get(key);
      if (group) group.push(o);
      else groups.set(key, [o]);
    }
    for (const list of groups.values()) {
      const sum = Math.round(list.reduce((s, o) => s + (o.weight ?? 0), 0) * 1000) / 1000;
      if (Math.abs(sum - 100) <= TOLERANCE) continue;
      const lastOne = list[list.length - 1];
      ctx.report({
        at: lastOne.weightAt!,
        data: { structure: lastOne.structure ?? 'struttura non indicata', actual: sum, count: list.length },
        related: list.slice(0, -1).map((o) => o.weightAt!),
        expected: 100,
        actual: sum,
      });
    }
  },
};
