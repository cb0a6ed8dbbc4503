/**
 * The flag records kept in the workbook (what each flagged cell looked like before), per sheet:
 * see flags/store-xml.ts for the parts, custom-xml.ts for how they travel. A check or a re-check
 * loads and saves the records of the sheets it flags only; «Pulisci segnalazioni» loads them all.
 * However many cells are flagged, every sync stays under Excel on the web's 5 MB, so the records
 * can always be read and the flags always removed.
 */
import { normaliseFill } from '../flags/fill';
import { FlagRecord } from '../flags/records';
import { FLAG_NAMESPACE, newGeneration, parsePart, pickGeneration, sheetIdOfNamespace, sheetNamespace, sheetStoreParts, storeParts } from '../flags/store-xml';
import { XlRequestContext } from './excel-api';
import { StoredPart, addParts, deleteParts, listParts, readPartsXml } from './custom-xml';

export interface LoadedStore {
  /** The records of the sheets loaded (every sheet when `all`). */
  records: FlagRecord[];
  /** Every sheet's records were loaded (the first version's parts, which hold every sheet, force it). */
  all: boolean;
  /** The parts read, to be replaced by the next save. */
  parts: StoredPart[];
  /** Parts that could not be read: left in place, their records are not in `records`. */
  unreadable: number;
}

/** Our parts: the first version's (null) and the per-sheet ones (their sheet id). */
const ours = (namespace: string) => sheetIdOfNamespace(namespace) !== undefined;

/**
 * Reads the records of some sheets (by id), or of every sheet when `sheetIds` is omitted. One
 * sync to list the parts, then the parts a few per sync.
 */
export async function loadFlagStore(context: XlRequestContext, sheetIds?: ReadonlySet<string>): Promise<LoadedStore> {
  const listed = await listParts(context, ours);
  const legacy = listed.filter((p) => p.namespace === FLAG_NAMESPACE);
  // the first version's parts hold every sheet: read everything, the next save splits them
  const all = sheetIds === undefined || legacy.length > 0;
  const wanted = all ? listed : listed.filter((p) => sheetIds!.has(sheetIdOfNamespace(p.namespace) as string));
  const read = await readPartsXml(context, wanted);
  const unreadable = new Set(read.unreadable);
  const readable = wanted.filter((p) => !unreadable.has(p.id));

  // the newest complete generation of each sheet's parts; the first version's records fill in sheets without parts of their own
  const bySheet = new Map<string | null, StoredPart[]>();
  for (const p of readable) {
    const key = sheetIdOfNamespace(p.namespace) as string | null;
    bySheet.set(key, [...(bySheet.get(key) ?? []), p]);
  }
  const records: FlagRecord[] = [];
  const covered = new Set<string>();
  for (const [key, parts] of bySheet) {
    if (key === null) continue;
    covered.add(key);
    records.push(...pickGeneration(parts.map((p) => ({ id: p.id, part: parsePart(read.xml.get(p.id)!) }))).records);
  }
  if (bySheet.has(null)) {
    const old = pickGeneration(bySheet.get(null)!.map((p) => ({ id: p.id, part: parsePart(read.xml.get(p.id)!) }))).records;
    records.push(...old.filter((r) => r.sheetId === undefined || !covered.has(r.sheetId)));
  }
  for (const r of records) if (r.fill) r.fill = { ...r.fill, prior: normaliseFill(r.fill.prior) };
  return { records, all, parts: readable, unreadable: unreadable.size };
}

/**
 * Replaces the records of the sheets loaded with `records` (each carrying its sheet id and name):
 * each sheet's new parts are written first, the parts read before are deleted after, so an
 * interruption leaves either the old or the new records, never none. Returns the store as saved,
 * for a later save in the same run.
 */
export async function saveFlagStore(context: XlRequestContext, loaded: LoadedStore, records: readonly FlagRecord[]): Promise<LoadedStore> {
  const bySheet = new Map<string, { name: string; records: FlagRecord[] }>();
  const loose: FlagRecord[] = [];
  for (const r of records) {
    if (r.sheetId === undefined) {
      loose.push(r);
      continue;
    }
    const entry = bySheet.get(r.sheetId) ?? { name: r.sheet, records: [] };
    entry.records.push(r);
    bySheet.set(r.sheetId, entry);
  }
  const generation = newGeneration();
  const parts: { xml: string; namespace: string }[] = [];
  for (const [id, entry] of bySheet) {
    if (entry.records.length) parts.push(...sheetStoreParts({ id, name: entry.name }, entry.records, generation).map((xml) => ({ xml, namespace: sheetNamespace(id) })));
  }
  // a record without sheet id (a sheet Excel gave no id for): kept as the first version kept it
  if (loose.length) parts.push(...storeParts(loose, generation).map((xml) => ({ xml, namespace: FLAG_NAMESPACE })));
  const written = await addParts(context, parts);
  await deleteParts(context, loaded.parts);
  return { ...loaded, records: [...records], parts: written };
}
