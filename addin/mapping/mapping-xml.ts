/**
 * The mapping the officer set in the pane («Come sono stati letti i fogli»), kept in the workbook
 * (a custom XML part of its own namespace): the entries of mappatura.json for the sheets whose
 * reading was corrected, as JSON text, so that the next «Controlla» of this workbook, even after it
 * was saved and reopened, reads those sheets the same way.
 */
import { escapeXmlText, unescapeXml } from '../../importer/engine/text/xml-escape';
import { MAPPING_VERSION, MappingSheet } from '../../importer/engine/mapping/schema';

export const MAPPING_NAMESPACE = 'urn:piao:mappatura:1';

export function mappingXml(sheets: readonly MappingSheet[]): string {
  const json = JSON.stringify({ mappingVersion: MAPPING_VERSION, sheets });
  return `<mappatura xmlns="${MAPPING_NAMESPACE}">${escapeXmlText(json)}</mappatura>`;
}

/** The mappatura.json text a part holds ('' when the part is not one of ours). */
export function mappingJsonOf(xml: string): string {
  const m = /<mappatura\b[^>]*>([\s\S]*)<\/mappatura>/.exec(xml);
  return m ? unescapeXml(m[1]) : '';
}
