import { TextVia } from '../flags/plan';

/**
 * What this Excel can do, from its requirement sets (Office.context.requirements.isSetSupported),
 * checked when a command runs: the add-in adapts to it and tells the user what is missing.
 */
export interface Capabilities {
  /** ExcelApi 1.5: used ranges, custom XML parts (where flags are recorded). Without it nothing runs. */
  base: boolean;
  /** ExcelApi 1.13: merged areas, read so that merged cells are understood as the command line does. */
  merges: boolean;
  /** ExcelApi 1.9: fill pattern, pattern colour and tints, so a patterned fill is restored exactly. */
  fillPattern: boolean;
  /** ExcelApi 1.10: threaded comments (read, so they are never overwritten; written when notes are missing). */
  comments: boolean;
  /** ExcelApi 1.18: notes. */
  notes: boolean;
  /** ExcelApi 1.7: worksheet onChanged (live re-check) and frozen panes. */
  events: boolean;
  /** ExcelApi 1.7: whether the workbook structure is protected (no sheet can be added). */
  workbookProtection: boolean;
  /** ExcelApi 1.13: insertWorksheetsFromBase64 («Inserisci modello»). */
  insertSheets: boolean;
  /** Where the messages go in the grid. */
  via: TextVia;
}

export type IsSetSupported = (name: string, minVersion: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): Capabilities {
  const has = (v: string) => {
    try {
      return isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  const notes = has('1.18');
  const comments = has('1.10');
  return {
    base: has('1.5'),
    merges: has('1.13'),
    fillPattern: has('1.9'),
    comments,
    notes,
    events: has('1.7'),
    workbookProtection: has('1.7'),
    insertSheets: has('1.13'),
    via: notes ? 'note' : comments ? 'comment' : 'fill',
  };
}

/** Italian lines for what is missing, shown in the task pane. Empty on an up-to-date Excel. */
export function capabilityNotices(c: Capabilities): string[] {
  const out: string[] = [];
  if (!c.base) {
    out.push('Questa versione di Excel non supporta ExcelApi 1.5: il controllo non può essere eseguito. Aggiorna Excel (Microsoft 365, Excel 2019 o successivo, Excel sul web).');
    return out;
  }
  if (c.via === 'comment') out.push('Le note di Excel (ExcelApi 1.18) non sono disponibili: i messaggi sono scritti come commenti.');
  if (c.via === 'fill') out.push('Né note (ExcelApi 1.18) né commenti (ExcelApi 1.10) sono disponibili: le celle sono solo colorate; i messaggi sono nel riquadro.');
  if (!c.merges) out.push('Le celle unite non si possono leggere (serve ExcelApi 1.13): i risultati possono differire da quelli della riga di comando.');
  if (!c.fillPattern) out.push('Il motivo di riempimento non si può leggere (serve ExcelApi 1.9): "Pulisci segnalazioni" ripristina solo il colore di sfondo.');
  return out;
}
