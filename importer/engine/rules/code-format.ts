import { Rule } from './rule';

const WHAT = { objective: 'Il codice', mission: 'Il codice di missione', programme: 'Il codice di programma' } as const;

export const codeFormat: Rule = {
  id: 'code-format',
  title: 'Codice non nella forma a due cifre',
  severity: 'warning',
  docs: {
    it: 'Un codice non è nella forma puntata a due cifre per livello (3.02.01, 1,01, 01.1 invece di 03.02.01, 01.01, 01.01).',
    en: 'A code is not in the dotted two-digit form.',
  },
  messages: {
    default: '{what} «{actual}» non è nella forma a due cifre separate da punti: va scritto «{expected}».',
    numeric:
      "{what} «{actual}» non è nella forma a due cifre separate da punti: va scritto «{expected}». La cella contiene un numero, e Excel toglie gli zeri iniziali e finali: scrivi il codice come testo.",
  },
  check(ctx) {
    for (const c of ctx.model.codes) {
      if (c.wellFormed) continue;
      ctx.report({ at: c.at, messageId: c.numeric ? 'numeric' : 'default', data: { what: WHAT[c.kind], actual: c.raw, expected: c.code }, expected: c.code, actual: c.raw });
    }
  },
};
