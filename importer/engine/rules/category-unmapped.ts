import { Rule } from './rule';

export const categoryUnmapped: Rule = {
  id: 'category-unmapped',
  title: 'Categoria fuori dal CCNL',
  severity: 'info',
  docs: {
    it: 'Una categoria o un profilo non corrisponde a nessuna categoria del CCNL Funzioni Locali: è contato come «altro», con la sua etichetta.',
    en: 'A category or profile label cannot be placed in a CCNL category: counted as "altro", keeping its label.',
  },
  messages: {
    default: 'La categoria «{label}» non corrisponde a nessuna area o categoria del CCNL Funzioni Locali (operatori, operatori esperti, istruttori, funzionari, dirigenti, segretari): è contata come «altro».',
  },
  check(ctx) {
    for (const u of ctx.model.staff.unmapped) ctx.report({ at: u.at, data: { label: u.label }, actual: u.label });
  },
};
