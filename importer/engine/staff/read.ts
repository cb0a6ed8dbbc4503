import { rangeA1 } from '../grid/address';
import { CellNote, placeOf } from '../model';
import { readCount } from '../normalise/counts';
import { readStatedShare } from '../normalise/shares';
import { StaffCell, StaffTable, cellKey } from './model';
import { loneTotals } from './lone-totals';
import { checkPercentages } from './percentages';
import { AxisLine, StaffDetectedTable } from './types';

/** How a line is named in messages: its labels as written ("Donna", "Uomini / < 30"). */
export function lineName(l: AxisLine, what: 'riga' | 'colonna'): string {
  const label = l.labels.filter(Boolean).join(' / ');
  if (label) return `«${label}»`;
  if (l.arithmeticTotal) return what === 'riga' ? 'la riga dei totali senza etichetta' : 'la colonna dei totali senza intestazione';
  return what === 'riga' ? `la riga ${l.index + 1}` : 'la colonna senza intestazione';
}

/** "il dato «Donna» / «Cat. C»": what a cell holds, for messages. */
export function cellName(c: StaffCell): string {
  return `il dato ${lineName(c.row, 'riga')} / ${lineName(c.col, 'colonna')}`;
}

/** How messages name a table, as a place: "nella tabella «Smart working» (PAP!A35:D38)". */
export function tableName(t: StaffDetectedTable): string {
  const caption = t.title?.replace(/^[^\p{L}\p{N}]+/u, '').trim();
  const where = `${t.grid.sheet}!${rangeA1(t.range)}`;
  return caption && caption.length <= 80 && !/^di cui:?$/i.test(caption) ? `nella tabella «${caption}» (${where})` : `nella tabella ${where}`;
}

const COUNT_EXPECTED = 'un numero di persone (es. 12, «28 di cui 1 a T.D», «5 (+ 5 TD)», «-» o «n.d.»)';

/** Reads every body cell of a detected staff table; cells that cannot be used become notes. */
export function readStaffTable(table: StaffDetectedTable, order: number): { table: StaffTable; notes: CellNote[] } {
  const grid = table.grid;
  const { rows, columns } = table.staff;
  const notes: CellNote[] = [];
  const cells: StaffCell[] = [];
  const byPosition = new Map<string, StaffCell>();
  const usable = columns.filter((c) => !c.remarks && (c.keys.some(Boolean) || c.inherited || c.arithmeticTotal));

  for (const c of columns) {
    if (usable.includes(c) || c.remarks) continue;
    const first = rows.find((r) => !grid.isEmpty(r.index, c.index));
    if (first) notes.push({ note: 'missing', at: placeOf(grid, table.headerRows[table.headerRows.length - 1], c.index), what: `l'intestazione della colonna con i dati ${placeOf(grid, first.index, c.index).cell}…: i suoi dati non sono stati usati` });
  }
  for (const r of rows) {
    if (!r.keys.some(Boolean) && !r.arithmeticTotal && table.staff.labelCols.length) {
      notes.push({ note: 'missing', at: placeOf(grid, r.index, table.staff.labelCols[table.staff.labelCols.length - 1]), what: `l'etichetta della riga ${r.index + 1}` });
    }
    for (const c of usable) {
      // a difference ("Saldo", "Variazione") is no count of people: neither read nor checked
      if (r.meaning.change || c.meaning.change) continue;
      const at = placeOf(grid, r.index, c.index);
      const text = grid.text(r.index, c.index);
      const cell: StaffCell = { row: r, col: c, at, text };
      if (r.percent || c.percent) {
        if (r.percent && c.percent) continue;
        cell.share = readStatedShare(grid.value(r.index, c.index), text, grid.numFmt(r.index, c.index));
        if (cell.share.kind === 'not-available') notes.push({ note: 'not-available', at, what: cellName(cell), text });
        if (cell.share.kind === 'unparseable') notes.push({ note: 'unparseable', at, what: cellName(cell), expected: 'una percentuale (es. 62%, 62,3 o 0,623)', text: cell.share.text });
      } else {
        cell.count = readCount(grid.value(r.index, c.index), text);
        if (cell.count.kind === 'not-available') notes.push({ note: 'not-available', at, what: cellName(cell), text });
        if (cell.count.kind === 'unparseable') {
          notes.push({ note: 'unparseable', at, what: cellName(cell), expected: cell.count.why === 'fraction' ? 'un numero intero di persone' : COUNT_EXPECTED, text: cell.count.text });
        }
      }
      cells.push(cell);
      byPosition.set(cellKey(r.index, c.index), cell);
    }
  }
  const staffTable: StaffTable = {
    table,
    kind: table.kind,
    ...(table.referenceDate ? { referenceDate: table.referenceDate } : {}),
    name: tableName(table),
    cells,
    byPosition,
    percentages: [],
    loneTotals: loneTotals(rows, columns, byPosition),
    order,
  };
  staffTable.percentages = checkPercentages(staffTable);
  return { table: staffTable, notes };
}

