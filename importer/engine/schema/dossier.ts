/**
 * The public contract of `piao.json` (see CONTRACT.md), defined once as zod schemas.
 * `schema/piao.schema.json` is generated from these (npm run schema) and committed.
 * Add fields freely; renaming or dropping one needs a schemaVersion bump.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

export const Gender = z.enum(['F', 'M']);
export const Severity = z.enum(['error', 'warning', 'info']);
export const SheetKind = z.enum(['objectives', 'headcount', 'work-time', 'smart-working', 'turnover', 'unknown']);
export const ObjectiveLevel = z.enum(['value', 'mandate', 'strategic', 'operational', 'performance']);
export const Category = z.enum([
  'dirigente',
  'segretario',
  'funzionario',
  'istruttore',
  'operatore-esperto',
  'operatore',
  'altro',
]);
export const WorkRegime = z.enum([
  'full-time',
  'part-time-vertical-50',
  'part-time-vertical-over-50',
  'part-time-horizontal-50',
  'part-time-horizontal-over-50',
  'part-time',
]);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A1 cell or range, e.g. "C23" or "B7:F7". */
const CellRef = z.string().regex(/^[A-Z]{1,3}[1-9]\d*(:[A-Z]{1,3}[1-9]\d*)?$/);

export const Place = z.object({ file: z.string(), sheet: z.string(), cell: CellRef });

export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  file: z.string(),
  sheet: z.string(),
  cell: CellRef,
  message: z.string().min(1),
  related: z.array(Place).optional(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  /** The text of the cell (its top-left for a range) as read; absent for the rows of a per-person register. */
  text: z.string().optional().describe("Il testo della cella come è stato letto (della prima cella, per un intervallo); assente per le righe di un'anagrafica del personale."),
});

export const TableInfo = z.object({
  range: z.string(),
  kind: SheetKind,
  title: z.string().optional(),
  referenceDate: IsoDate.optional(),
  columns: z.array(z.object({ cell: CellRef, label: z.string(), role: z.string().nullable() })).optional(),
});

export const SheetInfo = z.object({
  name: z.string(),
  kind: SheetKind,
  referenceDate: IsoDate.optional(),
  tables: z.array(TableInfo).optional(),
});

export const Source = z.object({
  file: z.string(),
  status: z.enum(['ok', 'failed']),
  error: z.string().optional(),
  sheets: z.array(SheetInfo),
});

export const WeightKind = z.enum(['percentage', 'coefficient', 'per-manager']);

export const Objective = z.object({
  code: z.string(),
  /** The table prints no code of the cascade: `code` was assigned (the table's own number, or a progressive). No code rule applies to it. */
  codeAssigned: z.boolean().optional(),
  level: ObjectiveLevel,
  title: z.string(),
  parent: z.string().nullable(),
  structure: z.string().nullable(),
  /** The Responsabile / dirigente named for the objective (a person or a role), as printed. */
  responsible: z.string().optional(),
  indicator: z.string().optional(),
  target: z.string().optional(),
  /** As printed: percentage points (fractions of 1 become points), or the coefficient itself. */
  weight: z.number().optional(),
  /** How the table weighs its objectives: percentages of a structure's total, a coefficient scale, or one column per manager (`weights`). */
  weightKind: WeightKind.optional(),
  /** One weight per manager column («Pesatura» over each dirigente's name or office). */
  weights: z.array(z.object({ manager: z.string(), weight: z.number(), at: Place })).optional(),
  mission: z.string().optional(),
  programme: z.string().optional(),
  programmeFrom: Place.optional(),
  at: Place,
});

const Counted = { gender: Gender, count: z.number().int().nonnegative(), at: Place, referenceDate: IsoDate.optional() };

export const AgeBand = z.enum(['<30', '31-40', '41-50', '51-60', '>60']);

export const HeadcountRecord = z.object({
  category: Category,
  label: z.string(),
  ...Counted,
  fixedTerm: z.number().int().nonnegative(),
  /** Age band of the CUG tables, when the table or the register gives ages. */
  ageBand: AgeBand.optional(),
  /** The Settore / Servizio the figure belongs to, when the table is by structure. */
  structure: z.string().optional(),
});

export const WorkTimeRecord = z.object({ regime: WorkRegime, ...Counted, fixedTerm: z.number().int().nonnegative() });

export const SmartWorkingRecord = z.object({ mode: z.enum(['partial', 'full']), ...Counted });

/**
 * A figure a table gives WITHOUT gender: a «di cui part-time» or «di cui T.D.» column beside a total
 * split only by «di cui donne», a «di cui a tempo parziale» row with only its total written, a
 * staff count with no gender at all. Recorded as written, never split between women and men by
 * guess; the PAP statistics count it in their totals only.
 */
export const UngenderedRecord = z.object({
  /** What the figure counts: people in service, in part-time, on a fixed-term contract. */
  figure: z.enum(['staff', 'part-time', 'fixed-term']),
  count: z.number().int().nonnegative(),
  category: Category.optional(),
  /** The category label as written, when the figure is by category. */
  label: z.string().optional(),
  /** The part-time regime, when the label says it ("part-time verticale 50%"). */
  regime: WorkRegime.optional(),
  structure: z.string().optional(),
  /** For staff figures: how many of them are fixed-term, when the table says it. */
  fixedTerm: z.number().int().nonnegative().optional(),
  at: Place,
  referenceDate: IsoDate.optional(),
});

export const TurnoverRecord = z.object({
  movement: z.enum(['hire', 'termination']),
  year: z.number().int(),
  gender: Gender,
  count: z.number().int().nonnegative(),
  fixedTerm: z.number().int().nonnegative(),
  at: Place,
});

/** A share in [0, 1], or null when its denominator is zero. */
const Share = z.number().min(0).max(1).nullable();
const ByGender = z.object({ F: z.number(), M: z.number() });

/**
 * False when the source of a figure gives only its total (or part of it without gender): `F` and `M`
 * are then 0 and mean "not known", `total` is the figure. Absent in files written before it existed.
 */
const ByGenderFlag = z.boolean().optional();

/** A figure of the PAP statistics: what it counts, for whom, of which category or year. */
export const PapFigure = z.enum(['headcount', 'category', 'top', 'partTime', 'fixedTerm', 'smartWorking', 'hires', 'terminations']);
const FigureRef = {
  figure: PapFigure,
  /** Women, men or everyone; absent: all three. */
  who: z.enum(['F', 'M', 'total']).optional(),
  /** For `category`: which one (absent: every category). */
  category: Category.optional(),
  /** For `hires` and `terminations`: which year (absent: every year). */
  year: z.number().int().optional(),
};

/**
 * A figure that is not known, and why: no table of the dossier gives it (`absent`), a cell it
 * should count says «n.d.» (`not-available`), cannot be read (`unparseable`) or is impossible
 * (`out-of-range`, a negative count), or its source gives no gender (`no-gender`). Its number in
 * the statistics counts only what could be read: outputs show it as «n.d.», never as a figure.
 */
export const PapUnknown = z.object({
  ...FigureRef,
  reason: z
    .enum(['absent', 'not-available', 'unparseable', 'out-of-range', 'no-gender'])
    .describe('Perché il dato non è noto: nessuna tabella lo dà, una cella dice «n.d.», non si legge, ha un valore impossibile, o la fonte non distingue il genere.'),
  /** The cells that make it unknown (at most 10). */
  at: z.array(Place).optional().describe('Le celle che lo rendono non noto (al massimo 10).'),
}).describe('Un dato delle statistiche PAP che non è noto: le uscite lo mostrano come «n.d.», mai come 0; il suo numero conta solo le celle lette.');

/** A figure computed from cells that carry an error or a warning: `rules` found them, at `at` (at most 10). */
export const PapFlagged = z
  .object({ ...FigureRef, rules: z.array(z.string()).describe('I controlli che hanno segnalato le celle.'), at: z.array(Place).describe('Le celle segnalate (al massimo 10).') })
  .describe('Un dato delle statistiche PAP calcolato da celle con un errore o un avviso.');

export const PapStatistics = z.object({
  referenceDate: IsoDate.optional(),
  headcount: z.object({ F: z.number(), M: z.number(), total: z.number(), shareF: Share, byGender: ByGenderFlag }),
  byCategory: z.array(z.object({ category: Category, F: z.number(), M: z.number(), total: z.number(), shareF: Share })),
  /** `total`: people in part-time whatever their gender (those with no gender included); `share`: of the staff's total. */
  partTime: z.object({ F: z.number(), M: z.number(), shareF: Share, shareM: Share, total: z.number().optional(), share: Share.optional(), byGender: ByGenderFlag }),
  /** `total`: people on a fixed-term contract whatever their gender (those with no gender included). */
  fixedTerm: ByGender.extend({ total: z.number().optional(), byGender: ByGenderFlag }),
  top: z.object({ F: z.number(), M: z.number(), total: z.number(), shareF: Share }),
  smartWorking: z.object({
    F: z.number(),
    M: z.number(),
    total: z.number(),
    share: Share,
    shareF: Share,
    shareM: Share,
    byGender: ByGenderFlag,
  }),
  turnover: z.array(z.object({ year: z.number().int(), hires: ByGender, terminations: ByGender })),
  /** The figures that are not known (see PapUnknown); absent when every figure is. */
  unknown: z.array(PapUnknown).optional(),
  /** The figures that rest on a cell with an error or a warning (see PapFlagged); absent when none. */
  flagged: z.array(PapFlagged).optional(),
});

export const Dossier = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** The entity the sheets name in their title rows («Comune di Roccanera»), with the cell that names it; absent when none does. */
  entity: z.object({ name: z.string(), at: Place }).optional().describe("L'ente che i fogli nominano nelle righe del titolo («Comune di Roccanera»), con la cella; assente se nessun foglio lo nomina."),
  sources: z.array(Source),
  objectives: z.array(Objective),
  headcount: z.array(HeadcountRecord),
  workTime: z.array(WorkTimeRecord),
  smartWorking: z.array(SmartWorkingRecord),
  turnover: z.array(TurnoverRecord),
  /** Figures given without gender (see UngenderedRecord); absent when there is none. */
  ungendered: z.array(UngenderedRecord).optional(),
  pap: PapStatistics,
  papByDate: z.array(PapStatistics).optional(),
  findings: z.array(Finding),
});

export type Gender = z.infer<typeof Gender>;
export type Severity = z.infer<typeof Severity>;
export type SheetKind = z.infer<typeof SheetKind>;
export type ObjectiveLevel = z.infer<typeof ObjectiveLevel>;
export type WeightKind = z.infer<typeof WeightKind>;
export type Category = z.infer<typeof Category>;
export type WorkRegime = z.infer<typeof WorkRegime>;
export type AgeBand = z.infer<typeof AgeBand>;
export type Place = z.infer<typeof Place>;
export type Finding = z.infer<typeof Finding>;
export type TableInfo = z.infer<typeof TableInfo>;
export type SheetInfo = z.infer<typeof SheetInfo>;
export type Source = z.infer<typeof Source>;
export type Objective = z.infer<typeof Objective>;
export type HeadcountRecord = z.infer<typeof HeadcountRecord>;
export type WorkTimeRecord = z.infer<typeof WorkTimeRecord>;
export type SmartWorkingRecord = z.infer<typeof SmartWorkingRecord>;
export type TurnoverRecord = z.infer<typeof TurnoverRecord>;
export type UngenderedRecord = z.infer<typeof UngenderedRecord>;
export type PapStatistics = z.infer<typeof PapStatistics>;
export type PapFigure = z.infer<typeof PapFigure>;
export type PapUnknown = z.infer<typeof PapUnknown>;
export type PapFlagged = z.infer<typeof PapFlagged>;
export type Dossier = z.infer<typeof Dossier>;
