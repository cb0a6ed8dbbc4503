/**
 * What every output says of a PAP figure that is not known or rests on flagged cells, as pure data:
 * PIAO.xlsx «Statistiche PAP», report.html and summary.xlsx (and the add-in's «Normalizza») show
 * an unknown figure as «n.d.» with the reason, never as 0, and mark a flagged one, with its cells.
 */
import { ruleTitle } from '../engine/rules/registry';
import { Category, PapFigure, PapFlagged, PapStatistics, PapUnknown, Place } from '../engine/schema/dossier';
import { CATEGORY_IT } from './labels';

/** What outputs show for a figure that is not known. */
export const ND = 'n.d.';

export type Who = 'F' | 'M' | 'total';

/** One figure of the statistics: what it counts, for whom, of which category or year. */
export interface FigureRef {
  figure: PapFigure;
  who: Who;
  category?: Category;
  year?: number;
}

const matches = (x: { figure: PapFigure; who?: Who; category?: Category; year?: number }, ref: FigureRef) =>
  x.figure === ref.figure && (x.who === undefined || x.who === ref.who) && (x.category === undefined || x.category === ref.category) && (x.year === undefined || x.year === ref.year);

/** Why a figure is not known; undefined when it is. */
export function unknownOf(pap: PapStatistics, ref: FigureRef): PapUnknown | undefined {
  return pap.unknown?.find((u) => matches(u, ref));
}

/** The flagged cells a figure rests on; undefined when none. */
export function flaggedOf(pap: PapStatistics, ref: FigureRef): PapFlagged | undefined {
  return pap.flagged?.find((f) => f.figure === ref.figure && f.who === ref.who && f.category === ref.category && f.year === ref.year);
}

/** The figure's number, or null when it is not known. */
export function knownValue(pap: PapStatistics, ref: FigureRef, value: number): number | null {
  return unknownOf(pap, ref) ? null : value;
}

/** Whether a share computed from these figures is not known (one of them is not). */
export function shareUnknown(pap: PapStatistics, refs: readonly FigureRef[]): boolean {
  return refs.some((r) => unknownOf(pap, r) !== undefined);
}

const WHO_IT: Record<Who, string> = { F: 'donne', M: 'uomini', total: 'totale' };

const FIGURE_IT: Record<PapFigure, string> = {
  headcount: 'Personale in servizio',
  category: 'Personale per categoria',
  top: 'Vertice (dirigenti e segretario)',
  partTime: 'Part-time',
  fixedTerm: 'Tempo determinato',
  smartWorking: 'Lavoro agile',
  hires: 'Assunzioni',
  terminations: 'Cessazioni',
};

/** "Assunzioni 2023", "Istruttori", "Part-time": the figure's name, without whom it counts. */
export function figureNameIt(ref: Omit<FigureRef, 'who'>): string {
  if (ref.figure === 'category' && ref.category) return CATEGORY_IT[ref.category];
  return ref.year !== undefined ? `${FIGURE_IT[ref.figure]} ${ref.year}` : FIGURE_IT[ref.figure];
}

/** "personale.xlsx · Foglio!C32" */
export function placeIt(p: Place): string {
  return `${p.file} · ${p.sheet}!${p.cell}`;
}

const cellsIt = (at: readonly Place[] | undefined) => {
  const list = (at ?? []).map(placeIt);
  if (!list.length) return '';
  return list.length === 1 ? ` nella cella ${list[0]}` : ` nelle celle ${list.join(', ')}`;
};

const REASON_IT: Record<PapUnknown['reason'], string> = {
  absent: 'nessuna tabella del dossier lo indica',
  'not-available': 'il dato è indicato come «n.d.»',
  unparseable: 'non si legge un numero',
  'out-of-range': "c'è un valore impossibile (negativo, o maggiore del suo totale)",
  'no-gender': 'la tabella dà solo il totale, senza distinguere donne e uomini',
};

/** Why a figure is not known, in Italian, with its cells unless `cells` is false: "il dato è indicato come «n.d.» nella cella …". */
export function unknownReasonIt(u: Pick<PapUnknown, 'reason' | 'at'>, cells = true): string {
  return `${REASON_IT[u.reason]}${cells ? cellsIt(u.at) : ''}`;
}

/** What a flagged figure rests on, in Italian, with its cells unless `cells` is false: "calcolato da celle con segnalazioni (Riga ripetuta: …)". */
export function flaggedIt(f: Pick<PapFlagged, 'rules' | 'at'>, cells = true): string {
  return `calcolato da celle con segnalazioni (${f.rules.map(ruleTitle).join('; ')}${cells ? `: ${f.at.map(placeIt).join(', ')}` : ''})`;
}

/** One line of the notes under the statistics: a figure not known or flagged, the whom it concerns, why, and the first cell. */
export interface PapNote {
  kind: 'unknown' | 'flagged';
  /** "Assunzioni 2023 (uomini, totale)" */
  name: string;
  /** "n.d.: il dato è indicato come «n.d.» nella cella …" */
  text: string;
  /** The same without the cells: "n.d.: il dato è indicato come «n.d.»" (for a list that links each cell). */
  why: string;
  /** The cell to open, when there is one. */
  at?: Place;
  /** Every cell it names. */
  cells: Place[];
  /** The figures it speaks of: `whos` absent means women, men and total. */
  figure: PapFigure;
  category?: Category;
  year?: number;
  whos?: Who[];
}

/** The index of the note that speaks of a figure, of a kind; -1 when none. */
export function noteIndex(notes: readonly PapNote[], ref: FigureRef, kind: PapNote['kind']): number {
  return notes.findIndex((n) => n.kind === kind && n.figure === ref.figure && (n.category === undefined || n.category === ref.category) && (n.year === undefined || n.year === ref.year) && (!n.whos || n.whos.includes(ref.who)));
}

function refOf(x: { figure: PapFigure; category?: Category; year?: number }, whos: Who[]): Pick<PapNote, 'figure' | 'category' | 'year' | 'whos'> {
  return { figure: x.figure, ...(x.category ? { category: x.category } : {}), ...(x.year !== undefined ? { year: x.year } : {}), ...(whos.length ? { whos } : {}) };
}

/**
 * The notes of the statistics, one per figure and reason (women, men and total of the same cause
 * together), unknown figures first, in the order piao.json lists them.
 */
export function papNotes(pap: PapStatistics): PapNote[] {
  const out: PapNote[] = [];
  const group = <T extends { figure: PapFigure; who?: Who; category?: Category; year?: number; at?: Place[] }>(list: readonly T[], cause: (x: T) => string) => {
    const groups = new Map<string, { first: T; whos: Who[] }>();
    for (const x of list) {
      const key = `${x.figure}|${x.category ?? ''}|${x.year ?? ''}|${cause(x)}|${(x.at ?? []).map(placeIt).join(',')}`;
      const g = groups.get(key);
      if (g) {
        if (x.who) g.whos.push(x.who);
      } else groups.set(key, { first: x, whos: x.who ? [x.who] : [] });
    }
    return [...groups.values()];
  };
  for (const { first, whos } of group(pap.unknown ?? [], (u) => u.reason)) {
    const name = `${figureNameIt(first)}${whos.length ? ` (${whos.map((w) => WHO_IT[w]).join(', ')})` : ''}`;
    out.push({ kind: 'unknown', name, text: `${ND}: ${unknownReasonIt(first)}`, why: `${ND}: ${unknownReasonIt(first, false)}`, ...(first.at?.[0] ? { at: first.at[0] } : {}), cells: first.at ?? [], ...refOf(first, whos) });
  }
  for (const { first, whos } of group(pap.flagged ?? [], (f) => f.rules.join(','))) {
    const name = `${figureNameIt(first)}${whos.length ? ` (${whos.map((w) => WHO_IT[w]).join(', ')})` : ''}`;
    out.push({ kind: 'flagged', name, text: flaggedIt(first), why: flaggedIt(first, false), at: first.at[0], cells: first.at, ...refOf(first, whos) });
  }
  return out;
}
