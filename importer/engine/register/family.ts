import type { TableFamily } from '../families';
import { readRegister } from './aggregate';
import { registerDetector } from './detector';

/** Per-person registers (one row per employee), aggregated into the same figures as the staff tables. */
export const registerFamily: TableFamily = {
  detector: registerDetector,
  read(table, model) {
    readRegister(table, model.staff.readOrder++, model.staff, model.notes, (model.cugRegisters ??= []));
  },
};
