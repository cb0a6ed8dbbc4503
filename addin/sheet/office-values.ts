/** Values as the add-in writes them into cells through Office.js (`range.values`). */
import { dateToSerial } from './date-format';

export type OfficeValue = string | number | boolean;

/**
 * Excel reads a text written into `values` as if typed: "01.02" would become a number (or a date),
 * "=..." a formula, "#N/D" an error. A leading apostrophe keeps such a text as it is (it is not part
 * of the value), so codes, labels and messages arrive unchanged.
 */
export function textValue(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  return /^\s*[\d+\-=@'.,#(]/.test(clean) || /^\s*(true|false|vero|falso)\s*$/i.test(clean) ? `'${clean}` : clean;
}

/** A value for `range.values`: empty as "", dates as serial numbers (with a date format on the cell). */
export function officeValue(v: string | number | Date | null | undefined): OfficeValue {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  return v === '' ? '' : textValue(v);
}
