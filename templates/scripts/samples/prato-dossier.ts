/**
 * The Provincia di Prato dossier as the CLI builds it: the objectives workbook and the PAP staff
 * tables of the PIAO 2024-2026, read and analysed by the engine. Used by the writer tests and by
 * the script that takes the report's screenshot.
 */
import ExcelJS from 'exceljs';
import { analyse } from '../../../importer/engine/analyse';
import { Dossier } from '../../../importer/engine/schema/dossier';
import { readXlsx } from '../../../importer/read/xlsx';
import { pratoObjectivesWorkbook } from './prato-objectives';
import { pratoStaffWorkbook } from './prato-staff';

export const PRATO_OBJECTIVES_FILE = 'piao-2024-2026-performance.xlsx';
export const PRATO_STAFF_FILE = 'piao-2024-2026-pap.xlsx';

export async function pratoDossierWithStaff(workbook: ExcelJS.Workbook = pratoObjectivesWorkbook()): Promise<Dossier> {
  const inputs = [];
  for (const [file, wb] of [[PRATO_STAFF_FILE, pratoStaffWorkbook()], [PRATO_OBJECTIVES_FILE, workbook]] as const) {
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    inputs.push({ file, grids: await readXlsx(bytes, file) });
  }
  return Dossier.parse(analyse(inputs).dossier);
}
