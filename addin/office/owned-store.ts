import { OWNED_NAMESPACE, OwnedSheet, ownedXml, parseOwnedXml } from '../normalise/owned';
import { StoredPart, addParts, deleteParts, listParts, readPartsXml } from './custom-xml';
import { XlRequestContext, XlWorksheet } from './excel-api';

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

/** The workbook's sheets seen by one of the add-in's writers: its own (by key), and all the others. */
export interface OwnedSurvey {
  owned: LoadedOwned;
  /** Every sheet the add-in wrote, whatever the writer: never read as the user's data. */
  ownedIds: Set<string>;
  /** The sheets this writer wrote before (its keys), which it replaces. */
  mine: XlWorksheet[];
  /** Names of every other sheet (the user's and the other writer's): names to avoid. */
  otherNames: string[];
  /** Names of the Excel tables on those sheets. */
  otherTables: string[];
}

/** Sheets and tables of the workbook now, and which of them a writer (`keys`) owns. */
export async function surveyOwned(context: XlRequestContext, keys: ReadonlySet<string>): Promise<OwnedSurvey> {
  const owned = await loadOwnedSheets(context);
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  await context.sync();
  for (const ws of sheets.items) ws.tables.load('items/name');
  await context.sync();
  const ownedIds = new Set(owned.sheets.map((s) => s.id));
  const mineIds = new Set(owned.sheets.filter((s) => keys.has(s.key)).map((s) => s.id));
  const mine = sheets.items.filter((ws) => mineIds.has(ws.id));
  const others = sheets.items.filter((ws) => !mineIds.has(ws.id));
  return { owned, ownedIds, mine, otherNames: others.map((ws) => ws.name), otherTables: others.flatMap((ws) => ws.tables.items.map((t) => t.name)) };
}

/** Records a writer's new sheets, keeping the record of the other writer's sheets. */
export async function recordOwned(context: XlRequestContext, survey: OwnedSurvey, keys: ReadonlySet<string>, written: readonly OwnedSheet[]): Promise<void> {
  const kept = survey.owned.sheets.filter((s) => !keys.has(s.key));
  await saveOwnedSheets(context, [...kept, ...written], survey.owned.parts);
}
