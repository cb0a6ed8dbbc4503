/**
 * What a batch costs in a request to Excel. Excel on the web refuses a request (or a response)
 * over 5 MB (RequestPayloadSizeLimitExceeded), and a request's size "combines the number of API
 * calls, the number of objects, such as Range objects, and the length of the value to set or get"
 * (Microsoft, "Performance optimization using the Excel JavaScript API"). The add-in sizes its
 * batches with these estimates of the JSON Office.js sends for each proxy object (its path and the
 * action that makes it) and each call, rounded up; a batch Excel refuses all the same is split.
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** A proxy object in a request (Range, RangeFormat, RangeFill, Note...). */
export const OBJECT_BYTES = 250;
/** A call, a property write or a load in a request, before its arguments. */
export const ACTION_BYTES = 150;
/** Request bytes the add-in puts in one sync: well under the limit, so an estimate off by 2-3x still passes. */
export const REQUEST_BYTES_PER_SYNC = 1_500_000;
/** Response bytes read in one sync: custom XML parts, for instance. */
export const RESPONSE_BYTES_PER_SYNC = 3_500_000;

/** Bytes of a text argument in the JSON request: every character once, quotes and backslashes escaped. */
export function textBytes(text: string): number {
  let n = text.length + 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 92 || c < 32) n++;
    else if (c > 0x7f) n += c > 0x7ff ? 2 : 1;
  }
  return n;
}

export function requestBytes(objects: number, actions: number, text = 0): number {
  return objects * OBJECT_BYTES + actions * ACTION_BYTES + text;
}
