import { mapRowIfHeader } from '../detect/header';
import { ColumnMapping, DetectedTable, columnsOf } from '../detect/table';
import { Grid } from '../grid/grid';
import { CellNote, CodeUse, ObjectiveBlock, ObjectiveDraft, StatedWeightTotal, objectiveName, placeOf } from '../model';
import { ObjectiveLevel, Place } from '../schema/dossier';
import { normaliseLabel } from '../text/normalise';
import { readMission, readProgramme } from './budget';
import { ParsedCode, asValueCode, codeParent, depth, parseCode, splitCodeAndTitle, startsWithCode } from './codes';
import { isLevelRole, objectiveVocabulary, splitLevelRole } from './columns';
import { LEVEL_ORDER, headingLevel, levelFromDepth, levelFromLabel, levelRank, stripLevelWords } from './levels';
import { ownNumberInTitle, ownReference } from './numbering';
import { footerKind, isTotalLabel, looksLikeStructure, readHeading, textAfterColon } from './rows';
import { classifyWeights, readWeightCell } from './weights';

export interface ObjectivesReading {
  objectives: ObjectiveDraft[];
  codes: CodeUse[];
  notes: CellNote[];
  totals: StatedWeightTotal[];
}

/**
 * Where one level of the cascade is read on a row: a column of "code title" cells, or a code
 * column and a title column of that level (flattened hierarchies), or titles only.
 */
interface LevelSource {
  level: ObjectiveLevel;
  combined?: number;
  code?: number;
  title?: number;
  /** Some body cell of the level holds a code: a cell of text alone is then no objective of its own. */
  coded: boolean;
  /**
   * The level's codes are a numbering of its own restarting under each parent («01-Cultura» under
   * every ambito): numbers within the parent, not codes of the cascade.
   */
  local?: boolean;
}

/** Parent bookkeeping: the latest objective seen at each level, deeper ones cleared on a new one. */
class Cascade {
  private readonly byRank: (ObjectiveDraft | undefined)[] = [];

  at(level: ObjectiveLevel): ObjectiveDraft | undefined {
    return this.byRank[levelRank(level)];
  }

  parentFor(level: ObjectiveLevel): ObjectiveDraft | undefined {
    for (let r = levelRank(level) - 1; r >= 0; r--) if (this.byRank[r]) return this.byRank[r];
    return undefined;
  }

  /** Nearest objective above whose code is shorter (code-only layouts). */
  parentByCode(code: string): ObjectiveDraft | undefined {
    const d = depth(code);
    for (let r = this.byRank.length - 1; r >= 0; r--) {
      const o = this.byRank[r];
      if (o && o.level !== 'value' && !o.codeAssigned && depth(o.code) < d) return o;
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

/** A text that goes on with the title of the row above (a cell split over two rows): it opens in lower case, and not with a number («n. 2 ...»). */
function startsLowercase(text: string): boolean {
  return /^[a-zà-ÿ]/.test(text) && !ownNumberInTitle(text);
}

/** A heading in capitals ("AREA TECNICA", "URBANISTICA E AMBIENTE"): letters all upper case, short. */
function isCapitalHeading(text: string): boolean {
  const letters = text.replace(/[^A-Za-zÀ-ÿ]/g, '');
  return letters.length >= 3 && text.length <= 80 && letters === letters.toUpperCase();
}

/**
 * Reads the objectives of one detected table, whatever its layout: one column per level with
 * "code title" cells; a code and a title column per level (flattened PEG exports); level / code /
 * title columns; a PEG with missione and programma; codes only, where the parent is the nearest row
 * above with a shorter code; a flat list numbered 1, 2, 3; or objectives with no code at all,
 * listed under their structure (their codes are assigned after every table is read).
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
  /** The cascade's levels read on each row, top-down. */
  private readonly levels: LevelSource[];
  /** The row's own objective: a code column (and title column) below or beside the level columns. */
  private readonly codeCol?: number;
  private readonly titleCol?: number;
  /** The level the own code column's objectives have when a level column of titles names them. */
  private readonly ownLevel?: { level: ObjectiveLevel; title: number };
  private readonly levelCol?: number;
  private readonly parentCol?: number;
  private readonly structureCols: ColumnMapping[];
  private readonly responsibleCols: ColumnMapping[];
  private readonly indicatorCols: ColumnMapping[];
  private readonly targetCols: ColumnMapping[];
  private readonly weightCol?: ColumnMapping;
  private readonly managerCols: ColumnMapping[];
  private readonly missionCol?: number;
  private readonly programmeCol?: number;
  /** The code column numbers a flat list (1, 2, 3...) or holds the table's own references («AA2/B»): no cascade codes. */
  private readonly ownNumbering: boolean;
  /** No column of the table holds a code of the cascade. */
  private readonly codeless: boolean;
  /** Level of the objectives of a table that says nothing else of them (its caption, else performance). */
  private readonly defaultLevel: ObjectiveLevel;
  /** Structure / responsible columns written once per block, blanks below meaning "same as above". */
  private readonly carryStructure: boolean;
  private readonly carryResponsible: boolean;
  private block: ObjectiveBlock = { seq: 0 };
  private carried: { structure?: { text: string; at?: Place }; responsible?: { text: string; at?: Place } } = {};
  /** Objectives of the table by level and code (or title, when codeless): an ancestor is created once. */
  private readonly known = new Map<string, ObjectiveDraft>();
  private readonly totals: StatedWeightTotal[] = [];
  /** Weights read since the last total line, per weight column: what a stated total must equal. */
  private running = new Map<number, { sum: number; parts: Place[]; of?: string }>();
  private last?: ObjectiveDraft;
  private lastRowHadObjective = false;

  constructor(
    private readonly table: DetectedTable,
    private seq: number,
  ) {
    this.grid = table.grid;
    const plain = (role: string) => table.columns.find((c) => c.role === role && !c.level)?.col;
    let codeCol = plain('code');
    this.titleCol = plain('title');
    this.levelCol = plain('level');
    let parentCol = plain('parent-code');
    const weights = columnsOf(table, 'weight');
    this.managerCols = weights.filter((c) => c.manager);
    this.weightCol = this.managerCols.length ? undefined : weights[0];
    this.missionCol = plain('mission');
    this.programmeCol = plain('programme');
    this.structureCols = columnsOf(table, 'structure');
    this.responsibleCols = columnsOf(table, 'responsible');
    this.indicatorCols = columnsOf(table, 'indicator');
    this.targetCols = columnsOf(table, 'target');

    // level columns ("Obiettivo strategico") and code / title columns of one level ("Cod. ob. strategico")
    const levelColumns = table.columns
      .filter((c) => isLevelRole(c.role))
      .map((c) => ({ col: c.col, level: c.role as ObjectiveLevel }))
      .sort((a, b) => levelRank(a.level) - levelRank(b.level) || a.col - b.col);
    const qualified = (role: string, level: ObjectiveLevel) => table.columns.find((c) => c.role === role && c.level === level)?.col;
    const withCodes = levelColumns.filter((lc) => this.bodyHasCodes(lc.col));
    // a column of bare codes of one level beside the objectives' own codes ("Obiettivo operativo DUP
    // di riferimento: 01.02.01", "Codice obiettivo operativo") refers to the parent: it names no objective of its own
    const bareLevelCodes = [
      ...withCodes.filter((lc) => this.bodyHasOnlyCodes(lc.col)),
      ...LEVEL_ORDER.flatMap((level) => {
        const col = qualified('code', level);
        const named = levelColumns.some((lc) => lc.level === level) || qualified('title', level) !== undefined;
        return col !== undefined && !named ? [{ col, level }] : [];
      }),
    ];
    const deeperThan = (level: ObjectiveLevel) =>
      codeCol !== undefined || this.titleCol !== undefined || levelColumns.some((lc) => levelRank(lc.level) > levelRank(level) && !bareLevelCodes.includes(lc));
    const references = bareLevelCodes.filter((lc) => deeperThan(lc.level));
    if (parentCol === undefined && references.length === 1) parentCol = references[0].col;
    // a lone code column of one level with no title of that level ("Cod. ob. operativo | Descrizione") is the row's own code
    const lone = bareLevelCodes.find((lc) => !references.includes(lc) && !levelColumns.some((x) => x.col === lc.col));
    if (codeCol === undefined && lone) codeCol = lone.col;
    this.parentCol = parentCol;
    const used = new Set([parentCol, codeCol]);

    const titlesOnly = levelColumns.filter((lc) => !withCodes.includes(lc) && !used.has(lc.col));
    // the own code column takes its level and title from the deepest level column of titles when the
    // table has no title column of its own ("Obiettivo esecutivo | Cod." -> the code of that objective)
    const ownTitle = codeCol !== undefined && this.titleCol === undefined ? titlesOnly[titlesOnly.length - 1] : undefined;
    if (ownTitle) this.ownLevel = { level: ownTitle.level, title: ownTitle.col };
    else if (lone && codeCol === lone.col) this.ownLevel = this.titleCol !== undefined ? { level: lone.level, title: this.titleCol } : undefined;
    this.codeCol = codeCol;

    const levels: LevelSource[] = [];
    for (const level of LEVEL_ORDER) {
      const combined = withCodes.find((lc) => lc.level === level && !used.has(lc.col))?.col;
      const code = qualified('code', level);
      const title = qualified('title', level) ?? titlesOnly.find((lc) => lc.level === level && lc !== ownTitle)?.col;
      const src: LevelSource = { level, coded: combined !== undefined };
      if (combined !== undefined) src.combined = combined;
      if (code !== undefined && !used.has(code)) {
        src.code = code;
        src.coded = true;
      }
      if (title !== undefined && (src.combined === undefined || src.code !== undefined)) src.title = title;
      if (src.combined !== undefined || src.code !== undefined || src.title !== undefined) levels.push(src);
    }
    for (const src of levels.slice(1)) if (src.coded && this.restartsUnderParent(src)) src.local = true;
    this.levels = levels;
    this.ownNumbering = codeCol !== undefined && this.isOwnNumbering(codeCol);
    this.codeless = levels.every((l) => !l.coded) && (codeCol === undefined || this.ownNumbering);
    this.defaultLevel = this.captionLevel() ?? 'performance';
    this.carryStructure = this.carries(this.structureCols);
    this.carryResponsible = this.carries(this.responsibleCols);
  }

  read(): ObjectivesReading {
    for (const row of this.rowsToRead()) this.readRow(row);
    this.finishBlocks();
    classifyWeights(this.objectives, this.weightCol?.label ?? '', new Map(this.managerCols.map((c) => [c.manager!, c.label])));
    return { objectives: this.objectives, codes: this.codes, notes: this.notes, totals: this.totals };
  }

  /** Codes of one segment only, the same number under different titles: a numbering that restarts under each parent. */
  private restartsUnderParent(src: LevelSource): boolean {
    const titles = new Map<string, Set<string>>();
    for (let r = this.table.bodyStart; r <= this.table.bodyEnd; r++) {
      const cell = this.levelCell(r, src, true);
      if (!cell?.code) continue;
      if (cell.code.segments.length !== 1 || /^VP/i.test(cell.code.code)) return false;
      const set = titles.get(cell.code.code) ?? new Set<string>();
      set.add(normaliseLabel(cell.title));
      titles.set(cell.code.code, set);
    }
    return [...titles.values()].some((t) => t.size > 1);
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

  /**
   * The code column numbers the rows (1, 2, 3; «n. 1»; restarting per block) or holds references
   * of the table's own («AA2/B», «PS1»): no code of the cascade anywhere in it.
   */
  private isOwnNumbering(col: number): boolean {
    let n = 0;
    let dotted = 0;
    for (let r = this.table.bodyStart; r <= this.table.bodyEnd; r++) {
      const t = this.grid.text(r, col).trim();
      // headings between blocks, the header repeated per block and total lines number nothing
      if (!t || this.grid.filledColumns(r).length === 1 || this.isTotalRow(r) || this.isFiguresLine(r) || this.table.headerRows.includes(r) || this.repeatsHeader(r)) continue;
      // a label of several words in the code column («Responsabile del servizio», «Peso ponderale effettivo») numbers nothing
      if (/[A-Za-zÀ-ÿ]{3,}[^A-Za-zÀ-ÿ]+[A-Za-zÀ-ÿ]{3,}/.test(t)) continue;
      n++;
      const parsed = parseCode(t);
      if (parsed && (parsed.segments.length > 1 || /^VP/i.test(parsed.code))) dotted++;
      else if (!/^\d{1,3}\.?$/.test(t) && !ownReference(t)) return false;
    }
    return n >= 1 && dotted === 0;
  }

  /** The level a caption gives the whole table ("Obiettivi operativi 2024"), when it names one. */
  private captionLevel(): ObjectiveLevel | undefined {
    if (!this.codeless || this.levels.length > 0 || this.ownLevel) return undefined;
    const found = new Set<ObjectiveLevel>();
    // a short caption or the sheet's name; a paragraph above the table may name every level in passing
    for (const t of [...this.table.titleRows.map((r) => this.text(r, this.grid.filledColumns(r)[0])).filter((x) => x.length <= 100), this.grid.sheet]) {
      const n = normaliseLabel(t);
      if (/\bobiettiv\w* strategic/.test(n)) found.add('strategic');
      if (/\bobiettiv\w* operativ/.test(n)) found.add('operational');
      if (/\bobiettiv\w* (di performance|esecutiv|gestional|di gestione|peg)\b/.test(n)) found.add('performance');
    }
    return found.size === 1 ? [...found][0] : undefined;
  }

  /**
   * A column written once per block, blanks below meaning "same as above": some value is followed
   * by blank rows, and no value is written again right after blanks (a sheet that repeats
   * «Tributi» after a blank row writes every row, and its blank is a missing value).
   */
  private carries(cols: ColumnMapping[]): boolean {
    if (!cols.length) return false;
    let previous: string | undefined;
    let blankSince = false;
    let carried = false;
    for (let r = this.table.bodyStart; r <= this.table.bodyEnd; r++) {
      if (!this.identityText(r)) continue;
      const value = normaliseLabel(cols.map((c) => this.grid.shownText(r, c.col)).join(' '));
      if (!value) {
        if (previous !== undefined) blankSince = carried = true;
        continue;
      }
      if (blankSince && value === previous) return false;
      previous = value;
      blankSince = false;
    }
    return carried;
  }

  /** Some cell of the row names an objective (a level, code or title column). */
  private identityText(row: number): boolean {
    const cols = [this.codeCol, this.titleCol, this.ownLevel?.title, ...this.levels.flatMap((l) => [l.combined, l.code, l.title])];
    return cols.some((c) => c !== undefined && this.grid.text(row, c).trim() !== '');
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
    if (row < this.table.headerRows[0]) {
      this.titleRow(row);
      return;
    }
    if (this.isRepeatedHeader(row)) return;
    if (this.isTotalRow(row)) {
      this.statedTotals(row);
      return;
    }
    if (this.isFiguresLine(row)) return;
    if (this.footerRow(row)) return;
    if (this.headingRow(row)) return;
    const filled = grid.filledColumns(row).length;
    const created: ObjectiveDraft[] = [];
    let continued = false;

    for (const src of this.levels) {
      const cell = this.levelCell(row, src);
      if (!cell) continue;
      let { title } = cell;
      const { col } = cell;
      let code = cell.code;
      let ownRef: string | undefined;
      if (!code && !src.coded) {
        const numbered = ownNumberInTitle(title);
        if (numbered) ({ ref: ownRef, title } = numbered);
      }
      if (code && src.local) {
        ownRef = code.segments[0];
        code = undefined;
      }
      if (!code && src.coded && ownRef === undefined) {
        // a level whose column holds codes: a text alone continues the title above, or misses its code
        if (created.length === 0) continued = this.textWithoutCode(row, col, title, filled);
        continue;
      }
      const same = this.sameAsKnown(src.level, code?.code, title);
      if (same) {
        if (this.cascade.at(src.level) !== same) this.cascade.push(same);
        continue;
      }
      const parent = this.cascade.parentFor(src.level);
      created.push(code ? this.create(code, title, src.level, row, col, parent, 'layout') : this.createCodeless(ownRef, title, src.level, row, col, parent));
    }

    const ownTitleCol = this.titleCol ?? this.ownLevel?.title;
    if (this.codeCol !== undefined) {
      const codeText = this.text(row, this.codeCol);
      const title = this.text(row, ownTitleCol);
      if (codeText) {
        const o = this.codeRow(row, codeText, title, created);
        if (o) created.push(o);
      } else if (title && created.length === 0) {
        if (this.codeless) created.push(this.codelessRow(row, ownTitleCol!, title, created));
        else continued = this.textWithoutCode(row, ownTitleCol!, title, filled);
      }
    } else if (ownTitleCol !== undefined) {
      const title = this.text(row, ownTitleCol);
      if (title) {
        if (this.last && this.lastRowHadObjective && startsLowercase(title) && created.length === 0) continued = this.textWithoutCode(row, ownTitleCol, title, filled);
        else created.push(this.codelessRow(row, ownTitleCol, title, created));
      }
    }

    if (created.length > 0) this.last = created[created.length - 1];
    if (!continued || created.length > 0) this.applyDetails(row, created);
    this.lastRowHadObjective = created.length > 0 || (continued && this.lastRowHadObjective);
  }

  /** The code and title one level gives on a row, or nothing when its cells are blank ("same as above"). */
  private levelCell(row: number, src: LevelSource, quiet = false): { code?: ParsedCode; title: string; col: number } | undefined {
    if (src.combined !== undefined) {
      const text = this.text(row, src.combined);
      if (!text) return undefined;
      const { code, title } = splitCodeAndTitle(text);
      return { code, title, col: src.combined };
    }
    const codeText = this.text(row, src.code);
    const title = this.text(row, src.title);
    if (!codeText && !title) return undefined;
    const code = codeText ? (parseCode(codeText) ?? splitCodeAndTitle(codeText).code) : undefined;
    if (codeText && !code && !quiet) {
      this.notes.push({ note: 'unparseable', at: placeOf(this.grid, row, src.code!), what: "il codice dell'obiettivo", expected: 'un codice come 01.02.03', text: codeText });
    }
    return { code, title: title || (code ? '' : codeText), col: code || title === '' ? src.code! : src.title! };
  }

  /** An objective of this level already read in the table: the same code, or (codeless) the same title under the same parent. */
  private sameAsKnown(level: ObjectiveLevel, code: string | undefined, title: string): ObjectiveDraft | undefined {
    return this.known.get(this.knownKey(level, code, title, this.cascade.parentFor(level)));
  }

  private knownKey(level: ObjectiveLevel, code: string | undefined, title: string, parent: ObjectiveDraft | undefined): string {
    return code ? `${level}\u0000${code}\u0000${normaliseLabel(title)}` : `${level}\u0000\u0000${normaliseLabel(title)}\u0000${parent?.seq ?? ''}`;
  }

  /** An objective given by a code column (and a title column): level and parent from the layout. */
  private codeRow(row: number, codeText: string, title: string, onRow: ObjectiveDraft[]): ObjectiveDraft | undefined {
    const grid = this.grid;
    const codeCol = this.codeCol!;
    if (this.ownNumbering) return this.codelessRow(row, this.titleCol ?? this.ownLevel?.title ?? codeCol, title, onRow, ownReference(codeText) ?? codeText.replace(/\.$/, ''), codeCol);
    const split = splitCodeAndTitle(codeText);
    const parsed = parseCode(codeText) ?? split.code;
    if (!parsed) {
      this.notes.push({ note: 'unparseable', at: placeOf(grid, row, codeCol), what: "il codice dell'obiettivo", expected: 'un codice come 01.02.03', text: codeText });
      return undefined;
    }
    const fullTitle = title || (parseCode(codeText) ? '' : split.title);
    const level = this.writtenLevel(row) ?? headingLevel(fullTitle) ?? this.ownLevel?.level ?? (parsed.code.startsWith('VP') ? 'value' : this.belowColumns() ?? levelFromDepth(depth(parsed.code)));

    const fromColumn = this.parentFromColumn(row);
    if (fromColumn) return this.create(parsed, stripLevelWords(fullTitle), level, row, codeCol, undefined, 'column', fromColumn.code, fromColumn.at);
    if (this.writtenLevel(row) || this.levels.length > 0) return this.create(parsed, stripLevelWords(fullTitle), level, row, codeCol, onRow[onRow.length - 1] ?? this.cascade.parentFor(level), 'layout');
    if (level === 'value') return this.create(parsed, stripLevelWords(fullTitle), level, row, codeCol, undefined, 'layout');
    const parent = this.cascade.parentByCode(parsed.code);
    if (parent) return this.create(parsed, stripLevelWords(fullTitle), level, row, codeCol, parent, 'layout');
    return this.create(parsed, stripLevelWords(fullTitle), level, row, codeCol, undefined, 'code', codeParent(parsed.code));
  }

  /** An objective of a table that prints no code of the cascade: its own number or reference, if any, is kept for its assigned code. */
  private codelessRow(row: number, titleCol: number, text: string, onRow: ObjectiveDraft[], ref?: string, refCol?: number): ObjectiveDraft {
    let title = text;
    let own = ref;
    if (own === undefined) {
      const numbered = ownNumberInTitle(text);
      if (numbered) {
        own = numbered.ref;
        title = numbered.title;
      }
    }
    const level = this.writtenLevel(row) ?? this.ownLevel?.level ?? this.belowColumns() ?? this.defaultLevel;
    const col = title ? titleCol : (refCol ?? titleCol);
    const fromColumn = this.parentFromColumn(row);
    if (fromColumn) {
      const o = this.createCodeless(own, title, level, row, col, undefined, fromColumn);
      return o;
    }
    return this.createCodeless(own, title, level, row, col, onRow[onRow.length - 1] ?? this.cascade.parentFor(level));
  }

  /** The level the row's "Livello" cell writes, if any (an unreadable one is noted). */
  private writtenLevel(row: number): ObjectiveLevel | undefined {
    const levelText = this.text(row, this.levelCol);
    if (!levelText) return undefined;
    const written = levelFromLabel(levelText);
    if (!written && !this.notes.some((n) => n.at.cell === placeOf(this.grid, row, this.levelCol!).cell && n.what === 'il livello')) {
      this.notes.push({ note: 'unparseable', at: placeOf(this.grid, row, this.levelCol!), what: 'il livello', expected: 'un livello (strategico, operativo, performance...)', text: levelText });
    }
    return written;
  }

  /** The level right below the deepest level column (the objectives of the code column). */
  private belowColumns(): ObjectiveLevel | undefined {
    const deepest = this.levels[this.levels.length - 1]?.level;
    return deepest ? LEVEL_ORDER[Math.min(levelRank(deepest) + 1, LEVEL_ORDER.length - 1)] : undefined;
  }

  /** The parent a parent-code column gives on the row ("Rif. DUP"): a code, or a reference of another document. */
  private parentFromColumn(row: number): { code: string; at: Place } | undefined {
    if (this.parentCol === undefined) return undefined;
    const text = this.text(row, this.parentCol);
    if (!text) return undefined;
    const at = placeOf(this.grid, row, this.parentCol);
    const p = splitCodeAndTitle(text).code;
    if (p) {
      this.codes.push({ kind: 'objective', raw: p.raw, code: p.code, wellFormed: p.wellFormed, numeric: typeof this.grid.value(row, this.parentCol) === 'number', at });
      return { code: p.code, at };
    }
    const ref = ownReference(text);
    if (ref) return { code: ref, at };
    this.notes.push({ note: 'unparseable', at, what: "il codice dell'obiettivo di riferimento", expected: 'un codice', text });
    return undefined;
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
  ): ObjectiveDraft {
    const at = placeOf(this.grid, row, col);
    if (level === 'value') parsed = asValueCode(parsed);
    this.codes.push({ kind: 'objective', raw: parsed.raw, code: parsed.code, wellFormed: parsed.wellFormed, numeric: typeof this.grid.value(row, col) === 'number', at });
    const o = this.draft(parsed.code, title, level, at, parent, parent ? parentFrom : parentCode ? parentFrom : 'none', parentCode, parentAt);
    if (!title) this.notes.push({ note: 'missing', at, what: `il titolo dell'obiettivo ${parsed.code}`, expected: 'un titolo' });
    return o;
  }

  /** An objective with no code of the cascade: its code is assigned once every table is read. */
  private createCodeless(
    ownRef: string | undefined,
    title: string,
    level: ObjectiveLevel,
    row: number,
    col: number,
    parent: ObjectiveDraft | undefined,
    fromColumn?: { code: string; at: Place },
  ): ObjectiveDraft {
    const at = placeOf(this.grid, row, col);
    const o = fromColumn ? this.draft('', title, level, at, undefined, 'column', fromColumn.code, fromColumn.at) : this.draft('', title, level, at, parent, parent ? 'layout' : 'none', null);
    o.codeAssigned = true;
    if (ownRef !== undefined) o.ownRef = ownRef;
    if (!title) this.notes.push({ note: 'missing', at, what: `il titolo dell'obiettivo ${ownRef ?? ''}`.trim(), expected: 'un titolo' });
    return o;
  }

  private draft(code: string, title: string, level: ObjectiveLevel, at: Place, parent: ObjectiveDraft | undefined, parentFrom: ObjectiveDraft['parentFrom'], parentCode: string | null, parentAt?: Place): ObjectiveDraft {
    const o: ObjectiveDraft = {
      code,
      level,
      title,
      parentCode: parent ? parent.code : parentCode,
      parentAt: parent ? parent.at : parentAt,
      parentFrom,
      structure: null,
      at,
      table: this.table,
      block: this.block,
      seq: this.seq++,
    };
    if (parent) o.parentDraft = parent;
    this.objectives.push(o);
    this.known.set(this.knownKey(level, o.codeAssigned ? undefined : code || undefined, title, parent), o);
    this.cascade.push(o);
    return o;
  }

  /** Rows above the header: value and mandate headings, and the structure (and responsible) the table belongs to. */
  private titleRow(row: number): void {
    const filled = this.grid.filledColumns(row);
    if (filled.length !== 1) return;
    const text = this.text(row, filled[0]);
    if (headingLevel(text)) {
      this.headingRow(row);
      return;
    }
    const at = placeOf(this.grid, row, filled[0]);
    if (footerKind(text, false) === 'responsible') {
      const name = textAfterColon(text);
      if (name) Object.assign(this.block, { responsible: name, responsibleAt: at });
    } else if (looksLikeStructure(text)) {
      const h = readHeading(text);
      this.block.structure = h.structure;
      this.block.structureAt = at;
      if (h.responsible) Object.assign(this.block, { responsible: h.responsible, responsibleAt: at });
    }
  }

  /** A row with one text only: "1. VALORE PUBBLICO - ...", "02. LINEA DI MANDATO - ...", or a structure heading such as "AREA TECNICA". */
  private headingRow(row: number): boolean {
    const filled = this.grid.filledColumns(row);
    if (filled.length !== 1) return false;
    const col = filled[0];
    const text = this.text(row, col);
    const level = headingLevel(text);
    if (!level) {
      const codeColumns = [this.codeCol, ...this.levels.filter((l) => l.coded).flatMap((l) => [l.combined, l.code])];
      // a text in a code column is the objective's only when it is a code or a number («AREA TECNICA» there is a heading)
      const inCodeColumn = codeColumns.includes(col) && (startsWithCode(text) || ownReference(text) !== undefined || this.levels.some((l) => l.combined === col));
      const objectiveCell = inCodeColumn || this.levels.some((l) => l.title === col) || col === this.titleCol || col === this.ownLevel?.title;
      if (objectiveCell && splitCodeAndTitle(text).code && !this.codeless) return false;
      if (objectiveCell && startsLowercase(text) && this.lastRowHadObjective) return false;
      // a text alone in an objective's own column is an objective of a table without codes, unless it
      // reads as a heading: spread across columns, in capitals, or naming a structure
      const merge = this.grid.mergeAt(row, col);
      const namesStructure = (merge !== undefined && merge.right > merge.left) || isCapitalHeading(text) || looksLikeStructure(text);
      const heading = !objectiveCell || namesStructure || this.captionOfNextBlock(row);
      if (!heading && this.codeless) return false;
      if (heading) this.startBlock(row, col, text, namesStructure || !objectiveCell);
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

  /** A structure heading between blocks: the objectives below belong to it. */
  private startBlock(row: number, col: number, text: string, namesStructure: boolean): void {
    const h = readHeading(text);
    const at = placeOf(this.grid, row, col);
    this.block = { seq: this.block.seq + 1 };
    if (namesStructure || h.responsible) Object.assign(this.block, { structure: h.structure, structureAt: at });
    if (h.responsible) Object.assign(this.block, { responsible: h.responsible, responsibleAt: at });
    this.carried = {};
    this.running = new Map();
    this.lastRowHadObjective = false;
  }

  /** A caption of the next block: the next filled row is another single text or the header again («Azione 2», «Titolo: ...», header). */
  private captionOfNextBlock(row: number): boolean {
    for (let r = row + 1; r <= Math.min(this.table.bodyEnd, row + 4); r++) {
      if (this.grid.isBlankRow(r)) continue;
      return this.grid.filledColumns(r).length === 1 || this.repeatsHeader(r);
    }
    return false;
  }

  /** Rows under a block that are not objectives: its responsible, resources, notes, signatures. */
  private footerRow(row: number): boolean {
    const filled = this.grid.filledColumns(row);
    const first = filled.map((c) => ({ c, t: this.text(row, c) })).find((x) => /[a-zà-ÿ]/i.test(x.t));
    if (!first) return false;
    const hasWeight = [this.weightCol, ...this.managerCols].some((w) => w && readWeightCell(this.grid, row, w.col).kind === 'number');
    const kind = footerKind(first.t, hasWeight);
    if (!kind) return false;
    if (kind === 'responsible' && !this.block.responsible) {
      const other = filled.filter((c) => c > first.c).map((c) => ({ c, t: this.text(row, c) })).find((x) => x.t);
      const name = textAfterColon(first.t) ?? other?.t;
      if (name) Object.assign(this.block, { responsible: name, responsibleAt: placeOf(this.grid, row, other && !textAfterColon(first.t) ? other.c : first.c) });
    }
    return true;
  }

  /** A line that adds up the weights or figures above ("Totale peso CdR 2", "Tot.", a row of sums only). */
  private isTotalRow(row: number): boolean {
    const filled = this.grid.filledColumns(row);
    const texts = filled.map((c) => this.text(row, c));
    const numeric = (t: string) => /^[-+]?[\d.,\s]+%?$/.test(t);
    const first = texts.find((t) => /[a-zà-ÿ]/i.test(t));
    if (!first) return texts.length > 0 && texts.every(numeric) && !this.identityText(row);
    if (!isTotalLabel(first)) return false;
    // besides its label it holds figures only (an objective titled "Totale ..." has a structure, an indicator)
    return texts.filter((t) => t !== first).every(numeric);
  }

  /** The weight columns: the one weight column, or one per manager. */
  private weightColumns(): ColumnMapping[] {
    return this.weightCol ? [this.weightCol] : this.managerCols;
  }

  /**
   * A line of figures under objectives that names no objective: a label where a code would be
   * («Peso ponderale calcolato», «Coefficiente di conversione») and figures. When its figures are
   * the sums of the weights above it is a stated total, checked like one.
   */
  private isFiguresLine(row: number): boolean {
    const filled = this.grid.filledColumns(row);
    const label = filled.map((c) => ({ c, t: this.text(row, c) })).find((x) => /[a-zà-ÿ]{3}/i.test(x.t));
    if (!label) return false;
    const titleCols = [this.titleCol, this.ownLevel?.title, ...this.levels.flatMap((l) => [l.title, l.combined, l.code])];
    if (titleCols.some((c) => c !== undefined && this.text(row, c) && c !== label.c)) return false;
    // the label stands where an objective is named (its code or title column), or in a column of no role
    const role = this.table.columns.find((c) => c.col === label.c)?.role ?? null;
    if (!(label.c === this.codeCol || titleCols.includes(label.c) || role === null)) return false;
    // a row with its own number or code is an objective
    if (this.codeCol !== undefined && label.c !== this.codeCol && this.text(row, this.codeCol)) return false;
    if ((label.c === this.codeCol && ownReference(label.t) !== undefined) || startsWithCode(label.t)) return false;
    // a text in the title column is an objective, unless every figure of it is the sum above
    if (titleCols.includes(label.c) && !this.sumsAbove(row, true)) return false;
    const others = filled.filter((c) => c !== label.c).map((c) => this.text(row, c));
    if (!others.length || !others.every((t) => /^[-+]?[\d.,\s]+%?$/.test(t))) return false;
    if (this.sumsAbove(row)) this.statedTotals(row);
    return true;
  }

  /** At least half of the line's weight figures (and at least one) equal the sums of the weights above. */
  private sumsAbove(row: number, all = false): boolean {
    let figures = 0;
    let equal = 0;
    for (const w of this.weightColumns()) {
      const cell = readWeightCell(this.grid, row, w.col);
      if (cell.kind !== 'number') continue;
      figures++;
      const run = this.running.get(w.col);
      if (run && run.parts.length > 1 && Math.abs(run.sum - cell.value) <= 0.011) equal++;
    }
    return equal > 0 && (all ? equal === figures : equal * 2 >= figures);
  }

  /** The totals a total line states for each weight column, against the weights read since the last one. */
  private statedTotals(row: number): void {
    for (const w of this.weightColumns()) {
      const cell = readWeightCell(this.grid, row, w.col);
      const run = this.running.get(w.col);
      if (cell.kind !== 'number' || !run || run.parts.length < 2) continue;
      const total: StatedWeightTotal = { at: placeOf(this.grid, row, w.col), stated: cell.value, sum: Math.round(run.sum * 1e6) / 1e6, parts: run.parts };
      const of = w.manager ?? run.of;
      if (of) total.of = of;
      this.totals.push(total);
    }
    this.running = new Map();
  }

  private addToRunning(col: number, weight: number, at: Place, of?: string): void {
    const run = this.running.get(col);
    if (run) {
      run.sum += weight;
      run.parts.push(at);
    } else this.running.set(col, { sum: weight, parts: [at], ...(of ? { of } : {}) });
  }

  private isRepeatedHeader(row: number): boolean {
    const repeated = this.table.headerRows.includes(row) || this.repeatsHeader(row);
    if (repeated) this.lastRowHadObjective = false;
    return repeated;
  }

  /** The header row written again (at the top of each structure's block, after a page break). */
  private repeatsHeader(row: number): boolean {
    const filled = this.grid.filledColumns(row);
    if (filled.length < 2) return false;
    // the same labels in the same columns (whatever role the body later gave them)
    const labelAt = new Map(this.table.columns.map((c) => [c.col, normaliseLabel(c.label.split(' / ').pop() ?? c.label)]));
    const fullAt = new Map(this.table.columns.map((c) => [c.col, normaliseLabel(c.label)]));
    if (filled.every((c) => [labelAt.get(c), fullAt.get(c)].includes(normaliseLabel(this.grid.text(row, c))))) return true;
    const cand = mapRowIfHeader(this.grid, row, objectiveVocabulary, 2, 0);
    if (!cand) return false;
    const kin = (r: string | null | undefined) => (r === 'responsible' ? 'structure' : r);
    return cand.columns.every((c) => {
      if (c.role === null) return true;
      const { role, level } = splitLevelRole(c.role);
      return this.table.columns.some((x) => x.col === c.col && kin(x.role) === kin(role) && x.level === level);
    });
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

  /** A structure or responsible cell, or (written once per block) the one above it. */
  private carriedText(row: number, cols: ColumnMapping[], key: 'structure' | 'responsible', carry: boolean): { text: string; at?: Place } {
    const own = this.shown(row, cols);
    if (own.text) {
      this.carried[key] = { text: own.text, at: own.at };
      return own;
    }
    return carry && this.carried[key] ? this.carried[key]! : own;
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
      // its weight belongs to the objective above when the row goes on with its indicators; an unreadable one is said anyway
      if (this.weightCol && last.weight === undefined && (indicator.text || target.text || readWeightCell(this.grid, row, this.weightCol.col).kind === 'unparseable')) this.readWeight(row, this.weightCol.col, last);
      return;
    }
    const structure = this.carriedText(row, this.structureCols, 'structure', this.carryStructure);
    const responsible = this.carriedText(row, this.responsibleCols, 'responsible', this.carryResponsible);
    if (structure.text) {
      deepest.structure = structure.text;
      deepest.structureAt = structure.at;
    }
    if (responsible.text) {
      deepest.responsible = responsible.text;
      deepest.responsibleAt = responsible.at;
    }
    if (indicator.text) deepest.indicator = indicator.text;
    if (target.text) deepest.target = target.text;
    if (this.weightCol) this.readWeight(row, this.weightCol.col, deepest);
    for (const m of this.managerCols) this.readManagerWeight(row, m, deepest);
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
    const cell = readWeightCell(this.grid, row, col);
    const at = placeOf(this.grid, row, col);
    if (cell.kind === 'number') {
      o.weight = cell.value;
      o.weightAt = at;
      if (cell.percent) o.weightPercentCell = true;
      this.addToRunning(col, cell.value, at, o.structure ?? o.responsible ?? this.block.structure);
    } else if (cell.kind === 'not-available') this.notes.push({ note: 'not-available', at, what: `il peso dell'obiettivo ${objectiveName(o)}`, text: cell.text });
    else if (cell.kind === 'unparseable') this.notes.push({ note: 'unparseable', at, what: `il peso dell'obiettivo ${objectiveName(o)}`, expected: 'un numero o una percentuale', text: cell.text });
  }

  private readManagerWeight(row: number, column: ColumnMapping, o: ObjectiveDraft): void {
    const cell = readWeightCell(this.grid, row, column.col);
    const at = placeOf(this.grid, row, column.col);
    if (cell.kind === 'number') {
      (o.weights ??= []).push({ manager: column.manager!, weight: cell.value, at, percent: false });
      this.addToRunning(column.col, cell.value, at);
    }
    else if (cell.kind === 'unparseable') this.notes.push({ note: 'unparseable', at, what: `il peso dell'obiettivo ${objectiveName(o)} per «${column.manager}»`, expected: 'un numero o una percentuale', text: cell.text });
  }

  /** Objectives take the structure and responsible of their block when their row names none. */
  private finishBlocks(): void {
    for (const o of this.objectives) {
      const b = o.block;
      if (!b) continue;
      if (!o.structure && b.structure) {
        o.structure = b.structure;
        o.structureAt = b.structureAt;
      }
      if (!o.responsible && b.responsible) {
        o.responsible = b.responsible;
        o.responsibleAt = b.responsibleAt;
      }
    }
  }
}
