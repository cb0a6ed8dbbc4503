/**
 * When a number in Excel is a date. Office.js hands over dates as serial numbers; the xlsx reader
 * (exceljs) turns a number into a Date when its cell's number format is a date format. The add-in
 * applies the same rule so that both build the same grid from the same workbook.
 */

/**
 * The rule exceljs applies (utils.isDateFmt): once the bracketed parts (`[Red]`, `[$-410]`) and the
 * quoted literals are removed, any of the date/time tokens y m d h s b (or M) left makes it a date.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

const MS_PER_DAY = 24 * 3600 * 1000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;

/**
 * An Excel serial date (1900 date system) as a JavaScript Date, in UTC, rounded to the millisecond
 * exactly as the xlsx reader does. Workbooks in the 1904 date system are not told apart by
 * Office.js before ExcelApi 1.16, and are read as 1900 (see README).
 */
export function serialToDate(serial: number): Date {
  // the same operations in the same order as exceljs (utils.excelToDate), so the same rounding
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * 24 * 3600 * 1000));
}

export function dateToSerial(date: Date): number {
  return UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY;
}
