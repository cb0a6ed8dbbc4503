import { DetectedTable } from '../detect/table';
import { CellNote, CodeUse, ObjectiveBlock, ObjectiveDraft, StatedWeightTotal, placeOf } from '../model';
import { ObjectiveLevel, Place } from '../schema/dossier';
import { normaliseLabel } from '../text/normalise';
import { ParsedCode, asValueCode, codeParent, depth, parseCode, splitCodeAndTitle, startsWithCode } from './codes';
import { RowDetails } from './details';
import { ObjectivesLayout } from './layout';
import { LEVEL_ORDER, headingLevel, levelFromDepth, levelFromLabel, levelRank, stripLevelWords } from './levels';
import { ownNumberInTitle, ownReference } from './numbering';
import { captionOfNextBlock, figuresLineLabel, isCapitalHeading, isTotalLine, repeatsHeader } from './row-kinds';
import { footerKind, looksLikeStructure, readHeading, textAfterColon } from './rows';
import { WeightTotals } from './weight-totals';
import { classifyWeights, readWeightCell } from './weights';

export interface ObjectivesReading {
  objectives: ObjectiveDraft[];
  codes: CodeUse[];
  notes: CellNote[];
  totals: StatedWeightTotal[];
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

/** A text that goes on with the title of the row above (a cell split over two rows): it opens in lower case, and not with a number («n. 2 ...»). */
function startsLowercase(text: string): boolean {
  return /^[a-zà-ÿ]/.test(text) && !ownNumberInTitle(text);
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
  private readonly layout: ObjectivesLayout;
  private readonly objectives: ObjectiveDraft[] = [];
  private readonly codes: CodeUse[] = [];
  private readonly notes: CellNote[] = [];
  private readonly cascade = new Cascade();
  private readonly totals = new WeightTotals();
  private readonly details: RowDetails;
  private block: ObjectiveBlock = { seq: 0 };
  /** Objectives of the table by level and code (or title, when codeless): an ancestor is created once. */
  private readonly known = new Map<string, ObjectiveDraft>();
  private last?: ObjectiveDraft;
  private lastRowHadObjective = false;

  constructor(
    private readonly table: DetectedTable,
    private seq: number,
  ) {
    this.layout = new ObjectivesLayout(table);
    this.details = new RowDetails(this.layout, this.notes, this.codes, this.totals);
  }

  read(): ObjectivesReading {
    for (const t of this.table.titleRows) if (t < this.table.headerRows[0]) this.titleRow(t);
    for (let r = this.table.bodyStart; r <= this.table.bodyEnd; r++) this.readRow(r);
    this.finishBlocks();
    const { weightCol, managerCols } = this.layout;
    classifyWeights(this.objectives, weightCol?.label ?? '', new Map(managerCols.map((c) => [c.manager!, c.label])));
    return { objectives: this.objectives, codes: this.codes, notes: this.notes, totals: this.totals.stated };
  }

  private readRow(row: number): void {
    const { grid } = this.layout;
    if (grid.isBlankRow(row)) {
      this.lastRowHadObjective = false;
      return;
    }
    if (this.table.headerRows.includes(row) || repeatsHeader(this.layout, row)) {
      this.lastRowHadObjective = false;
      return;
    }
    if (isTotalLine(this.layout, row)) {
      this.totals.close(grid, row, this.layout.weightColumns());
      return;
    }
    if (this.figuresLine(row)) return;
    if (this.footerRow(row)) return;
    if (this.headingRow(row)) return;
    const created: ObjectiveDraft[] = [];
    let continued = this.readLevels(row, created);
    const own = this.readOwn(row, created);
    continued ||= own;
    if (created.length > 0) this.last = created[created.length - 1];
    if (!continued || created.length > 0) this.details.apply(row, created, this.last, this.block.structure);
    this.lastRowHadObjective = created.length > 0 || (continued && this.lastRowHadObjective);
  }

  /** The cascade's levels on the row, top-down: a new objective where a level names one not read before. Returns true when the row continues the one above. */
  private readLevels(row: number, created: ObjectiveDraft[]): boolean {
    const filled = this.layout.grid.filledColumns(row).length;
    let continued = false;
    for (const src of this.layout.levels) {
      const cell = this.layout.levelCell(row, src);
      if (!cell) continue;
      if (cell.badCode) this.notes.push({ note: 'unparseable', at: placeOf(this.layout.grid, row, src.code!), what: "il codice dell'obiettivo", expected: 'un codice come 01.02.03', text: cell.badCode });
      let { title } = cell;
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
        if (created.length === 0) continued = this.textWithoutCode(row, cell.col, title, filled);
        continue;
      }
      const same = this.known.get(this.knownKey(src.level, code?.code, title, this.cascade.parentFor(src.level)));
      if (same) {
        if (this.cascade.at(src.level) !== same) this.cascade.push(same);
        continue;
      }
      const parent = this.cascade.parentFor(src.level);
      const o = code ? this.create(code, title, src.level, row, cell.col, parent, 'layout') : this.createCodeless(ownRef, title, src.level, row, cell.col, parent);
      // an ancestor named again further down is the same one (the levels read from the columns only)
      this.known.set(this.knownKey(src.level, code?.code, title, parent), o);
      created.push(o);
    }
    return continued;
  }

  /** The row's own objective: its code column (and title), or its title alone in a table without codes. Returns true when the row continues the one above. */
  private readOwn(row: number, created: ObjectiveDraft[]): boolean {
    const { layout } = this;
    const filled = layout.grid.filledColumns(row).length;
    const titleCol = layout.titleCol ?? layout.ownLevel?.title;
    const title = layout.text(row, titleCol);
    if (layout.codeCol !== undefined) {
      const codeText = layout.text(row, layout.codeCol);
      if (codeText) {
        const o = this.codeRow(row, codeText, title, created);
        if (o) created.push(o);
      } else if (title && created.length === 0) {
        if (layout.codeless) created.push(this.codelessRow(row, titleCol!, title, created));
        else return this.textWithoutCode(row, titleCol!, title, filled);
      }
      return false;
    }
    if (titleCol === undefined || !title) return false;
    if (this.last && this.lastRowHadObjective && startsLowercase(title) && created.length === 0) return this.textWithoutCode(row, titleCol, title, filled);
    created.push(this.codelessRow(row, titleCol, title, created));
    return false;
  }

  private knownKey(level: ObjectiveLevel, code: string | undefined, title: string, parent: ObjectiveDraft | undefined): string {
    return code ? `${level}\u0000${code}\u0000${normaliseLabel(title)}` : `${level}\u0000\u0000${normaliseLabel(title)}\u0000${parent?.seq ?? ''}`;
  }

  /** An objective given by a code column (and a title column): level and parent from the layout. */
  private codeRow(row: number, codeText: string, title: string, onRow: ObjectiveDraft[]): ObjectiveDraft | undefined {
    const { layout } = this;
    const codeCol = layout.codeCol!;
    if (layout.ownNumbering) return this.codelessRow(row, layout.titleCol ?? layout.ownLevel?.title ?? codeCol, title, onRow, ownReference(codeText) ?? codeText.replace(/\.$/, ''), codeCol);
    // the cell is the code alone, or the code and the title («01.01.02 Gestire ...»)
    const whole = parseCode(codeText);
    const split = whole ? undefined : splitCodeAndTitle(codeText);
    const parsed = whole ?? split?.code;
    if (!parsed) {
      this.notes.push({ note: 'unparseable', at: placeOf(layout.grid, row, codeCol), what: "il codice dell'obiettivo", expected: 'un codice come 01.02.03', text: codeText });
      return undefined;
    }
    const rawTitle = title || (split?.title ?? '');
    const fullTitle = stripLevelWords(rawTitle);
    const written = this.writtenLevel(row);
    const level = written ?? headingLevel(rawTitle) ?? layout.ownLevel?.level ?? (parsed.code.startsWith('VP') ? 'value' : this.belowColumns() ?? levelFromDepth(depth(parsed.code)));

    const fromColumn = this.parentFromColumn(row);
    if (fromColumn) return this.create(parsed, fullTitle, level, row, codeCol, undefined, 'column', fromColumn.code, fromColumn.at);
    if (written || layout.levels.length > 0) return this.create(parsed, fullTitle, level, row, codeCol, onRow[onRow.length - 1] ?? this.cascade.parentFor(level), 'layout');
    if (level === 'value') return this.create(parsed, fullTitle, level, row, codeCol, undefined, 'layout');
    const parent = this.cascade.parentByCode(parsed.code);
    if (parent) return this.create(parsed, fullTitle, level, row, codeCol, parent, 'layout');
    return this.create(parsed, fullTitle, level, row, codeCol, undefined, 'code', codeParent(parsed.code));
  }

  /** An objective of a table that prints no code of the cascade: its own number or reference, if any, is kept for its assigned code. */
  private codelessRow(row: number, titleCol: number, text: string, onRow: ObjectiveDraft[], ref?: string, refCol?: number): ObjectiveDraft {
    let title = text;
    let own = ref;
    if (own === undefined) {
      const numbered = ownNumberInTitle(text);
      if (numbered) ({ ref: own, title } = numbered);
    }
    const level = this.writtenLevel(row) ?? this.layout.ownLevel?.level ?? this.belowColumns() ?? this.layout.defaultLevel;
    const col = title ? titleCol : (refCol ?? titleCol);
    const fromColumn = this.parentFromColumn(row);
    if (fromColumn) return this.createCodeless(own, title, level, row, col, undefined, fromColumn);
    return this.createCodeless(own, title, level, row, col, onRow[onRow.length - 1] ?? this.cascade.parentFor(level));
  }

  /** The level the row's "Livello" cell writes, if any (an unreadable one is noted once). */
  private writtenLevel(row: number): ObjectiveLevel | undefined {
    const { layout } = this;
    const levelText = layout.text(row, layout.levelCol);
    if (!levelText) return undefined;
    const written = levelFromLabel(levelText);
    const at = placeOf(layout.grid, row, layout.levelCol!);
    if (!written && !this.notes.some((n) => n.at.cell === at.cell && n.what === 'il livello')) {
      this.notes.push({ note: 'unparseable', at, what: 'il livello', expected: 'un livello (strategico, operativo, performance...)', text: levelText });
    }
    return written;
  }

  /** The level right below the deepest level column (the objectives of the code column). */
  private belowColumns(): ObjectiveLevel | undefined {
    const { levels } = this.layout;
    const deepest = levels[levels.length - 1]?.level;
    return deepest ? LEVEL_ORDER[Math.min(levelRank(deepest) + 1, LEVEL_ORDER.length - 1)] : undefined;
  }

  /** The parent a parent-code column gives on the row ("Rif. DUP"): a code, or a reference of another document. */
  private parentFromColumn(row: number): { code: string; at: Place } | undefined {
    const { grid, parentCol } = this.layout;
    if (parentCol === undefined) return undefined;
    const text = this.layout.text(row, parentCol);
    if (!text) return undefined;
    const at = placeOf(grid, row, parentCol);
    const p = splitCodeAndTitle(text).code;
    if (p) {
      this.codes.push({ kind: 'objective', raw: p.raw, code: p.code, wellFormed: p.wellFormed, numeric: typeof grid.value(row, parentCol) === 'number', at });
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
    const { grid } = this.layout;
    const at = placeOf(grid, row, col);
    if (level === 'value') parsed = asValueCode(parsed);
    this.codes.push({ kind: 'objective', raw: parsed.raw, code: parsed.code, wellFormed: parsed.wellFormed, numeric: typeof grid.value(row, col) === 'number', at });
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
    const at = placeOf(this.layout.grid, row, col);
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
    this.cascade.push(o);
    return o;
  }

  /** Rows above the header: value and mandate headings, and the structure (and responsible) the table belongs to. */
  private titleRow(row: number): void {
    const { grid } = this.layout;
    const filled = grid.filledColumns(row);
    if (filled.length !== 1) return;
    const text = this.layout.text(row, filled[0]);
    if (headingLevel(text)) {
      this.headingRow(row);
      return;
    }
    const at = placeOf(grid, row, filled[0]);
    if (footerKind(text, false) === 'responsible') {
      const name = textAfterColon(text);
      if (name) Object.assign(this.block, { responsible: name, responsibleAt: at });
    } else if (looksLikeStructure(text)) {
      const h = readHeading(text);
      Object.assign(this.block, { structure: h.structure, structureAt: at });
      if (h.responsible) Object.assign(this.block, { responsible: h.responsible, responsibleAt: at });
    }
  }

  /** A row with one text only: "1. VALORE PUBBLICO - ...", "02. LINEA DI MANDATO - ...", or a structure heading such as "AREA TECNICA". */
  private headingRow(row: number): boolean {
    const { layout } = this;
    const filled = layout.grid.filledColumns(row);
    if (filled.length !== 1) return false;
    const col = filled[0];
    const text = layout.text(row, col);
    const level = headingLevel(text);
    if (!level) {
      const codeColumns = [layout.codeCol, ...layout.levels.filter((l) => l.coded).flatMap((l) => [l.combined, l.code])];
      // a text in a code column is the objective's only when it is a code or a number («AREA TECNICA» there is a heading)
      const inCodeColumn = codeColumns.includes(col) && (startsWithCode(text) || ownReference(text) !== undefined || layout.levels.some((l) => l.combined === col));
      const objectiveCell = inCodeColumn || layout.levels.some((l) => l.title === col) || col === layout.titleCol || col === layout.ownLevel?.title;
      if (objectiveCell && splitCodeAndTitle(text).code && !layout.codeless) return false;
      if (objectiveCell && startsLowercase(text) && this.lastRowHadObjective) return false;
      // a text alone in an objective's own column is an objective of a table without codes, unless it
      // reads as a heading: spread across columns, in capitals, naming a structure, or a caption of the next block
      const merge = layout.grid.mergeAt(row, col);
      const namesStructure = (merge !== undefined && merge.right > merge.left) || isCapitalHeading(text) || looksLikeStructure(text);
      const heading = !objectiveCell || namesStructure || captionOfNextBlock(layout, row);
      if (!heading && layout.codeless) return false;
      if (heading) this.startBlock(row, col, text, namesStructure || !objectiveCell);
      return true;
    }
    const { code, title } = splitCodeAndTitle(text);
    if (!code) {
      this.notes.push({ note: 'missing', at: placeOf(layout.grid, row, col), what: `il codice della riga «${text.slice(0, 50)}»`, expected: 'un codice' });
      return true;
    }
    const parent = level === 'mandate' ? this.cascade.parentFor('mandate') : undefined;
    this.last = this.create(code, stripLevelWords(title), level, row, col, parent, 'layout');
    this.lastRowHadObjective = true;
    return true;
  }

  /** A heading between blocks: the objectives below belong to it (to its structure, when it names one). */
  private startBlock(row: number, col: number, text: string, namesStructure: boolean): void {
    const h = readHeading(text);
    const at = placeOf(this.layout.grid, row, col);
    this.block = { seq: this.block.seq + 1 };
    if (namesStructure || h.responsible) Object.assign(this.block, { structure: h.structure, structureAt: at });
    if (h.responsible) Object.assign(this.block, { responsible: h.responsible, responsibleAt: at });
    this.details.startBlock();
    this.totals.reset();
    this.lastRowHadObjective = false;
  }

  /** Rows under a block that are not objectives: its responsible, resources, notes, signatures. */
  private footerRow(row: number): boolean {
    const { layout } = this;
    const filled = layout.grid.filledColumns(row);
    const firstCol = filled.find((c) => /[a-zà-ÿ]/i.test(layout.grid.text(row, c)));
    if (firstCol === undefined) return false;
    const first = { c: firstCol, t: layout.text(row, firstCol) };
    const hasWeight = layout.weightColumns().some((w) => readWeightCell(layout.grid, row, w.col).kind === 'number');
    const kind = footerKind(first.t, hasWeight);
    if (!kind) return false;
    if (kind === 'responsible' && !this.block.responsible) {
      const other = filled.filter((c) => c > first.c).map((c) => ({ c, t: layout.text(row, c) })).find((x) => x.t);
      const name = textAfterColon(first.t) ?? other?.t;
      if (name) Object.assign(this.block, { responsible: name, responsibleAt: placeOf(layout.grid, row, other && !textAfterColon(first.t) ? other.c : first.c) });
    }
    return true;
  }

  /**
   * A line of figures under a label that names no objective («Peso ponderale calcolato»): skipped;
   * a stated total when its figures are the sums of the weights above. A label in a title column
   * is an objective, unless every figure of it is the sum above.
   */
  private figuresLine(row: number): boolean {
    const { grid } = this.layout;
    const line = figuresLineLabel(this.layout, row);
    const columns = this.layout.weightColumns();
    if (!line || (line.inTitle && !this.totals.sumsAbove(grid, row, columns, true))) return false;
    if (this.totals.sumsAbove(grid, row, columns)) this.totals.close(grid, row, columns);
    return true;
  }

  /** Text with no code: the rest of the title above (a cell split over two rows), or an objective without code. Returns true when handled as such. */
  private textWithoutCode(row: number, col: number, text: string, filled: number): boolean {
    if (this.last && this.lastRowHadObjective && startsLowercase(text)) {
      this.last.title = `${this.last.title} ${text}`.trim();
      for (const s of this.layout.structureCols) {
        const more = this.layout.text(row, s.col);
        if (more && this.last.structure) this.last.structure = `${this.last.structure} ${more}`;
      }
      return true;
    }
    if (filled > 1) {
      this.notes.push({ note: 'missing', at: placeOf(this.layout.grid, row, col), what: `il codice dell'obiettivo «${text.slice(0, 50)}»`, expected: 'un codice' });
    }
    return true;
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
