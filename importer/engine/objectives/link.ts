import { ObjectiveDraft } from '../model';
import { normaliseLabel, similarity } from '../text/normalise';
import { levelFromDepth } from './levels';
import { depth } from './codes';

/**
 * Titles are compared on their first characters only: enough to tell two objectives apart, and an
 * edit distance over two cells of 32,767 characters (or a crafted file's megabyte) never runs.
 */
const TITLE_COMPARED = 2000;

/** Two titles say the same thing (case, accents, punctuation, a shortened or slightly edited copy). */
export function sameTitle(a: string, b: string): boolean {
  const x = normaliseLabel(a);
  const y = normaliseLabel(b);
  if (x === y) return true;
  if (!x || !y) return true;
  if (x.startsWith(y) || y.startsWith(x)) return Math.min(x.length, y.length) >= 12;
  return similarity(x.slice(0, TITLE_COMPARED), y.slice(0, TITLE_COMPARED)) >= 0.85;
}

/**
 * Ties the objectives of all tables of a dossier together:
 * - an objective listed again in another table with the same title is one objective (the first
 *   keeps its place, the copy fills what the first lacks);
 * - a parent known only by its code (a PEG sheet listing performance objectives) is looked up in
 *   every table; when no table holds any objective of the parent's level, the dossier simply does
 *   not carry that level and the parent is left empty;
 * - missione/programma missing on a row are taken from the nearest ancestor that has them
 *   (`programmeFrom` says where).
 */
export function linkObjectives(drafts: ObjectiveDraft[]): ObjectiveDraft[] {
  const kept: ObjectiveDraft[] = [];
  const byCode = new Map<string, ObjectiveDraft[]>();
  /** Copies dropped in favour of the first listing, for the children that point at them. */
  const replaced = new Map<ObjectiveDraft, ObjectiveDraft>();
  // an assigned code names an objective within its table only; a derived one is the cascade's code
  const linkable = (d: ObjectiveDraft) => !d.codeAssigned || d.codeDerived;
  for (const d of drafts) {
    const same = linkable(d) ? byCode.get(d.code)?.find((k) => k.table !== d.table && k.level === d.level && sameTitle(k.title, d.title)) : undefined;
    if (same) {
      replaced.set(d, same);
      same.structure ??= d.structure;
      same.indicator ??= d.indicator;
      same.target ??= d.target;
      same.weight ??= d.weight;
      if (!same.programme && d.programme) {
        same.programme = d.programme;
        same.programmeAt = d.programmeAt;
      }
      if (!same.mission && d.mission) {
        same.mission = d.mission;
        same.missionAt = d.missionAt;
      }
      if ((!same.parentCode || same.parentFrom === 'code') && d.parentCode && d.parentFrom !== 'code') {
        same.parentCode = d.parentCode;
        same.parentAt = d.parentAt;
        same.parentFrom = d.parentFrom;
      }
      continue;
    }
    kept.push(d);
    if (!linkable(d)) continue;
    const withCode = byCode.get(d.code);
    if (withCode) withCode.push(d);
    else byCode.set(d.code, [d]);
  }

  for (const o of kept) {
    const p = o.parentDraft && replaced.get(o.parentDraft);
    if (p) {
      o.parentDraft = p;
      o.parentCode = p.code;
      o.parentAt = p.at;
    }
  }

  const levelsPresent = new Set(kept.map((o) => o.level));
  for (const o of kept) {
    if (o.parentFrom !== 'code' || !o.parentCode) continue;
    const found = byCode.get(o.parentCode)?.[0];
    if (found) o.parentAt = found.at;
    else if (!levelsPresent.has(levelFromDepth(depth(o.parentCode)))) {
      o.parentCode = null;
      o.parentFrom = 'none';
    }
  }

  const parentOf = (o: ObjectiveDraft): ObjectiveDraft | undefined => o.parentDraft ?? (o.parentCode ? byCode.get(o.parentCode)?.[0] : undefined);
  for (const o of kept) {
    if (o.level === 'value' || o.level === 'mandate' || (o.programme && o.mission)) continue;
    const seen = new Set<ObjectiveDraft>([o]);
    let p = parentOf(o);
    while (p && !seen.has(p)) {
      seen.add(p);
      if (p.programme || p.mission) {
        if (!o.programme && p.programme && o.level !== 'strategic') {
          o.programme = p.programme;
          o.programmeFrom = p.programmeAt;
        }
        if (!o.mission && p.mission) {
          o.mission = p.mission;
          o.programmeFrom ??= p.missionAt;
        }
        break;
      }
      p = parentOf(p);
    }
  }
  return kept;
}
