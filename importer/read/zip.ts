import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync, constants as zlibConstants } from 'node:zlib';

/**
 * A minimal reader of zip archives (an xlsx is one), written to check an archive BEFORE anything
 * inflates it: the central directory gives every part's name and declared sizes, so a zip bomb is
 * refused from a few hundred bytes. Parts are then inflated as streams that stop at the declared
 * size, so a part that lies about its size cannot inflate further either.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** CRC-32 of the uncompressed bytes, as the central directory declares it. */
  crc32: number;
  /** MS-DOS date and time of the entry (date << 16 | time), as stored. */
  dosDateTime: number;
}

/** Why an archive cannot be used; readers turn it into an Italian sentence. */
export class ZipFormatError extends Error {
  constructor(
    readonly kind: 'not-zip' | 'truncated' | 'corrupt' | 'encrypted' | 'unsupported' | 'too-large' | 'bad-name',
    detail: string,
  ) {
    super(detail);
    this.name = 'ZipFormatError';
  }
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u64(view: Buffer, at: number): number {
  const n = view.readBigUInt64LE(at);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('corrupt', 'valore a 64 bit fuori scala');
  return Number(n);
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

/** Lists the entries of an archive from its central directory, checking every offset and size. */
export function listZipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) {
    if (buf.length >= 4 && buf.readUInt32LE(0) === EOCD) return []; // an empty archive
    throw new ZipFormatError('not-zip', 'firma zip assente');
  }
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new ZipFormatError('truncated', 'fine dell’archivio non trovata');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== EOCD64_LOCATOR) throw new ZipFormatError('corrupt', 'zip64 senza localizzatore');
    const at = u64(buf, loc + 8);
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== EOCD64) throw new ZipFormatError('corrupt', 'record zip64 non valido');
    count = u64(buf, at + 32);
    cdSize = u64(buf, at + 40);
    cdOffset = u64(buf, at + 48);
  }
  if (count > maxEntries) throw new ZipFormatError('too-large', `${count} parti`);
  if (cdOffset + cdSize > buf.length) throw new ZipFormatError('truncated', 'indice centrale oltre la fine del file');
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('corrupt', 'voce dell’indice centrale non valida');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const dosDateTime = ((buf.readUInt16LE(p + 14) << 16) | buf.readUInt16LE(p + 12)) >>> 0;
    const crc32 = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > buf.length) throw new ZipFormatError('truncated', 'indice centrale troncato');
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    // zip64 sizes live in the extra field (id 1), in this order, only for the fields set to 0xffffffff
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const size = buf.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        const take = (): number => {
          if (q + 8 > e + 4 + size) throw new ZipFormatError('corrupt', 'campo zip64 troncato');
          const v = u64(buf, q);
          q += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      e += 4 + size;
    }
    if (name.includes('\u0000') || name.startsWith('/') || name.split(/[\\/]/).includes('..')) throw new ZipFormatError('bad-name', name);
    if (names.has(name)) throw new ZipFormatError('corrupt', `parte ripetuta ${name}`);
    names.add(name);
    if (localHeaderOffset + 30 > buf.length) throw new ZipFormatError('truncated', `parte ${name} oltre la fine del file`);
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset, crc32, dosDateTime });
    p = end;
  }
  return entries;
}

/** The compressed bytes of an entry (after its local header), bounds-checked. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (buf.readUInt32LE(at) !== LOCAL) throw new ZipFormatError('corrupt', `intestazione locale di ${entry.name} non valida`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipFormatError('truncated', `dati di ${entry.name} oltre la fine del file`);
  if (entry.flags & 1) throw new ZipFormatError('encrypted', entry.name);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError('unsupported', `metodo di compressione ${entry.method} in ${entry.name}`);
  return buf.subarray(start, end);
}

/**
 * Inflates an entry as a stream of chunks, never producing more than its declared size: a part
 * that inflates beyond what the central directory says is a bomb or damage, and stops here.
 */
export async function* inflateEntry(bytes: Uint8Array, entry: ZipEntry, chunkSize = 256 * 1024): AsyncGenerator<Buffer> {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw new ZipFormatError('corrupt', `dimensione di ${entry.name} incoerente`);
    for (let i = 0; i < data.length; i += chunkSize) yield data.subarray(i, Math.min(data.length, i + chunkSize));
    return;
  }
  const inflater = createInflateRaw({ chunkSize });
  const input = Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, Math.min(data.length, i + 64 * 1024));
    })(),
    { objectMode: false },
  );
  input.pipe(inflater);
  let produced = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) throw new ZipFormatError('too-large', `${entry.name} si espande oltre la dimensione dichiarata`);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ZipFormatError) throw err;
    throw new ZipFormatError('corrupt', `${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    input.unpipe(inflater);
    input.destroy();
    inflater.destroy();
  }
}

/** Inflates an entry whole and checks it against its declared size (small parts: rels, workbook, styles). */
export async function readEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of inflateEntry(bytes, entry)) parts.push(chunk);
  return Buffer.concat(parts);
}

/**
 * The first `want` bytes of an entry, inflating only a growing slice of its compressed data: enough
 * to see an XML prolog without inflating a part that may be a bomb.
 */
export function entryHead(bytes: Uint8Array, entry: ZipEntry, want: number): Buffer {
  const data = entryData(bytes, entry);
  if (entry.method === 0) return data.subarray(0, Math.min(want, data.length));
  for (let sliceLength = 4096; ; sliceLength *= 4) {
    const slice = data.subarray(0, Math.min(data.length, sliceLength));
    let out: Buffer;
    try {
      out = inflateRawSync(slice, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: want * 64 });
    } catch (err) {
      if (err instanceof RangeError) throw new ZipFormatError('too-large', `${entry.name} si espande in modo anomalo`);
      throw new ZipFormatError('corrupt', `${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (out.length >= want || slice.length === data.length) return out.subarray(0, Math.min(want, out.length));
  }
}
