import { dateInText, withoutActNumbers } from '../detect/reference-date';
import { CellValue } from '../grid/grid';
import { mapCategory } from '../normalise/categories';
import { AgeBand, Category, Gender, WorkRegime } from '../schema/dossier';
import { normaliseLabel } from '../text/normalise';

/** The age bands of the CUG tables (the contract's). */
export type { AgeBand };
export const AGE_BANDS: readonly AgeBand[] = AgeBand.options;

/** How a line counts smart workers: ordinary, full-time remote (fragili), unspecified, or those NOT in smart working. */
export type SmartMode = 'partial' | 'full' | 'any' | 'none';
export type Movement = 'hire' | 'termination';
export type Contract = 'fixed-term' | 'permanent';

/** A label naming a whole dimension rather than one of its values ("Categoria", "Settore", "Anno"). */
export type AxisName = 'category' | 'structure' | 'tipologia' | 'gender' | 'year' | 'regime' | 'age' | 'movement' | 'contract';

/**
 * What a header or row label of a staff table says, dimension by dimension. A label may say several
 * things at once ("Totale donne", "Assunzioni 2023", "Uomini a tempo determinato").
 */
export interface LabelMeaning {
  total?: boolean;
  percent?: boolean;
  /** A percentage over the whole staff ("% sul personale complessivo"). */
  overall?: boolean;
  gender?: Gender;
  /** A lone letter that may be a gender or a category ("D": Donne or Cat. D). */
  letter?: 'D';
  category?: Category;
  regime?: WorkRegime;
  smart?: SmartMode;
  year?: number;
  /** A full date named by the label ("al 31/12/2023"). */
  date?: string;
  movement?: Movement;
  age?: AgeBand | 'other';
  contract?: Contract;
  /** The staff in service (a "Personale" / "Dipendenti" column beside smart-working or part-time counts). */
  staff?: boolean;
  /** A "di cui ..." line: a part of another line, not added to it. */
  subset?: boolean;
  /** A structure name ("Settore Tecnico"). */
  structure?: boolean;
  /** "Totale dipendenti" beside smart-working lines: a total if it adds them up, else the staff (decided by arithmetic). */
  staffOrTotal?: boolean;
  /** A difference between two counts ("Saldo", "Differenza", "Variazione", "Delta"): may be negative, never a count of people. */
  change?: boolean;
  /** A plain count column of a long table ("Numero", "N.", "Valori assoluti"). */
  count?: boolean;
  axisName?: AxisName;
  /** Words no dimension explains (empty when the label is fully understood). */
  unexplained: string;
}

const AXIS_NAMES: [AxisName, RegExp][] = [
  ['category', /^(categori[ae]|cat|categoria giuridica|inquadrament[oi]|livello di inquadramento|qualifica|qualifiche|profil[oi]( professional[ei])?|area|aree|area di inquadramento|livell[oi]|posizione( economica)?)$/],
  ['structure', /^(settor[ei]|servizi[o]?|struttur[ae]( organizzativ[ae])?|uffici[o]?|direzion[ei]|unita organizzativ[ae]|u ?o|area organizzativa|dipartiment[oi]|centro di costo)$/],
  ['tipologia', /^tipologia( di)? personale$|^tipologia$|^tipo personale$/],
  ['gender', /^(genere|sesso)$/],
  ['year', /^(anno|anni|anno di riferimento|periodo)$/],
  ['regime', /^(regime|regime orario|orario|tipologia (di )?orario|tempo di lavoro|tipo orario|articolazione orario)$/],
  ['age', /^(fasci[ae] d ?eta|eta|class[ei] di eta|fascia di eta)$/],
  ['movement', /^(movimento|tipo movimento|movimenti)$/],
  ['contract', /^(tipo( di)? contratto|contratto|rapporto( di lavoro)?|tipologia (di )?contratto)$/],
];

const FILLERS = new Set([
  'n', 'nr', 'num', 'numero', 'di', 'cui', 'a', 'al', 'alla', 'allo', 'del', 'della', 'dello', 'dei', 'delle', 'degli', 'in', 'per', 'e', 'ed',
  'il', 'la', 'le', 'lo', 'i', 'gli', 'anno', 'anni', 'personale', 'dipendenti', 'dipendente', 'unita', 'con', 'contratto', 'eta', 'fascia',
  'classe', 'genere', 'sul', 'su', 'complessivo', 'complessiva', 'generale', 'valori', 'assoluti', 'v', 'tempo', 'rapporto', 'lavoro',
  'da', 'fino', 'dal', 'servizio', 'addetti', 'nell', 'nel', 'nella', 'organico', 'forza', 'ente', 'totale', 'tot', 'x', 'valore',
  'assegnati', 'assegnato', 'assegnate', 'effettivi', 'effettivo', 'presenti',
]);

/** Words naming a difference between two counts rather than a count. */
export const CHANGE_WORDS = / (saldo|saldi|differenz[ae]|variazion[ei]|delta|scostament[oi]) /;

function bandOf(lo: number | undefined, hi: number | undefined): AgeBand | 'other' {
  if (lo === undefined && hi !== undefined) return hi <= 30 ? '<30' : 'other';
  if (hi === undefined && lo !== undefined) return lo >= 60 ? '>60' : 'other';
  if (lo === undefined || hi === undefined) return 'other';
  const pairs: [AgeBand, number, number][] = [['31-40', 30, 40], ['41-50', 40, 50], ['51-60', 50, 60]];
  for (const [band, a, b] of pairs) if ((lo === a || lo === a + 1) && (hi === b || hi === b - 1)) return band;
  if (hi <= 30 && lo <= 18) return '<30';
  return 'other';
}

/** Age band written as "<30", "fino a 30", "da 31 a 40", "31-40", "> 60", "oltre 60", "> di 60". */
export function readAgeBand(raw: string): AgeBand | 'other' | undefined {
  const t = raw.toLowerCase().replace(/anni/g, ' ').replace(/\s+/g, ' ').trim();
  let m = /^(?:<=?|≤|meno di|fino a|under|inferiore a|sotto i?|minore di|< di)\s*(\d{2})$/.exec(t);
  if (m) return bandOf(undefined, Number(m[1]));
  m = /^(?:da\s*)?(\d{2})\s*(?:-|–|a|\/|÷)\s*(\d{2})$/.exec(t);
  if (m) return bandOf(Number(m[1]), Number(m[2]));
  m = /^(?:>=?|≥|oltre(?: i)?|over|più di|piu di|superiore a|> di|maggiore di|sopra i?)\s*(\d{2})$|^(\d{2})\s*(?:e oltre|\+|e più|e piu)$/.exec(t);
  if (m) return bandOf(Number(m[1] ?? m[2]), undefined);
  return undefined;
}

function regimeOf(kind: 'vertical' | 'horizontal' | 'mixed' | undefined, size: '50' | 'over-50' | undefined): WorkRegime {
  if (!kind || kind === 'mixed' || !size) return 'part-time';
  return `part-time-${kind}-${size === '50' ? '50' : 'over-50'}` as WorkRegime;
}

/** A remark in brackets: «(dato 2021)», «(compresi 2 assunti nel 2022)», «[fonte: conto annuale]», «(di cui 1 in comando)». */
const REMARK_IN_BRACKETS = /\s*[([]\s*(?:compres[aeio]|inclus[aeio]|esclus[aeio]|dato|dati|fonte|nota|note|vedi|cfr|rif|gia|già|di cui\s+\d)[^)\]]*[)\]]/gi;
/** A remark after the label: «Cat. B, compresi 2 assunti», «Istruttori - di cui 1 cessato nel 2023» (a figure inside the text). */
const TRAILING_REMARK = /^(.*?[a-zà-ÿ].*?)\s*(?:[-–,;:]\s*|\s)(?:(?:compres[aeio]|inclus[aeio]|esclus[aeio])\b|di cui\s+\d).*$/i;

/**
 * A label without the remarks written in it about its row: what they say (a year, a movement, a
 * «di cui» with its own figure in the text) is not what the row counts. A label that is only a
 * «di cui» line («di cui 2 part-time») keeps it.
 */
export function withoutRemarks(text: string): string {
  const inner = text.replace(REMARK_IN_BRACKETS, ' ');
  const m = TRAILING_REMARK.exec(inner);
  return m ? m[1] : inner;
}

/** Texts already read: long tables and registers repeat the same labels on thousands of rows. */
const cache = new Map<string, LabelMeaning | null>();

/**
 * Reads a label of a staff table. Returns undefined for an empty label. Numbers that are years
 * (2021) are years; a Date cell is a date. Each call gets its own object (callers complete it).
 */
export function classifyLabel(value: CellValue, text: string): LabelMeaning | undefined {
  if (value instanceof Date || typeof value === 'number') return classify(value, text);
  // any other value is read through its text alone
  let known = cache.get(text);
  if (known === undefined) {
    known = classify(value, text) ?? null;
    if (cache.size >= 50_000) cache.clear();
    cache.set(text, known);
  }
  return known ? { ...known } : undefined;
}

function classify(value: CellValue, text: string): LabelMeaning | undefined {
  if (value instanceof Date) {
    const iso = value.toISOString().slice(0, 10);
    return { date: iso, year: Number(iso.slice(0, 4)), unexplained: '' };
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1950 && value <= 2100) return { year: value, unexplained: '' };
    return undefined;
  }
  const raw = withoutRemarks(withoutActNumbers(text)).trim();
  if (!raw) return undefined;
  const n = normaliseLabel(raw.replace(/%/g, ' % '));
  if (!n) return raw.includes('%') ? { percent: true, unexplained: '' } : undefined;
  for (const [axis, re] of AXIS_NAMES) if (re.test(n)) return { axisName: axis, unexplained: '' };
  if (/^(n|nr|num|numero|quantita|conteggio|unita|valori assoluti|valore assoluto|v a|numero persone|n persone)$/.test(n)) return { count: true, unexplained: '' };

  // lone letters: F / M / U are genders, D is Donne or Cat. D (decided by the other labels), A B C categories
  if (/^[a-z]$/.test(n)) {
    if (n === 'f') return { gender: 'F', unexplained: '' };
    if (n === 'm' || n === 'u') return { gender: 'M', unexplained: '' };
    if (n === 'd') return { letter: 'D', category: 'funzionario', unexplained: '' };
    const c = mapCategory(n);
    return c ? { category: c, unexplained: '' } : { unexplained: n };
  }

  const out: LabelMeaning = { unexplained: '' };
  let rest = ` ${n} `;
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest);
    if (m) rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)} `;
    return m;
  };

  if (take(/ di cui /)) out.subset = true;
  if (take(/ su[l]? (totale (del )?personale|personale complessivo|totale complessivo|totale dei dipendenti|totale|complessivo|personale) /)) out.overall = true;

  // smart working: its mode words may hold "100%" or "totale" (after the words: "Totale lavoro agile" is a total)
  const sw = / (smart ?working|smart|lavoro agile|lavoratori agili|lavoratrici agili|agil[ei]|sw) /.exec(rest);
  if (sw) {
    let before = rest.slice(0, sw.index);
    let after = ` ${rest.slice(sw.index + sw[0].length)} `;
    const cut = (re: RegExp): boolean => {
      const m = re.exec(after);
      if (m) after = `${after.slice(0, m.index)} ${after.slice(m.index + m[0].length)} `;
      return m !== null;
    };
    if (/ (non|no|senza) /.test(` ${before} `)) {
      out.smart = 'none';
      before = ` ${before} `.replace(/ (non|no|senza) /, ' ');
    } else if (cut(/ (100 %|100|total[ei]|fragil[ei]|integral[ei]|full|complet[oa]|esclusiv[oa]) /)) {
      out.smart = 'full';
      while (cut(/ (100 %|100|fragil[ei]|lavoratori fragili|integral[ei]|esclusiv[oa]) /));
    } else if (cut(/ (parzial[ei]|ordinari[oa]|ordinari) /)) out.smart = 'partial';
    else out.smart = 'any';
    rest = ` ${before} ${after} `;
  }

  // work time
  if (take(/ (full ?time|tempo pieno|ft) /)) out.regime = 'full-time';
  else if (take(/ (part ?time|p ?t|tempo parziale) /)) {
    const kind = take(/ (vertical[ei]|vert|v) /) ? 'vertical' : take(/ (orizzontal[ei]|oriz|o) /) ? 'horizontal' : take(/ (mist[oi]|m) /) ? 'mixed' : undefined;
    let size: '50' | 'over-50' | undefined;
    if (take(/ (> ?50|oltre (il )?50|superiore (al )?50|piu del 50|sopra (il )?50|maggiore (del )?50)( %)? /)) size = 'over-50';
    else if (take(/ (< ?= ?50|fino (al )?50|pari (al )?50|entro (il )?50|al 50|50)( %)? /)) size = '50';
    else {
      const pct = take(/ (\d{2}(?: \d{1,2})?) % /);
      if (pct) size = Number(pct[1].replace(' ', '.')) > 50 ? 'over-50' : '50';
    }
    out.regime = regimeOf(kind, size);
  }

  // contracts
  if (take(/ (t ?i|tempo indeterminato|indeterminat[oi]|di ruolo|ruolo|permanent[ei]) /)) out.contract = 'permanent';
  else if (take(/ (t ?d|tempo determinato|determinat[oi]|a termine) /)) out.contract = 'fixed-term';

  // movements
  if (take(/ (assunt[ie]|assunzion[ei]|entrat[ei]|ingress[oi]|nuov[ei] assunt[ie]|reclutament[oi]) /)) out.movement = 'hire';
  else if (take(/ (cessat[ie]|cessazion[ei]|uscit[ei]|dimission[ei]|dimess[ie]|pensionament[io]|collocat[ie] a riposo) /)) out.movement = 'termination';

  // dates and years
  const date = dateInText(raw);
  if (date) {
    out.date = date;
    out.year = Number(date.slice(0, 4));
    rest = rest.replace(/ \d{1,2} \d{1,2} (19|20)\d{2} /g, ' ');
  } else {
    const years = [...rest.matchAll(/ ((19[5-9]|20\d)\d) /g)].map((m) => Number(m[1]));
    if (years.length === 1) {
      out.year = years[0];
      take(/ (19[5-9]|20\d)\d /);
    }
  }

  // age bands (on the text as written: "<30", "> di 60")
  const age = readAgeBand(raw.replace(/^(età|eta)\s*/i, ''));
  if (age) {
    out.age = age;
    rest = ' ';
  }

  // genders
  if (take(/ (donn[ae]|femmin[ae]|femmine|femminile|lavoratrici|f) /)) out.gender = 'F';
  else if (take(/ (uomin[io]|uomo|maschi|maschio|maschile|m|u) /)) out.gender = 'M';

  // differences between two counts (a turnover "Saldo", a "Variazione 2023/2022")
  if (take(CHANGE_WORDS)) out.change = true;

  // totals and percentages
  if (take(/ (tot|totale|totali|in totale|somma) /)) out.total = true;
  if (/^(complessiv[oa]|totale complessivo)$/.test(n)) out.total = true;
  if (take(/ (%|percentual[ei]|incidenza|perc|quota) /)) out.percent = true;

  // what is left: a category, a structure, the staff in service, or unexplained words
  const staffWords = / (personale|dipendenti|organico|addetti|in servizio|forza lavoro|unita di personale) /.test(rest);
  const left = rest.trim().split(/\s+/).filter((w) => w && !FILLERS.has(w));
  if (left.length) {
    const words = rest.replace(/\s+/g, ' ').trim();
    const category = mapCategory(words);
    if (category) out.category = category;
    else if (/^(settore|servizio|ufficio|area|direzione|dipartimento|u o|uo|unita organizzativa|staff|segreteria|polizia)\b/.test(words)) out.structure = true;
    else out.unexplained = left.join(' ');
  } else if (staffWords && !(out.gender || out.regime || out.smart || out.contract || out.movement || out.age || out.percent)) {
    out.staff = true;
  }
  return out;
}

/** True when a label says something a staff table is organised by. */
export function isClassified(m: LabelMeaning | undefined): boolean {
  if (!m) return false;
  return Boolean(
    m.total || m.percent || m.change || m.gender || m.letter || m.category || m.regime || m.smart || m.year !== undefined || m.movement || m.age || m.contract || m.staff || m.count || m.axisName,
  );
}

/** The dimensions of staff data proper (a table must have one of them to be a staff table). */
export function hasStaffDimension(m: LabelMeaning): boolean {
  return Boolean(m.gender || m.letter || m.category || m.regime || m.smart || m.movement || (m.age && m.age !== 'other') || m.contract || m.staff);
}
