/**
 * Writes the sample sheets in templates/samples/ (npm run samples). Each subfolder is one dossier
 * (one entity), as `piao batch` reads them.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { saveWorkbook } from './workbook';
import { pratoObjectivesWorkbook } from './samples/prato-objectives';
import { borgoDupWorkbook, borgoPegWorkbook } from './samples/borgo-objectives';
import { cleanObjectivesWorkbook } from './samples/clean-objectives';

export const SAMPLES_DIR = join(__dirname, '..', 'samples');

export const SAMPLE_WORKBOOKS: [string, () => ExcelJS.Workbook][] = [
  ['provincia-prato/piao-2024-2026-performance.xlsx', pratoObjectivesWorkbook],
  ['comune-borgo-esempio/dup-2024-2026.xlsx', borgoDupWorkbook],
  ['comune-borgo-esempio/peg-2024.xlsx', borgoPegWorkbook],
  ['comune-valle-serena/obiettivi-2024.xlsx', cleanObjectivesWorkbook],
];

async function main(): Promise<void> {
  for (const [file, make] of SAMPLE_WORKBOOKS) {
    await saveWorkbook(make(), join(SAMPLES_DIR, file));
    console.log(`scritto templates/samples/${file}`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
