import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'windows-1252' | 'mixed';

type BomEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/** Byte order marks, the longer first: FF FE 00 00 is UTF-32 LE, not UTF-16 LE starting with a NUL. */
const BOMS: readonly [BomEncoding, readonly number[]][] = [
  ['utf-32le', [0xff, 0xfe, 0x00, 0x00]],
  ['utf-32be', [0x00, 0x00, 0xfe, 0xff]],
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/** The encoding a byte order mark at the start of the bytes names, and the mark's length. */
export function byteOrderMark(bytes: Uint8Array): { encoding: BomEncoding; length: number } | undefined {
  for (const [encoding, mark] of BOMS) if (bytes.length >= mark.length && mark.every((b, i) => bytes[i] === b)) return { encoding, length: mark.length };
  return undefined;
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** For 'mixed': the byte offset of the first byte read as Windows-1252. */
  firstLegacyByte?: number;
}

/** Windows-1252 characters for the bytes 0x80-0xFF. */
const CP1252_HIGH = iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i)), 'windows-1252');

/** Length of the valid UTF-8 sequence starting at i (a byte >= 0x80), or 0 when it is not one. */
function utf8SequenceLength(buf: Uint8Array, i: number): number {
  const b = buf[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < buf.length && buf[i + k] >= lo && buf[i + k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * Decodes text that is UTF-8 in places and Windows-1252 in others (two exports pasted together):
 * every valid UTF-8 sequence is read as UTF-8, every other byte as Windows-1252, so both halves
 * keep their accented letters.
 */
function decodeMixed(buf: Buffer): DecodedText {
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  let start = 0;
  let multi = 0;
  let firstLegacyByte: number | undefined;
  for (let i = 0; i < buf.length; ) {
    if (buf[i] < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(buf, i);
    if (len > 0) {
      multi++;
      i += len;
      continue;
    }
    if (start < i) parts.push(utf8.decode(buf.subarray(start, i)));
    parts.push(CP1252_HIGH[buf[i] - 0x80]);
    firstLegacyByte ??= i;
    i++;
    start = i;
  }
  if (start < buf.length) parts.push(utf8.decode(buf.subarray(start)));
  return { text: parts.join(''), encoding: multi > 0 ? 'mixed' : 'windows-1252', firstLegacyByte: multi > 0 ? firstLegacyByte : undefined };
}

/** UTF-16 written without a BOM: one byte of every pair is zero in most of the first characters. */
function utf16WithoutBom(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0 && buf[i + 1] !== 0) evenZero++;
    if (buf[i + 1] === 0 && buf[i] !== 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.6 && evenZero === 0) return 'utf-16le';
  if (evenZero / pairs > 0.6 && oddZero === 0) return 'utf-16be';
  return undefined;
}

/**
 * Decodes the bytes of a text file as offices save them: a BOM wins (UTF-8, UTF-16 and UTF-32 LE/BE); then
 * UTF-16 without BOM (recognised by its zero bytes); then strict UTF-8; else Windows-1252 (Excel's
 * "CSV (separato dal separatore di elenco)"), byte by byte where UTF-8 and Windows-1252 are mixed.
 * The BOM is removed.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = byteOrderMark(buf);
  if (bom) {
    const body = buf.subarray(bom.length);
    return { text: bom.encoding === 'utf-8' ? body.toString('utf8') : iconv.decode(body, bom.encoding), encoding: bom.encoding };
  }
  const utf16 = utf16WithoutBom(buf);
  if (utf16) return { text: iconv.decode(buf, utf16), encoding: utf16 };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
  } catch {
    return decodeMixed(buf);
  }
}

/** True when bytes look like UTF-16 text without a BOM (so that a sniffer does not call them binary). */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  return utf16WithoutBom(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) !== undefined;
}

/**
 * Decodes the bytes in the encoding given (a mapping corrected by the officer says which): a BOM of
 * that encoding is removed; `mixed` reads UTF-8 where it is valid and Windows-1252 elsewhere.
 */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'mixed') return { ...decodeMixed(buf), encoding: 'mixed' };
  const bom = byteOrderMark(buf);
  const body = bom && bom.encoding === encoding ? buf.subarray(bom.length) : buf;
  const text = encoding === 'utf-8' ? body.toString('utf8') : iconv.decode(body, encoding);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}
