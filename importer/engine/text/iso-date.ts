/** "31/12/2023" from "2023-12-31": how every message and output shows a date. */
export function isoDateIt(iso: string): string {
  return iso.split('-').reverse().join('/');
}
