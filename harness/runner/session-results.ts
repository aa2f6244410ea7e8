import type { RowComparison } from '../checks/row-comparison';
import type { CheckResult } from '../core/check-result';
import type { Redactor } from '../core/row';
import type { ResolvedConfig } from '../config/resolved-config';
import { canonicalJson } from '../golden/canonical-json';
import { GOLDEN_FORMAT, GOLDEN_VERSION, type GoldenHeader } from '../golden/golden-record';
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

/** What a comparing check found, for the failure memory: the rows it compared, and the examples of failed fields. */
export function findingsOf(check: string, comparisons: readonly RowComparison[], result: CheckResult, replayed: ReadonlySet<string> = new Set()): CheckFindings {
  const tested = new Set(comparisons.filter((c) => c.offline.kind === 'ok' && c.online.kind === 'ok').map((c) => c.row.key));
  const failing = result.fields.filter((f) => f.status === 'failed').flatMap((f) => f.examples.map((m) => ({ check, field: f.field, key: m.key })));
  // A replayed (remembered) row that still fails stays remembered, whatever the random sample's rates say.
  for (const c of comparisons) {
    if (!replayed.has(c.row.key)) continue;
    for (const o of c.outcomes) if (o.mismatches.length > 0) failing.push({ check, field: o.field, key: c.row.key });
  }
  return { check, tested, failing };
}

/** Secrets could reach a result through error messages (a URL with a token): scrub them there. */
export function redactResult(result: CheckResult, redact: Redactor): CheckResult {
  return { ...result, summary: redact(result.summary), errors: result.errors.map((e) => ({ ...e, message: redact(e.message) })) };
}
