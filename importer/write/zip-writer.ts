import { crc32 as nativeCrc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal zip writer for the xlsx we write: every part deflated with Node's own zlib, then the
 * local headers, the data and the central directory. Deflate runs on the calling thread: in a batch
 * each worker thread compresses its own copies, with no pool of other threads competing for the
 * same cores. No zip64: an xlsx we write stays far below 4 GB (the full load refuses more than
 * LIMITS.maxFullLoadBytes of XML), and a part that would not fit is refused.
 */
export interface ZipPart {
  name: string;
  /** Text is written as UTF-8. */
  data: string | Buffer;
}

const MAX_32 = 0xffffffff;

let table: Uint32Array | undefined;

/** CRC-32 (zip's): Node's own since 20.15, a table otherwise. */
export function crc32(data: Buffer): number {
  if (typeof nativeCrc32 === 'function') return nativeCrc32(data) >>> 0;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** One entry of an archive, its bytes already compressed (or stored) and its checksum computed. */
export interface ZipEntry {
  name: Buffer;
  crc: number;
  /** Uncompressed size, as the headers declare it. */
  size: number;
  body: Buffer;
  /** 8 deflate, 0 stored. */
  method: number;
  /** General-purpose flags: 0x0800 names in UTF-8. */
  flags: number;
}

/** The fields a local header (at 6) and a central directory header (at 8) both hold, in the same order. */
function writeEntryFields(header: Buffer, at: number, e: ZipEntry, time: number, date: number): void {
  header.writeUInt16LE(e.flags, at);
  header.writeUInt16LE(e.method, at + 2);
  header.writeUInt16LE(time, at + 4);
  header.writeUInt16LE(date, at + 6);
  header.writeUInt32LE(e.crc >>> 0, at + 8);
  header.writeUInt32LE(e.body.length, at + 12);
  header.writeUInt32LE(e.size, at + 16);
  header.writeUInt16LE(e.name.length, at + 20);
}

/** The archive of the entries in the order given: local headers and bodies, central directory, end record. No zip64. */
export function assembleZip(entries: readonly ZipEntry[], now = new Date()): Buffer {
  if (entries.length > 0xffff) throw new Error('troppe parti per un archivio zip');
  const { time, date } = dosTime(now);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    writeEntryFields(local, 6, e, time, date); // extra field length (28): 0
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    header.writeUInt16LE(20, 6);
    writeEntryFields(header, 8, e, time, date);
    // extra, comment, disk, internal attributes, external attributes: 0
    header.writeUInt32LE(offset, 42);
    chunks.push(local, e.name, e.body);
    central.push(header, e.name);
    offset += 30 + e.name.length + e.body.length;
    if (offset > MAX_32) throw new Error('archivio zip oltre 4 GB');
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** Zips the parts in the order given (an xlsx wants [Content_Types].xml first), deflate level 6 as JSZip writes. */
export function zipParts(parts: readonly ZipPart[], now = new Date()): Buffer {
  const entries = parts.map((p): ZipEntry => {
    // one part's bytes at a time: the text of a large sheet is not held twice over
    const data = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data;
    if (data.length > MAX_32) throw new Error(`parte ${p.name} troppo grande per un archivio zip`);
    return { name: Buffer.from(p.name, 'utf8'), crc: crc32(data), size: data.length, body: deflateRawSync(data, { level: 6 }), method: 8, flags: 0x0800 };
  });
  return assembleZip(entries, now);
}
