import { codeDuplicate } from './code-duplicate';
import { codeFormat } from './code-format';
import { codeGap } from './code-gap';
import { codeParentMismatch } from './code-parent-mismatch';
import { codeUnknown } from './code-unknown';
import { headerUnrecognised } from './header-unrecognised';
import { missingValue } from './missing-value';
import { readProblem } from './read-problem';
import { Rule } from './rule';
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
  readProblem,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
