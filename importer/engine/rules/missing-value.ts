import { objectiveName } from '../model';
import { Rule } from './rule';

export const missingValue: Rule = {
  id: 'missing-value',
  title: 'Valore mancante',
  severity: 'warning',
  docs: {
    it: 'Manca un valore richiesto (obiettivo senza titolo, o senza struttura né responsabile; conteggio indicato come n.d.).',
    en: 'A required value is empty (objective without title or structure, a count written n.d.).',
  },
  messages: {
    missing: 'Manca {what}.',
    notAvailable: '{What} è indicato come «{text}» (non disponibile): il dato manca e non è stato contato come zero.',
    structure: "L'obiettivo {code} non ha una struttura né un responsabile.",
  },
  check(ctx) {
    for (const n of ctx.model.notes) {
      if (n.note === 'missing') ctx.report({ at: n.at, messageId: 'missing', data: { what: n.what }, related: n.related });
      if (n.note === 'not-available') {
        const What = n.what.charAt(0).toUpperCase() + n.what.slice(1);
        ctx.report({ at: n.at, messageId: 'notAvailable', data: { What, text: n.text ?? 'n.d.' }, related: n.related, actual: n.text });
      }
    }
    for (const o of ctx.model.objectives) {
      if (o.level !== 'performance' || o.structure || o.responsible) continue;
      if (!o.table.columns.some((c) => c.role === 'structure' || c.role === 'responsible')) continue;
      ctx.report({ at: o.at, messageId: 'structure', data: { code: objectiveName(o) } });
    }
  },
};
