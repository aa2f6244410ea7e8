import type { RowComparison } from '../checks/row-comparison';
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
 * What a comparing check evaluated, for the failure memory: every field of every row both sides computed (the random
 * sample's and replayed remembered rows alike), as `pass`, `fail` (differs in a field the check failed on) or
 * `tolerated` (differs within the field's budget). Rows a side failed on, and fields a row lacks, are not evaluated.
 */
export function findingsOf(check: string, comparisons: readonly RowComparison[], result: CheckResult): CheckFindings {
  const failedFields = new Set(result.fields.filter((f) => f.status === 'failed').map((f) => f.field));
  const outcomes: CaseOutcome[] = [];
  for (const c of comparisons) {
    if (c.offline.kind !== 'ok' || c.online.kind !== 'ok') continue;
    for (const o of c.outcomes) {
      const result = o.mismatches.length === 0 ? 'pass' : failedFields.has(o.field) ? 'fail' : 'tolerated';
      outcomes.push({ check, field: o.field, key: c.row.key, result });
    }
  }
  return { check, outcomes };
}

/** Secrets could reach a result through error messages (a URL with a token): scrub them there. */
export function redactResult(result: CheckResult, redact: Redactor): CheckResult {
  return { ...result, summary: redact(result.summary), errors: result.errors.map((e) => ({ ...e, message: redact(e.message) })) };
}
