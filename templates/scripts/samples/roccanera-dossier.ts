/**
 * A dossier with every kind of trouble, as the CLI builds it: the Comune di Roccanera's staff
 * tables («n.d.», «dodici», a negative count, a repeated row, more smart workers than staff, no
 * fixed-term table) with the Provincia di Prato's objectives (one under the wrong parent). Used by
 * the screenshots of the report and of PIAO.xlsx.
 */
import { analyse } from '../../../importer/engine/analyse';
import { Dossier } from '../../../importer/engine/schema/dossier';
import { readXlsx } from '../../../importer/read/xlsx';
import { inconsistentStaffWorkbook } from './inconsistent-staff';
import { pratoObjectivesWorkbook } from './prato-objectives';

export const ROCCANERA_STAFF_FILE = 'personale-2024-da-verificare.xlsx';

export async function roccaneraDossier(): Promise<Dossier> {
  const inputs = [];
  for (const [file, wb] of [[ROCCANERA_STAFF_FILE, inconsistentStaffWorkbook()], ['piao-2024-2026-performance.xlsx', pratoObjectivesWorkbook()]] as const) {
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    inputs.push({ file, grids: await readXlsx(bytes, file) });
  }
  return Dossier.parse(analyse(inputs).dossier);
}
