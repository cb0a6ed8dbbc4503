import { danglingLinkNotes, resolveFormulas } from './formulas/resolve';
import { englishThousandsProblem } from './normalise/english-thousands';
import { overlongTexts } from './grid/long-texts';
import { detectTables } from './detect/detect';
import { DetectedTable } from './detect/table';
import { FAMILIES, TableFamily } from './families';
import { rangeA1 } from './grid/address';
import { Grid } from './grid/grid';
import { Model, ObjectiveDraft, SourceModel, placeOf } from './model';
import { applySheetMapping, entryFor } from './mapping/apply';
import { sheetMapping } from './mapping/extract';
import { MappingProblem, ParsedMapping } from './mapping/parse';
import { MAPPING_VERSION, Mapping } from './mapping/schema';
import { assignCodes } from './objectives/assign-codes';
import { linkObjectives } from './objectives/link';
import { computePapByDate, EMPTY_PAP } from './pap/compute';
import { computeCug } from './cug/compute';
import { ReadProblem } from './read-problem';
import { runRules, sortFindings } from './rules/run';
import { entityOf } from './entity';
import { addCellTexts } from './cell-texts';
import { Dossier, Objective, SCHEMA_VERSION, SheetInfo, TableInfo } from './schema/dossier';
import { emptyStaffModel } from './staff/model';
import { resolveStaffScopes } from './staff/scope';
import { staffRecords } from './staff/records';

/** One source file as a reader handed it over: its grids, or the Italian reason it failed. */
export interface SourceInput {
  file: string;
  grids?: Grid[];
  error?: string;
  /** What the reader met in a file it could still read. */
  problems?: ReadProblem[];
}

export interface Analysis {
  dossier: Dossier;
  model: Model;
  /** How every sheet was read (mappatura.json): by detection, or by the mapping given. */
  mapping: Mapping;
  /** Problems of the mapping given that name no sheet of this dossier (the others are findings). */
  mappingNotes: MappingProblem[];
}

export interface AnalyseOptions {
  /** A mapping to apply instead of detection on the sheets it names (piao import --mappa). */
  mapping?: ParsedMapping;
  families?: readonly TableFamily[];
}

function tableInfo(t: DetectedTable): TableInfo {
  const info: TableInfo = {
    range: rangeA1(t.range),
    kind: t.kind,
    columns: t.columns.map((c) => ({ cell: placeOf(t.grid, c.row, c.col).cell, label: c.label, role: c.role })),
  };
  if (t.title) info.title = t.title;
  if (t.referenceDate) info.referenceDate = t.referenceDate;
  return info;
}

/**
 * The labels a user needs to see why a sheet was not recognised: its title rows and its first row
 * of several cells (the likely header), never the rows below, which may hold personal data.
 */
function sheetLabels(grid: Grid, max = 12): string[] {
  const seen = new Set<string>();
  for (let r = 0; r < grid.rowCount && seen.size < max; r++) {
    const cols = grid.filledColumns(r);
    for (const c of cols) {
      const t = grid.text(r, c);
      if (t && !/^[-+]?[\d.,\s%]+$/.test(t)) seen.add(t);
      if (seen.size >= max) break;
    }
    if (cols.length >= 2) break;
  }
  return [...seen];
}

function toObjective(o: ObjectiveDraft): Objective {
  const out: Objective = { code: o.code, level: o.level, title: o.title, parent: o.parentCode, structure: o.structure, at: o.at };
  if (o.codeAssigned) out.codeAssigned = true;
  if (o.responsible) out.responsible = o.responsible;
  if (o.indicator) out.indicator = o.indicator;
  if (o.target) out.target = o.target;
  if (o.weight !== undefined) out.weight = o.weight;
  if (o.weightKind) out.weightKind = o.weightKind;
  if (o.weights?.length) out.weights = o.weights.map((w) => ({ manager: w.manager, weight: w.weight, at: w.at }));
  if (o.mission) out.mission = o.mission;
  if (o.programme) out.programme = o.programme;
  if (o.programmeFrom) out.programmeFrom = o.programmeFrom;
  return out;
}

/**
 * The engine: grids in, dossier out. Detects the tables of every grid, reads them by family,
 * links what spans files, computes the PAP statistics and runs every rule. Pure: no I/O.
 */
export function analyse(inputs: readonly SourceInput[], options: AnalyseOptions = {}): Analysis {
  const families = options.families ?? FAMILIES;
  const model: Model = { sources: [], tables: [], unrecognisedSheets: [], objectives: [], codes: [], notes: [], weightTotals: [], mappingProblems: [], staff: emptyStaffModel() };
  const detectors = families.map((f) => f.detector);
  const mapping: Mapping = { mappingVersion: MAPPING_VERSION, sheets: [] };
  const mappingNotes: MappingProblem[] = [];
  for (const input of inputs) {
    const source: SourceModel = { file: input.file, status: input.grids ? 'ok' : 'failed', sheets: [], grids: input.grids ?? [] };
    if (!input.grids) source.error = input.error ?? `${input.file}: il file non si può leggere.`;
    if (input.grids && input.problems?.length) source.problems = [...input.problems];
    for (const grid of source.grids) {
      // what a spreadsheet program would show: formulas the file left uncomputed, texts over Excel's limit
      const met = [...resolveFormulas(grid), ...danglingLinkNotes(grid), ...overlongTexts(grid)];
      if (met.length) source.problems = [...(source.problems ?? []), ...met];
      const entry = options.mapping && entryFor(grid, input.file, options.mapping.sheets, options.mapping.problems);
      const applied = entry ? applySheetMapping(grid, input.file, entry) : undefined;
      if (applied?.problems) for (const p of applied.problems) model.mappingProblems.push({ problem: p, grid });
      const tables = applied?.tables ?? detectTables(grid, detectors);
      mapping.sheets.push(sheetMapping(input.file, grid, tables));
      const sheet: SheetInfo = { name: grid.sheet, kind: tables[0]?.kind ?? 'unknown' };
      const dated = tables.find((t) => t.referenceDate);
      if (dated?.referenceDate) sheet.referenceDate = dated.referenceDate;
      if (tables.length) sheet.tables = tables.map(tableInfo);
      source.sheets.push(sheet);
      if (tables.length === 0 && grid.rowCount > 0) {
        const labels = sheetLabels(grid);
        if (labels.length) model.unrecognisedSheets.push({ grid, labels });
      }
      const notesBefore = model.notes.length;
      for (const t of tables) {
        model.tables.push(t);
        families.find((f) => f.detector.family === t.family)?.read(t, model);
      }
      // a comma-separated CSV with English thousands («1,205»): the likely cause, said once
      const english = englishThousandsProblem(grid, tables, model.notes.slice(notesBefore));
      if (english) source.problems = [...(source.problems ?? []), english];
    }
    model.sources.push(source);
  }
  assignCodes(model.objectives);
  // problems of entries the mapping file could not even give (an unknown role): on their sheet when it is here
  for (const p of options.mapping?.problems ?? []) {
    const grid = model.sources.find((x) => x.file === p.file)?.grids.find((g) => g.sheet === p.sheet);
    if (grid) model.mappingProblems.push({ problem: p, grid });
    else mappingNotes.push(p);
  }
  model.objectives = linkObjectives(model.objectives);
  resolveStaffScopes(model.staff);

  const sheetOrder = new Map<string, number>();
  for (const s of model.sources) s.grids.forEach((g, i) => sheetOrder.set(`${g.file}\u0000${g.sheet}`, i));
  const findings = sortFindings(runRules(model), sheetOrder);
  const grids = model.sources.flatMap((s) => s.grids);
  addCellTexts(findings, grids, model.tables);
  const entity = entityOf(grids, model.tables);

  // the statistics at each date; the dossier's own are those of the latest (zeros without staff tables)
  const papByDate = computePapByDate(model, findings);
  const latest = papByDate[papByDate.length - 1];
  const dossier: Dossier = {
    schemaVersion: SCHEMA_VERSION,
    ...(entity ? { entity } : {}),
    sources: model.sources.map((s) => ({ file: s.file, status: s.status, ...(s.error ? { error: s.error } : {}), sheets: s.sheets })),
    objectives: model.objectives.map(toObjective),
    ...staffRecords(model.staff),
    pap: structuredClone(latest ?? EMPTY_PAP),
    findings,
  };
  if (papByDate.length) dossier.papByDate = papByDate;
  const cug = computeCug(model);
  if (cug) dossier.cug = cug;
  return { dossier, model, mapping, mappingNotes };
}
