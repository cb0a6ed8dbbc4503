/**
 * A minimal OLE compound file (the container of .xls files and of password-protected .xlsx files),
 * written from its specification: a header, one FAT sector, one directory sector, then the streams
 * (each at least 4096 bytes, so that they live in regular sectors).
 */
const SECTOR = 512;
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FAT = 0xfffffffd;

export function compoundFile(streams: { name: string; data: Buffer }[]): Buffer {
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const data = Buffer.alloc(size);
    s.data.copy(data);
    return { name: s.name, data, size: Math.max(4096, s.data.length) };
  });
  // sector 0: FAT, sector 1: directory, then streams
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT, 0);
  fat.writeUInt32LE(END, 4);
  let next = 2;
  const starts: number[] = [];
  for (const s of padded) {
    const sectors = s.data.length / SECTOR;
    starts.push(next);
    for (let i = 0; i < sectors; i++) fat.writeUInt32LE(i === sectors - 1 ? END : next + i + 1, (next + i) * 4);
    next += sectors;
  }
  if (next > SECTOR / 4) throw new Error('streams too large for one FAT sector');
  const dir = Buffer.alloc(SECTOR);
  const entry = (i: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = i * 128;
    const n = Buffer.from(`${name}\u0000`, 'utf16le');
    n.copy(dir, at);
    dir.writeUInt16LE(n.length, at + 64);
    dir.writeUInt8(type, at + 66);
    dir.writeUInt8(1, at + 67); // black
    dir.writeUInt32LE(FREE, at + 68); // left sibling
    dir.writeUInt32LE(right, at + 72);
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, padded.length ? 1 : FREE, FREE, END, 0);
  padded.forEach((s, i) => entry(i + 1, s.name, 2, FREE, i + 2 <= padded.length ? i + 2 : FREE, starts[i], s.size));
  for (let i = padded.length + 1; i < 4; i++) {
    dir.writeUInt32LE(FREE, i * 128 + 68);
    dir.writeUInt32LE(FREE, i * 128 + 72);
    dir.writeUInt32LE(FREE, i * 128 + 76);
  }
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version (512-byte sectors)
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // first mini FAT sector
  header.writeUInt32LE(0, 64);
  header.writeUInt32LE(END, 68); // first DIFAT sector
  header.writeUInt32LE(0, 72);
  header.fill(0xff, 76);
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  return Buffer.concat([header, fat, dir, ...padded.map((s) => s.data)]);
}

/** What Excel writes for a workbook saved with a password: an encrypted OOXML package in a compound file. */
export function passwordProtectedXlsx(): Buffer {
  const info = Buffer.alloc(4096);
  info.writeUInt16LE(4, 0); // agile encryption, version 4.4
  info.writeUInt16LE(4, 2);
  Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>').copy(info, 8);
  return compoundFile([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: Buffer.alloc(8192, 0x5a) },
  ]);
}

/** An Excel 97-2003 workbook container (its BIFF stream is not meant to be read). */
export function legacyXls(): Buffer {
  const biff = Buffer.alloc(4096);
  biff.writeUInt16LE(0x0809, 0); // BOF record
  biff.writeUInt16LE(16, 2);
  biff.writeUInt16LE(0x0600, 4); // BIFF8
  return compoundFile([{ name: 'Workbook', data: biff }]);
}
