import { parseMapping, ParsedMapping } from '../../importer/engine/mapping/parse';
import { MappingSheet } from '../../importer/engine/mapping/schema';
import { MAPPING_NAMESPACE, mappingJsonOf, mappingXml } from '../mapping/mapping-xml';
import { StoredPart, addParts, deleteParts, listParts, readPartsXml } from './custom-xml';
import { XlRequestContext } from './excel-api';

export interface LoadedMapping extends ParsedMapping {
  parts: StoredPart[];
}

/**
 * The mapping kept in the workbook (one sync when there is none, as for every record of ours).
 * Entries name the workbook by the name it had when they were written: they are made to name it by
 * its name now, so that a copy saved under another name keeps its reading. A part that does not read
 * as a mapping is said (in `problems`) and left out.
 */
export async function loadWorkbookMapping(context: XlRequestContext, file: string): Promise<LoadedMapping> {
  const parts = await listParts(context, (ns) => ns === MAPPING_NAMESPACE);
  if (parts.length === 0) return { sheets: [], problems: [], parts };
  const read = await readPartsXml(context, parts);
  const out: LoadedMapping = { sheets: [], problems: [], parts };
  for (const xml of read.xml.values()) {
    try {
      const parsed = parseMapping(mappingJsonOf(xml), 'mappatura della cartella di lavoro');
      out.sheets.push(...parsed.sheets.map((s) => ({ ...s, file })));
      out.problems.push(...parsed.problems.map((p) => ({ ...p, ...(p.file ? { file } : {}) })));
    } catch (err) {
      out.problems.push({ message: (err as Error).message });
    }
  }
  return out;
}

/** Replaces the stored mapping (nothing stored when no sheet is mapped): the new part first, the old ones after. */
export async function saveWorkbookMapping(context: XlRequestContext, sheets: readonly MappingSheet[], previous: readonly StoredPart[]): Promise<void> {
  if (sheets.length) await addParts(context, [{ xml: mappingXml(sheets), namespace: MAPPING_NAMESPACE }]);
  await deleteParts(context, previous);
}
