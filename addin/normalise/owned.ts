/**
 * Which sheets «Normalizza» wrote: recorded in the workbook (a custom XML part of its own
 * namespace) by sheet id, so that a later run replaces exactly those sheets, even renamed, and
 * never a sheet of the user's, even one with the same name.
 */
import { escapeXmlAttr, unescapeXml } from '../../importer/engine/text/xml-escape';

export const OWNED_NAMESPACE = 'urn:piao:normalizza:1';

export interface OwnedSheet {
  /** What the sheet holds: a key of DATA_SHEETS or "pap". */
  key: string;
  id: string;
}


export function ownedXml(sheets: readonly OwnedSheet[]): string {
  const items = sheets.map((s) => `<foglio chiave="${escapeXmlAttr(s.key)}" id="${escapeXmlAttr(s.id)}"/>`).join('');
  return `<fogliNormalizzati xmlns="${OWNED_NAMESPACE}">${items}</fogliNormalizzati>`;
}

/** The sheets listed in a part; anything unreadable is ignored (the sheets are then left alone). */
export function parseOwnedXml(xml: string): OwnedSheet[] {
  const out: OwnedSheet[] = [];
  for (const m of xml.matchAll(/<foglio\s+chiave="([^"]*)"\s+id="([^"]*)"\s*\/>/g)) out.push({ key: unescapeXml(m[1]), id: unescapeXml(m[2]) });
  return out;
}
