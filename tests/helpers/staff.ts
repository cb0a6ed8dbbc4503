import ExcelJS from 'exceljs';
import { Analysis } from '../../importer/engine/analyse';
import { Dossier, Finding } from '../../importer/engine/schema/dossier';
import { analyseWorkbooks } from './xlsx';

export type Row = (string | number | Date | null)[];

export interface SheetSpec {
  rows: Row[];
  /** A1 ranges to merge, e.g. "B2:C2". */
  merges?: string[];
  /** Number formats by A1 cell, e.g. { E4: '0.0%' }. */
  formats?: Record<string, string>;
}

/** A workbook with one sheet per entry, written as the office would (values, merges, formats). */
export function staffWorkbook(sheets: Record<string, Row[] | SheetSpec>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, spec] of Object.entries(sheets)) {
    const s: SheetSpec = Array.isArray(spec) ? { rows: spec } : spec;
    const ws = wb.addWorksheet(name);
    for (const r of s.rows) ws.addRow(r);
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const [cell, fmt] of Object.entries(s.formats ?? {})) ws.getCell(cell).numFmt = fmt;
  }
  return wb;
}

/** Writes the sheets to a real xlsx, reads it back as the CLI does and analyses it as one dossier. */
export async function analyseSheets(sheets: Record<string, Row[] | SheetSpec>, file = 'personale.xlsx'): Promise<Analysis> {
  return analyseWorkbooks({ [file]: staffWorkbook(sheets) });
}

export function findings(d: Dossier, rule: string): Finding[] {
  return d.findings.filter((f) => f.rule === rule);
}

/** Findings above info: what a clean sheet must not have. */
export function serious(d: Dossier): Finding[] {
  return d.findings.filter((f) => f.severity !== 'info');
}
