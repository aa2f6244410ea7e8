import type { CheckResult } from '../core/check-result';
import type { FieldStats } from '../core/field-stats';

/**
 * The command that reproduces one field's failure: its minimal counterexample's, else the field's own (parity: its
 * failing rows), else the check's. `undefined` when none has one. Shared by the Markdown, JUnit and GitHub reports,
 * so that a field's reproduce line never names rows on which only other fields fail.
 */
export function fieldReproduce(check: CheckResult, field: FieldStats): string | undefined {
  return check.counterexamples?.find((x) => x.field === field.field)?.reproduce ?? field.reproduce ?? check.reproduce;
}
