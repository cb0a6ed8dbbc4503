import { Rule } from './rule';

/** Numbering that skips a value: 05.02.02 with no 05.02.01 among the objectives of the dossier. */
export const codeGap: Rule = {
  id: 'code-gap',
  title: 'Salto nella numerazione',
  severity: 'info',
  docs: {
    it: 'La numerazione salta un valore (05.02.02 senza 05.02.01).',
    en: 'Numbering skips a value (05.02.02 with no 05.02.01).',
  },
  messages: {
    default: 'Numerazione con un salto: c\'è {code} ma non {missing}.',
  },
  check(ctx) {
    const objectives = ctx.model.objectives.filter((o) => /^\d{2}(\.\d{2})*$/.test(o.code) && o.level !== 'value' && !o.codeAssigned);
    const codes = new Set(objectives.map((o) => o.code));
    // the lowest number used directly under each prefix ("05.02." -> 2 for 05.02.02): one pass
    const firstChild = new Map<string, number>();
    for (const c of codes) {
      const i = c.lastIndexOf('.');
      const prefix = i < 0 ? '' : c.slice(0, i + 1);
      const n = Number(c.slice(i + 1));
      if (n < (firstChild.get(prefix) ?? Infinity)) firstChild.set(prefix, n);
    }
    const reported = new Set<string>();
    for (const o of objectives) {
      const i = o.code.lastIndexOf('.');
      const prefix = i < 0 ? '' : o.code.slice(0, i + 1);
      const n = Number(o.code.slice(i + 1));
      if (n <= 1) continue;
      const previous = `${prefix}${String(n - 1).padStart(2, '0')}`;
      if (codes.has(previous) || reported.has(previous)) continue;
      // only where the numbering is this dossier's: its parent is here, or an earlier sibling is
      const parentHere = prefix !== '' && codes.has(prefix.slice(0, -1));
      if (!parentHere && (firstChild.get(prefix) ?? n) >= n) continue;
      reported.add(previous);
      ctx.report({ at: o.at, data: { code: o.code, missing: previous }, expected: previous });
    }
  },
};
