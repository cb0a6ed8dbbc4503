/**
 * A cell's fill, as Office.js reads it, in the add-in's own terms. Excel reads a cell without fill
 * as "#FFFFFF", with `pattern` and `tintAndShade` null (OfficeDev/office-js#4900, #6218; a white
 * fill the user set reads white with a tint of 0), or with the pattern "None": both are "no fill"
 * here, `{ color: '#FFFFFF', pattern: 'None' }`, and "no fill" is put back with `fill.clear()`.
 * A null Excel gives for anything else means "not known" and is left out, never written back.
 */
import { FillState } from './records';

/** What Office.js gives for RangeFill's properties (null where Excel has no single value). */
export interface FillRead {
  color: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

export const WHITE = '#FFFFFF';
export const NO_FILL: Readonly<FillState> = Object.freeze({ color: WHITE, pattern: 'None' });

const isWhite = (c: string | null | undefined) => c === null || c === undefined || c.toUpperCase() === WHITE;

/**
 * The fill as the add-in records it. `full` says whether the properties of ExcelApi 1.9 were read
 * (pattern, pattern colour, tints); without them only the colour is known.
 */
export function fillFromRead(read: FillRead, full: boolean): FillState {
  if (!full) return { color: read.color ?? WHITE };
  const pattern = read.pattern ?? undefined;
  const tint = read.tintAndShade ?? undefined;
  if (pattern === 'None' || (pattern === undefined && tint === undefined && isWhite(read.color))) return { ...NO_FILL };
  const out: FillState = { color: read.color ?? WHITE };
  if (pattern !== undefined) out.pattern = pattern;
  if (read.patternColor !== null && read.patternColor !== undefined) out.patternColor = read.patternColor;
  if (tint !== undefined) out.tintAndShade = tint;
  if (read.patternTintAndShade !== null && read.patternTintAndShade !== undefined) out.patternTintAndShade = read.patternTintAndShade;
  return out;
}

/**
 * A fill recorded earlier (perhaps by an older version, with nulls as Excel read them), in the same
 * terms as `fillFromRead`.
 */
export function normaliseFill(fill: FillState): FillState {
  const raw = fill as FillRead;
  const full = ['pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'].some((k) => k in fill);
  return fillFromRead(raw, full);
}

/**
 * True when the fill to put back is "no fill": read as such with ExcelApi 1.9, or, without it, a
 * white that cannot be told from no fill (the README says so: a white fill then becomes no fill).
 */
export function isNoFill(fill: FillState): boolean {
  return fill.pattern === 'None' || (fill.pattern === undefined && fill.tintAndShade === undefined && isWhite(fill.color));
}

/**
 * True when setting the colour alone puts the fill back as it looked: a solid fill without tint
 * (the pattern colour and its tint show only through a pattern). Otherwise the pattern and tints
 * are needed, which only ExcelApi 1.9 can write.
 */
export function colourIsEnough(fill: FillState): boolean {
  return (fill.pattern === undefined || fill.pattern === 'Solid') && !fill.tintAndShade;
}
