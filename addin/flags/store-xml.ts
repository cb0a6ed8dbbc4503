import { FlagRecord } from './records';
import { escapeXmlText, unescapeXml } from '../../importer/engine/text/xml-escape';

/**
 * The flag records travel in custom XML parts of the workbook: saved with the file, invisible in the
 * grid, ignored by the command line. Each sheet's records have parts of their own (namespace
 * `urn:piao:segnalazioni:1:foglio:<sheet id>`), each part one slice of them as JSON text inside
 * one element, so that no part nears the 5 MB Excel on the web accepts in a request or a response
 * and a re-check of one sheet rewrites that sheet's parts only. A save writes a new generation of
 * parts, then deletes the older ones, so an interrupted save never loses what was recorded. Parts
 * of the first version held every sheet under `urn:piao:segnalazioni:1`: they are still read, and
 * replaced by per-sheet parts at the next save.
 */
export const FLAG_NAMESPACE = 'urn:piao:segnalazioni:1';
const SHEET_PREFIX = `${FLAG_NAMESPACE}:foglio:`;
const ROOT = 'piaoSegnalazioni';

/** The namespace of one sheet's parts. */
export function sheetNamespace(sheetId: string): string {
  return SHEET_PREFIX + encodeURIComponent(sheetId);
}

/** The sheet id a namespace of ours names; null for the first version's namespace; undefined for any other. */
export function sheetIdOfNamespace(namespace: string): string | null | undefined {
  if (namespace === FLAG_NAMESPACE) return null;
  if (!namespace.startsWith(SHEET_PREFIX)) return undefined;
  try {
    return decodeURIComponent(namespace.slice(SHEET_PREFIX.length));
  } catch {
    return undefined;
  }
}

/** Characters of records per part: a part (escaped in the JSON of a request or a response) stays near 1.2 MB. */
export const MAX_PART_CHARS = 1_000_000;

export interface StorePart {
  generation: string;
  index: number;
  count: number;
  /** The sheet of every record of the part (per-sheet parts). */
  sheetId?: string;
  sheet?: string;
  records: FlagRecord[];
}

function partXml(part: StorePart, namespace: string): string {
  const json = JSON.stringify(part);
  return `<${ROOT} xmlns="${namespace}" versione="${part.sheetId === undefined ? 1 : 2}">${escapeXmlText(json)}</${ROOT}>`;
}

/** Splits the records into parts of at most `maxChars` characters each (at least one part, even when empty). */
export function storeParts(records: readonly FlagRecord[], generation: string, maxChars = MAX_PART_CHARS): string[] {
  const slices: FlagRecord[][] = [[]];
  let size = 0;
  for (const r of records) {
    const len = JSON.stringify(r).length + 1;
    if (size + len > maxChars && slices[slices.length - 1].length) {
      slices.push([]);
      size = 0;
    }
    slices[slices.length - 1].push(r);
    size += len;
  }
  return slices.map((s, index) => partXml({ generation, index, count: slices.length, records: s }, FLAG_NAMESPACE));
}

/** The parts of one sheet's records (at least one, even when empty): the records without their sheet, which the part names once. */
export function sheetStoreParts(sheet: { id: string; name: string }, records: readonly FlagRecord[], generation: string, maxChars = MAX_PART_CHARS): string[] {
  const slices: Omit<FlagRecord, 'sheet' | 'sheetId'>[][] = [[]];
  let size = 0;
  for (const r of records) {
    const { sheet: _sheet, sheetId: _id, ...rest } = r;
    const len = JSON.stringify(rest).length + 1;
    if (size + len > maxChars && slices[slices.length - 1].length) {
      slices.push([]);
      size = 0;
    }
    slices[slices.length - 1].push(rest);
    size += len;
  }
  const namespace = sheetNamespace(sheet.id);
  return slices.map((s, index) => partXml({ generation, index, count: slices.length, sheetId: sheet.id, sheet: sheet.name, records: s as FlagRecord[] }, namespace));
}

/**
 * Reads one part back. Excel may hand the XML back re-serialised (with a declaration, CDATA, other
 * quoting), so only the root element's text matters. Returns undefined for a part that is not ours
 * or is damaged.
 */
export function parsePart(xml: string): StorePart | undefined {
  const open = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${ROOT}\\b[^>]*>`).exec(xml);
  if (!open) return undefined;
  const close = xml.lastIndexOf('</');
  if (close < open.index + open[0].length) return undefined;
  let body = xml.slice(open.index + open[0].length, close);
  body = body.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, inner: string) => escapeXmlText(inner));
  try {
    const data = JSON.parse(unescapeXml(body)) as StorePart;
    if (typeof data.generation !== 'string' || !Array.isArray(data.records)) return undefined;
    if (typeof data.sheetId === 'string') data.records = data.records.map((r) => ({ ...r, sheet: data.sheet ?? '', sheetId: data.sheetId }));
    return data;
  } catch {
    return undefined;
  }
}

/** Among the parts found, the records of the newest complete generation, and the ids of every other part. */
export function pickGeneration(parts: readonly { id: string; part: StorePart | undefined }[]): { records: FlagRecord[]; current: string[]; stale: string[] } {
  const byGen = new Map<string, { id: string; part: StorePart }[]>();
  const stale: string[] = [];
  for (const p of parts) {
    if (!p.part) {
      stale.push(p.id);
      continue;
    }
    const list = byGen.get(p.part.generation) ?? [];
    list.push({ id: p.id, part: p.part });
    byGen.set(p.part.generation, list);
  }
  const complete = [...byGen.entries()]
    .filter(([, list]) => list.length === list[0].part.count && new Set(list.map((x) => x.part.index)).size === list.length)
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  const chosen = complete[0];
  for (const [gen, list] of byGen) if (!chosen || gen !== chosen[0]) stale.push(...list.map((x) => x.id));
  if (!chosen) return { records: [], current: [], stale };
  const records = chosen[1].sort((a, b) => a.part.index - b.part.index).flatMap((x) => x.part.records);
  return { records, current: chosen[1].map((x) => x.id), stale };
}

let sequence = 0;

/** A generation label that sorts by time, then by order of saves in this session: later saves win. */
export function newGeneration(now = Date.now()): string {
  sequence = (sequence + 1) % 1_000_000;
  return `${now.toString(36).padStart(10, '0')}-${sequence.toString(36).padStart(4, '0')}`;
}
