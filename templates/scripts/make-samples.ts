/**
 * Writes the sample sheets in templates/samples/ (npm run samples). Each subfolder is one dossier
 * (one entity), as `piao batch` reads them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { saveWorkbook } from './workbook';
import { pratoObjectivesWorkbook } from './samples/prato-objectives';
import { borgoDupWorkbook, borgoPegWorkbook } from './samples/borgo-objectives';
import { cleanObjectivesWorkbook } from './samples/clean-objectives';
import { codelessObjectivesWorkbook } from './samples/codeless-objectives';
import { pratoStaffWorkbook } from './samples/prato-staff';
import { cleanStaffWorkbook } from './samples/clean-staff';
import { cugWorkbook } from './samples/cug-table';
import { registerWorkbook } from './samples/register';
import { inconsistentStaffWorkbook } from './samples/inconsistent-staff';
import { staffCsvBytes } from './samples/csv-staff';

export const SAMPLES_DIR = join(__dirname, '..', 'samples');

export const SAMPLE_WORKBOOKS: [string, () => ExcelJS.Workbook][] = [
  ['provincia-prato/piao-2024-2026-performance.xlsx', pratoObjectivesWorkbook],
  ['comune-borgo-esempio/dup-2024-2026.xlsx', borgoDupWorkbook],
  ['comune-borgo-esempio/peg-2024.xlsx', borgoPegWorkbook],
  ['comune-valle-serena/obiettivi-2024.xlsx', cleanObjectivesWorkbook],
  ['comune-monte-piccolo/pdo-2024.xlsx', codelessObjectivesWorkbook],
  ['provincia-prato/piao-2024-2026-pap.xlsx', pratoStaffWorkbook],
  ['comune-valle-serena/personale-2023-2024.xlsx', cleanStaffWorkbook],
  ['comune-colle-alto/relazione-cug-2023.xlsx', cugWorkbook],
  ['comune-pian-del-lago/anagrafica-personale-2024.xlsx', registerWorkbook],
  ['comune-roccanera/personale-2024-da-verificare.xlsx', inconsistentStaffWorkbook],
];

/** Samples that are not workbooks: CSV exports, written as bytes. */
export const SAMPLE_FILES: [string, () => Buffer][] = [['unione-colli-alti/personale-2024.csv', staffCsvBytes]];

async function main(): Promise<void> {
  for (const [file, make] of SAMPLE_WORKBOOKS) {
    await saveWorkbook(make(), join(SAMPLES_DIR, file));
    console.log(`scritto templates/samples/${file}`);
  }
  for (const [file, make] of SAMPLE_FILES) {
    const path = join(SAMPLES_DIR, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, make());
    console.log(`scritto templates/samples/${file}`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
