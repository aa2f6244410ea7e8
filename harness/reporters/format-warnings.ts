import type { CheckResult } from '../core/check-result';
import type { Colors } from './colors';

/**
 * A check's warnings for the terminal: a heading that says they do not fail the run, then each warning with its
 * example. Empty when the check has none. Pure.
 */
export function formatWarnings(check: CheckResult, c: Colors): string[] {
  const warnings = check.warnings ?? [];
  if (warnings.length === 0) return [];
  const how = check.name === 'input-contract' ? ' (reported, not failed: checks.inputContract.fail: true fails on them)' : ' (reported, not failed)';
  const out = ['', `  ${c.yellow('warnings')}${c.dim(how)}`];
  for (const w of warnings) {
    out.push(`    ${c.yellow('⚠')} ${w.message}`);
    if (w.detail) out.push(c.dim(`      ${w.detail}`));
    if (w.reproduce) out.push(`      ${c.dim('Reproduce with:')} ${w.reproduce}`);
  }
  return out;
}
