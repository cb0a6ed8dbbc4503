/**
 * The Provincia di Prato dossier with staff data: its objectives workbook read and analysed as the
 * CLI does, plus the records and PAP statistics of its published staff tables (prato-staff-records).
 * Used by the writer tests and by the script that takes the report's screenshot.
 */
import ExcelJS from 'exceljs';
import { analyse } from '../../../importer/engine/analyse';
import { Dossier } from '../../../importer/engine/schema/dossier';
import { readXlsx } from '../../../importer/read/xlsx';
import { pratoObjectivesWorkbook } from './prato-objectives';
import { pratoStaffRecords } from './prato-staff-records';

export const PRATO_OBJECTIVES_FILE = 'piao-2024-2026-performance.xlsx';
export const PRATO_STAFF_FILE = 'personale-2023.xlsx';

export async function pratoDossierWithStaff(workbook: ExcelJS.Workbook = pratoObjectivesWorkbook()): Promise<Dossier> {
  const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const { dossier } = analyse([{ file: PRATO_OBJECTIVES_FILE, grids: await readXlsx(bytes, PRATO_OBJECTIVES_FILE) }]);
  const staffSource = { file: PRATO_STAFF_FILE, status: 'ok' as const, sheets: [{ name: 'Organico', kind: 'headcount' as const, referenceDate: '2023-12-31' }] };
  return Dossier.parse({ ...dossier, ...pratoStaffRecords(PRATO_STAFF_FILE), sources: [...dossier.sources, staffSource] });
}
