import { FlagRecord } from './records';
import { escapeXmlText, unescapeXml } from '../../importer/engine/text/xml-escape';

/**
 * The flag records travel in custom XML parts of the workbook: saved with the file, invisible in the
 * grid, ignored by the command line. Each part holds one slice of the records as JSON text inside
 * one element; a save writes a new generation of parts, then deletes the older ones, so an
 * interrupted save never loses what was recorded.
 */
export const FLAG_NAMESPACE = 'urn:piao:segnalazioni:1';
const ROOT = 'piaoSegnalazioni';

/** Characters of records per part: well under the 5 MB request limit of Excel on the web. */
export const MAX_PART_CHARS = 1_000_000;

export interface StorePart {
  generation: string;
  index: number;
  count: number;
  records: FlagRecord[];
}

function partXml(part: StorePart): string {
  const json = JSON.stringify({ generation: part.generation, index: part.index, count: part.count, records: part.records });
  return `<${ROOT} xmlns="${FLAG_NAMESPACE}" versione="1">${escapeXmlText(json)}</${ROOT}>`;
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
  return slices.map((s, index) => partXml({ generation, index, count: slices.length, records: s }));
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
