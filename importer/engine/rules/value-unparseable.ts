import { Rule } from './rule';

export const valueUnparseable: Rule = {
  id: 'value-unparseable',
  title: 'Valore illeggibile',
  severity: 'error',
  docs: {
    it: 'Una cella che deve contenere un numero, un codice o una percentuale non si riesce a leggere.',
    en: 'A cell that must hold a number, code or percentage cannot be read.',
  },
  messages: {
    default: 'Non riesco a leggere {what}: «{text}» non è {expected}.',
  },
  check(ctx) {
    for (const n of ctx.model.notes) {
      if (n.note !== 'unparseable') continue;
      ctx.report({ at: n.at, data: { what: n.what, text: n.text ?? '', expected: n.expected ?? 'un valore valido' }, related: n.related, actual: n.text });
    }
  },
};
