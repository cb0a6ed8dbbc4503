import { DetectedTable } from '../detect/table';
import { rangeA1 } from '../grid/address';
import { CellValue, Grid, isErrorValue } from '../grid/grid';
import { CellNote, placeOf } from '../model';
import { mapCategory } from '../normalise/categories';
import { Category, Gender, Place, WorkRegime } from '../schema/dossier';
import { StaffModel, StaffSummary, Tally, emptyTally, figureKey } from '../staff/model';
import { AGE_BANDS } from '../staff/labels';
import { RegisterRole } from './columns';
import { ageAt, ageBandOf, readContract, readDate, readGender, readRegime, readSmart, yearOf } from './values';

const GENDERS: readonly Gender[] = ['F', 'M'];
const REGIMES: readonly WorkRegime[] = WorkRegime.options;
const NO_BAND = AGE_BANDS.length;
const NOTES_PER_COLUMN = 20;
/** Registers give hires and terminations of every year; the statistics keep the last three. */
const TURNOVER_YEARS = 3;

function hashValue(h: number, v: CellValue): number {
  if (v === null) return Math.imul(h ^ 0x9e37, 16777619);
  if (typeof v === 'number') return Math.imul(h ^ ((v * 1000) | 0), 16777619);
  if (v instanceof Date) return Math.imul(h ^ ((v.getTime() / 1000) | 0), 16777619);
  if (typeof v === 'string') {
    for (let i = 0; i < v.length; i++) h = Math.imul(h ^ v.charCodeAt(i), 16777619);
    return h;
  }
  return Math.imul(h ^ 7, 16777619);
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (isErrorValue(a) && isErrorValue(b)) return a.error === b.error;
  return a === b;
}

interface Counter {
  count: number;
  fixedTerm: number;
}

/**
 * Aggregates a per-person register into the same figures as the cross-tables, in one pass over
 * its rows: headcount by category label, gender and age band at the reference date, work-time
 * regime, smart working, hires and terminations by year. Distinct cell texts are read once
 * (a register repeats the same few categories and values); counters are keyed by small numbers.
 * Nothing personal leaves this function: records point at the column ranges counted, notes on
 * dates never repeat the date.
 */
export function readRegister(table: DetectedTable, order: number, staff: StaffModel, notes: CellNote[]): void {
  const grid = table.grid;
  const col = (role: RegisterRole) => table.columns.find((c) => c.role === role)?.col;
  const gCol = col('gender')!;
  const catCol = col('category');
  const profCol = col('profile');
  const birthCol = col('birth');
  const ageCol = col('age');
  const contractCol = col('contract');
  const ptCol = col('part-time');
  const ptTypeCol = col('part-time-type');
  const smartCol = col('smart');
  const hireCol = col('hire');
  const endCol = col('end');
  const first = table.bodyStart;
  const last = table.bodyEnd;
  const range = (c: number): Place => ({ file: grid.file, sheet: grid.sheet, cell: rangeA1({ top: first, left: c, bottom: last, right: c }) });
  const name = `nel registro del personale ${table.title ? `«${table.title}» ` : ''}(${grid.sheet}!${rangeA1(table.range)})`;
  const date = table.referenceDate;
  const refMs = date ? Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) : undefined;

  // per-column caches of what a distinct text means
  const genderCache = new Map<string, number>();
  const contractCache = new Map<string, number>();
  const regimeCache = new Map<string, number>();
  const smartCache = new Map<string, number>();
  const labelCache = new Map<string, number>();
  const labels: { label: string; category: Category; at: Place }[] = [];
  const notesPerCol = new Map<number, number>();
  const note = (c: number, n: CellNote) => {
    const k = notesPerCol.get(c) ?? 0;
    notesPerCol.set(c, k + 1);
    if (k < NOTES_PER_COLUMN) notes.push(n);
  };

  const headcount = new Map<number, Counter>();
  const work = new Float64Array(REGIMES.length * 2);
  const workFixed = new Float64Array(REGIMES.length * 2);
  const smart = new Float64Array(4);
  const turnover = new Map<number, Counter>();
  const staffBy = new Float64Array(2);
  const fixedBy = new Float64Array(2);
  const partBy = new Float64Array(2);
  const seen = new Map<number, number>();
  const collisions = new Map<number, number[]>();
  let maxYear = 0;
  const tableCols: number[] = [];
  for (let c = table.range.left; c <= table.range.right; c++) tableCols.push(c);

  for (let r = first; r <= last; r++) {
    const gText = grid.text(r, gCol);
    if (!gText) {
      if (grid.filledColumns(r).length >= 2) note(gCol, { note: 'missing', at: placeOf(grid, r, gCol), what: `il sesso nella riga ${r + 1} del registro (la riga non è stata contata)` });
      continue;
    }
    // a row repeating another row exactly is counted once (rows are told apart by a hash of their cells)
    let h = 2166136261;
    for (const c of tableCols) h = hashValue(h, grid.value(r, c));
    const firstRow = seen.get(h);
    if (firstRow === undefined) seen.set(h, r);
    else {
      const candidates = [firstRow, ...(collisions.get(h) ?? [])];
      const dup = candidates.find((o) => tableCols.every((c) => sameValue(grid.value(o, c), grid.value(r, c))));
      if (dup !== undefined) {
        staff.registerDuplicates.push({ at: placeOf(grid, r, table.range.left), first: placeOf(grid, dup, table.range.left), source: name });
        continue;
      }
      collisions.set(h, [...(collisions.get(h) ?? []), r]);
    }

    let g = genderCache.get(gText);
    if (g === undefined) {
      const read = readGender(gText);
      g = read === 'F' ? 0 : read === 'M' ? 1 : -1;
      genderCache.set(gText, g);
    }
    if (g < 0) {
      note(gCol, { note: 'unparseable', at: placeOf(grid, r, gCol), what: 'il sesso', expected: 'F o M', text: gText });
      continue;
    }

    let fixed = false;
    if (contractCol !== undefined) {
      const t = grid.text(r, contractCol);
      let k = contractCache.get(t);
      if (k === undefined) {
        const read = readContract(t);
        k = read === 'fixed-term' ? 1 : read === 'permanent' ? 0 : -1;
        contractCache.set(t, k);
      }
      if (k < 0) note(contractCol, { note: 'unparseable', at: placeOf(grid, r, contractCol), what: 'il tipo di contratto', expected: 'TI o TD (tempo indeterminato o determinato)', text: t });
      fixed = k === 1;
    }

    const hire = hireCol !== undefined ? dateAt(grid, r, hireCol) : undefined;
    const end = endCol !== undefined ? dateAt(grid, r, endCol) : undefined;
    if (hire === null) note(hireCol!, { note: 'unparseable', at: placeOf(grid, r, hireCol!), what: 'la data di assunzione', expected: 'una data (gg/mm/aaaa)', text: '(valore non riportato)' });
    if (end === null) note(endCol!, { note: 'unparseable', at: placeOf(grid, r, endCol!), what: 'la data di cessazione', expected: 'una data (gg/mm/aaaa)', text: '(valore non riportato)' });
    if (typeof hire === 'number') {
      const y = yearOf(hire);
      if (y > maxYear) maxYear = y;
      bump(turnover, (y * 2 + 0) * 2 + g, fixed);
    }
    if (typeof end === 'number') {
      const y = yearOf(end);
      if (y > maxYear) maxYear = y;
      bump(turnover, (y * 2 + 1) * 2 + g, fixed);
    }
    const hired = typeof hire !== 'number' || refMs === undefined || hire <= refMs;
    const stayed = typeof end !== 'number' || (refMs !== undefined && end > refMs);
    if (!hired || !stayed) continue;

    // category: the category column as written, else the profile
    const catText = catCol !== undefined ? grid.text(r, catCol) : '';
    const labelText = catText || (profCol !== undefined ? grid.text(r, profCol) : '');
    let li = labelCache.get(labelText);
    if (li === undefined) {
      let category = mapCategory(labelText);
      if (!category && profCol !== undefined && catText) category = mapCategory(grid.text(r, profCol));
      li = labels.length;
      labels.push({ label: labelText || 'non indicata', category: category ?? 'altro', at: placeOf(grid, r, catText ? catCol! : (profCol ?? gCol)) });
      if (!category) staff.unmapped.push({ at: labels[li].at, label: labels[li].label, source: name });
      labelCache.set(labelText, li);
    }

    let band = NO_BAND;
    if (refMs !== undefined && birthCol !== undefined) {
      const birth = dateAt(grid, r, birthCol);
      if (typeof birth === 'number') band = AGE_BANDS.indexOf(ageBandOf(ageAt(birth, refMs)));
      else if (birth === null) note(birthCol, { note: 'unparseable', at: placeOf(grid, r, birthCol), what: 'la data di nascita', expected: 'una data (gg/mm/aaaa)', text: '(valore non riportato: dato personale)' });
    } else if (ageCol !== undefined) {
      const v = grid.value(r, ageCol);
      const age = typeof v === 'number' ? v : Number(grid.text(r, ageCol));
      if (Number.isFinite(age) && age > 0) band = AGE_BANDS.indexOf(ageBandOf(age));
    }
    bump(headcount, (li * (NO_BAND + 1) + band) * 2 + g, fixed);
    staffBy[g]++;
    if (fixed) fixedBy[g]++;

    if (ptCol !== undefined) {
      const t = grid.text(r, ptCol);
      let k = regimeCache.get(t);
      if (k === undefined) {
        const type = ptTypeCol !== undefined ? grid.text(r, ptTypeCol) : '';
        const read = readRegime(t, type);
        k = read ? REGIMES.indexOf(read) : -1;
        if (!type) regimeCache.set(t, k);
      }
      if (k < 0) note(ptCol, { note: 'unparseable', at: placeOf(grid, r, ptCol), what: "l'orario (part-time)", expected: 'una percentuale di orario (es. 50%, 83,33) o «tempo pieno»', text: t });
      else {
        work[k * 2 + g]++;
        if (fixed) workFixed[k * 2 + g]++;
        if (k > 0) partBy[g]++;
      }
    }
    if (smartCol !== undefined) {
      const t = grid.text(r, smartCol);
      let k = smartCache.get(t);
      if (k === undefined) {
        const read = readSmart(grid.value(r, smartCol), t);
        k = read === 'none' ? 0 : read === 'partial' || read === 'any' ? 1 : read === 'full' ? 2 : -1;
        smartCache.set(t, k);
      }
      if (k < 0) note(smartCol, { note: 'unparseable', at: placeOf(grid, r, smartCol), what: 'il lavoro agile', expected: 'sì/no o i giorni a settimana', text: t });
      else if (k > 0) smart[(k - 1) * 2 + g]++;
    }
  }
  for (const [c, n] of notesPerCol) {
    if (n > NOTES_PER_COLUMN) notes.push({ note: 'unparseable', at: placeOf(grid, table.headerRows[0], c), what: `altre ${n - NOTES_PER_COLUMN} celle della colonna «${grid.text(table.headerRows[0], c)}»`, expected: 'valori leggibili', text: '…' });
  }

  // records: aggregates only, each pointing at the column it was counted from
  const base = date ? { referenceDate: date } : {};
  const summary: StaffSummary = { sourceName: name, rank: 3, order, ...(date ? { date } : {}), turnover: new Map(), incomplete: false };
  const tally = (by: Float64Array, at: Place): Tally => ({ ...emptyTally(), F: by[0], M: by[1], total: by[0] + by[1], at: { F: at, M: at, total: at } });
  summary.staff = tally(staffBy, range(gCol));
  summary.byCategory = new Map();
  const catAt = range(catCol ?? profCol ?? gCol);
  for (const [key, c] of [...headcount].sort((a, b) => a[0] - b[0])) {
    const g = key % 2;
    const band = Math.floor(key / 2) % (NO_BAND + 1);
    const li = Math.floor(key / 2 / (NO_BAND + 1));
    const { label, category } = labels[li];
    const gender = GENDERS[g];
    staff.records.headcount.push({ category, label, gender, count: c.count, fixedTerm: c.fixedTerm, at: catAt, ...base, ...(band < NO_BAND ? { ageBand: AGE_BANDS[band] } : {}), order });
    const byCat = summary.byCategory.get(category) ?? { F: 0, M: 0 };
    byCat[gender] += c.count;
    summary.byCategory.set(category, byCat);
  }
  // the figures by category rest on the column the categories were read from
  summary.cells = new Map();
  for (const category of summary.byCategory.keys()) for (const who of ['F', 'M', 'total'] as const) summary.cells.set(figureKey('category', who, undefined, category), [catAt]);
  if (contractCol !== undefined) summary.fixedTerm = tally(fixedBy, range(contractCol));
  if (ptCol !== undefined) {
    summary.partTime = tally(partBy, range(ptCol));
    REGIMES.forEach((regime, k) => {
      for (const g of [0, 1]) if (work[k * 2 + g] > 0) staff.records.workTime.push({ regime, gender: GENDERS[g], count: work[k * 2 + g], fixedTerm: workFixed[k * 2 + g], at: range(ptCol), ...base, order });
    });
  }
  if (smartCol !== undefined) {
    summary.smart = tally(new Float64Array([smart[0] + smart[2], smart[1] + smart[3]]), range(smartCol));
    (['partial', 'full'] as const).forEach((mode, k) => {
      for (const g of [0, 1]) if (smart[k * 2 + g] > 0) staff.records.smartWorking.push({ mode, gender: GENDERS[g], count: smart[k * 2 + g], at: range(smartCol), ...base, order });
    });
  }
  const lastYear = refMs !== undefined ? yearOf(refMs) : maxYear;
  for (const [key, c] of [...turnover].sort((a, b) => a[0] - b[0])) {
    const g = key % 2;
    const mv = Math.floor(key / 2) % 2;
    const year = Math.floor(key / 4);
    if (year > lastYear || year <= lastYear - TURNOVER_YEARS) continue;
    const movement = mv === 0 ? 'hire' : 'termination';
    const at = range(mv === 0 ? hireCol! : endCol!);
    staff.records.turnover.push({ movement, year, gender: GENDERS[g], count: c.count, fixedTerm: c.fixedTerm, at, order });
    const entry = summary.turnover.get(year) ?? {};
    const t = (entry[movement] ??= { ...emptyTally(), at: { F: at, M: at, total: at } });
    t[GENDERS[g]] += c.count;
    t.total += c.count;
    summary.turnover.set(year, entry);
  }
  staff.summaries.push(summary);
}

function bump(map: Map<number, Counter>, key: number, fixed: boolean): void {
  const c = map.get(key);
  if (c) {
    c.count++;
    if (fixed) c.fixedTerm++;
  } else map.set(key, { count: 1, fixedTerm: fixed ? 1 : 0 });
}

/** A date cell: its time, undefined when empty, null when it cannot be read. */
function dateAt(grid: Grid, row: number, col: number): number | undefined | null {
  const v = grid.value(row, col);
  if (v === null) return undefined;
  if (typeof v === 'string' && v.trim() === '') return undefined;
  return readDate(v, typeof v === 'string' ? v : '') ?? null;
}
