/**
 * `cug` of a dossier: the Relazione CUG tables at the latest reference date, from a per-person
 * register first, from a CUG table 1.1 read in a workbook when there is no register (or the
 * register has no ages); the tables the inputs cannot give, each with what it needs.
 */
import { Model } from '../model';
import { CugMissing, CugSection } from '../schema/cug';
import { CUG_TABLE_KEYS, CUG_TITLES, CUG_UNCOMPUTABLE, CUG_NEEDS, CugTableKey } from './format';
import { tablesFromRegister } from './from-register';
import { table11FromWorkbook } from './from-table';
import { asCug11, Cug11 } from './portal-tables';
import { CugTally } from './tally';

/** The CUG tables 1.1 read in the dossier's workbooks. */
export function workbookTables11(model: Model): Cug11[] {
  const out: Cug11[] = [];
  for (const t of model.staff.tables) {
    const c = asCug11(t);
    if (c) out.push(c);
  }
  return out;
}

const REGISTER_NEED = 'un’anagrafica per dipendente (una riga per persona)';

const NEEDS_FROM_REGISTER: Record<Exclude<CugTableKey, '1.1'>, string> = {
  '1.2': `${REGISTER_NEED} con sesso, data di nascita e percentuale di part-time`,
  '1.4': `${REGISTER_NEED} con sesso, data di nascita, categoria e data di ingresso nel profilo o livello attuale`,
  '1.6': `${REGISTER_NEED} con sesso, categoria e titolo di studio`,
  '1.7': `${REGISTER_NEED} con sesso, categoria e titolo di studio`,
  '2.1': `${REGISTER_NEED} con sesso, data di nascita, part-time e lavoro agile`,
  movimenti: `${REGISTER_NEED} con sesso e date di assunzione e di cessazione`,
};

/** The dossier's CUG tables; undefined when it holds no staff data at all. */
export function computeCug(model: Model): CugSection | undefined {
  const registers = model.cugRegisters ?? [];
  const tables11 = workbookTables11(model);
  if (!registers.length && !model.staff.tables.length) return undefined;

  const dates = [...registers.map((r) => r.date), ...tables11.map((t) => t.table.referenceDate)].filter((d): d is string => d !== undefined).sort();
  const latest = dates[dates.length - 1];
  const atDate = <T>(list: T[], dateOf: (x: T) => string | undefined) => list.filter((x) => dateOf(x) === latest);
  const register = atDate(registers, (r) => r.date).sort((a, b) => b.people - a.people || a.order - b.order)[0] as CugTally | undefined;
  const table11 = atDate(tables11, (t) => t.table.referenceDate)[0];

  const out: CugSection = { ...(latest ? { referenceDate: latest } : {}), missing: [] };
  let missing: CugMissing[];
  if (register) {
    const r = tablesFromRegister(register);
    Object.assign(out, r.tables);
    missing = r.missing;
  } else {
    missing = CUG_TABLE_KEYS.filter((k) => k !== '1.1').map((k) => ({ table: k, title: CUG_TITLES[k], needs: NEEDS_FROM_REGISTER[k as Exclude<CugTableKey, '1.1'>] }));
    if (!table11) missing.unshift({ table: '1.1', title: CUG_TITLES['1.1'], needs: `${REGISTER_NEED} con sesso, data di nascita e categoria, oppure la tabella 1.1 del CUG` });
  }
  // the register cannot give 1.1 (no ages): the CUG table 1.1 of the same date can
  if (!out['1.1'] && table11) {
    out['1.1'] = table11FromWorkbook(table11);
    missing = missing.filter((m) => m.table !== '1.1');
  }
  for (const k of CUG_UNCOMPUTABLE) missing.push({ table: k, title: CUG_TITLES[k], needs: CUG_NEEDS[k] });
  const keyOrder = (k: string) => (k === 'movimenti' ? 999 : Number(k.replace('.', '')));
  out.missing = missing.sort((a, b) => keyOrder(a.table) - keyOrder(b.table));
  return out;
}
