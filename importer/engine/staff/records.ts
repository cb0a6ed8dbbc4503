import { HeadcountRecord, SmartWorkingRecord, TurnoverRecord, UngenderedRecord, WorkTimeRecord } from '../schema/dossier';
import { StaffModel } from './model';

function strip<T extends { order: number }>(list: T[]): Omit<T, 'order'>[] {
  return [...list].sort((a, b) => a.order - b.order).map(({ order: _order, ...rest }) => rest);
}

/** The records piao.json lists, in reading order (figures only: no names, no matricole, no birth dates). */
export function staffRecords(staff: StaffModel): { headcount: HeadcountRecord[]; workTime: WorkTimeRecord[]; smartWorking: SmartWorkingRecord[]; turnover: TurnoverRecord[]; ungendered?: UngenderedRecord[] } {
  return {
    headcount: strip(staff.records.headcount),
    workTime: strip(staff.records.workTime),
    smartWorking: strip(staff.records.smartWorking),
    turnover: strip(staff.records.turnover),
    // only when some table gave a figure without gender (most dossiers have none)
    ...(staff.records.ungendered.length ? { ungendered: strip(staff.records.ungendered) } : {}),
  };
}
