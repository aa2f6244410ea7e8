import type { CheckResult } from '../core/check-result';
import { isDivergent, PROBE_KINDS, PROBE_WORDS, REACTION_WORDS, describeSideReaction } from '../core/contract-probe';
import { escapeXml } from './escape-xml';

/** A JUnit test case: its name and what goes inside it (empty: passed). */
export interface JunitCase {
  name: string;
  body: string;
}

/**
 * The input-contract check as JUnit test cases: one per probe kind (a stable name, so CI history follows it), each
 * listing per column how offline and serving reacted in `<system-out>`; a kind with divergent reactions carries a
 * `<failure>` when the check failed on them (`fail: true`) and only the listing otherwise — warnings do not fail.
 */
export function inputContractCases(check: CheckResult): JunitCase[] {
  const probes = check.inputContract?.probes ?? [];
  return PROBE_KINDS.filter((kind) => probes.some((p) => p.kind === kind)).map((kind) => {
    const own = probes.filter((p) => p.kind === kind);
    const lines = own.map((p) => {
      const fields = p.fields.length > 0 ? ` (${p.fields.join(', ')})` : '';
      return `${p.column}: offline ${describeSideReaction(p.offline)}, serving ${describeSideReaction(p.online)} — ${REACTION_WORDS[p.reaction]}${fields} [${p.description}]`;
    });
    const divergent = own.filter((p) => isDivergent(p.reaction));
    const out = `<system-out>${escapeXml(lines.join('\n'))}</system-out>`;
    if (check.status !== 'failed' || divergent.length === 0) return { name: kind, body: out };
    const message = `${divergent.length} of ${own.length} probes (${PROBE_WORDS[kind]}) get different reactions from the two sides`;
    const text = [message, ...lines, ...(check.reproduce ? [`Reproduce with: ${check.reproduce}`] : [])].join('\n');
    return { name: kind, body: `<failure type="input-contract" message="${escapeXml(message)}">${escapeXml(text)}</failure>\n      ${out}` };
  });
}

/** A check's warnings as a suite-level `<system-out>` line, or null when it has none. */
export function warningsOut(check: CheckResult): string | null {
  const warnings = check.warnings ?? [];
  if (warnings.length === 0) return null;
  const text = ['Warnings (reported, not failed):', ...warnings.map((w) => `${w.message}${w.detail ? `\n  ${w.detail}` : ''}${w.reproduce ? `\n  Reproduce with: ${w.reproduce}` : ''}`)].join('\n');
  return `<system-out>${escapeXml(text)}</system-out>`;
}
