import { HeadcountRecord, SmartWorkingRecord, TurnoverRecord, WorkTimeRecord } from '../schema/dossier';
import { StaffModel } from './model';

function strip<T extends { order: number }>(list: T[]): Omit<T, 'order'>[] {
  return [...list].sort((a, b) => a.order - b.order).map(({ order: _order, ...rest }) => rest);
}

/** The records piao.json lists, in reading order (figures only: no names, no matricole, no birth dates). */
export function staffRecords(staff: StaffModel): { headcount: HeadcountRecord[]; workTime: WorkTimeRecord[]; smartWorking: SmartWorkingRecord[]; turnover: TurnoverRecord[] } {
  return {
    headcount: strip(staff.records.headcount),
    workTime: strip(staff.records.workTime),
    smartWorking: strip(staff.records.smartWorking),
    turnover: strip(staff.records.turnover),
  };
}
