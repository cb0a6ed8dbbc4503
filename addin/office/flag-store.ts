import { FlagRecord } from '../flags/records';
import { FLAG_NAMESPACE, newGeneration, parsePart, pickGeneration, storeParts } from '../flags/store-xml';
import { batchByWeight } from '../sheet/blocks';
import { XlCustomXmlPart, XlRequestContext } from './excel-api';

export interface LoadedStore {
  records: FlagRecord[];
  /** Every part of our namespace found, to be replaced by the next save. */
  parts: XlCustomXmlPart[];
}

/** Reads the flag records kept in the workbook (two syncs; one when there are none). */
export async function loadFlagStore(context: XlRequestContext): Promise<LoadedStore> {
  const found = context.workbook.customXmlParts.getByNamespace(FLAG_NAMESPACE);
  found.load('items/id');
  await context.sync();
  const parts = [...found.items];
  if (parts.length === 0) return { records: [], parts };
  const xml = parts.map((p) => p.getXml());
  await context.sync();
  const { records } = pickGeneration(parts.map((p, i) => ({ id: p.id, part: parsePart(xml[i].value) })));
  return { records, parts };
}

/** Characters of XML written per sync. */
const XML_CHARS_PER_SYNC = 2_000_000;

/**
 * Replaces the records kept in the workbook: the new generation is written first, the old parts
 * are deleted after, so an interruption leaves either the old or the new records, never none.
 */
export async function saveFlagStore(context: XlRequestContext, records: readonly FlagRecord[], previous: readonly XlCustomXmlPart[]): Promise<XlCustomXmlPart[]> {
  const written: XlCustomXmlPart[] = [];
  if (records.length) {
    const xmls = storeParts(records, newGeneration());
    for (const batch of batchByWeight(xmls, (x) => x.length, XML_CHARS_PER_SYNC)) {
      for (const xml of batch) written.push(context.workbook.customXmlParts.add(xml));
      await context.sync();
    }
  }
  if (previous.length) {
    for (const p of previous) p.delete();
    await context.sync();
  }
  return written;
}
