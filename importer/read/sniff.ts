import { byteOrderMark, looksLikeUtf16 } from './decode';

/** Tells what a file really is from its first bytes, whatever its name says. */
export type FileNature = 'zip' | 'ole' | 'text' | 'empty' | 'binary';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniff(bytes: Uint8Array): FileNature {
  if (bytes.length === 0) return 'empty';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)) return 'zip';
  if (bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)) return 'ole';
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let control = 0;
  let zeros = 0;
  for (const b of sample) {
    if (b === 0) zeros++;
    else if (b < 9 || (b > 13 && b < 32)) control++;
  }
  // UTF-16 and UTF-32 text have many zero bytes, but in a regular pattern: leave that to the CSV decoder.
  if (byteOrderMark(sample) || looksLikeUtf16(sample)) return 'text';
  if (zeros > 0 || control > sample.length / 50) return 'binary';
  return 'text';
}

/** An OLE file that holds an encrypted OOXML package (a password-protected .xlsx). */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}
