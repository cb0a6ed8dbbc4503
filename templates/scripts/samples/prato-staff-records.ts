/**
 * The staff tables of the Provincia di Prato PIAO 2024-2026 (organico al 31.12.2023, part-time,
 * smart working, assunzioni e cessazioni 2021-2023; shared/seeds/003) as contract records, and the
 * PAP statistics that the published plan states for them. Used to test and show the writers with
 * a dossier that holds staff data, whatever the state of the staff-table readers. Places point at
 * the cells of those tables in a workbook laid out as the plan prints them.
 */
import { Dossier, HeadcountRecord, PapStatistics, SmartWorkingRecord, TurnoverRecord, WorkTimeRecord } from '../../../importer/engine/schema/dossier';

const DATE = '2023-12-31';

export type StaffPart = Pick<Dossier, 'headcount' | 'workTime' | 'smartWorking' | 'turnover' | 'pap'>;

export function pratoStaffRecords(file = 'personale-2023.xlsx'): StaffPart {
  const at = (sheet: string, cell: string) => ({ file, sheet, cell });
  const org = 'Organico';
  const headcount: HeadcountRecord[] = [
    { category: 'dirigente', label: 'Dirigente', gender: 'F', count: 1, fixedTerm: 0, at: at(org, 'B3'), referenceDate: DATE },
    { category: 'funzionario', label: 'Cat. D', gender: 'M', count: 10, fixedTerm: 0, at: at(org, 'C2'), referenceDate: DATE },
    { category: 'funzionario', label: 'Cat. D', gender: 'F', count: 28, fixedTerm: 1, at: at(org, 'C3'), referenceDate: DATE },
    { category: 'istruttore', label: 'Cat. C', gender: 'M', count: 9, fixedTerm: 0, at: at(org, 'D2'), referenceDate: DATE },
    { category: 'istruttore', label: 'Cat. C', gender: 'F', count: 11, fixedTerm: 0, at: at(org, 'D3'), referenceDate: DATE },
    { category: 'operatore-esperto', label: 'Cat. B', gender: 'M', count: 2, fixedTerm: 0, at: at(org, 'E2'), referenceDate: DATE },
    { category: 'operatore-esperto', label: 'Cat. B', gender: 'F', count: 6, fixedTerm: 0, at: at(org, 'E3'), referenceDate: DATE },
    { category: 'operatore', label: 'Cat. A', gender: 'M', count: 2, fixedTerm: 0, at: at(org, 'F2'), referenceDate: DATE },
  ];
  const pt = 'Part-time';
  const workTime: WorkTimeRecord[] = [
    { regime: 'full-time', gender: 'M', count: 21, fixedTerm: 0, at: at(pt, 'B2'), referenceDate: DATE },
    { regime: 'full-time', gender: 'F', count: 40, fixedTerm: 0, at: at(pt, 'B3'), referenceDate: DATE },
    { regime: 'part-time-vertical-50', gender: 'M', count: 1, fixedTerm: 0, at: at(pt, 'C2'), referenceDate: DATE },
    { regime: 'part-time-vertical-50', gender: 'F', count: 1, fixedTerm: 1, at: at(pt, 'C3'), referenceDate: DATE },
    { regime: 'part-time-vertical-over-50', gender: 'F', count: 4, fixedTerm: 0, at: at(pt, 'D3'), referenceDate: DATE },
    { regime: 'part-time-horizontal-over-50', gender: 'M', count: 1, fixedTerm: 0, at: at(pt, 'F2'), referenceDate: DATE },
    { regime: 'part-time-horizontal-over-50', gender: 'F', count: 1, fixedTerm: 0, at: at(pt, 'F3'), referenceDate: DATE },
  ];
  const sw = 'Smart working';
  const smartWorking: SmartWorkingRecord[] = [
    { mode: 'partial', gender: 'M', count: 7, at: at(sw, 'B2'), referenceDate: DATE },
    { mode: 'full', gender: 'M', count: 1, at: at(sw, 'C2'), referenceDate: DATE },
    { mode: 'partial', gender: 'F', count: 32, at: at(sw, 'B3'), referenceDate: DATE },
    { mode: 'full', gender: 'F', count: 3, at: at(sw, 'C3'), referenceDate: DATE },
  ];
  const to = 'Assunzioni e cessazioni';
  // `5 (+ 5 TD)` is 10 people, 5 of them fixed-term
  const move = (movement: 'hire' | 'termination', year: number, gender: 'F' | 'M', permanent: number, fixed: number, cell: string): TurnoverRecord => ({
    movement,
    year,
    gender,
    count: permanent + fixed,
    fixedTerm: fixed,
    at: at(to, cell),
  });
  const turnover: TurnoverRecord[] = [
    move('termination', 2021, 'M', 3, 0, 'B2'),
    move('termination', 2022, 'M', 5, 5, 'C2'),
    move('termination', 2023, 'M', 3, 0, 'D2'),
    move('termination', 2021, 'F', 5, 3, 'B3'),
    move('termination', 2022, 'F', 6, 3, 'C3'),
    move('termination', 2023, 'F', 4, 2, 'D3'),
    move('hire', 2021, 'M', 2, 2, 'B6'),
    move('hire', 2022, 'M', 6, 3, 'C6'),
    move('hire', 2023, 'M', 5, 0, 'D6'),
    move('hire', 2021, 'F', 3, 4, 'B7'),
    move('hire', 2022, 'F', 10, 2, 'C7'),
    move('hire', 2023, 'F', 8, 2, 'D7'),
  ];
  const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
  const ofYear = (y: number, m: 'hire' | 'termination', g: 'F' | 'M') => sum(turnover.filter((t) => t.year === y && t.movement === m && t.gender === g));
  const pap: PapStatistics = {
    referenceDate: DATE,
    headcount: { F: 46, M: 23, total: 69, shareF: 46 / 69 },
    byCategory: [
      { category: 'dirigente', F: 1, M: 0, total: 1, shareF: 1 },
      { category: 'funzionario', F: 28, M: 10, total: 38, shareF: 28 / 38 },
      { category: 'istruttore', F: 11, M: 9, total: 20, shareF: 11 / 20 },
      { category: 'operatore-esperto', F: 6, M: 2, total: 8, shareF: 6 / 8 },
      { category: 'operatore', F: 0, M: 2, total: 2, shareF: 0 },
    ],
    partTime: { F: 6, M: 2, shareF: 6 / 46, shareM: 2 / 23 },
    fixedTerm: { F: 1, M: 0 },
    top: { F: 1, M: 0, total: 1, shareF: 1 },
    smartWorking: { F: 35, M: 8, total: 43, share: 43 / 69, shareF: 35 / 46, shareM: 8 / 23 },
    turnover: [2021, 2022, 2023].map((year) => ({
      year,
      hires: { F: ofYear(year, 'hire', 'F'), M: ofYear(year, 'hire', 'M') },
      terminations: { F: ofYear(year, 'termination', 'F'), M: ofYear(year, 'termination', 'M') },
    })),
  };
  return { headcount, workTime, smartWorking, turnover, pap };
}
