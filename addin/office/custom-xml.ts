/**
 * The add-in's records in the workbook: custom XML parts (ExcelApi 1.5), saved with the file,
 * invisible in the grid. This module only moves parts in and out, in syncs that stay under the
 * 5 MB Excel on the web accepts in a request and in a response: the XML of a part is read only
 * when asked for, a few parts a sync, and a sync refused for its size is split. The stores built
 * on it (the flag records in flag-store.ts, the sheets «Normalizza» wrote in owned-store.ts) keep
 * each part well under a megabyte.
 */
import { XlCustomXmlPart, XlRequestContext } from './excel-api';
import { errorCode, isPayloadError } from './errors';
import { RESPONSE_BYTES_PER_SYNC, textBytes } from './payload';
import { batchByWeight } from '../sheet/blocks';

export interface StoredPart {
  id: string;
  namespace: string;
  part: XlCustomXmlPart;
}

/** Request bytes of new parts per sync (a part is one call with its XML as the argument). */
export const XML_REQUEST_BYTES_PER_SYNC = 3_500_000;
/** What the stores keep a part under, as it travels in a response: how many parts are read per sync. */
export const PART_RESPONSE_BYTES = 1_300_000;

/** The parts whose namespace `accept` takes, without their XML: one sync for the whole workbook. */
export async function listParts(context: XlRequestContext, accept: (namespace: string) => boolean): Promise<StoredPart[]> {
  const all = context.workbook.customXmlParts;
  all.load('items/id,items/namespaceUri');
  await context.sync();
  return all.items.filter((p) => accept(p.namespaceUri)).map((p) => ({ id: p.id, namespace: p.namespaceUri, part: p }));
}

export interface ReadXml {
  /** The XML of each part read, by id. */
  xml: Map<string, string>;
  /** Parts Excel would not send even alone (over its response limit), or that vanished meanwhile. */
  unreadable: string[];
}

/**
 * The XML of some parts, a few per sync (PART_RESPONSE_BYTES each, RESPONSE_BYTES_PER_SYNC in
 * all); when Excel refuses a sync for its size the batch is halved, and a part refused alone is
 * reported as unreadable rather than failing the rest.
 */
export async function readPartsXml(context: XlRequestContext, parts: readonly StoredPart[]): Promise<ReadXml> {
  const out: ReadXml = { xml: new Map(), unreadable: [] };
  let perSync = Math.max(1, Math.floor(RESPONSE_BYTES_PER_SYNC / PART_RESPONSE_BYTES));
  let queue = [...parts];
  while (queue.length) {
    const batch = queue.slice(0, perSync);
    const results = batch.map((p) => p.part.getXml());
    try {
      await context.sync();
    } catch (err) {
      if (!isPayloadError(err) && errorCode(err) !== 'ItemNotFound') throw err;
      if (batch.length > 1) {
        perSync = Math.max(1, Math.floor(batch.length / 2));
        continue;
      }
      out.unreadable.push(batch[0].id);
      queue = queue.slice(1);
      continue;
    }
    batch.forEach((p, i) => out.xml.set(p.id, results[i].value));
    queue = queue.slice(batch.length);
  }
  return out;
}

/** Adds parts (each with the namespace its XML declares), as many a sync as fit the request budget. */
export async function addParts(context: XlRequestContext, parts: readonly { xml: string; namespace: string }[]): Promise<StoredPart[]> {
  const out: StoredPart[] = [];
  for (const batch of batchByWeight(parts, (x) => textBytes(x.xml) + 400, XML_REQUEST_BYTES_PER_SYNC)) {
    const added = batch.map((x) => {
      const part = context.workbook.customXmlParts.add(x.xml);
      part.load('id');
      return { part, namespace: x.namespace };
    });
    await context.sync();
    out.push(...added.map((a) => ({ id: a.part.id, namespace: a.namespace, part: a.part })));
  }
  return out;
}

/** Deletes parts (one sync; nothing when there are none). */
export async function deleteParts(context: XlRequestContext, parts: readonly StoredPart[]): Promise<void> {
  if (!parts.length) return;
  for (const p of parts) p.part.delete();
  await context.sync();
}
