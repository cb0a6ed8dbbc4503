import { Gender } from '../schema/dossier';

/** "31/12/2023" from "2023-12-31". */
export function dateIt(iso: string | undefined): string {
  return iso ? iso.split('-').reverse().join('/') : 'senza data';
}

/** Subject of a sentence about a gender: "le donne", "gli uomini", "il personale". */
export const WHO_IT: Record<Gender | 'total', string> = { F: 'le donne', M: 'gli uomini', total: 'in tutto' };

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
