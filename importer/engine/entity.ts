/**
 * The entity a dossier belongs to, as its sheets name it in their title rows («Comune di Roccanera -
 * Personale in servizio al 31/12/2024»): the report is titled with it. Only the rows above a
 * sheet's first table (or the first rows of a sheet without one) are read: an objective's title
 * that mentions another entity («supporto ai Comuni della Provincia») is never taken.
 */
import { placeOf } from './model';
import { Grid } from './grid/grid';
import { DetectedTable } from './detect/table';
import { Place } from './schema/dossier';

/** Kinds of public administration an Italian title row starts with. */
const KIND = String.raw`(?:comune|provincia|citt[àa]\s+metropolitana|regione|unione\s+(?:dei\s+|di\s+)?comuni|unione\s+montana|unione|comunit[àa]\s+montana|consorzio|azienda\s+(?:sanitaria|ospedaliera|usl|unit[àa]\s+sanitaria)|universit[àa]|camera\s+di\s+commercio|ente\s+parco|ente)`;
/** «di», «del», «della»..., then the name: words up to a separator (« - », «:», «(», «,»). */
const ENTITY = new RegExp(String.raw`^(${KIND}(?:\s+(?:di|del|della|dello|dei|degli|delle|d')\s*|\s+)[^\s\-–—:;(,|/][^\-–—:;(,|/]*?)\s*(?:$|\s[-–—]\s|[:;(,|/]|\s\d{4}\b)`, 'i');
const SMALL = new Set(['di', 'del', 'della', 'dello', 'dei', 'degli', 'delle', 'e', 'in', 'sul', 'sulla', 'a', 'al', 'alla']);
const ROWS_WITHOUT_TABLE = 4;
const MAX_LENGTH = 70;

/** «COMUNE DI ROCCANERA» -> «Comune di Roccanera»: a name written in capitals, in title case. */
function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .split(/(\s+|')/)
    .map((w, i) => (i > 0 && SMALL.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

/** The entity a title text names, or undefined. */
export function entityIn(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  const m = ENTITY.exec(t);
  if (!m) return undefined;
  const name = m[1].trim();
  // a kind alone («Comune») or a sentence is no name
  if (name.length > MAX_LENGTH || name.split(' ').length < 2) return undefined;
  return titleCase(name);
}

/** The title rows of a grid: those above its first table, or its first rows when it has none. */
function titleRows(grid: Grid, tables: readonly DetectedTable[]): number[] {
  const mine = tables.filter((t) => t.grid === grid);
  const top = mine.length ? Math.min(...mine.map((t) => Math.min(t.range.top, ...t.titleRows))) : ROWS_WITHOUT_TABLE;
  const rows = new Set<number>();
  for (let r = 0; r < Math.min(top, grid.rowCount); r++) rows.add(r);
  for (const t of mine) for (const r of t.titleRows) rows.add(r);
  return [...rows].sort((a, b) => a - b);
}

/**
 * The entity the sheets name most often in their title rows (the first named, on a tie), with the
 * cell that names it first; undefined when none does.
 */
export function entityOf(grids: readonly Grid[], tables: readonly DetectedTable[]): { name: string; at: Place } | undefined {
  const found = new Map<string, { name: string; at: Place; count: number; order: number }>();
  for (const grid of grids) {
    for (const r of titleRows(grid, tables)) {
      for (const c of grid.filledColumns(r)) {
        const name = entityIn(grid.text(r, c));
        if (!name) continue;
        const key = name.toLowerCase();
        const f = found.get(key);
        if (f) f.count++;
        else found.set(key, { name, at: placeOf(grid, r, c), count: 1, order: found.size });
        break;
      }
    }
  }
  const best = [...found.values()].sort((a, b) => b.count - a.count || a.order - b.order)[0];
  return best ? { name: best.name, at: best.at } : undefined;
}
