import type { TableFamily } from '../families';
import { staffDetector } from './detector';
import { readStaffTable } from './read';
import { summariseTable } from './summary';
import { append } from '../grid/spread';
import { isStaffTable } from './types';

/** Staff cross-tables: headcount, part-time, smart-working, hires and terminations, CUG tables. */
export const staffFamily: TableFamily = {
  detector: staffDetector,
  read(table, model) {
    if (!isStaffTable(table)) return;
    const { table: read, notes } = readStaffTable(table, model.staff.readOrder++);
    model.staff.tables.push(read);
    append(model.notes, notes);
    summariseTable(read, model.staff);
  },
};
