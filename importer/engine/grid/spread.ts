/**
 * Largest, smallest and append over lists as long as a sheet: `Math.max(...list)` and
 * `list.push(...more)` pass every item as an argument and overflow the call stack beyond about
 * 100,000 items (a register or a long table of a few hundred thousand rows).
 */
export function maxOf(items: Iterable<number>, start = -Infinity): number {
  let m = start;
  for (const x of items) if (x > m) m = x;
  return m;
}

export function minOf(items: Iterable<number>, start = Infinity): number {
  let m = start;
  for (const x of items) if (x < m) m = x;
  return m;
}

export function append<T>(to: T[], items: readonly T[]): void {
  for (const x of items) to.push(x);
}
