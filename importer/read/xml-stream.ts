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

/**
 * Parses an XML part from a stream of byte chunks with saxes, calling the handlers with local tag
 * names. Bytes are decoded as a stream, so a character split between two chunks stays whole.
 * saxes never expands entities declared in a DTD (and parts with one are refused before this).
 */
export async function parseXmlStream(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ position: false });
  parser.on('error', (err) => {
    throw err;
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
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
}
