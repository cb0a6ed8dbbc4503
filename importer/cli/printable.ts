/**
 * Text for the terminal: a file or sheet name may hold a line break, a tab or an escape sequence
 * (legal in file names on Linux and macOS). Printed as it is, a name with a line break would split
 * one message in two, and an escape sequence would drive the terminal. Each control character
 * becomes «?», as `ls` shows them.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is replaced
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- the same, line breaks kept (a block of several lines)
const CONTROL_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** One line: every control character, line breaks included, shown as «?». */
export function printable(text: string): string {
  return text.replace(CONTROL, '?');
}

/** A block of lines: control characters inside each line shown as «?», the line breaks kept. */
export function printableLines(text: string): string {
  return text.replace(CONTROL_BUT_LF, '?');
}
