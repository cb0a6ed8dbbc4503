import { SaxesParser } from 'saxes';

/** Attributes of a tag, by name as written (a prefix such as `r:` kept). */
export type Attributes = Record<string, string>;

export interface XmlHandlers {
  open?(name: string, attributes: Attributes): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** The local name of a tag: `x:c` -> `c` (some producers prefix the spreadsheet namespace). */
function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** A part that is not well-formed XML. Readers say so in Italian; the parser's own (English) words stay in `detail`. */
export class XmlFormatError extends Error {
  constructor(readonly detail: string) {
    super('XML non valido');
    this.name = 'XmlFormatError';
  }
}

/** Encodings a part may declare besides UTF-8 and UTF-16 that TextDecoder reads. */
const DECLARED = /^<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;

/**
 * The decoder for a part from its first bytes: a byte order mark or the zeros of `<?xml` in UTF-16
 * (the .NET OpenXML SDK and other writers may save parts in UTF-16), else the encoding the XML
 * declaration names when TextDecoder knows it (ISO-8859-1, Windows-1252), else UTF-8.
 */
export function xmlDecoder(head: Uint8Array): TextDecoder {
  if (head.length >= 2) {
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0x3c && head[1] === 0x00)) return new TextDecoder('utf-16le');
    if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0x00 && head[1] === 0x3c)) return new TextDecoder('utf-16be');
  }
  const declared = DECLARED.exec(Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 200)).toString('latin1'))?.[1].toLowerCase();
  if (declared && !/^utf-?8$|^utf-?16/.test(declared)) {
    try {
      return new TextDecoder(declared);
    } catch {
      // an encoding TextDecoder does not know: read as UTF-8
    }
  }
  return new TextDecoder('utf-8');
}

/** A whole part as UTF-8 bytes, whatever its encoding (for parsers that only read UTF-8, as exceljs' styles). */
export function asUtf8(bytes: Buffer): Buffer {
  const decoder = xmlDecoder(bytes);
  if (decoder.encoding === 'utf-8') return bytes;
  return Buffer.from(decoder.decode(bytes).replace(/^(<\?xml[^>]*\bencoding\s*=\s*["'])[\w.:-]+/i, '$1UTF-8'), 'utf8');
}

/**
 * A small part (styles) with the prefix of the spreadsheet namespace taken off its tags: `<x:numFmt>`
 * becomes `<numFmt>`, for parsers that match tag names as Excel writes them.
 */
export function withoutMainPrefix(bytes: Buffer): Buffer {
  const text = bytes.toString('utf8');
  const m = /xmlns:(\w+)\s*=\s*["'](?:http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main|http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main)["']/.exec(text);
  if (!m) return bytes;
  const p = m[1];
  const stripped = text.replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1');
  // the namespace becomes the default one, unless there is one already
  const out = /\sxmlns\s*=/.test(stripped) ? stripped.replace(m[0], '') : stripped.replace(new RegExp(`xmlns:${p}(\\s*=)`), 'xmlns$1');
  return Buffer.from(out, 'utf8');
}

/**
 * Parses an XML part from a stream of byte chunks with saxes, calling the handlers with local tag
 * names. Bytes are decoded as a stream, so a character split between two chunks stays whole; the
 * encoding is UTF-8 unless the part says otherwise (UTF-16, with or without a byte order mark).
 * saxes never expands entities declared in a DTD (and parts with one are refused before this).
 * A part that is not well-formed throws XmlFormatError.
 */
export async function parseXmlStream(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ position: false });
  parser.on('error', (err) => {
    throw new XmlFormatError(err.message);
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Attributes));
  }
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.text) parser.on('cdata', handlers.text);
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  let decoder: TextDecoder | undefined;
  for await (const chunk of chunks) {
    decoder ??= xmlDecoder(chunk);
    parser.write(decoder.decode(chunk, { stream: true }));
  }
  if (decoder) parser.write(decoder.decode());
  parser.close();
}
