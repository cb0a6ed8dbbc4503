/**
 * When outputs are made: now, or the moment SOURCE_DATE_EPOCH gives (seconds since 1970, the
 * convention of reproducible builds), so that two runs can be compared byte for byte.
 */
export function madeAt(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}

const MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

/** «5 marzo 2025»: a day as Italian text, in local time. */
export function longDateIt(d: Date): string {
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}
