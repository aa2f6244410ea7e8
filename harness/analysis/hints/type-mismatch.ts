import { parseNumericString } from '../../core/numbers';
import { describeCoverage, formatRows, formatValue } from './format-values';
import type { HintDetector } from './hint-detector';
import { explainedShare, roundStrength } from './hint-strength';
import { MIN_EXPLAINED_SHARE, MIN_ROWS } from './hint-thresholds';
import { isSameValue } from './same-value';

/** How one side's value is typed differently from the other's. */
type Pattern = 'string' | 'boolean';

/** Same types, values differing too: the type is still the likelier first fix, but less surely the whole story. */
const VALUE_DIFFERS_FACTOR = 0.7;

/**
 * `type`: one side sends a number and the other a numeric string (`"3"` vs `3`), or a boolean and the other
 * 0/1 (or `"true"`/`"false"`), on (nearly) every mismatching row.
 */
export const detectTypeMismatch: HintDetector = (view) => {
  const total = view.mismatching.length;
  const groups = new Map<string, { side: 'offline' | 'online'; pattern: Pattern; rows: number; equal: number; example: [unknown, unknown] }>();
  for (const row of view.mismatching) {
    const off = row.offline[view.field];
    const on = row.online[view.field];
    const found = classify(off, on) ?? flip(classify(on, off));
    if (!found) continue;
    const key = `${found.side}:${found.pattern}`;
    const group = groups.get(key) ?? { ...found, rows: 0, equal: 0, example: [off, on] };
    group.rows++;
    if (found.equal) group.equal++;
    groups.set(key, group);
  }
  const best = [...groups.values()].sort((a, b) => b.rows - a.rows)[0];
  if (!best || best.rows < MIN_ROWS || best.rows / total < MIN_EXPLAINED_SHARE) return undefined;
  const [off, on] = best.example;
  const sameValues = best.equal >= MIN_EXPLAINED_SHARE * best.rows;
  const [deviating, expected] = best.side === 'online' ? [on, off] : [off, on];
  const how = best.pattern === 'string' ? `as a string ${best.side}` : `as 0/1 ${best.side} instead of a boolean`;
  return {
    kind: 'type',
    message:
      `sent ${how} (${formatValue(deviating)} vs ${formatValue(expected)}) on ${describeCoverage(best.rows, total)}` +
      (sameValues ? '' : ', and the values differ too'),
    evidence: `${formatRows(best.rows, total)} typed differently; same value once converted on ${best.equal}`,
    strength: roundStrength(explainedShare(best.rows, total) * (sameValues ? 1 : VALUE_DIFFERS_FACTOR)),
  };
};

/**
 * `typed` is the expected JSON type (a number, or a boolean); `other` is how the other side sent it. Returns
 * which side deviates (`online`, as seen from `typed` being offline) and whether the values agree.
 */
function classify(typed: unknown, other: unknown): { side: 'offline' | 'online'; pattern: Pattern; equal: boolean } | undefined {
  if (typeof typed === 'number' && typeof other === 'string') {
    const parsed = parseNumericString(other);
    return parsed === undefined ? undefined : { side: 'online', pattern: 'string', equal: isSameValue(typed, parsed) };
  }
  if (typeof typed === 'boolean' && typeof other === 'number' && (other === 0 || other === 1)) {
    return { side: 'online', pattern: 'boolean', equal: (other === 1) === typed };
  }
  if (typeof typed === 'boolean' && typeof other === 'string' && /^(true|false)$/i.test(other.trim())) {
    return { side: 'online', pattern: 'string', equal: (other.trim().toLowerCase() === 'true') === typed };
  }
  return undefined;
}

function flip<T extends { side: 'offline' | 'online' }>(found: T | undefined): T | undefined {
  return found && { ...found, side: found.side === 'online' ? 'offline' : 'online' };
}
