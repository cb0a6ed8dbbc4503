/**
 * Writes zip archives (the xlsx we write) with zip.js, a well-kept library that, unlike yazl or
 * JSZip, can copy an entry of another archive as it is, compressed, with its checksum and date:
 * an annotated copy takes every part it does not change from the source without inflating it.
 * New parts are deflated by zip.js (Node's zlib underneath, level 6 as Excel writes). No zip64 is
 * ever needed: the parts we write stay far below 4 GB.
 */
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter, configure } from '@zip.js/zip.js';

configure({ useWebWorkers: false });

export interface ZipPart {
  name: string;
  /** Text is written as UTF-8. */
  data: string | Buffer;
}

/** An entry whose bytes are already compressed (or stored), with what its central directory says. */
export interface RawZipEntry {
  name: string;
  /** The compressed bytes, as they follow the local header. */
  body: Uint8Array;
  /** 8 deflate, 0 stored. */
  method: number;
  crc32: number;
  uncompressedSize: number;
  /** MS-DOS date << 16 | time, written as it is; the time of writing when absent. */
  dosDateTime?: number;
}

/** The archive built entry by entry, in the order added (an xlsx wants [Content_Types].xml first). */
export class ZipBuilder {
  private readonly writer = new ZipWriter(new Uint8ArrayWriter(), { extendedTimestamp: false, dataDescriptor: false, level: 6, keepOrder: true });

  constructor(private readonly now = new Date()) {}

  /** A part deflated now. */
  async add(name: string, data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    await this.writer.add(name, new Uint8ArrayReader(bytes), { lastModDate: this.now });
  }

  /** An entry copied as it is, without inflating it. */
  async addRaw(e: RawZipEntry): Promise<void> {
    await this.writer.add(e.name, new Uint8ArrayReader(e.body), {
      passThrough: true,
      compressionMethod: e.method,
      crc32: e.crc32,
      uncompressedSize: e.uncompressedSize,
      ...(e.dosDateTime !== undefined ? { rawLastModDate: e.dosDateTime } : { lastModDate: this.now }),
    });
  }

  async finish(): Promise<Buffer> {
    const bytes = await this.writer.close();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}

/** Zips the parts in the order given. */
export async function zipParts(parts: readonly ZipPart[], now = new Date()): Promise<Buffer> {
  const zip = new ZipBuilder(now);
  for (const p of parts) await zip.add(p.name, p.data);
  return zip.finish();
}
