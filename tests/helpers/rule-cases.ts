import ExcelJS from 'exceljs';
import { Finding } from '../../importer/engine/schema/dossier';
import { analyseWorkbooks } from './xlsx';

export type Cell = string | number | null;
export type Rows = Cell[][];

/** A case: one or more files, each with sheets of rows; what the rule must find (cells) or nothing. */
export interface RuleCase {
  name: string;
  /** file -> sheet -> rows. A bare Rows array is one file "case.xlsx" with one sheet "Foglio1". */
  books: Rows | Record<string, Record<string, Rows>>;
  /** Cells (as "Sheet!A1" or "A1") the rule must report, in order; severity and message parts optional. */
  expect?: { cell: string; severity?: Finding['severity']; message?: RegExp; related?: string[] }[];
  /** Per-cell number formats, e.g. { 'F5': '0%' } applied to every sheet. */
  numFmt?: Record<string, string>;
}

function toWorkbooks(c: RuleCase): Record<string, ExcelJS.Workbook> {
  const books = Array.isArray(c.books) ? { 'case.xlsx': { Foglio1: c.books } } : c.books;
  const out: Record<string, ExcelJS.Workbook> = {};
  for (const [file, sheets] of Object.entries(books)) {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) {
      const ws = wb.addWorksheet(name);
      for (const r of rows) ws.addRow(r);
      for (const [cell, fmt] of Object.entries(c.numFmt ?? {})) ws.getCell(cell).numFmt = fmt;
    }
    out[file] = wb;
  }
  return out;
}

export async function findingsOf(c: RuleCase): Promise<Finding[]> {
  const { dossier } = await analyseWorkbooks(toWorkbooks(c));
  return dossier.findings;
}

/** The ESLint-style table: valid cases yield no finding of the rule, invalid ones exactly the expected cells. */
export function ruleTable(ruleId: string, cases: { valid: RuleCase[]; invalid: RuleCase[] }): void {
  describe(`rule ${ruleId}`, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, async () => {
          const found = (await findingsOf(c)).filter((f) => f.rule === ruleId);
          expect(found.map((f) => `${f.sheet}!${f.cell}: ${f.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, async () => {
          const found = (await findingsOf(c)).filter((f) => f.rule === ruleId);
          const want = c.expect ?? [];
          expect(found.map((f) => (want.some((w) => w.cell.includes('!')) ? `${f.sheet}!${f.cell}` : f.cell))).toEqual(want.map((w) => w.cell));
          want.forEach((w, i) => {
            if (w.severity) expect(found[i].severity).toBe(w.severity);
            if (w.message) expect(found[i].message).toMatch(w.message);
            if (w.related) expect((found[i].related ?? []).map((r) => r.cell)).toEqual(w.related);
            expect(found[i].message.length).toBeGreaterThan(10);
          });
        });
      }
    });
  });
}

/** A code-only objectives table (layout 4) with a structure and weight column, starting at row 1. */
export function codeTable(rows: [string, string, string?, Cell?][]): Rows {
  return [['Codice', 'Obiettivo', 'Responsabile', 'Peso %'], ...rows.map(([c, t, s, w]) => [c, t, s ?? null, w ?? null])];
}
