import { ColumnMapping } from '../detect/table';
import { CellNote, CodeUse, ObjectiveDraft, objectiveName, placeOf } from '../model';
import { Place } from '../schema/dossier';
import { readMission, readProgramme } from './budget';
import { ObjectivesLayout, clean } from './layout';
import { WeightTotals } from './weight-totals';
import { readWeightCell } from './weights';

type Shown = { text: string; at?: Place };

/**
 * The detail cells of a row given to the objectives it names: structure and responsible (carried
 * down their block when written once), indicators, targets, weights (one, or one per manager),
 * missione and programma. A row naming no objective adds its indicators and targets to the one above.
 */
export class RowDetails {
  private carried: { structure?: Shown; responsible?: Shown } = {};

  constructor(
    private readonly layout: ObjectivesLayout,
    private readonly notes: CellNote[],
    private readonly codes: CodeUse[],
    private readonly totals: WeightTotals,
  ) {}

  /** A new block: nothing is carried from the one above. */
  startBlock(): void {
    this.carried = {};
  }

  /** Row-level detail cells are read as shown: a vertical merge applies to each row it spans. */
  private shown(row: number, cols: ColumnMapping[]): Shown {
    const parts: string[] = [];
    let at: Place | undefined;
    for (const c of cols) {
      const t = clean(this.layout.grid.shownText(row, c.col));
      if (!t) continue;
      // several columns of one role ("Target / 2024", "Target / 2025"): say which is which
      const sub = cols.length > 1 ? c.label.split(' / ').pop() : undefined;
      parts.push(sub && sub !== c.label ? `${sub}: ${t}` : t);
      at ??= placeOf(this.layout.grid, row, c.col);
    }
    return { text: parts.join(' | '), at };
  }

  /** A structure or responsible cell, or (written once per block) the one above it. */
  private carriedText(row: number, cols: ColumnMapping[], key: 'structure' | 'responsible', carry: boolean): Shown {
    const own = this.shown(row, cols);
    if (own.text) {
      this.carried[key] = own;
      return own;
    }
    return carry && this.carried[key] ? this.carried[key]! : own;
  }

  /** The details of `row` to the objectives created on it (the deepest takes them), or to `last` when none was. */
  apply(row: number, created: ObjectiveDraft[], last: ObjectiveDraft | undefined, blockStructure: string | undefined): void {
    const { layout } = this;
    const grid = layout.grid;
    const deepest = created[created.length - 1];
    const indicator = this.shown(row, layout.indicatorCols);
    const target = this.shown(row, layout.targetCols);
    if (!deepest) {
      if (!last) return;
      if (indicator.text && grid.text(row, layout.indicatorCols[0].col)) last.indicator = last.indicator ? `${last.indicator}; ${indicator.text}` : indicator.text;
      if (target.text && grid.text(row, layout.targetCols[0].col)) last.target = last.target ? `${last.target}; ${target.text}` : target.text;
      // its weight belongs to the objective above when the row goes on with its indicators; an unreadable one is said anyway
      const w = layout.weightCol;
      if (w && last.weight === undefined && (indicator.text || target.text || readWeightCell(grid, row, w.col).kind === 'unparseable')) this.readWeight(row, w.col, last, blockStructure);
      return;
    }
    const structure = this.carriedText(row, layout.structureCols, 'structure', layout.carryStructure);
    const responsible = this.carriedText(row, layout.responsibleCols, 'responsible', layout.carryResponsible);
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
    if (layout.weightCol) this.readWeight(row, layout.weightCol.col, deepest, blockStructure);
    for (const m of layout.managerCols) this.readManagerWeight(row, m, deepest);
    this.budget(row, created);
  }

  /** Missione and programma of the row, to every objective on it below the mandate (a strategic one takes no programme). */
  private budget(row: number, created: ObjectiveDraft[]): void {
    const { grid, missionCol, programmeCol } = this.layout;
    let mission = missionCol !== undefined ? readMission(grid, row, missionCol, this.codes, this.notes) : undefined;
    const programme = programmeCol !== undefined ? readProgramme(grid, row, programmeCol, mission, this.codes, this.notes) : undefined;
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
  }

  private readWeight(row: number, col: number, o: ObjectiveDraft, blockStructure: string | undefined): void {
    const grid = this.layout.grid;
    const cell = readWeightCell(grid, row, col);
    const at = placeOf(grid, row, col);
    if (cell.kind === 'number') {
      o.weight = cell.value;
      o.weightAt = at;
      if (cell.percent) o.weightPercentCell = true;
      this.totals.add(col, cell.value, at, o.structure ?? o.responsible ?? blockStructure);
    } else if (cell.kind === 'not-available') this.notes.push({ note: 'not-available', at, what: `il peso dell'obiettivo ${objectiveName(o)}`, text: cell.text });
    else if (cell.kind === 'unparseable') this.notes.push({ note: 'unparseable', at, what: `il peso dell'obiettivo ${objectiveName(o)}`, expected: 'un numero o una percentuale', text: cell.text });
  }

  private readManagerWeight(row: number, column: ColumnMapping, o: ObjectiveDraft): void {
    const grid = this.layout.grid;
    const cell = readWeightCell(grid, row, column.col);
    const at = placeOf(grid, row, column.col);
    if (cell.kind === 'number') {
      (o.weights ??= []).push({ manager: column.manager!, weight: cell.value, at, percent: false });
      this.totals.add(column.col, cell.value, at);
    } else if (cell.kind === 'unparseable') {
      this.notes.push({ note: 'unparseable', at, what: `il peso dell'obiettivo ${objectiveName(o)} per «${column.manager}»`, expected: 'un numero o una percentuale', text: cell.text });
    }
  }
}
