import { Write } from '../flags/plan';
import { cellKey } from '../flags/records';
import { batchByWeight } from '../sheet/blocks';
import { XlRequestContext, XlWorksheet } from './excel-api';
import { isPayloadError } from './errors';

/** Estimated request bytes per sync: 1.5 MB, well under the 5 MB limit of Excel on the web. */
export const WRITE_BYTES_PER_SYNC = 1_500_000;

/** A write's share of a request: the call itself, plus its text (UTF-8, escaped, counted twice to be safe). */
export const writeWeight = (w: Write) => 150 + ('text' in w ? 2 * w.text.length : 0);
const isFill = (w: Write) => w.op === 'fill' || w.op === 'restoreFill';

export interface ApplyResult {
  /** Cells some of whose writes did not happen (their records must be kept). */
  failed: Set<string>;
  /** Notes or comments that Excel refused (for instance a comment over a note on an older Excel). */
  textsRefused: number;
  firstError?: unknown;
  syncs: number;
}

function queue(ws: XlWorksheet, w: Write): void {
  switch (w.op) {
    case 'fill': {
      const fill = ws.getRange(w.cell).format.fill;
      fill.color = w.color;
      if (w.solid) {
        fill.pattern = 'Solid';
        fill.tintAndShade = 0;
      }
      return;
    }
    case 'restoreFill': {
      const fill = ws.getRange(w.cell).format.fill;
      const p = w.fill;
      if (p.pattern === 'None' || (p.pattern === undefined && p.color.toUpperCase() === '#FFFFFF')) {
        fill.clear();
        return;
      }
      fill.color = p.color;
      if (p.pattern !== undefined) fill.pattern = p.pattern;
      if (p.patternColor !== undefined) fill.patternColor = p.patternColor;
      if (p.tintAndShade !== undefined) fill.tintAndShade = p.tintAndShade;
      if (p.patternTintAndShade !== undefined) fill.patternTintAndShade = p.patternTintAndShade;
      return;
    }
    case 'addNote':
      ws.notes.add(ws.getRange(w.cell), w.text);
      return;
    case 'setNote':
      ws.notes.getItem(w.cell).content = w.text;
      return;
    case 'deleteNote':
      ws.notes.getItem(w.cell).delete();
      return;
    case 'addComment':
      ws.comments.add(ws.getRange(w.cell), w.text);
      return;
    case 'setComment':
      ws.comments.getItemByCell(ws.getRange(w.cell)).content = w.text;
      return;
    case 'deleteComment':
      ws.comments.getItemByCell(ws.getRange(w.cell)).delete();
      return;
  }
}

/**
 * Applies a plan of writes in batches, one sync per batch. A batch refused for its size is split; a
 * batch Excel refuses otherwise is retried with its fills only (fills are idempotent, notes and
 * comments are not), and its cells are reported so their records are kept.
 */
export async function applyWrites(context: XlRequestContext, writes: readonly Write[], bytesPerSync = WRITE_BYTES_PER_SYNC): Promise<ApplyResult> {
  const result: ApplyResult = { failed: new Set(), textsRefused: 0, syncs: 0 };
  const sheets = new Map<string, XlWorksheet>();
  const sheet = (name: string) => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheets.set(name, ws);
    }
    return ws;
  };
  const pending: Write[][] = batchByWeight(writes, writeWeight, bytesPerSync);
  while (pending.length) {
    const batch = pending.shift()!;
    for (const w of batch) queue(sheet(w.sheet), w);
    try {
      result.syncs++;
      await context.sync();
      continue;
    } catch (err) {
      if (isPayloadError(err) && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        pending.unshift(batch.slice(0, half), batch.slice(half));
        continue;
      }
      result.firstError ??= err;
    }
    for (const w of batch) result.failed.add(cellKey(w.sheet, w.cell));
    const texts = batch.filter((w) => !isFill(w)).length;
    const fills = batch.filter(isFill);
    result.textsRefused += texts;
    if (texts === 0 || fills.length === 0) continue;
    for (const w of fills) queue(sheet(w.sheet), w);
    try {
      result.syncs++;
      await context.sync();
    } catch (err) {
      result.firstError ??= err;
    }
  }
  return result;
}
