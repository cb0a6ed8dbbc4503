import { placeOf } from '../model';
import { shorten } from '../text/normalise';
import { Rule } from './rule';

export const headerUnrecognised: Rule = {
  id: 'header-unrecognised',
  title: 'Colonna o foglio non riconosciuto',
  severity: 'info',
  docs: {
    it: 'Una colonna o un foglio non è stato riconosciuto: il suo contenuto non è stato usato (con le etichette viste).',
    en: 'A column or sheet could not be mapped: info, with the labels seen.',
  },
  messages: {
    column: 'Colonna «{label}» non riconosciuta: il suo contenuto non è stato usato.',
    sheet: 'Nessuna tabella riconosciuta nel foglio «{sheet}». Etichette viste: {labels}.',
    emptySheet: 'Il foglio «{sheet}» è vuoto.',
  },
  check(ctx) {
    for (const t of ctx.model.tables) {
      for (const c of t.columns) {
        // a column the officer's mapping says not to read is no surprise
        if (c.role !== null || !c.label.trim() || c.from === 'mapping') continue;
        ctx.report({ at: placeOf(t.grid, c.row, c.col), messageId: 'column', data: { label: shorten(c.label) }, actual: c.label });
      }
    }
    for (const s of ctx.model.unrecognisedSheets) {
      const at = { file: s.grid.file, sheet: s.grid.sheet, cell: 'A1' };
      if (s.labels.length === 0) ctx.report({ at, messageId: 'emptySheet', data: { sheet: s.grid.sheet } });
      else ctx.report({ at, messageId: 'sheet', data: { sheet: s.grid.sheet, labels: s.labels.map((l) => `«${shorten(l, 40)}»`).join(', ') }, actual: s.labels });
    }
  },
};
