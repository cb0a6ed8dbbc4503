import { CellMark } from './marks';
import { FLAG_FILL, composeNote, isFlagFill } from './look';
import { CellState, FillState, FlagRecord, cellKey } from './records';
import { normaliseText, textFingerprint } from './hash';

/** One change to one cell. The adapter applies these in batches; nothing else writes to the grid. */
export type Write =
  /** Our flag fill; `solid` also sets the pattern to Solid and the tint to 0 (ExcelApi 1.9), over a patterned fill. */
  | { op: 'fill'; sheet: string; cell: string; color: string; solid: boolean }
  | { op: 'restoreFill'; sheet: string; cell: string; fill: FillState }
  | { op: 'addNote' | 'setNote' | 'addComment' | 'setComment'; sheet: string; cell: string; text: string }
  | { op: 'deleteNote' | 'deleteComment'; sheet: string; cell: string };

/** How the messages reach the grid: notes (ExcelApi 1.18), threaded comments (1.10), or fill only. */
export type TextVia = 'note' | 'comment' | 'fill';

/** What "Pulisci segnalazioni" did, for the message the user reads. */
export interface ClearReport {
  /** Cells whose flag was removed (fill and/or note put back). */
  restored: number;
  /** Flagged cells whose value the user changed since: flags removed all the same, values untouched. */
  edited: number;
  /** Cells where the user changed the fill, note or comment we had put: left as the user left them. */
  keptUserChanges: number;
  /** Cells whose note or comment cannot be read on this Excel: their record stays for a later clean-up. */
  pending: number;
  /** Cells Excel refused to put back (their record stays, the next clean-up tries again). */
  failed: number;
  /** Cells put back as their colour only: their pattern or tint needs ExcelApi 1.9. */
  approximate: number;
}

export function emptyClearReport(): ClearReport {
  return { restored: 0, edited: 0, keptUserChanges: 0, pending: 0, failed: 0, approximate: 0 };
}

/**
 * The report of what was actually done: the plan's cells to put back, less those whose writes
 * Excel refused, with those it could put back only as a colour.
 */
export function settleReport(report: ClearReport, undone: readonly string[], applied: { failed: ReadonlySet<string>; approximate: ReadonlySet<string> }): ClearReport {
  const failed = undone.filter((k) => applied.failed.has(k)).length;
  return {
    ...report,
    restored: undone.length - failed,
    failed: report.failed + failed,
    approximate: report.approximate + undone.filter((k) => !applied.failed.has(k) && applied.approximate.has(k)).length,
  };
}

const same = (text: string | null | undefined, fingerprint: string) => text !== null && text !== undefined && textFingerprint(text) === fingerprint;

function restoreFillWrite(sheet: string, cell: string, prior: FillState): Write {
  return { op: 'restoreFill', sheet, cell, fill: prior };
}

/**
 * Undoes our flag on one cell, property by property: a fill, note or comment is put back only if it
 * is still the one we wrote; anything the user changed after the check stays as the user left it.
 * The cell's value is never touched. Returns what is left to undo later (notes not readable here).
 */
function undo(record: FlagRecord, now: CellState, writes: Write[], report: ClearReport, undone: string[]): FlagRecord | undefined {
  const { sheet, cell } = record;
  let touched = false;
  let keptUser = false;
  const left: FlagRecord = { ...record, fill: undefined, note: undefined, comment: undefined };
  if (record.fill) {
    if (isFlagFill(now.fill, record.fill.ours)) {
      writes.push(restoreFillWrite(sheet, cell, record.fill.prior));
      touched = true;
    } else keptUser = true;
  }
  if (record.note) {
    if (now.note === undefined) left.note = record.note;
    else if (same(now.note, record.note.ours)) {
      writes.push(record.note.prior !== null ? { op: 'setNote', sheet, cell, text: record.note.prior } : { op: 'deleteNote', sheet, cell });
      touched = true;
    } else keptUser = true;
  }
  if (record.comment) {
    if (now.comment === undefined) left.comment = record.comment;
    else if (same(now.comment, record.comment.ours)) {
      writes.push({ op: 'deleteComment', sheet, cell });
      touched = true;
    } else keptUser = true;
  }
  if (touched) {
    report.restored++;
    undone.push(cellKey(sheet, cell));
  }
  if (keptUser) report.keptUserChanges++;
  if (now.value !== record.value) report.edited++;
  if (left.note || left.comment) {
    report.pending++;
    return left;
  }
  return undefined;
}

export interface ClearPlan {
  writes: Write[];
  /** Cells the writes put back (keys): what the report counts once Excel has applied them. */
  undone: string[];
  /** Records still to be undone later (their note or comment cannot be read on this Excel). */
  left: FlagRecord[];
  report: ClearReport;
}

/** "Pulisci segnalazioni": from the records and the cells as they are now, the writes that undo our flags. */
export function planClear(records: readonly FlagRecord[], now: ReadonlyMap<string, CellState>): ClearPlan {
  const writes: Write[] = [];
  const left: FlagRecord[] = [];
  const undone: string[] = [];
  const report = emptyClearReport();
  for (const r of records) {
    const state = now.get(cellKey(r.sheet, r.cell));
    if (!state) continue;
    const rest = undo(r, state, writes, report, undone);
    if (rest) left.push(rest);
  }
  return { writes, undone, left, report };
}

export interface MarkPlan {
  writes: Write[];
  /** The records after marking, for the cells considered (flagged now, or still pending). */
  records: FlagRecord[];
  /** What was undone on cells flagged before and clean now. */
  cleared: ClearReport;
  /** Those cells (keys). */
  undone: string[];
  /** Anchor cells whose message could not go in a note or comment (the user's own comment is there). */
  fillOnly: number;
}

/**
 * "Controlla" over cells that may already carry our flags: cells flagged before and clean now are
 * undone as by "Pulisci"; cells to flag keep the state recorded the first time as their prior state
 * (for each property still ours), or take their current state as prior. The record of every flagged
 * cell is returned so it can be stored in the workbook BEFORE the writes are applied.
 */
export function planMarks(marks: readonly CellMark[], existing: readonly FlagRecord[], now: ReadonlyMap<string, CellState>, via: TextVia): MarkPlan {
  const writes: Write[] = [];
  const records: FlagRecord[] = [];
  const cleared = emptyClearReport();
  const undone: string[] = [];
  let fillOnly = 0;
  const before = new Map(existing.map((r) => [cellKey(r.sheet, r.cell), r]));
  const marked = new Set<string>();

  for (const m of marks) {
    const key = cellKey(m.sheet, m.cell);
    const state = now.get(key);
    if (!state) continue;
    marked.add(key);
    const old = before.get(key);
    const { sheet, cell } = m;
    const record: FlagRecord = { sheet, cell, value: state.value, severity: m.severity };
    if (old?.sheetId) record.sheetId = old.sheetId;

    const colour = FLAG_FILL[m.severity];
    const fillOurs = old?.fill !== undefined && isFlagFill(state.fill, old.fill.ours);
    record.fill = { prior: fillOurs && old?.fill ? old.fill.prior : state.fill, ours: colour };
    if (!isFlagFill(state.fill, colour)) writes.push({ op: 'fill', sheet, cell, color: colour, solid: state.fill.pattern !== undefined || state.fill.tintAndShade !== undefined });

    // Note: ours (written now or before) replaces the cell's note, which is kept below ours and restored later.
    const noteOurs = old?.note !== undefined && same(state.note, old.note.ours);
    const priorNote = noteOurs && old?.note ? old.note.prior : (state.note ?? null);
    const commentOurs = old?.comment !== undefined && same(state.comment, old.comment.ours);
    const userComment = state.comment !== undefined && state.comment !== null && !commentOurs;
    if (m.lines && via === 'note' && state.note !== undefined && !userComment) {
      const text = composeNote(m.lines, priorNote);
      if (state.note === null) writes.push({ op: 'addNote', sheet, cell, text });
      else if (normaliseText(state.note) !== normaliseText(text)) writes.push({ op: 'setNote', sheet, cell, text });
      record.note = { prior: priorNote, ours: textFingerprint(text) };
    } else if (noteOurs && old?.note) {
      writes.push(old.note.prior !== null ? { op: 'setNote', sheet, cell, text: old.note.prior } : { op: 'deleteNote', sheet, cell });
    } else if (old?.note && state.note === undefined) record.note = old.note; // not readable here: keep for later

    if (m.lines && via === 'comment' && state.comment !== undefined && !userComment) {
      const text = composeNote(m.lines, null);
      if (state.comment === null) writes.push({ op: 'addComment', sheet, cell, text });
      else if (normaliseText(state.comment) !== normaliseText(text)) writes.push({ op: 'setComment', sheet, cell, text });
      record.comment = { ours: textFingerprint(text) };
    } else if (commentOurs) {
      writes.push({ op: 'deleteComment', sheet, cell });
    } else if (old?.comment && state.comment === undefined) record.comment = old.comment;

    if (m.lines && !record.note && !record.comment) fillOnly++;
    records.push(record);
  }

  for (const old of existing) {
    const key = cellKey(old.sheet, old.cell);
    if (marked.has(key)) continue;
    const state = now.get(key);
    if (!state) {
      records.push(old);
      continue;
    }
    const rest = undo(old, state, writes, cleared, undone);
    if (rest) records.push(rest);
  }
  return { writes, records, cleared, undone, fillOnly };
}

/**
 * After a batch of writes failed halfway (Excel applies the writes before the failing one), what
 * we actually own on a cell: for each property, the version we meant to write, the version an
 * earlier check wrote, or nothing if neither is there. The record is rebuilt from the cell as it is.
 */
export function reconcile(planned: FlagRecord | undefined, old: FlagRecord | undefined, now: CellState): FlagRecord | undefined {
  const base = planned ?? old;
  if (!base) return undefined;
  const out: FlagRecord = { ...base, fill: undefined, note: undefined, comment: undefined };
  for (const r of [planned, old]) {
    if (!r) continue;
    if (!out.fill && r.fill && isFlagFill(now.fill, r.fill.ours)) out.fill = r.fill;
    if (!out.note && r.note && (now.note === undefined || same(now.note, r.note.ours))) out.note = r.note;
    if (!out.comment && r.comment && (now.comment === undefined || same(now.comment, r.comment.ours))) out.comment = r.comment;
  }
  return out.fill || out.note || out.comment ? out : undefined;
}
