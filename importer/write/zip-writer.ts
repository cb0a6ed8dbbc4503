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

interface Packed {
  name: Buffer;
  crc: number;
  size: number;
  compressed: Buffer;
}

/** Zips the parts in the order given (an xlsx wants [Content_Types].xml first), deflate level 6 as JSZip writes. */
export function zipParts(parts: readonly ZipPart[], now = new Date()): Buffer {
  if (parts.length > 0xffff) throw new Error('troppe parti per un archivio zip');
  const packed: Packed[] = parts.map((p) => {
    // one part's bytes at a time: the text of a large sheet is not held twice over
    const data = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data;
    if (data.length > MAX_32) throw new Error(`parte ${p.name} troppo grande per un archivio zip`);
    return { name: Buffer.from(p.name, 'utf8'), crc: crc32(data), size: data.length, compressed: deflateRawSync(data, { level: 6 }) };
  });
  const { time, date } = dosTime(now);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of packed) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.compressed.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(p.name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(p.crc, 16);
    header.writeUInt32LE(p.compressed.length, 20);
    header.writeUInt32LE(p.size, 24);
    header.writeUInt16LE(p.name.length, 28);
    // extra, comment, disk, internal attributes, external attributes: 0
    header.writeUInt32LE(offset, 42);
    chunks.push(local, p.name, p.compressed);
    central.push(header, p.name);
    offset += 30 + p.name.length + p.compressed.length;
    if (offset > MAX_32) throw new Error('archivio zip oltre 4 GB');
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(packed.length, 8);
  end.writeUInt16LE(packed.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
