import { mapRowIfHeader } from '../detect/header';
import { ColumnMapping, DetectedTable, columnOf, columnsOf } from '../detect/table';
import { Grid } from '../grid/grid';
import { CellNote, CodeUse, ObjectiveDraft, placeOf } from '../model';
import { readNumber } from '../normalise/numbers';
import { ObjectiveLevel, Place } from '../schema/dossier';
import { readMission, readProgramme } from './budget';
import { ParsedCode, asValueCode, depth, parseCode, splitCodeAndTitle } from './codes';
import { isLevelRole, objectiveVocabulary } from './columns';
import { headingLevel, levelFromDepth, levelFromLabel, levelRank, stripLevelWords } from './levels';

export interface ObjectivesReading {
  objectives: ObjectiveDraft[];
  codes: CodeUse[];
  notes: CellNote[];
}

interface LevelColumn {
  col: number;
  level: ObjectiveLevel;
}

/** Parent bookkeeping: the latest objective seen at each level, deeper ones cleared on a new one. */
class Cascade {
  private readonly byRank: (ObjectiveDraft | undefined)[] = [];

  parentFor(level: ObjectiveLevel): ObjectiveDraft | undefined {
    for (let r = levelRank(level) - 1; r >= 0; r--) if (this.byRank[r]) return this.byRank[r];
    return undefined;
  }

  /** Nearest objective above whose code is shorter (code-only layouts). */
  parentByCode(code: string): ObjectiveDraft | undefined {
    const d = depth(code);
    for (let r = this.byRank.length - 1; r >= 0; r--) {
      const o = this.byRank[r];
      if (o && !o.code.startsWith('VP') && depth(o.code) < d) return o;
    }
    return undefined;
  }

  push(o: ObjectiveDraft): void {
    const rank = levelRank(o.level);
    this.byRank[rank] = o;
    for (let r = rank + 1; r < this.byRank.length; r++) this.byRank[r] = undefined;
  }
}

function textOf(grid: Grid, row: number, col: number | undefined): string {
  return col === undefined ? '' : grid.text(row, col).replace(/\s+/g, ' ').trim();
}

/** Row-level detail cells (structure, indicators...) are read as shown: a vertical merge applies to each row. */
function shownOf(grid: Grid, row: number, cols: ColumnMapping[]): { text: string; at?: Place } {
  const parts: string[] = [];
  let at: Place | undefined;
  for (const c of cols) {
    const t = grid.shownText(row, c.col).replace(/\s+/g, ' ').trim();
    if (t) {
      // several columns of one role ("Target / 2024", "Target / 2025"): say which is which
      const sub = cols.length > 1 ? c.label.split(' / ').pop() : undefined;
      parts.push(sub && sub !== c.label ? `${sub}: ${t}` : t);
      at ??= placeOf(grid, row, c.col);
    }
  }
  return { text: parts.join(' | '), at };
}

function startsLowercase(text: string): boolean {
  return /^[a-zà-ÿ]/.test(text);
}

/**
 * Reads the objectives of one detected table, whatever its layout: one column per level with
 * "code title" cells; level / code / title columns; a PEG with missione and programma; or codes
 * only, where the parent is the nearest row above with a shorter code.
 */
export function readObjectives(table: DetectedTable, seqStart = 0): ObjectivesReading {
  const grid = table.grid;
  const objectives: ObjectiveDraft[] = [];
  const codes: CodeUse[] = [];
  const notes: CellNote[] = [];
  const levelCols: LevelColumn[] = table.columns
    .filter((c) => isLevelRole(c.role))
    .map((c) => ({ col: c.col, level: c.role as ObjectiveLevel }))
    .sort((a, b) => levelRank(a.level) - levelRank(b.level) || a.col - b.col);
  const codeCol = columnOf(table, 'code')?.col;
  const titleCol = columnOf(table, 'title')?.col;
  const levelCol = columnOf(table, 'level')?.col;
  const parentCol = columnOf(table, 'parent-code')?.col;
  const structureCols = columnsOf(table, 'structure');
  const indicatorCols = columnsOf(table, 'indicator');
  const targetCols = columnsOf(table, 'target');
  const weightCol = columnOf(table, 'weight');
  const missionCol = columnOf(table, 'mission')?.col;
  const programmeCol = columnOf(table, 'programme')?.col;
  const headerRoles = table.columns.map((c) => `${c.col}:${c.role}`).join('|');
  const cascade = new Cascade();
  let seq = seqStart;
  let last: ObjectiveDraft | undefined;
  let lastRowHadObjective = false;

  const create = (parsed: ParsedCode, title: string, level: ObjectiveLevel, row: number, col: number, parent: ObjectiveDraft | undefined, parentFrom: ObjectiveDraft['parentFrom'], parentCode?: string | null, parentAt?: Place): ObjectiveDraft => {
    const at = placeOf(grid, row, col);
    if (level === 'value') parsed = asValueCode(parsed);
    codes.push({ kind: 'objective', raw: parsed.raw, code: parsed.code, wellFormed: parsed.wellFormed, at });
    const o: ObjectiveDraft = {
      code: parsed.code,
      level,
      title,
      parentCode: parent ? parent.code : (parentCode ?? null),
      parentAt: parent ? parent.at : parentAt,
      parentFrom: parent ? parentFrom : parentCode ? parentFrom : 'none',
      structure: null,
      at,
      table,
      seq: seq++,
    };
    if (!title) notes.push({ note: 'missing', at, what: `il titolo dell'obiettivo ${parsed.code}`, expected: 'un titolo' });
    objectives.push(o);
    cascade.push(o);
    return o;
  };

  const headingRow = (row: number): boolean => {
    const filled = grid.filledColumns(row);
    if (filled.length !== 1) return false;
    const text = textOf(grid, row, filled[0]);
    const level = headingLevel(text);
    if (!level) {
      // a lone "code title" in a level or code column is an objective, not a heading
      const isObjectiveCell = levelCols.some((l) => l.col === filled[0]) || filled[0] === codeCol;
      if (isObjectiveCell && splitCodeAndTitle(text).code) return false;
      if (isObjectiveCell && startsLowercase(text) && lastRowHadObjective) return false;
      return true; // a section label such as "AREA TECNICA": not an objective
    }
    const { code, title } = splitCodeAndTitle(text);
    if (!code) {
      notes.push({ note: 'missing', at: placeOf(grid, row, filled[0]), what: `il codice della riga "${text.slice(0, 50)}"`, expected: 'un codice' });
      return true;
    }
    const parent = level === 'mandate' ? cascade.parentFor('mandate') : undefined;
    last = create(code, stripLevelWords(title), level, row, filled[0], parent, 'layout');
    lastRowHadObjective = true;
    return true;
  };

  const isRepeatedHeader = (row: number): boolean => {
    if (table.headerRows.includes(row)) return true;
    const cand = mapRowIfHeader(grid, row, objectiveVocabulary, 2, 0);
    if (!cand) return false;
    const roles = cand.columns.map((c) => `${c.col}:${c.role}`).join('|');
    return roles === headerRoles || cand.columns.every((c) => c.role === null || table.columns.some((x) => x.col === c.col && x.role === c.role));
  };

  const applyDetails = (row: number, created: ObjectiveDraft[]) => {
    const deepest = created[created.length - 1];
    const structure = shownOf(grid, row, structureCols);
    const indicator = shownOf(grid, row, indicatorCols);
    const target = shownOf(grid, row, targetCols);
    if (deepest) {
      if (structure.text) {
        deepest.structure = structure.text;
        deepest.structureAt = structure.at;
      }
      if (indicator.text) deepest.indicator = indicator.text;
      if (target.text) deepest.target = target.text;
      if (weightCol) readWeight(row, weightCol.col, deepest);
      let mission: string | undefined;
      if (missionCol !== undefined) mission = readMission(grid, row, missionCol, codes, notes);
      let programme: string | undefined;
      if (programmeCol !== undefined) programme = readProgramme(grid, row, programmeCol, mission, codes, notes);
      if (!mission && programme) mission = programme.slice(0, 2);
      for (const o of created) {
        if (o.level === 'value' || o.level === 'mandate') continue;
        if (mission) {
          o.mission = mission;
          o.missionAt = missionCol !== undefined ? placeOf(grid, row, missionCol) : undefined;
        }
        if (programme && o.level !== 'strategic') {
          o.programme = programme;
          o.programmeAt = placeOf(grid, row, programmeCol!);
        }
      }
    } else if (last) {
      // a row with no objective of its own adds indicators and targets to the one above
      if (indicator.text && grid.text(row, indicatorCols[0].col)) last.indicator = last.indicator ? `${last.indicator}; ${indicator.text}` : indicator.text;
      if (target.text && grid.text(row, targetCols[0].col)) last.target = last.target ? `${last.target}; ${target.text}` : target.text;
      if (weightCol && last.weight === undefined) readWeight(row, weightCol.col, last);
    }
  };

  const readWeight = (row: number, col: number, o: ObjectiveDraft) => {
    const text = grid.text(row, col);
    if (!text) return;
    const value = grid.value(row, col);
    const at = placeOf(grid, row, col);
    const r = readNumber(value, text.replace(/%\s*$/, ''));
    if (r.kind === 'number') {
      const pct = typeof value === 'number' && grid.numFmt(row, col)?.includes('%') ? r.value * 100 : r.value;
      o.weight = Math.round(pct * 1e6) / 1e6;
      o.weightAt = at;
    } else if (r.kind === 'not-available') notes.push({ note: 'not-available', at, what: `il peso dell'obiettivo ${o.code}`, text });
    else if (r.kind === 'unparseable') notes.push({ note: 'unparseable', at, what: `il peso dell'obiettivo ${o.code}`, expected: 'un numero o una percentuale', text });
  };

  /** A text with no code: the rest of the title above (a cell split over two rows), or an objective without code. */
  const textWithoutCode = (row: number, col: number, text: string, rowFilled: number): void => {
    if (last && lastRowHadObjective && startsLowercase(text)) {
      last.title = `${last.title} ${text}`.trim();
      for (const s of structureCols) {
        const more = grid.text(row, s.col);
        if (more && last.structure) last.structure = `${last.structure} ${more}`;
      }
      return;
    }
    if (rowFilled > 1) {
      notes.push({ note: 'missing', at: placeOf(grid, row, col), what: `il codice dell'obiettivo "${text.slice(0, 50)}"`, expected: 'un codice' });
    }
  };

  const rows: number[] = [];
  for (const t of table.titleRows) if (t < table.headerRows[0]) rows.push(t);
  for (let r = table.bodyStart; r <= table.bodyEnd; r++) rows.push(r);

  for (const row of rows) {
    if (grid.isBlankRow(row)) {
      lastRowHadObjective = false;
      continue;
    }
    const inTitles = row < table.headerRows[0];
    if (!inTitles && isRepeatedHeader(row)) continue;
    if (headingRow(row)) continue;
    if (inTitles) continue;
    const rowFilled = grid.filledColumns(row).length;
    const created: ObjectiveDraft[] = [];
    let continued = false;

    if (levelCols.length > 0) {
      let codeColUsed = false;
      for (const lc of levelCols) {
        const text = textOf(grid, row, lc.col);
        if (!text) continue;
        let { code, title } = splitCodeAndTitle(text);
        let codeCell = lc.col;
        if (!code && codeCol !== undefined && !codeColUsed) {
          const parsed = parseCode(textOf(grid, row, codeCol));
          if (parsed) {
            code = parsed;
            title = text;
            codeCell = codeCol;
            codeColUsed = true;
          }
        }
        if (!code) {
          if (created.length === 0) {
            textWithoutCode(row, lc.col, text, rowFilled);
            continued = true;
          }
          continue;
        }
        const parent = cascade.parentFor(lc.level);
        const o = create(code, title, lc.level, row, codeCell, parent, 'layout');
        created.push(o);
      }
    } else if (codeCol !== undefined) {
      const codeText = textOf(grid, row, codeCol);
      const title = textOf(grid, row, titleCol);
      if (!codeText && title) {
        textWithoutCode(row, titleCol!, title, rowFilled);
        continued = true;
      } else if (codeText) {
        const split = splitCodeAndTitle(codeText);
        const parsed = parseCode(codeText) ?? split.code;
        if (!parsed) {
          notes.push({ note: 'unparseable', at: placeOf(grid, row, codeCol), what: "il codice dell'obiettivo", expected: 'un codice come 01.02.03', text: codeText });
        } else {
          const fullTitle = title || (parseCode(codeText) ? '' : split.title);
          const heading = headingLevel(fullTitle);
          const written = levelCol !== undefined ? levelFromLabel(textOf(grid, row, levelCol)) : undefined;
          const level = written ?? heading ?? (parsed.code.startsWith('VP') ? 'value' : levelFromDepth(depth(parsed.code)));
          if (levelCol !== undefined && !written && textOf(grid, row, levelCol)) {
            notes.push({ note: 'unparseable', at: placeOf(grid, row, levelCol), what: 'il livello', expected: 'un livello (strategico, operativo, performance...)', text: textOf(grid, row, levelCol) });
          }
          let parentCode: string | null = null;
          let parentAt: Place | undefined;
          let parent: ObjectiveDraft | undefined;
          let from: ObjectiveDraft['parentFrom'] = 'layout';
          if (parentCol !== undefined && textOf(grid, row, parentCol)) {
            const p = splitCodeAndTitle(textOf(grid, row, parentCol)).code;
            if (p) {
              parentCode = p.code;
              parentAt = placeOf(grid, row, parentCol);
              from = 'column';
              codes.push({ kind: 'objective', raw: p.raw, code: p.code, wellFormed: p.wellFormed, at: parentAt });
            } else notes.push({ note: 'unparseable', at: placeOf(grid, row, parentCol), what: "il codice dell'obiettivo di riferimento", expected: 'un codice', text: textOf(grid, row, parentCol) });
          } else if (levelCol !== undefined && written) {
            parent = cascade.parentFor(level);
          } else {
            parent = level === 'value' ? undefined : cascade.parentByCode(parsed.code);
            if (!parent && level !== 'value' && depth(parsed.code) > 1) {
              parentCode = parsed.code.slice(0, parsed.code.lastIndexOf('.'));
              from = 'code';
            }
          }
          const o = create(parsed, stripLevelWords(fullTitle), level, row, codeCol, parent, from, parentCode, parentAt);
          created.push(o);
        }
      }
    }
    if (created.length > 0) last = created[created.length - 1];
    if (!continued || created.length > 0) applyDetails(row, created);
    lastRowHadObjective = created.length > 0 || (continued && lastRowHadObjective);
  }

  // weights written as fractions (0,4) in the whole table become percentage points
  const weighted = objectives.filter((o) => o.weight !== undefined);
  if (weighted.length > 0 && weighted.every((o) => (o.weight ?? 0) <= 1)) for (const o of weighted) o.weight = Math.round(o.weight! * 100 * 1e6) / 1e6;
  return { objectives, codes, notes };
}

