/**
 * `cug` in piao.json: the tables of the Relazione annuale del CUG (Portale CUG, Direttiva 2/2019),
 * computed for the latest reference date, keyed by the table's number. Aggregates only.
 */
import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const CellRef = z.string().regex(/^[A-Z]{1,3}[1-9]\d*(:[A-Z]{1,3}[1-9]\d*)?$/);
const Place = z.object({ file: z.string(), sheet: z.string(), cell: CellRef });

export const CugColumn = z.object({
  /** The heading over a group of columns: «Uomini», «Donne», «Totale». */
  group: z.string().optional(),
  label: z.string(),
  /** `count`: people; `percent`: a share as a fraction in [0, 1] (the portal prints it in points with two decimals). */
  kind: z.enum(['count', 'percent']),
});

export const CugRow = z.object({
  /** The row's labels, one per row-heading column («Personale non dirigente», «Area degli Istruttori»). */
  labels: z.array(z.string()),
  /** `detail`: a line of the table; `total`: «Totale», «Totale personale»; `percent`: «Totale %». */
  kind: z.enum(['detail', 'total', 'percent']),
  /** One value per column; null where the portal leaves the cell empty or the figure cannot be computed (a share of zero people). */
  values: z.array(z.number().nullable()),
  /** The inputs do not give this row: its cells are left for the officer to fill. */
  toFill: z.boolean().optional(),
});

export const CugTable = z.object({
  title: z.string(),
  /** The heading the portal prints over the group of tables, when seen («1.1 Personale per genere»). */
  section: z.string().optional(),
  rowHeadings: z.array(z.string()),
  columns: z.array(CugColumn),
  rows: z.array(CugRow),
  /** Where the figures come from: a per-person register, or a CUG table read from a workbook. */
  source: z.enum(['register', 'table']),
  /** The cells counted (column ranges of the register, or the table read). */
  from: z.array(Place),
  referenceDate: IsoDate.optional(),
  /** What the officer should know: people not counted and why, rows to complete. */
  notes: z.array(z.string()).optional(),
}).meta({ id: 'CugTable', description: 'Una tabella della Relazione CUG come la stampa il Portale CUG: intestazioni, righe di dettaglio, «Totale» e «Totale %».' });

export const CugMissing = z.object({
  table: z.string(),
  title: z.string(),
  /** The column (or data) the inputs lack, in Italian. */
  needs: z.string(),
});

const table = CugTable.optional();

export const CugSection = z.object({
  referenceDate: IsoDate.optional(),
  '1.1': table,
  '1.2': table,
  '1.4': table,
  '1.6': table,
  '1.7': table,
  '2.1': table,
  /** Hires and terminations of the reference year by gender: not a table of the format, for the report's text. */
  movimenti: table,
  missing: z.array(CugMissing),
});

export type CugColumn = z.infer<typeof CugColumn>;
export type CugRow = z.infer<typeof CugRow>;
export type CugTable = z.infer<typeof CugTable>;
export type CugMissing = z.infer<typeof CugMissing>;
export type CugSection = z.infer<typeof CugSection>;
