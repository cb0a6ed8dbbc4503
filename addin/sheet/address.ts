import { CellRange, parseRange, rangeA1 } from '../../importer/engine/grid/address';

/** A sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits, dots and underscores. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetAddress(sheet: string, range: CellRange): string {
  return `${quoteSheet(sheet)}!${rangeA1(range)}`;
}

/** Splits "Foglio1!B2:C3" or "'Dati 2023'!B2" into sheet and range. */
export function parseSheetAddress(address: string): { sheet: string; range: CellRange } {
  const text = address.trim();
  let sheet: string;
  let rest: string;
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      if (i >= text.length) throw new Error(`indirizzo non valido: ${address}`);
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i++];
    }
    sheet = name;
    rest = text.slice(i + 1);
  } else {
    const bang = text.lastIndexOf('!');
    sheet = bang >= 0 ? text.slice(0, bang) : '';
    rest = bang >= 0 ? text.slice(bang) : `!${text}`;
  }
  if (!rest.startsWith('!')) throw new Error(`indirizzo non valido: ${address}`);
  return { sheet, range: parseRange(rest.slice(1).replace(/\$/g, '')) };
}

export function cellCount(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}
