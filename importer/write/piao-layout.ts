/**
 * The layout of PIAO.xlsx that the template (templates/PIAO-template.xlsx) and the writer share.
 * The template script writes sheets, headers, styles, widths and validations from it; the writer
 * reads the template and fills it. An office may restyle the template (fonts, fills, widths,
 * formats, labels): the writer keeps all of it and only relies on what piao-sheets.ts defines:
 * - a list sheet's header row is the row of its autofilter; the row below is the model row whose
 *   styles and validations every written row takes; columns are in the order given here;
 * - the PAP sheet's cells are found by the defined names below (the first value cell of each row).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export * from './piao-sheets';

/** Where the template is, from the sources (importer/write) or from the build (build/importer/write). */
export function templatePath(): string {
  const candidates = [join(__dirname, '..', '..', 'templates', 'PIAO-template.xlsx'), join(__dirname, '..', '..', '..', 'templates', 'PIAO-template.xlsx')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}
