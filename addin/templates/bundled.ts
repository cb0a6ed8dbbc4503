/** The yearly templates, as the build bundles them (base64), with where dist/ serves each file. */
import obiettivi from '../../templates/modelli/obiettivi.xlsx';
import personale from '../../templates/modelli/personale.xlsx';
import partTime from '../../templates/modelli/part-time.xlsx';
import lavoroAgile from '../../templates/modelli/lavoro-agile.xlsx';
import movimenti from '../../templates/modelli/movimenti.xlsx';
import { TemplateFile } from '../office/insert-templates';
import { OFFICE_TEMPLATES, OfficeTemplate } from './catalog';

const BASE64: Record<OfficeTemplate['key'], string> = {
  objectives: obiettivi,
  headcount: personale,
  'work-time': partTime,
  'smart-working': lavoroAgile,
  turnover: movimenti,
};

/** The template files, to insert; `url` is absolute, next to the task pane page. */
export function bundledTemplates(base: string): Map<OfficeTemplate['key'], TemplateFile> {
  return new Map(OFFICE_TEMPLATES.map((t) => [t.key, { label: t.label, base64: BASE64[t.key], url: new URL(`modelli/${t.file}`, base).href }]));
}
