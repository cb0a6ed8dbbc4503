import { Severity } from './schema/dossier';

/**
 * Something a reader met in a file it could still read (mixed encodings, a quote never closed, a
 * damaged sheet skipped): the rest was imported, and the user is told where to look. The
 * `read-problem` rule turns each into a finding.
 */
export interface ReadProblem {
  severity: Severity;
  /** Italian sentence saying what was met and what was done about it. */
  message: string;
  /** Sheet and cell it concerns; the file's first sheet and A1 when it concerns the whole file. */
  sheet?: string;
  cell?: string;
}
