import { OWNED_NAMESPACE, OwnedSheet, ownedXml, parseOwnedXml } from '../normalise/owned';
import { StoredPart, addParts, deleteParts, listParts, readPartsXml } from './custom-xml';
import { XlRequestContext } from './excel-api';

export interface LoadedOwned {
  sheets: OwnedSheet[];
  parts: StoredPart[];
}

/** The sheets «Normalizza» wrote, as recorded in the workbook (one sync; more when there is a record). */
export async function loadOwnedSheets(context: XlRequestContext): Promise<LoadedOwned> {
  const parts = await listParts(context, (ns) => ns === OWNED_NAMESPACE);
  if (parts.length === 0) return { sheets: [], parts };
  const read = await readPartsXml(context, parts);
  return { sheets: [...read.xml.values()].flatMap((x) => parseOwnedXml(x)), parts };
}

/** Replaces the record: the new part is added first, the old ones are deleted after. */
export async function saveOwnedSheets(context: XlRequestContext, sheets: readonly OwnedSheet[], previous: readonly StoredPart[]): Promise<void> {
  if (sheets.length) await addParts(context, [{ xml: ownedXml(sheets), namespace: OWNED_NAMESPACE }]);
  await deleteParts(context, previous);
}
