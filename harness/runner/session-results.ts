import type { MemoryCase } from '../checks/parity-records';
import type { CheckResult } from '../core/check-result';
import type { Redactor } from '../core/row';
import type { ResolvedConfig } from '../config/resolved-config';
import { canonicalJson } from '../golden/canonical-json';
import { GOLDEN_FORMAT, GOLDEN_VERSION, type GoldenHeader } from '../golden/golden-record';
import type { CaseOutcome } from '../memory/case-outcome';
import type { CheckFindings } from '../memory/update-memory';
import { TOOL_VERSION } from '../version';

/** The header of the golden file this run writes: what it is, and the comparison settings that decide it. */
export function goldenHeader(config: ResolvedConfig): GoldenHeader {
  return {
    format: GOLDEN_FORMAT,
    version: GOLDEN_VERSION,
    harness: TOOL_VERSION,
    suite: config.golden.suite,
    compare: JSON.parse(canonicalJson(config.compare)) as unknown,
    redacted: [...config.golden.redact].sort(),
  };
}

/**
 * What parity evaluated, for the failure memory: its memory cases (every field of every remembered row both sides
 * computed, and the first differing fields of the other rows) as `pass`, `fail` (differs in a field the check failed
 * on) or `tolerated` (differs within the field's budget).
 */
export function memoryFindings(check: string, cases: readonly MemoryCase[], result: CheckResult): CheckFindings {
  const failedFields = new Set(result.fields.filter((f) => f.status === 'failed').map((f) => f.field));
  const outcomes: CaseOutcome[] = cases.map(({ field, key, differs }) => ({
    check,
    field,
    key,
    result: !differs ? 'pass' : failedFields.has(field) ? 'fail' : 'tolerated',
  }));
  return { check, outcomes };
}

/** Secrets could reach a result through error messages (a URL with a token): scrub them there. */
export function redactResult(result: CheckResult, redact: Redactor): CheckResult {
  return { ...result, summary: redact(result.summary), errors: result.errors.map((e) => ({ ...e, message: redact(e.message) })) };
}
