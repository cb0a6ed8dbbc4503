import { Place } from '../schema/dossier';
import { normaliseLabel } from '../text/normalise';
import { weightGroupKey } from '../objectives/weights';
import { Rule } from './rule';

const TOLERANCE = 0.5;

/**
 * Only percentages are summed: the weights of a table read as percentages of a structure's (or a
 * manager's) total, or the per-manager columns read as such. A coefficient scale (0,8 / 1 / 1,5)
 * adds up to nothing in particular and is never a finding.
 */
export const weightSum: Rule = {
  id: 'weight-sum',
  title: 'Pesi che non sommano a 100',
  severity: 'warning',
  docs: {
    it: 'I pesi percentuali degli obiettivi di una stessa struttura (o dirigente) non sommano a 100; i pesi a coefficiente non si sommano.',
    en: "The percentage weights of one structure's (or manager's) objectives do not sum to 100; coefficient weights are not summed.",
  },
  messages: {
    default: 'I pesi degli obiettivi di «{structure}» sommano a {actual} invece di 100 ({count} obiettivi).',
    table: 'I pesi degli obiettivi della tabella del foglio «{sheet}» sommano a {actual} invece di 100 ({count} obiettivi).',
  },
  check(ctx) {
    const groups = new Map<string, { name: string; table: boolean; weights: { weight: number; at: Place }[] }>();
    const add = (key: string, name: string, table: boolean, weight: number, at: Place) => {
      const g = groups.get(key);
      if (g) g.weights.push({ weight, at });
      else groups.set(key, { name, table, weights: [{ weight, at }] });
    };
    for (const o of ctx.model.objectives) {
      const file = o.table.grid.file;
      const whole = o.weightGroup === 'table';
      if (o.weightKind === 'percentage' && o.weight !== undefined && o.weightAt) add(`${file}\u0000${weightGroupKey(o)}`, whole ? o.table.grid.sheet : (o.structure ?? o.responsible ?? 'struttura non indicata'), whole, o.weight, o.weightAt);
      for (const w of o.weights ?? []) if (w.percent) add(`${file}\u0000manager\u0000${normaliseLabel(w.manager)}`, w.manager, false, w.weight, w.at);
    }
    for (const { name, table, weights } of groups.values()) {
      const sum = Math.round(weights.reduce((s, w) => s + w.weight, 0) * 1000) / 1000;
      if (Math.abs(sum - 100) <= TOLERANCE) continue;
      const last = weights[weights.length - 1];
      ctx.report({
        at: last.at,
        messageId: table ? 'table' : 'default',
        data: { structure: name, sheet: name, actual: sum, count: weights.length },
        related: weights.slice(0, -1).map((w) => w.at),
        expected: 100,
        actual: sum,
      });
    }
  },
};
