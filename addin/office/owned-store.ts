import { OWNED_NAMESPACE, OwnedSheet, ownedXml, parseOwnedXml } from '../normalise/owned';
import { XlCustomXmlPart, XlRequestContext } from './excel-api';

export interface LoadedOwned {
  sheets: OwnedSheet[];
  parts: XlCustomXmlPart[];
}

/** The sheets «Normalizza» wrote, as recorded in the workbook (one sync; two when there is a record). */
export async function loadOwnedSheets(context: XlRequestContext): Promise<LoadedOwned> {
  const found = context.workbook.customXmlParts.getByNamespace(OWNED_NAMESPACE);
  found.load('items/id');
  await context.sync();
  const parts = [...found.items];
  if (parts.length === 0) return { sheets: [], parts };
  const xml = parts.map((p) => p.getXml());
  await context.sync();
  return { sheets: xml.flatMap((x) => parseOwnedXml(x.value)), parts };
}

/** Replaces the record: the new part is added first, the old ones are deleted after (one sync). */
export async function saveOwnedSheets(context: XlRequestContext, sheets: readonly OwnedSheet[], previous: readonly XlCustomXmlPart[]): Promise<void> {
  if (sheets.length) context.workbook.customXmlParts.add(ownedXml(sheets));
  for (const p of previous) p.delete();
  if (sheets.length || previous.length) await context.sync();
}
