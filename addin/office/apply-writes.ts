import { Write } from '../flags/plan';
import { colourIsEnough, isNoFill } from '../flags/fill';
import { cellKey } from '../flags/records';
import { batchByWeight } from '../sheet/blocks';
import { Capabilities } from './capabilities';
import { XlRequestContext, XlWorksheet } from './excel-api';
import { isPayloadError } from './errors';
import { REQUEST_BYTES_PER_SYNC, requestBytes, textBytes } from './payload';

/** Estimated request bytes per sync for the writes (see payload.ts). */
export const WRITE_BYTES_PER_SYNC = REQUEST_BYTES_PER_SYNC;

/**
 * A write's share of a request: the objects it makes (the cell's Range, its format and fill, a
 * Note or Comment) and its calls, with its text.
 */
export function writeWeight(w: Write): number {
  switch (w.op) {
    case 'fill':
      return requestBytes(3, 3, 40);
    case 'restoreFill':
      return requestBytes(3, 5, 80);
    case 'addNote':
    case 'addComment':
      return requestBytes(2, 1, textBytes(w.text) + 20);
    case 'setNote':
    case 'setComment':
      return requestBytes(2, 1, textBytes(w.text) + 20);
    default:
      return requestBytes(2, 1, 20);
  }
}

const isFill = (w: Write) => w.op === 'fill' || w.op === 'restoreFill';

export interface ApplyResult {
  /** Cells some of whose writes did not happen (their records must be kept). */
  failed: Set<string>;
  /** Cells whose fill did not happen (not flagged, or not put back). */
  fillsFailed: Set<string>;
  /** Cells whose fill could only be put back as a colour: the pattern and tints need ExcelApi 1.9. */
  approximate: Set<string>;
  /** Notes or comments that Excel refused (for instance a comment over a note on an older Excel). */
  textsRefused: number;
  firstError?: unknown;
  syncs: number;
}

/**
 * Queues one write, each property gated by the requirement set it needs: the fill's colour and
 * `clear()` (ExcelApi 1.1), its pattern, pattern colour and tints (1.9), notes (1.18), comments
 * (1.10). Returns false for a write this Excel cannot make at all (its cell keeps its record),
 * 'approximate' for a fill put back as its colour only.
 */
function queue(ws: XlWorksheet, w: Write, caps: Capabilities): boolean | 'approximate' {
  switch (w.op) {
    case 'fill': {
      const fill = ws.getRange(w.cell).format.fill;
      fill.color = w.color;
      if (w.solid && caps.fillPattern) {
        fill.pattern = 'Solid';
        fill.tintAndShade = 0;
      }
      return true;
    }
    case 'restoreFill': {
      const fill = ws.getRange(w.cell).format.fill;
      const p = w.fill;
      // "no fill" is cleared, whatever pattern and tint read as: a white colour would be a white fill
      if (isNoFill(p)) {
        fill.clear();
        return true;
      }
      fill.color = p.color;
      if (!caps.fillPattern) return colourIsEnough(p) ? true : 'approximate';
      if (p.pattern !== undefined) fill.pattern = p.pattern;
      if (p.patternColor !== undefined) fill.patternColor = p.patternColor;
      if (p.tintAndShade !== undefined) fill.tintAndShade = p.tintAndShade;
      if (p.patternTintAndShade !== undefined) fill.patternTintAndShade = p.patternTintAndShade;
      return true;
    }
    case 'addNote':
      if (!caps.notes) return false;
      ws.notes.add(ws.getRange(w.cell), w.text);
      return true;
    case 'setNote':
      if (!caps.notes) return false;
      ws.notes.getItem(w.cell).content = w.text;
      return true;
    case 'deleteNote':
      if (!caps.notes) return false;
      ws.notes.getItem(w.cell).delete();
      return true;
    case 'addComment':
      if (!caps.comments) return false;
      ws.comments.add(ws.getRange(w.cell), w.text);
      return true;
    case 'setComment':
      if (!caps.comments) return false;
      ws.comments.getItemByCell(ws.getRange(w.cell)).content = w.text;
      return true;
    case 'deleteComment':
      if (!caps.comments) return false;
      ws.comments.getItemByCell(ws.getRange(w.cell)).delete();
      return true;
  }
}

/**
 * Applies a plan of writes in batches, one sync per batch, each write as far as this Excel can
 * make it (see `queue`). A batch refused for its size is split; a batch Excel refuses otherwise is
 * retried with its fills only (fills are idempotent, notes and comments are not), and its cells
 * are reported so their records are kept. What the pane says comes from this result, not from
 * the plan.
 */
export async function applyWrites(context: XlRequestContext, writes: readonly Write[], caps: Capabilities, bytesPerSync = WRITE_BYTES_PER_SYNC): Promise<ApplyResult> {
  const result: ApplyResult = { failed: new Set(), fillsFailed: new Set(), approximate: new Set(), textsRefused: 0, syncs: 0 };
  const sheets = new Map<string, XlWorksheet>();
  const sheet = (name: string) => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheets.set(name, ws);
    }
    return ws;
  };
  const put = (w: Write, approximate: Set<string>) => {
    const done = queue(sheet(w.sheet), w, caps);
    if (done === false) result.failed.add(cellKey(w.sheet, w.cell));
    if (done === 'approximate') approximate.add(cellKey(w.sheet, w.cell));
  };
  const pending: Write[][] = batchByWeight(writes, writeWeight, bytesPerSync);
  while (pending.length) {
    const batch = pending.shift()!;
    const approximate = new Set<string>();
    for (const w of batch) put(w, approximate);
    try {
      result.syncs++;
      await context.sync();
      for (const k of approximate) result.approximate.add(k);
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
    const fillKeys = fills.map((w) => cellKey(w.sheet, w.cell));
    if (texts === 0 || fills.length === 0) {
      for (const k of fillKeys) result.fillsFailed.add(k);
      continue;
    }
    const retried = new Set<string>();
    for (const w of fills) put(w, retried);
    try {
      result.syncs++;
      await context.sync();
      for (const k of retried) result.approximate.add(k);
    } catch (err) {
      result.firstError ??= err;
      for (const k of fillKeys) result.fillsFailed.add(k);
    }
  }
  return result;
}
