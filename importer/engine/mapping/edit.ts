/**
 * Changing a mapping the way an officer does it from a list of roles: one column at a time, a
 * sheet back to automatic reading, a sheet the program did not recognise read from the header row
 * the officer points at. Pure: the add-in stores what these return in the workbook.
 */
import { mapRow } from '../detect/header';
import { columnLetters, rangeA1 } from '../grid/address';
import { Grid } from '../grid/grid';
import { objectiveVocabulary, splitLevelRole } from '../objectives/columns';
import { LEVEL_ORDER, LEVEL_NAMES_IT } from '../objectives/levels';
import { headerLabelsAt } from './extract';
import { OBJECTIVE_ROLE_IT, REGISTER_ROLE_IT, STAFF_ROLE_IT } from './role-names';
import { MappingColumn, MappingSheet, MappingTable, ObjectiveColumn, ObjectiveColumnRole, RegisterColumnRole, StaffColumn, StaffColumnRole } from './schema';

/** One entry of the list of roles a column can be given: what it sets on the column. */
export interface RoleChoice {
  key: string;
  label: string;
  patch: Partial<MappingColumn>;
}

type Family = MappingTable['family'];

const objectiveChoices = (): RoleChoice[] => [
  ...LEVEL_ORDER.map((level) => ({ key: `objective:${level}`, label: `${OBJECTIVE_ROLE_IT.objective}: ${LEVEL_NAMES_IT[level]}`, patch: { role: 'objective', level } as Partial<ObjectiveColumn> })),
  { key: 'code', label: OBJECTIVE_ROLE_IT.code, patch: { role: 'code' } },
  { key: 'title', label: OBJECTIVE_ROLE_IT.title, patch: { role: 'title' } },
  ...LEVEL_ORDER.flatMap((level) => [
    { key: `code:${level}`, label: `${OBJECTIVE_ROLE_IT.code}: ${LEVEL_NAMES_IT[level]}`, patch: { role: 'code', level } as Partial<ObjectiveColumn> },
    { key: `title:${level}`, label: `${OBJECTIVE_ROLE_IT.title}: ${LEVEL_NAMES_IT[level]}`, patch: { role: 'title', level } as Partial<ObjectiveColumn> },
  ]),
  ...ObjectiveColumnRole.options
    .filter((r) => !['objective', 'code', 'title', 'weight', 'ignored'].includes(r))
    .map((role) => ({ key: role, label: OBJECTIVE_ROLE_IT[role], patch: { role } })),
  { key: 'weight', label: OBJECTIVE_ROLE_IT.weight, patch: { role: 'weight' } },
  { key: 'weight:manager', label: `${OBJECTIVE_ROLE_IT.weight} di un dirigente (il nome è l'intestazione)`, patch: { role: 'weight' } },
  { key: 'ignored', label: OBJECTIVE_ROLE_IT.ignored, patch: { role: 'ignored' } },
];

const STAFF_FIGURES: RoleChoice[] = [
  { key: 'count', label: STAFF_ROLE_IT.count, patch: { role: 'count' } },
  { key: 'count:F', label: `${STAFF_ROLE_IT.count}: donne`, patch: { role: 'count', gender: 'F' } },
  { key: 'count:M', label: `${STAFF_ROLE_IT.count}: uomini`, patch: { role: 'count', gender: 'M' } },
  { key: 'total', label: STAFF_ROLE_IT.total, patch: { role: 'total' } },
  { key: 'percentage', label: STAFF_ROLE_IT.percentage, patch: { role: 'percentage' } },
  { key: 'change', label: STAFF_ROLE_IT.change, patch: { role: 'change' } },
];

const staffChoices = (): RoleChoice[] => [
  ...StaffColumnRole.options.filter((r) => !['count', 'total', 'percentage', 'change', 'ignored'].includes(r)).map((role) => ({ key: role, label: STAFF_ROLE_IT[role], patch: { role } })),
  ...STAFF_FIGURES,
  { key: 'ignored', label: STAFF_ROLE_IT.ignored, patch: { role: 'ignored' } },
];

const registerChoices = (): RoleChoice[] => RegisterColumnRole.options.map((role) => ({ key: role, label: REGISTER_ROLE_IT[role], patch: { role } }));

/** The roles a column of a table of this family can be given, in the order people look for them. */
export function roleChoices(family: Family): RoleChoice[] {
  return family === 'objectives' ? objectiveChoices() : family === 'staff' ? staffChoices() : registerChoices();
}

/** The choice a column stands at now (a staff column counting «Donne 2023» stands at «persone: donne»). */
export function choiceKeyOf(family: Family, c: MappingColumn): string {
  if (family === 'objectives') {
    const o = c as ObjectiveColumn;
    if (o.role === 'weight') return o.manager ? 'weight:manager' : 'weight';
    return o.level ? `${o.role}:${o.level}` : o.role;
  }
  if (family === 'staff') {
    const s = c as StaffColumn;
    if (s.role === 'count' && s.gender) return `count:${s.gender}`;
    return s.role;
  }
  return c.role;
}

/**
 * The entry with one column given another role. Qualifiers the choice does not speak of stay (a
 * column «2023» made «persone: donne» still counts 2023); those it replaces go.
 */
export function withColumnRole(entry: MappingSheet, tableIndex: number, column: string, choiceKey: string): MappingSheet {
  const table = entry.tables[tableIndex];
  if (!table) return entry;
  const choice = roleChoices(table.family).find((c) => c.key === choiceKey);
  if (!choice) return entry;
  const columns = (table.columns as MappingColumn[]).map((c) => {
    if (c.column !== column) return c;
    const next: Record<string, unknown> = { ...c };
    if (table.family === 'objectives') {
      delete next.level;
      delete next.manager;
      if (choiceKey === 'weight:manager') next.manager = c.label.split(' / ').pop()?.trim() || c.label;
    }
    if (table.family === 'staff' && 'gender' in choice.patch) delete next.gender;
    if (table.family === 'staff' && !['count', 'total', 'percentage', 'change'].includes(String(choice.patch.role))) {
      for (const q of ['gender', 'category', 'regime', 'smartWorking', 'movement', 'year', 'ageBand', 'contract', 'staff']) delete next[q];
    }
    return { ...next, ...choice.patch } as MappingColumn;
  });
  const tables = entry.tables.map((t, i) => (i === tableIndex ? ({ ...t, columns } as MappingTable) : t));
  return { ...entry, tables };
}

/** The stored entries with `entry` in place of the one for its sheet. */
export function replaceEntry(stored: readonly MappingSheet[], entry: MappingSheet): MappingSheet[] {
  return [...stored.filter((e) => e.sheet !== entry.sheet), entry];
}

/** The stored entries without the one for `sheet` (the sheet goes back to automatic reading). */
export function removeEntry(stored: readonly MappingSheet[], sheet: string): MappingSheet[] {
  return stored.filter((e) => e.sheet !== sheet);
}

/**
 * An entry reading a sheet the program did not recognise as a table of objectives whose header
 * is at `headerRow` (0-based): every labelled column of that row, with the role its label suggests
 * (or «non letta»), down to the first blank row. The officer then corrects the roles.
 */
export function entryFromHeaderRow(grid: Grid, file: string, headerRow: number): MappingSheet | undefined {
  const header = mapRow(grid, headerRow, objectiveVocabulary);
  if (header.columns.length === 0) return undefined;
  let bottom = headerRow;
  while (bottom + 1 < grid.rowCount && !grid.isBlankRow(bottom + 1)) bottom++;
  const cols = header.columns.map((c) => c.col);
  const columns: ObjectiveColumn[] = header.columns.map((c) => {
    const { role, level } = splitLevelRole(c.role);
    const known = role && (ObjectiveColumnRole.options as readonly string[]).includes(role) ? role : null;
    const base = { column: columnLetters(c.col), label: c.label };
    if (!role) return { ...base, role: 'ignored' };
    if (['value', 'mandate', 'strategic', 'operational', 'performance'].includes(role)) return { ...base, role: 'objective', level: role as ObjectiveColumn['level'] };
    return { ...base, role: (known ?? 'ignored') as ObjectiveColumn['role'], ...(level ? { level: level as ObjectiveColumn['level'] } : {}) };
  });
  return {
    file,
    sheet: grid.sheet,
    headerLabels: headerLabelsAt(grid, headerRow),
    tables: [{ family: 'objectives', kind: 'objectives', range: rangeA1({ top: headerRow, left: Math.min(...cols), bottom, right: Math.max(...cols) }), headerRows: [headerRow + 1], columns }],
  };
}
