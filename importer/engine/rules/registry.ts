import { codeDuplicate } from './code-duplicate';
import { codeFormat } from './code-format';
import { codeGap } from './code-gap';
import { codeParentMismatch } from './code-parent-mismatch';
import { codeUnknown } from './code-unknown';
import { categoryUnmapped } from './category-unmapped';
import { crossTableMismatch } from './cross-table-mismatch';
import { duplicateRow } from './duplicate-row';
import { headerUnrecognised } from './header-unrecognised';
import { mappingUnusable } from './mapping-unusable';
import { missingValue } from './missing-value';
import { percentageMismatch } from './percentage-mismatch';
import { readProblem } from './read-problem';
import { Rule } from './rule';
import { sumMismatch } from './sum-mismatch';
import { valueOutOfRange } from './value-out-of-range';
import { valueUnparseable } from './value-unparseable';
import { weightSum } from './weight-sum';

/** Every rule, once. The CLI, the add-in and the report read ids and docs from here. */
export const RULES: readonly Rule[] = [
  codeFormat,
  codeParentMismatch,
  codeDuplicate,
  codeUnknown,
  codeGap,
  missingValue,
  valueUnparseable,
  weightSum,
  headerUnrecognised,
  valueOutOfRange,
  sumMismatch,
  crossTableMismatch,
  percentageMismatch,
  duplicateRow,
  categoryUnmapped,
  readProblem,
  mappingUnusable,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** The short Italian title of a rule, for people; the id itself for a rule this version does not know. */
export function ruleTitle(id: string): string {
  return ruleById(id)?.title ?? id;
}
