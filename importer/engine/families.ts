import { DetectedTable, TableDetector } from './detect/table';
import { Model } from './model';
import { objectivesDetector } from './objectives/detector';
import { readObjectives } from './objectives/normalise';
import { registerFamily } from './register/family';
import { append } from './grid/spread';
import { staffFamily } from './staff/family';

/** A family of tables: how to find them on a grid, and how to read them into the model. */
export interface TableFamily {
  detector: TableDetector;
  read(table: DetectedTable, model: Model): void;
}

export const objectivesFamily: TableFamily = {
  detector: objectivesDetector,
  read(table, model) {
    const r = readObjectives(table, model.objectives.length);
    append(model.objectives, r.objectives);
    append(model.codes, r.codes);
    append(model.notes, r.notes);
    append(model.weightTotals, r.totals);
  },
};

/** Every family the engine knows, in order of precedence. */
export const FAMILIES: readonly TableFamily[] = [objectivesFamily, staffFamily, registerFamily];
