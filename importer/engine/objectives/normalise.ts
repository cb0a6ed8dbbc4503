import { mapRowIfHeader } from '../detect/header';
import { ColumnMapping, DetectedTable, columnOf, columnsOf } from '../detect/table';
import { Grid } from '../grid/grid';
import { CellNote, CodeUse, ObjectiveDraft, placeOf } from '../model';
import { readNumber } from '../normalise/numbers';
import { ObjectiveLevel, Place } from '../schema/dossier';
import { readMission, readProgramme } from './budget';
import { ParsedCode, asValueCode, codeParent, depth, parseCode, splitCodeAndTitle, startsWithCode } from './codes';
import { isLevelRole, objectiveVocabulary } from './columns';
import { LEVEL_ORDER, headingLevel, levelFromDepth, levelFromLabel, levelRank, stripLevelWords } from './levels';

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
      if (o && o.level !== 'value' && depth(o.code) < d) return o;
    }
    return undefined;
  }

  push(o: ObjectiveDraft): void {
    const rank = levelRank(o.level);
    this.byRank[rank] = o;
    for (let r = rank + 1; r < this.byRank.length; r++) this.byRank[r] = undefined;
  }
}


function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function startsLowercase(text: string): boolean {
  return /^[a-zà-ÿ]/.test(text);
}

/**
 * Reads the objectives of one detected table, whatever its layout: one column per level with
 * "code title" cells; level / code / title columns; a PEG with missione and programma; codes only,
 * where the parent is the nearest row above with a shorter code; or a flat list numbered 1, 2, 3.
 */
export function readObjectives(table: DetectedTable, seqStart = 0): ObjectivesReading {
  return new ObjectivesReader(table, seqStart).read();
}

class ObjectivesReader {
  private readonly grid: Grid;
  private readonly objectives: ObjectiveDraft[] = [];
  private readonly codes: CodeUse[] = [];
  private readonly notes: CellNote[] = [];
  private readonly cascade = new Cascade();
  /** Level columns whose cells carry codes; columns of titles only are context, not objectives. */
  private readonly levelCols: LevelColumn[];
  /** The deepest level column holding titles only: the title (and level) of the code column's objective. */
  private readonly titleLevelCol?: LevelColumn;
  private readonly codeCol?: number;
  private readonly titleCol?: number;
  private readonly levelCol?: number;
  private readonly parentCol?: number;
  private readonly structureCols: ColumnMapping[];
  private readonly indicatorCols: ColumnMapping[];
  private readonly targetCols: ColumnMapping[];
  private readonly weightCol?: number;
  private readonly missionCol?: number;
  private readonly programmeCol?: number;
  /** The code column numbers a flat list (1, 2, 3...) rather than a hierarchy. */
  private readonly flat: boolean;
  private last?: ObjectiveDraft;
  private lastRowHadObjective = false;

  constructor(
    private readonly table: DetectedTable,
    private seq: number,
  ) {
    this.grid = table.grid;
    const col = (role: string) => columnOf(table, role)?.col;
    this.codeCol = col('code');
    this.titleCol = col('title');
    this.levelCol = col('level');
    let parentCol = col('parent-code');
    this.weightCol = col('weight');
    this.missionCol = col('mission');
    this.programmeCol = col('programme');
    this.structureCols = columnsOf(table, 'structure');
    this.indicatorCols = columnsOf(table, 'indicator');
    this.targetCols = columnsOf(table, 'target');
    const levelColumns = table.columns
      .filter((c) => isLevelRole(c.role))
      .map((c) => ({ col: c.col, level: c.role as ObjectiveLevel }))
      .sort((a, b) => levelRank(a.level) - levelRank(b.level) || a.col - b.col);
    let withCodes = levelColumns.filter((lc) => this.bodyHasCodes(lc.col));
    // a level column of bare codes beside the objectives' own codes ("Obiettivo operativo DUP di
    // riferimento: 01.02.01") refers to the parent: it names no objective of its own
    const references = withCodes.filter((lc) => this.bodyHasOnlyCodes(lc.col));
    const ownCodes = this.codeCol !== undefined || withCodes.some((lc) => !references.includes(lc));
    if (parentCol === undefined && ownCodes && references.length === 1) {
      parentCol = references[0].col;
      withCodes = withCodes.filter((lc) => lc !== references[0]);
    }
    this.parentCol = parentCol;
    this.levelCols = withCodes;
    const titlesOnly = levelColumns.filter((lc) => !this.levelCols.includes(lc) && lc.col !== parentCol);
    this.titleLevelCol = this.codeCol !== undefined && this.titleCol === undefined ? titlesOnly[titlesOnly.length - 1] : undefined;
    this.flat = this.codeCol !== undefined && this.isFlatNumbering(this.codeCol);
  }

  read(): ObjectivesReading {
    if (this.levelCols.length === 0 && this.codeCol === undefined) {
      const first = this.table.columns[0];
      this.notes.push({
        note: 'missing',
        at: placeOf(this.grid, first.row, first.col),
        what: 'una colonna con i codici degli obiettivi: senza codici la tabella non è stata importata',
      });
      return this.result();
    }
    for (const row of this.rowsToRead()) this.readRow(row);
    this.weightsAsPercent();
    return this.result();
  }

  private result(): ObjectivesReading {
    return { objectives: this.objectives, codes: this.codes, notes: this.notes };
  }

  private rowsToRead(): number[] {
    const rows: number[] = [];
    for (const t of this.table.titleRows) if (t < this.table.headerRows[0]) rows.push(t);
    for (let r = this.table.bodyStart; r <= this.table.bodyEnd; r++) rows.push(r);
    return rows;
  }

  private bodyHasCodes(col: number): boolean {
    for (let r = this.table.bodyStart; r <= this.table.bodyEnd; r++) if (startsWithCode(this.grid.text(r, col))) return true;
    return false;
  }

  /** Every filled body cell of the column is a code and nothing else. */
  private bodyHasOnlyCodes(col: number): boolean {
    let n = 0;
    for (let r = this.table.bodyStart; r <= this.table.bodyEnd; r++) {
      const t = this.grid.text(r, col);
      if (!t) continue;
      if (!parseCode(t) || /^\d{1,3}\.?$/.test(t.trim())) return false;
      n++;
    }
    return n > 0;
  }

  private isFlatNumbering(col: number): boolean {
    let n = 0;
    for (let r = this.table.bodyStart; r <= this.table.bodyEnd; r++) {
      const t = this.grid.text(r, col);
      if (!t) continue;
      if (!/^\d{1,3}\.?$/.test(t)) return false;
      n++;
    }
    return n >= 2;
  }

  private text(row: number, col: number | undefined): string {
    return col === undefined ? '' : clean(this.grid.text(row, col));
  }

  private readRow(row: number): void {
    const grid = this.grid;
    if (grid.isBlankRow(row)) {
      this.lastRowHadObjective = false;
      return;
    }
    const beforeHeader = row < this.table.headerRows[0];
    if (!beforeHeader && this.isRepeatedHeader(row)) return;
    if (!beforeHeader && this.isTotalRow(row)) return;
    if (this.headingRow(row) || beforeHeader) return;
    const filled = grid.filledColumns(row).length;
    const created: ObjectiveDraft[] = [];
    let continued = false;
    let codeColUsed = false;

    for (const lc of this.levelCols) {
      const text = this.text(row, lc.col);
      if (!text) continue;
      let { code, title } = splitCodeAndTitle(text);
      let codeCell = lc.col;
      if (!code && this.codeCol !== undefined && !codeColUsed) {
        const parsed = parseCode(this.text(row, this.codeCol));
        if (parsed) {
          code = parsed;
          title = text;
          codeCell = this.codeCol;
          codeColUsed = true;
        }
      }
      if (!code) {
        if (created.length === 0) continued = this.textWithoutCode(row, lc.col, text, filled);
        continue;
      }
      created.push(this.create(code, title, lc.level, row, codeCell, this.cascade.parentFor(lc.level), 'layout'));
    }

    if (this.codeCol !== undefined && !codeColUsed) {
      const codeText = this.text(row, this.codeCol);
      const title = this.text(row, this.titleCol ?? this.titleLevelCol?.col);
      if (codeText) {
        const o = this.codeRow(row, codeText, title, created);
        if (o) created.push(o);
      } else if (title && created.length === 0) continued = this.textWithoutCode(row, (this.titleCol ?? this.titleLevelCol?.col)!, title, filled);
    }

    if (created.length > 0) this.last = created[created.length - 1];
    if (!continued || created.length > 0) this.applyDetails(row, created);
    this.lastRowHadObjective = created.length > 0 || (continued && this.lastRowHadObjective);
  }

  /** An objective given by a code column (and a title column): level and parent from the layout. */
  private codeRow(row: number, codeText: string, title: string, onRow: ObjectiveDraft[]): ObjectiveDraft | undefined {
    const grid = this.grid;
    const codeCol = this.codeCol!;
    const split = splitCodeAndTitle(codeText);
    const parsed = parseCode(codeText) ?? split.code;
    if (!parsed) {
      this.notes.push({ note: 'unparseable', at: placeOf(grid, row, codeCol), what: "il codice dell'obiettivo", expected: 'un codice come 01.02.03', text: codeText });
      return undefined;
    }
    const fullTitle = title || (parseCode(codeText) ? '' : split.title);
    const levelText = this.text(row, this.levelCol);
    const written = levelText ? levelFromLabel(levelText) : undefined;
    if (levelText && !written) {
      this.notes.push({ note: 'unparseable', at: placeOf(grid, row, this.levelCol!), what: 'il livello', expected: 'un livello (strategico, operativo, performance...)', text: levelText });
    }
    const deepestColumn = this.levelCols[this.levelCols.length - 1]?.level;
    const belowColumns = deepestColumn ? LEVEL_ORDER[Math.min(levelRank(deepestColumn) + 1, LEVEL_ORDER.length - 1)] : undefined;
    const level: ObjectiveLevel =
      written ??
      headingLevel(fullTitle) ??
      this.titleLevelCol?.level ??
      (parsed.code.startsWith('VP') ? 'value' : this.flat ? 'performance' : belowColumns ?? levelFromDepth(depth(parsed.code)));

    if (this.parentCol !== undefined && this.text(row, this.parentCol)) {
      const at = placeOf(grid, row, this.parentCol);
      const p = splitCodeAndTitle(this.text(row, this.parentCol)).code;
      if (p) {
        this.codes.push({ kind: 'objective', raw: p.raw, code: p.code, wellFormed: p.wellFormed, numeric: typeof grid.value(row, this.parentCol) === 'number', at });
        return this.create(parsed, stripLevelWords(fullTitle), level, row, codeCol, undefined, 'column', p.code, at);
      }
      this.notes.push({ note: 'unparseable', at, what: "il codice dell'obiettivo di riferimento", expected: 'un codice', text: this.text(row, this.parentCol) });
    }
    if (this.flat) return this.create(parsed, fullTitle, level, row, codeCol, onRow[onRow.length - 1] ?? this.cascade.parentFor(level), 'layout', null, undefined, true);
    if (written || this.levelCols.length > 0) return this.create(parsed, stripLevelWords(fullTitle), level, row, codeCol, onRow[onRow.length - 1] ?? this.cascade.parentFor(level), 'layout');
    if (level === 'value') return this.create(parsed, stripLevelWords(fullTitle), level, row, codeCol, undefined, 'layout');
    const parent = this.cascade.parentByCode(parsed.code);
    if (parent) return this.create(parsed, stripLevelWords(fullTitle), level, row, codeCol, parent, 'layout');
    return this.create(parsed, stripLevelWords(fullTitle), level, row, codeCol, undefined, 'code', codeParent(parsed.code));
  }

  private create(
    parsed: ParsedCode,
    title: string,
    level: ObjectiveLevel,
    row: number,
    col: number,
    parent: ObjectiveDraft | undefined,
    parentFrom: ObjectiveDraft['parentFrom'],
    parentCode: string | null = null,
    parentAt?: Place,
    local = false,
  ): ObjectiveDraft {
    const at = placeOf(this.grid, row, col);
    if (level === 'value' || local) parsed = asValueCode(parsed);
    this.codes.push({ kind: 'objective', raw: parsed.raw, code: parsed.code, wellFormed: parsed.wellFormed, numeric: typeof this.grid.value(row, col) === 'number', at });
    const o: ObjectiveDraft = {
      code: parsed.code,
      level,
      title,
      parentCode: parent ? parent.code : parentCode,
      parentAt: parent ? parent.at : parentAt,
      parentFrom: parent ? parentFrom : parentCode ? parentFrom : 'none',
      structure: null,
      at,
      table: this.table,
      seq: this.seq++,
    };
    if (local) o.localCode = true;
    if (!title) this.notes.push({ note: 'missing', at, what: `il titolo dell'obiettivo ${parsed.code}`, expected: 'un titolo' });
    this.objectives.push(o);
    this.cascade.push(o);
    return o;
  }

  /** A row with one text only: "1. VALORE PUBBLICO - ...", "02. LINEA DI MANDATO - ...", or a label such as "AREA TECNICA". */
  private headingRow(row: number): boolean {
    const filled = this.grid.filledColumns(row);
    if (filled.length !== 1) return false;
    const col = filled[0];
    const text = this.text(row, col);
    const level = headingLevel(text);
    if (!level) {
      const objectiveCell = this.levelCols.some((l) => l.col === col) || col === this.codeCol;
      if (objectiveCell && splitCodeAndTitle(text).code) return false;
      if (objectiveCell && startsLowercase(text) && this.lastRowHadObjective) return false;
      return true;
    }
    const { code, title } = splitCodeAndTitle(text);
    if (!code) {
      this.notes.push({ note: 'missing', at: placeOf(this.grid, row, col), what: `il codice della riga «${text.slice(0, 50)}»`, expected: 'un codice' });
      return true;
    }
    const parent = level === 'mandate' ? this.cascade.parentFor('mandate') : undefined;
    this.last = this.create(code, stripLevelWords(title), level, row, col, parent, 'layout');
    this.lastRowHadObjective = true;
    return true;
  }

  /** A line that adds up the weights or figures above ("Totale peso CdR 2", "Tot."): no objective, no code missing. */
  private isTotalRow(row: number): boolean {
    const filled = this.grid.filledColumns(row);
    const first = filled.map((c) => this.text(row, c)).find((t) => /[a-zà-ÿ]/i.test(t));
    if (!first || !/^(tot\.?|totale|totali)(\s|$)/i.test(first)) return false;
    // besides its label it holds figures only (an objective titled "Totale ..." has a structure, an indicator)
    const others = filled.map((c) => this.text(row, c)).filter((t) => t !== first);
    return others.every((t) => /^[-+]?[\d.,\s]+%?$/.test(t));
  }

  private isRepeatedHeader(row: number): boolean {
    if (this.table.headerRows.includes(row)) return true;
    const cand = mapRowIfHeader(this.grid, row, objectiveVocabulary, 2, 0);
    if (!cand) return false;
    return cand.columns.every((c) => c.role === null || this.table.columns.some((x) => x.col === c.col && x.role === c.role));
  }

  /** Text with no code: the rest of the title above (a cell split over two rows), or an objective without code. Returns true when handled as such. */
  private textWithoutCode(row: number, col: number, text: string, filled: number): boolean {
    if (this.last && this.lastRowHadObjective && startsLowercase(text)) {
      this.last.title = `${this.last.title} ${text}`.trim();
      for (const s of this.structureCols) {
        const more = this.text(row, s.col);
        if (more && this.last.structure) this.last.structure = `${this.last.structure} ${more}`;
      }
      return true;
    }
    if (filled > 1) {
      this.notes.push({ note: 'missing', at: placeOf(this.grid, row, col), what: `il codice dell'obiettivo «${text.slice(0, 50)}»`, expected: 'un codice' });
    }
    return true;
  }

  /** Row-level detail cells are read as shown: a vertical merge applies to each row it spans. */
  private shown(row: number, cols: ColumnMapping[]): { text: string; at?: Place } {
    const parts: string[] = [];
    let at: Place | undefined;
    for (const c of cols) {
      const t = clean(this.grid.shownText(row, c.col));
      if (!t) continue;
      // several columns of one role ("Target / 2024", "Target / 2025"): say which is which
      const sub = cols.length > 1 ? c.label.split(' / ').pop() : undefined;
      parts.push(sub && sub !== c.label ? `${sub}: ${t}` : t);
      at ??= placeOf(this.grid, row, c.col);
    }
    return { text: parts.join(' | '), at };
  }

  private applyDetails(row: number, created: ObjectiveDraft[]): void {
    const deepest = created[created.length - 1];
    const indicator = this.shown(row, this.indicatorCols);
    const target = this.shown(row, this.targetCols);
    if (!deepest) {
      // a row with no objective of its own adds indicators and targets to the one above
      const last = this.last;
      if (!last) return;
      if (indicator.text && this.grid.text(row, this.indicatorCols[0].col)) last.indicator = last.indicator ? `${last.indicator}; ${indicator.text}` : indicator.text;
      if (target.text && this.grid.text(row, this.targetCols[0].col)) last.target = last.target ? `${last.target}; ${target.text}` : target.text;
      if (this.weightCol !== undefined && last.weight === undefined) this.readWeight(row, this.weightCol, last);
      return;
    }
    const structure = this.shown(row, this.structureCols);
    if (structure.text) {
      deepest.structure = structure.text;
      deepest.structureAt = structure.at;
    }
    if (indicator.text) deepest.indicator = indicator.text;
    if (target.text) deepest.target = target.text;
    if (this.weightCol !== undefined) this.readWeight(row, this.weightCol, deepest);
    let mission = this.missionCol !== undefined ? readMission(this.grid, row, this.missionCol, this.codes, this.notes) : undefined;
    const programme = this.programmeCol !== undefined ? readProgramme(this.grid, row, this.programmeCol, mission, this.codes, this.notes) : undefined;
    if (!mission && programme) mission = programme.slice(0, 2);
    for (const o of created) {
      if (o.level === 'value' || o.level === 'mandate') continue;
      if (mission) {
        o.mission = mission;
        o.missionAt = this.missionCol !== undefined ? placeOf(this.grid, row, this.missionCol) : undefined;
      }
      if (programme && o.level !== 'strategic') {
        o.programme = programme;
        o.programmeAt = placeOf(this.grid, row, this.programmeCol!);
      }
    }
  }

  private readWeight(row: number, col: number, o: ObjectiveDraft): void {
    const text = this.grid.text(row, col);
    if (!text) return;
    const value = this.grid.value(row, col);
    const at = placeOf(this.grid, row, col);
    const r = readNumber(value, text.replace(/%\s*$/, ''));
    if (r.kind === 'number') {
      const pct = typeof value === 'number' && this.grid.numFmt(row, col)?.includes('%') ? r.value * 100 : r.value;
      o.weight = Math.round(pct * 1e6) / 1e6;
      o.weightAt = at;
    } else if (r.kind === 'not-available') this.notes.push({ note: 'not-available', at, what: `il peso dell'obiettivo ${o.code}`, text });
    else if (r.kind === 'unparseable') this.notes.push({ note: 'unparseable', at, what: `il peso dell'obiettivo ${o.code}`, expected: 'un numero o una percentuale', text });
  }

  /** Weights written as fractions (0,4) in the whole table become percentage points. */
  private weightsAsPercent(): void {
    const weighted = this.objectives.filter((o) => o.weight !== undefined);
    if (weighted.length > 0 && weighted.every((o) => (o.weight ?? 0) <= 1)) {
      for (const o of weighted) o.weight = Math.round(o.weight! * 100 * 1e6) / 1e6;
    }
  }
}
