/**
 * A short fingerprint of a text (two 32-bit FNV-1a hashes): enough to tell whether a note or a
 * cell value changed, without keeping a copy of it in the workbook.
 */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193) >>> 0;
    b = Math.imul(b ^ ch, 0x5bd1e995) >>> 0;
    b ^= b >>> 15;
  }
  return a.toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Notes may come back from Excel with CRLF (even CR CR LF) and trailing blanks: compare them normalised. */
export function normaliseText(text: string): string {
  return text.replace(/\r*\n|\r+/g, '\n').trim();
}

export function textFingerprint(text: string): string {
  return fingerprint(normaliseText(text));
}

/** The fingerprint of a cell's value as Office.js reports it (value and type). */
export function valueFingerprint(value: unknown, type: string): string {
  return fingerprint(`${type}\u0000${JSON.stringify(value ?? null)}`);
}
