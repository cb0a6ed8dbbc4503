import { Rule } from './rule';

/**
 * What a reader met in a file it could still read (mixed encodings, quotes never closed, a damaged
 * sheet skipped, cells beyond Excel's limits): the rest of the file was imported, and this says
 * where to look. Files that could not be read at all are `sources[].error`, not findings.
 */
export const readProblem: Rule = {
  id: 'read-problem',
  title: 'Problema nel file letto',
  severity: 'warning',
  docs: {
    it: 'Il file è stato letto, ma con un problema nel file stesso (codifica mista, virgolette non chiuse, un foglio danneggiato saltato): il resto è stato importato.',
    en: 'The file was read, with a problem in the file itself (mixed encodings, unclosed quotes, a damaged sheet skipped): the rest was imported.',
  },
  messages: { problem: '{text}' },
  check(ctx) {
    for (const s of ctx.model.sources) {
      const first = s.grids[0]?.sheet ?? '';
      for (const p of s.problems ?? []) {
        ctx.report({ at: { file: s.file, sheet: p.sheet ?? first, cell: p.cell ?? 'A1' }, messageId: 'problem', data: { text: p.message }, severity: p.severity });
      }
    }
  },
};
