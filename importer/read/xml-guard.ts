/**
 * Looks at the prolog of an XML part (what comes before its root element) for a document type
 * declaration. An xlsx never has one; with one, a part can declare entities that expand to
 * gigabytes ("billion laughs") or point at files on this machine (XXE). Such a part is refused
 * before any XML parser sees it.
 */
export type PrologVerdict = 'ok' | 'doctype' | 'no-root' | 'prolog-too-long';

function decodeHead(head: Buffer): string {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0x3c && head[1] === 0))) return head.toString('utf16le');
  if (head.length >= 2 && ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0 && head[1] === 0x3c))) {
    const swapped = Buffer.from(head.subarray(0, head.length - (head.length % 2)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return head.toString('latin1');
}

/**
 * `head` is the start of the part; `complete` says whether it is the whole part. Only markup is
 * inspected, so decoding the bytes as Latin-1 is enough for UTF-8 parts.
 */
export function inspectXmlProlog(head: Buffer, complete: boolean): PrologVerdict {
  const text = decodeHead(head);
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  else if (text.startsWith('\u00ef\u00bb\u00bf')) i = 3; // a UTF-8 BOM read as Latin-1
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) return complete ? 'no-root' : 'prolog-too-long';
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) return complete ? 'no-root' : 'prolog-too-long';
      i = end + 2;
    } else if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return complete ? 'no-root' : 'prolog-too-long';
      i = end + 3;
    } else if (text.startsWith('<!', lt)) {
      return 'doctype'; // <!DOCTYPE ...>, <!ENTITY ...>: nothing else may stand before the root
    } else {
      return 'ok';
    }
  }
}

/** Parts that are XML in an xlsx (worksheets, shared strings, styles, relationships, drawings...). */
export function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}
