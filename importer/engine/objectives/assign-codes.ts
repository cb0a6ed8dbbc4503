import { ObjectiveDraft } from '../model';
import { normaliseLabel } from '../text/normalise';
import { codeParent } from './codes';

/**
 * Codes for objectives whose table prints none of the cascade (`codeAssigned`), decided once every
 * table of the dossier is read, so that they are stable (the same file gives the same codes) and
 * unique within their file:
 * - an ancestor whose children carry real codes takes the code they derive from
 *   ("Riscossione" above 01.01.01.01 and 01.01.01.02 is 01.01.01);
 * - an objective under an objective of the same table: its parent's code, a dot, then its own
 *   number when the siblings' numbers are unique, else its place among them ("1.2", "1.2.3");
 * - the others, per file: their own number or reference («n. 3» -> "3", «AA2/B») when unique in the
 *   file; else, when the objectives are listed in several structure blocks, the block's place and
 *   the number within it ("2.3": third of the second block); else their place ("1", "2", ...).
 * Finally every parent reference to an objective of the same table takes its parent's code.
 */
export function assignCodes(drafts: readonly ObjectiveDraft[]): void {
  const children = new Map<ObjectiveDraft, ObjectiveDraft[]>();
  for (const d of drafts) {
    if (!d.parentDraft) continue;
    const list = children.get(d.parentDraft);
    if (list) list.push(d);
    else children.set(d.parentDraft, [d]);
  }

  // ancestors named by their children's codes, deepest first
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    if (!d.codeAssigned || d.code) continue;
    const derived = derivedCode(children.get(d) ?? []);
    if (derived) {
      d.code = derived;
      d.codeDerived = true;
    }
  }

  // objectives of no parent of their table: per file
  const byFile = new Map<string, ObjectiveDraft[]>();
  for (const d of drafts) {
    if (!d.codeAssigned || d.code || d.parentDraft) continue;
    const file = d.table.grid.file;
    const list = byFile.get(file);
    if (list) list.push(d);
    else byFile.set(file, [d]);
  }
  for (const list of byFile.values()) numberTopLevel(list);

  // objectives under one of their table: the parent's code, then their number among siblings
  for (const d of drafts) {
    const siblings = d.parentDraft ? children.get(d.parentDraft) : undefined;
    if (!siblings || siblings[0] !== d) continue;
    const codeless = siblings.filter((s) => s.codeAssigned && !s.code);
    const own = uniqueRefs(codeless);
    // under a code of the cascade (01.02), numbers take its two-digit form (01.02.03)
    const parent = d.parentDraft!;
    const pad = !parent.codeAssigned && /^\d{2}(\.\d{2})*$/.test(parent.code);
    const form = (n: string) => (pad && /^\d{1,2}$/.test(n) ? n.padStart(2, '0') : n);
    codeless.forEach((s, k) => (s.code = `${parent.code}.${form(own ? s.ownRef! : String(k + 1))}`));
  }
  // a child read before its parent got a code (ancestors are always read first, so only the order above matters)
  for (const d of drafts) {
    if (!d.parentDraft) continue;
    d.parentCode = d.parentDraft.code;
    d.parentAt = d.parentDraft.at;
  }
}

/** The code most children derive from, when most of them carry real codes of one parent. */
function derivedCode(kids: ObjectiveDraft[]): string | undefined {
  const coded = kids.filter((k) => !k.codeAssigned || k.codeDerived);
  if (coded.length === 0 || coded.length * 2 < kids.length) return undefined;
  const counts = new Map<string, number>();
  for (const k of coded) {
    const p = codeParent(k.code);
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  for (const [p, c] of counts) if (c > n) [best, n] = [p, c];
  return best && n * 2 > coded.length ? best : undefined;
}

function uniqueRefs(list: ObjectiveDraft[]): boolean {
  if (list.some((d) => d.ownRef === undefined)) return false;
  return new Set(list.map((d) => d.ownRef)).size === list.length;
}

/** A block of a file: the heading it sits under in its table, and its structure. */
function blockKey(d: ObjectiveDraft): string {
  return `${d.table.grid.sheet}\u0000${d.table.range.top}\u0000${d.block?.seq ?? 0}\u0000${normaliseLabel(d.structure ?? '')}`;
}

function numberTopLevel(list: ObjectiveDraft[]): void {
  if (uniqueRefs(list)) {
    for (const d of list) d.code = d.ownRef!;
    return;
  }
  const blocks = new Map<string, ObjectiveDraft[]>();
  for (const d of list) {
    const k = blockKey(d);
    const b = blocks.get(k);
    if (b) b.push(d);
    else blocks.set(k, [d]);
  }
  // blocks of one objective each number nothing: a plain progressive reads better
  const ordered = blocks.size > 1 && [...blocks.values()].some((b) => b.length > 1) ? [...blocks.values()] : [list];
  ordered.forEach((block, b) => {
    const own = uniqueRefs(block);
    block.forEach((d, k) => {
      const n = own ? d.ownRef! : String(k + 1);
      d.code = ordered.length > 1 ? `${b + 1}.${n}` : n;
    });
  });
}
