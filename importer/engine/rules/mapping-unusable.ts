import { Rule } from './rule';

/**
 * An entry of the mapping given with `--mappa` (or kept in the workbook by the add-in) that could not
 * be applied to its sheet as written: an unknown role, a column beyond the sheet, a role a table
 * cannot be read without. The sheet was read by detection instead, and this says which entry to mend.
 */
export const mappingUnusable: Rule = {
  id: 'mapping-unusable',
  title: 'Voce della mappatura non applicabile',
  severity: 'warning',
  docs: {
    it: 'Una voce della mappatura indicata non si applica al suo foglio (ruolo sconosciuto, colonna fuori dal foglio, ruolo necessario mancante): il foglio è stato letto riconoscendo le colonne da sé.',
    en: 'An entry of the mapping given does not fit its sheet (unknown role, column beyond the sheet, a required role missing): the sheet was read by detection instead.',
  },
  messages: { problem: '{text}' },
  check(ctx) {
    for (const { problem, grid } of ctx.model.mappingProblems) {
      ctx.report({ at: { file: grid.file, sheet: grid.sheet, cell: `${problem.column ?? 'A'}1` }, messageId: 'problem', data: { text: problem.message } });
    }
  },
};
