
import { isoDateIt } from '../text/iso-date';

/** "31/12/2023" from "2023-12-31", "senza data" without one. */
export function dateIt(iso: string | undefined): string {
  return iso ? isoDateIt(iso) : 'senza data';
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
