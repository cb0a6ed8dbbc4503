/**
 * The roles of mappatura.json and the engine's own, one to one: every column the detectors
 * understood is written with its role, and an edited role is read back into the engine's terms.
 */
import { ColumnMapping } from '../detect/table';
import { isLevelRole } from '../objectives/columns';
import { AgeBand, Category, Gender, ObjectiveLevel, WorkRegime } from '../schema/dossier';
import { AxisDim } from '../staff/types';
import { ObjectiveColumn, RegisterColumn, StaffColumn } from './schema';

type Public<T> = Omit<T, 'column' | 'label'>;

// ---------------------------------------------------------------------------------------------
// objectives: the level columns ("Obiettivo strategico") are `objective` with their level

export function objectiveRoleOut(c: ColumnMapping): Public<ObjectiveColumn> {
  if (c.role === null) return { role: 'ignored' };
  if (isLevelRole(c.role)) return { role: 'objective', level: c.role };
  const out: Public<ObjectiveColumn> = { role: c.role as ObjectiveColumn['role'] };
  if (c.level) out.level = c.level as ObjectiveLevel;
  if (c.manager) out.manager = c.manager;
  return out;
}

export function objectiveRoleIn(c: ObjectiveColumn): Pick<ColumnMapping, 'role' | 'level' | 'manager'> {
  if (c.role === 'ignored') return { role: null };
  if (c.role === 'objective') return { role: c.level! };
  return { role: c.role, ...(c.level ? { level: c.level } : {}), ...(c.manager ? { manager: c.manager } : {}) };
}

// ---------------------------------------------------------------------------------------------
// staff: label columns by dimension; figure columns `count` with what they count

const DIM_ROLE: Record<AxisDim, StaffColumn['role']> = {
  category: 'category',
  structure: 'structure',
  tipologia: 'tipologia',
  gender: 'gender',
  year: 'year',
  regime: 'regime',
  age: 'age',
  movement: 'movement',
  contract: 'contract',
  smart: 'smart-working',
  staff: 'staff',
  free: 'label',
};

export const LABEL_ROLES = new Set<StaffColumn['role']>(Object.values(DIM_ROLE));

/** The public form of a staff column's role ("gender:F year:2023" -> count, F, 2023). */
export function staffRoleOut(c: ColumnMapping): Public<StaffColumn> {
  const role = c.role;
  if (role === null) return { role: 'ignored' };
  if (role.startsWith('label:')) return { role: DIM_ROLE[role.slice(6) as AxisDim] ?? 'label' };
  if (role === 'total' || role === 'percentage') return { role };
  const out: Public<StaffColumn> = { role: 'count' };
  for (const part of role.split(' ')) {
    const i = part.indexOf(':');
    const [key, value] = i < 0 ? [part, ''] : [part.slice(0, i), part.slice(i + 1)];
    if (key === 'gender') out.gender = value as Gender;
    else if (key === 'category') out.category = value as Category;
    else if (key === 'regime') out.regime = value as WorkRegime;
    else if (key === 'smart-working') out.smartWorking = value as NonNullable<StaffColumn['smartWorking']>;
    else if (key === 'movement') out.movement = value as NonNullable<StaffColumn['movement']>;
    else if (key === 'year') out.year = Number(value);
    else if (key === 'age' && value !== 'other') out.ageBand = value as AgeBand;
    else if (key === 'contract') out.contract = value as NonNullable<StaffColumn['contract']>;
    else if (key === 'staff') out.staff = true;
    else if (key === 'change') out.role = 'change';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// registers: the same names

export function registerRoleOut(c: ColumnMapping): Public<RegisterColumn> {
  return { role: (c.role ?? 'ignored') as RegisterColumn['role'] };
}

export function registerRoleIn(c: RegisterColumn): Pick<ColumnMapping, 'role'> {
  return { role: c.role === 'ignored' ? null : c.role };
}
