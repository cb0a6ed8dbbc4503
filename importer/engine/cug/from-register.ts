/**
 * The CUG tables a per-person register gives, and the ones it cannot give with the column each
 * needs. Never a zero for a figure the register does not hold.
 */
import { CugMissing, CugTable } from '../schema/cug';
import { Place } from '../schema/dossier';
import { AgeLine, StudyLine, genderAgeShareTable, genderAgeTable, movementsTable, studyTable } from './build';
import { CONCILIATION_ROWS, CUG_AGE_BANDS, CUG_SECTIONS, CUG_TITLES, CugTableKey, LEVEL_LABELS, LEVEL_ORDER, MANAGERIAL, PRESENCE_ROWS, SENIORITY_ROWS, STUDY_TITLES, TIPOLOGIA } from './format';
import { BANDS_WITH_UNKNOWN, CugTally, LevelCounts } from './tally';

const B = BANDS_WITH_UNKNOWN;
const bandsOf = (a: Float64Array, offset: number) => CUG_AGE_BANDS.map((_, i) => a[offset + i]);

/** «Inquadramento» and «Tipologia di personale» of a level of the register. */
function levelNames(l: LevelCounts): { tipologia: string; level: string } {
  const level = l.category === 'altro' ? l.label ?? 'Altro personale' : LEVEL_LABELS[l.category];
  if (!MANAGERIAL.includes(l.category)) return { tipologia: TIPOLOGIA.staff, level };
  return { tipologia: l.general ? TIPOLOGIA.general : TIPOLOGIA.nonGeneral, level };
}

/** Levels top first (general managers before the others), `altro` rows in the register's order. */
function orderedLevels(t: CugTally): [string, LevelCounts][] {
  const rank = (l: LevelCounts) => LEVEL_ORDER.indexOf(l.category) * 2 + (l.general ? 0 : 1);
  return [...t.levels].map((e, i) => ({ e, i })).sort((a, b) => rank(a.e[1]) - rank(b.e[1]) || a.i - b.i).map((x) => x.e);
}

const people = (n: number) => (n === 1 ? '1 persona' : `${n.toLocaleString('it-IT')} persone`);

function places(t: CugTally, keys: (keyof CugTally['from'])[]): Place[] {
  return keys.map((k) => t.from[k]).filter((p): p is Place => p !== undefined);
}

export interface FromRegister {
  tables: Partial<Record<CugTableKey, CugTable>>;
  missing: CugMissing[];
}

const AGE_NEED = 'la colonna della data di nascita (o dell’età)';
const DATE_NEED = 'la data di riferimento del registro (nel titolo o nel nome del foglio, es. «al 31/12/2024»)';

export function tablesFromRegister(t: CugTally): FromRegister {
  const tables: FromRegister['tables'] = {};
  const missing: CugMissing[] = [];
  const miss = (key: CugTableKey, needs: string) => missing.push({ table: key, title: CUG_TITLES[key], needs });
  const base = (key: CugTableKey, from: (keyof CugTally['from'])[], notes: string[] = []) => ({
    title: CUG_TITLES[key],
    ...(CUG_SECTIONS[key] ? { section: CUG_SECTIONS[key] } : {}),
    source: 'register' as const,
    from: places(t, from),
    ...(t.date ? { referenceDate: t.date } : {}),
    notes,
  });
  const ageNote = t.unplaced.age ? [`${people(t.unplaced.age)} senza una data di nascita (o un’età) leggibile non ${t.unplaced.age === 1 ? 'è contata' : 'sono contate'} nella tabella.`] : [];
  // ages come from birth dates at 31/12 of the reference year, or from an «Età» column
  const ages = t.columns.age && (t.date !== undefined || !t.from.birth);
  const ageNeed = !t.columns.age ? AGE_NEED : DATE_NEED;

  // 1.1
  if (ages) {
    const lines: AgeLine[] = orderedLevels(t).map(([, l]) => {
      const n = levelNames(l);
      return { labels: [n.tipologia, n.level], men: bandsOf(l.counts, B), women: bandsOf(l.counts, 0) };
    });
    tables['1.1'] = genderAgeTable(base('1.1', ['gender', 'birth', 'category'], ageNote), ['Tipologia di personale', 'Inquadramento'], lines);
  } else miss('1.1', ageNeed);

  // 1.2
  if (!t.columns.partTime) miss('1.2', 'la colonna del part-time (percentuale dell’orario: 100%, 83,33%, 50%)');
  else if (!ages) miss('1.2', ageNeed);
  else {
    const notes = [...ageNote];
    if (t.unplaced.partNoShare) notes.push(`${people(t.unplaced.partNoShare)} in part-time senza la percentuale dell’orario non ${t.unplaced.partNoShare === 1 ? 'è collocata' : 'sono collocate'} tra «>50%» e «<50%»: la tabella non ${t.unplaced.partNoShare === 1 ? 'la conta' : 'le conta'}.`);
    if (t.unplaced.presence) notes.push(`${people(t.unplaced.presence)} con l’orario illeggibile non ${t.unplaced.presence === 1 ? 'è contata' : 'sono contate'}.`);
    const lines: AgeLine[] = PRESENCE_ROWS.map((label, k) => ({ labels: [label], men: bandsOf(t.presence, (k * 2 + 1) * B), women: bandsOf(t.presence, k * 2 * B) }));
    tables['1.2'] = genderAgeShareTable(base('1.2', ['gender', 'birth', 'partTime'], notes), 'Tipo presenza', lines);
  }

  // 1.4
  if (!t.columns.entry) miss('1.4', 'la colonna della data di ingresso nel profilo o nel livello attuale (es. «Data inquadramento», «Decorrenza profilo»)');
  else if (!ages || !t.date) miss('1.4', t.date ? ageNeed : DATE_NEED);
  else {
    const notes = [...ageNote];
    const u = t.unplaced;
    if (u.entryMissing) notes.push(`${people(u.entryMissing)} del personale non dirigente senza la data di ingresso nel profilo non ${u.entryMissing === 1 ? 'è contata' : 'sono contate'}.`);
    if (u.entryUnreadable) notes.push(`${people(u.entryUnreadable)} con la data di ingresso nel profilo illeggibile non ${u.entryUnreadable === 1 ? 'è contata' : 'sono contate'}.`);
    if (u.entryFuture) notes.push(`${people(u.entryFuture)} con la data di ingresso nel profilo dopo il 31/12 non ${u.entryFuture === 1 ? 'è contata' : 'sono contate'}.`);
    const lines: AgeLine[] = SENIORITY_ROWS.map((label, k) => ({ labels: [label], men: bandsOf(t.seniority, (k * 2 + 1) * B), women: bandsOf(t.seniority, k * 2 * B) }));
    tables['1.4'] = genderAgeShareTable(base('1.4', ['gender', 'birth', 'category', 'entry'], notes), 'Permanenza nel profilo e livello', lines);
  }

  // 1.6 and 1.7
  if (!t.columns.study) {
    miss('1.6', 'la colonna del titolo di studio');
    miss('1.7', 'la colonna del titolo di studio');
  } else {
    const notes = t.unplaced.study ? [`${people(t.unplaced.study)} con un titolo di studio che non si colloca tra quelli del format non ${t.unplaced.study === 1 ? 'è contata' : 'sono contate'}.`] : [];
    for (const [key, managerial] of [['1.6', true], ['1.7', false]] as const) {
      // by inquadramento only: general and other managers of one level are one row here
      const byLevel = new Map<string, Float64Array[]>();
      for (const [levelKey, l] of orderedLevels(t)) {
        if (MANAGERIAL.includes(l.category) !== managerial) continue;
        const name = levelNames(l).level;
        const list = byLevel.get(name) ?? [];
        STUDY_TITLES.forEach((_, s) => {
          const c = t.study.get(`${levelKey}|${s}`);
          const acc = (list[s] ??= new Float64Array(2));
          if (c) {
            acc[0] += c[0];
            acc[1] += c[1];
          }
        });
        byLevel.set(name, list);
      }
      const lines: StudyLine[] = [];
      for (const [level, list] of byLevel) {
        STUDY_TITLES.forEach((title, s) => {
          if (list[s][0] + list[s][1] > 0) lines.push({ level, title, men: list[s][1], women: list[s][0] });
        });
      }
      tables[key] = studyTable(base(key, ['gender', 'category', 'study'], notes), lines);
    }
  }

  // 2.1: part-time and smart working from the register; telelavoro, orari flessibili, altro to fill
  if (!t.columns.partTime && !t.columns.smart) miss('2.1', 'le colonne del part-time e del lavoro agile');
  else if (!ages) miss('2.1', ageNeed);
  else {
    const notes = [...ageNote, 'Telelavoro, orari flessibili e altre misure non sono nell’anagrafica: le loro righe, i totali e le «% di genere» sono da completare.'];
    if (t.columns.smart && t.unplaced.smart) notes.push(`${people(t.unplaced.smart)} con il lavoro agile illeggibile non ${t.unplaced.smart === 1 ? 'è contata' : 'sono contate'}.`);
    const row = (label: string, a: Float64Array | null): AgeLine => ({ labels: [label], men: a ? bandsOf(a, B) : null, women: a ? bandsOf(a, 0) : null });
    const lines = [
      row(CONCILIATION_ROWS.partTime, t.columns.partTime ? t.partTime : null),
      row(CONCILIATION_ROWS.telework, null),
      row(CONCILIATION_ROWS.smart, t.columns.smart ? t.smart : null),
      row(CONCILIATION_ROWS.flexible, null),
      row(CONCILIATION_ROWS.other, null),
    ];
    tables['2.1'] = genderAgeShareTable(base('2.1', ['gender', 'birth', 'partTime', 'smart'], notes), 'Misure di conciliazione', lines);
  }

  // hires and terminations of the reference year
  const hire = t.from.hire !== undefined;
  const end = t.from.end !== undefined;
  if (!hire && !end) miss('movimenti', 'le colonne delle date di assunzione e di cessazione');
  else if (t.year === undefined) miss('movimenti', DATE_NEED);
  else {
    const notes = [...(hire ? [] : ['La data di assunzione non è nell’anagrafica: la riga è da completare.']), ...(end ? [] : ['La data di cessazione non è nell’anagrafica: la riga è da completare.'])];
    tables.movimenti = movementsTable(base('movimenti', ['gender', 'hire', 'end'], notes), t.year, hire ? [t.hires[0], t.hires[1]] : null, end ? [t.terminations[0], t.terminations[1]] : null);
  }
  return { tables, missing };
}
