import { ColumnMapping, DetectedTable, columnsOf } from '../detect/table';
import { Grid } from '../grid/grid';
import { ObjectiveLevel } from '../schema/dossier';
import { normaliseLabel } from '../text/normalise';
import { ParsedCode, parseCode, splitCodeAndTitle, startsWithCode } from './codes';
import { isLevelRole } from './columns';
import { LEVEL_ORDER, levelRank } from './levels';
import { ownReference } from './numbering';
import { figuresLineLabel, isTotalLine, repeatsHeader } from './row-kinds';

/**
 * Where one level of the cascade is read on a row: a column of "code title" cells, or a code
 * column and a title column of that level (flattened hierarchies), or titles only.
 */
export interface LevelSource {
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

/** What a level gives on a row: its code (if any), its title, the cell that names it; a code cell that reads as no code. */
export interface LevelCell {
  code?: ParsedCode;
  title: string;
  col: number;
  badCode?: string;
}

export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The columns of an objectives table as its reader uses them, decided once from the detected (or
 * mapped) columns and the body: the levels read on each row, the row's own code and title, the
 * parent reference, the detail columns, and what the body says of the numbering.
 */
export class ObjectivesLayout {
  readonly grid: Grid;
  /** The cascade's levels read on each row, top-down. */
  readonly levels: LevelSource[];
  /** The row's own objective: a code column (and title column) below or beside the level columns. */
  readonly codeCol?: number;
  readonly titleCol?: number;
  /** The level the own code column's objectives have when a level column of titles names them. */
  readonly ownLevel?: { level: ObjectiveLevel; title: number };
  readonly levelCol?: number;
  readonly parentCol?: number;
  readonly structureCols: ColumnMapping[];
  readonly responsibleCols: ColumnMapping[];
  readonly indicatorCols: ColumnMapping[];
  readonly targetCols: ColumnMapping[];
  readonly weightCol?: ColumnMapping;
  readonly managerCols: ColumnMapping[];
  readonly missionCol?: number;
  readonly programmeCol?: number;
  /** The code column numbers a flat list (1, 2, 3...) or holds the table's own references («AA2/B»): no cascade codes. */
  readonly ownNumbering: boolean;
  /** No column of the table holds a code of the cascade. */
  readonly codeless: boolean;
  /** Level of the objectives of a table that says nothing else of them (its caption, else performance). */
  readonly defaultLevel: ObjectiveLevel;
  /** Structure / responsible columns written once per block, blanks below meaning "same as above". */
  readonly carryStructure: boolean;
  readonly carryResponsible: boolean;

  constructor(readonly table: DetectedTable) {
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
    else if (lone && codeCol === lone.col && this.titleCol !== undefined) this.ownLevel = { level: lone.level, title: this.titleCol };
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

  text(row: number, col: number | undefined): string {
    return col === undefined ? '' : clean(this.grid.text(row, col));
  }

  /** The columns that name an objective by its title (or code and title). */
  titleColumns(): (number | undefined)[] {
    return [this.titleCol, this.ownLevel?.title, ...this.levels.flatMap((l) => [l.title, l.combined, l.code])];
  }

  /** The weight columns: the one weight column, or one per manager. */
  weightColumns(): ColumnMapping[] {
    return this.weightCol ? [this.weightCol] : this.managerCols;
  }

  /** Some cell of the row names an objective (a level, code or title column). */
  identityText(row: number): boolean {
    return [this.codeCol, ...this.titleColumns()].some((c) => c !== undefined && this.grid.text(row, c).trim() !== '');
  }

  /** The code and title one level gives on a row, or nothing when its cells are blank ("same as above"). */
  levelCell(row: number, src: LevelSource): LevelCell | undefined {
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
    const cell: LevelCell = { code, title: title || (code ? '' : codeText), col: code || title === '' ? src.code! : src.title! };
    if (codeText && !code) cell.badCode = codeText;
    return cell;
  }

  private bodyRows(): number[] {
    const rows: number[] = [];
    for (let r = this.table.bodyStart; r <= this.table.bodyEnd; r++) rows.push(r);
    return rows;
  }

  private bodyHasCodes(col: number): boolean {
    return this.bodyRows().some((r) => startsWithCode(this.grid.text(r, col)));
  }

  /** Every filled body cell of the column is a code and nothing else. */
  private bodyHasOnlyCodes(col: number): boolean {
    let n = 0;
    for (const r of this.bodyRows()) {
      const t = this.grid.text(r, col);
      if (!t) continue;
      if (!parseCode(t) || /^\d{1,3}\.?$/.test(t.trim())) return false;
      n++;
    }
    return n > 0;
  }

  /** Codes of one segment only, the same number under different titles: a numbering that restarts under each parent. */
  private restartsUnderParent(src: LevelSource): boolean {
    const titles = new Map<string, Set<string>>();
    for (const r of this.bodyRows()) {
      const cell = this.levelCell(r, src);
      if (!cell?.code) continue;
      if (cell.code.segments.length !== 1 || /^VP/i.test(cell.code.code)) return false;
      const set = titles.get(cell.code.code) ?? new Set<string>();
      set.add(normaliseLabel(cell.title));
      titles.set(cell.code.code, set);
    }
    return [...titles.values()].some((t) => t.size > 1);
  }

  /**
   * The code column numbers the rows (1, 2, 3; «n. 1»; restarting per block) or holds references
   * of the table's own («AA2/B», «PS1»): no code of the cascade anywhere in it. Called while the
   * layout is built: the row kinds it asks use the columns decided before it.
   */
  private isOwnNumbering(col: number): boolean {
    let n = 0;
    for (const r of this.bodyRows()) {
      const t = this.grid.text(r, col).trim();
      if (!t) continue;
      // a code of the cascade settles it (no heading, header or total line holds one)
      const parsed = parseCode(t);
      if (parsed && (parsed.segments.length > 1 || /^VP/i.test(parsed.code))) return false;
      // headings between blocks, the header repeated per block, total lines and lines of figures number nothing
      if (this.grid.filledColumns(r).length === 1 || this.table.headerRows.includes(r) || isTotalLine(this, r) || figuresLineLabel(this, r)?.inTitle === false || repeatsHeader(this, r)) continue;
      // a label of several words in the code column («Responsabile del servizio», «Peso ponderale effettivo») numbers nothing
      if (/[A-Za-zÀ-ÿ]{3,}[^A-Za-zÀ-ÿ]+[A-Za-zÀ-ÿ]{3,}/.test(t)) continue;
      n++;
      if (!/^\d{1,3}\.?$/.test(t) && !ownReference(t)) return false;
    }
    return n >= 1;
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
   * by blank rows, and no value is written twice, neither on two rows in a row nor right after
   * blanks (a sheet that writes «Tributi» on each of its rows writes every row, and its one blank
   * is a missing value). A vertical merge is not writing twice: its lower cells are empty.
   */
  private carries(cols: ColumnMapping[]): boolean {
    if (!cols.length) return false;
    const join = (r: number, text: (row: number, col: number) => string) => normaliseLabel(cols.map((c) => text.call(this.grid, r, c.col)).join(' '));
    let previous: string | undefined;
    let previousWritten: string | undefined;
    let blankSince = false;
    let carried = false;
    for (const r of this.bodyRows()) {
      if (!this.identityText(r)) continue;
      const value = join(r, this.grid.shownText);
      const written = join(r, this.grid.text);
      if (!value) {
        if (previous !== undefined) blankSince = carried = true;
        previousWritten = undefined;
        continue;
      }
      if ((blankSince && value === previous) || (written && written === previousWritten)) return false;
      previous = value;
      previousWritten = written;
      blankSince = false;
    }
    return carried;
  }
}
