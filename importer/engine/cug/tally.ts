/**
 * The counts a per-person register gives the CUG tables, gathered in the register's single pass:
 * by level, gender and age band; by kind of presence; by years in the profile; by study title;
 * smart working and part-time. Counters only: no person, name, matricola or date is kept.
 */
import { Category, Place } from '../schema/dossier';
import { ageAt, ageBandOf, yearOf } from '../register/values';
import { CUG_AGE_BANDS, MANAGERIAL } from './format';
import { Presence, readPresence, readStudyTitle, seniorityBand } from './values';

/** Age bands 0-4, and 5 for a person whose age is not known. */
export const NO_AGE = 5;
const BANDS = 6;
const PRESENCES: readonly Presence[] = ['full', 'over50', 'upTo50', 'part'];

/** What one register row says, as readRegister hands it over (one object reused for every row). */
export interface CugPersonIn {
  g: 0 | 1;
  /** Birth date (UTC ms), when the register has it. */
  birth?: number;
  /** Age from an «Età» column, when there is no birth date. */
  age?: number;
  category: Category;
  /** The category label as the register writes it (rows of `altro` keep it). */
  label: string;
  /** The profile or category names a general-level manager («Direttore generale», «Dirigente di prima fascia»). */
  general: boolean;
  /** Text of the part-time cell ('' when empty). */
  partTimeText?: string;
  /** Smart working: true, false, or undefined when the cell cannot be read. */
  smart?: boolean;
  /** Date of entry into the current profile or level: a time, null when unreadable, undefined when empty. */
  entry?: number | null;
  /** Text of the study-title cell. */
  studyText?: string;
}

/** One row of table 1.1 from a register: a canonical category (or a label of `altro`). */
export interface LevelCounts {
  category: Category;
  /** The label of an `altro` row, as written. */
  label?: string;
  general: boolean;
  /** By gender (0 F, 1 M) and band: index g * 6 + band. */
  counts: Float64Array;
}

/** The columns a register has, for the tables that need them. */
export interface CugColumns {
  age: boolean;
  partTime: boolean;
  smart: boolean;
  entry: boolean;
  study: boolean;
}

export class CugTally {
  readonly levels = new Map<string, LevelCounts>();
  /** [presence][g][band] */
  readonly presence = new Float64Array(PRESENCES.length * 2 * BANDS);
  /** Part-time and smart working by [g][band] (table 2.1). */
  readonly partTime = new Float64Array(2 * BANDS);
  readonly smart = new Float64Array(2 * BANDS);
  /** Non-managerial staff by [seniority][g][band] (table 1.4). */
  readonly seniority = new Float64Array(4 * 2 * BANDS);
  /** Study titles by level: key `${levelKey}|${title}` -> [F, M]. */
  readonly study = new Map<string, Float64Array>();
  /** People counted, and those a table could not place. */
  people = 0;
  readonly unplaced = { age: 0, presence: 0, partNoShare: 0, smart: 0, entryMissing: 0, entryUnreadable: 0, entryFuture: 0, study: 0 };
  /** Hires and terminations of the reference year by gender (0 F, 1 M). */
  readonly hires = new Float64Array(2);
  readonly terminations = new Float64Array(2);
  private readonly dec31?: number;
  private readonly presenceCache = new Map<string, number>();
  private readonly studyCache = new Map<string, number>();

  constructor(
    readonly columns: CugColumns,
    /** The reference date (ISO), when the register has one. */
    readonly date: string | undefined,
    /** How messages name the register. */
    readonly sourceName: string,
    /** The column ranges counted, by what they hold. */
    readonly from: Partial<Record<'gender' | 'birth' | 'category' | 'partTime' | 'smart' | 'entry' | 'study' | 'hire' | 'end', Place>>,
    readonly order: number,
  ) {
    if (date) this.dec31 = Date.UTC(Number(date.slice(0, 4)), 11, 31);
  }

  /** The year of the report: the reference date's. */
  get year(): number | undefined {
    return this.date ? Number(this.date.slice(0, 4)) : undefined;
  }

  private band(p: CugPersonIn): number {
    if (p.birth !== undefined && this.dec31 !== undefined) return CUG_AGE_BANDS.indexOf(ageBandOf(ageAt(p.birth, this.dec31)));
    if (p.age !== undefined && Number.isFinite(p.age) && p.age > 0) return CUG_AGE_BANDS.indexOf(ageBandOf(p.age));
    return NO_AGE;
  }

  /** Counts one person in service at the reference date. */
  add(p: CugPersonIn): void {
    this.people++;
    const band = this.band(p);
    if (band === NO_AGE) this.unplaced.age++;
    const g = p.g;
    const managerial = MANAGERIAL.includes(p.category);
    const general = p.category === 'segretario' || (p.category === 'dirigente' && p.general);
    const key = p.category === 'altro' ? `altro|${p.label}` : `${p.category}|${general ? 'g' : ''}`;
    let level = this.levels.get(key);
    if (!level) {
      level = { category: p.category, ...(p.category === 'altro' ? { label: p.label } : {}), general, counts: new Float64Array(2 * BANDS) };
      this.levels.set(key, level);
    }
    level.counts[g * BANDS + band]++;

    if (p.partTimeText !== undefined) {
      let k = this.presenceCache.get(p.partTimeText);
      if (k === undefined) {
        const read = readPresence(p.partTimeText);
        k = read ? PRESENCES.indexOf(read) : -1;
        this.presenceCache.set(p.partTimeText, k);
      }
      if (k < 0) this.unplaced.presence++;
      else {
        this.presence[(k * 2 + g) * BANDS + band]++;
        if (k === 3) this.unplaced.partNoShare++;
        if (k > 0) this.partTime[g * BANDS + band]++;
      }
    }
    if (this.columns.smart) {
      if (p.smart === undefined) this.unplaced.smart++;
      else if (p.smart) this.smart[g * BANDS + band]++;
    }
    if (this.columns.entry && !managerial) {
      if (p.entry === undefined) this.unplaced.entryMissing++;
      else if (p.entry === null) this.unplaced.entryUnreadable++;
      else if (this.dec31 === undefined || p.entry > this.dec31) this.unplaced.entryFuture++;
      else this.seniority[(seniorityBand(ageAt(p.entry, this.dec31)) * 2 + g) * BANDS + band]++;
    }
    if (p.studyText !== undefined) {
      let s = this.studyCache.get(p.studyText);
      if (s === undefined) {
        s = readStudyTitle(p.studyText) ?? -1;
        this.studyCache.set(p.studyText, s);
      }
      if (s < 0) this.unplaced.study++;
      else {
        const k = `${key}|${s}`;
        let c = this.study.get(k);
        if (!c) this.study.set(k, (c = new Float64Array(2)));
        c[g]++;
      }
    }
  }

  /** A hire or a termination (any person of the register, in service or not). */
  movement(kind: 'hire' | 'termination', at: number, g: 0 | 1): void {
    if (this.year === undefined || yearOf(at) !== this.year) return;
    (kind === 'hire' ? this.hires : this.terminations)[g]++;
  }
}

export const BANDS_WITH_UNKNOWN = BANDS;
export { PRESENCES };
