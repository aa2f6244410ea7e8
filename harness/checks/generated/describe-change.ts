import type { GeneratedRow } from './generated-row';
import { MISSING } from './missing';
import { stringifyJsonValue } from '../../core/stringify-json';

/** Longest string shown in full; longer ones are cut and their length given. */
const MAX_SHOWN_STRING = 40;
/** Longest JSON text shown for objects and arrays. */
const MAX_SHOWN_JSON = 60;

/**
 * Invisible or look-alike characters a reader cannot see in a quoted string: other spaces (U+00A0), format
 * characters (U+200B, U+FEFF), combining marks (the NFD `e` + U+0301), controls. Shown as `\uXXXX`.
 */
const INVISIBLE = /(?! )[\p{Z}\p{Cf}\p{Cc}\p{Co}\p{Cn}\p{M}]/gu;

/**
 * One line saying how a generated row differs from its base row, for reports, each change with the reason its
 * value was chosen: `plan: "basic" → "enterprise" (unseen category); monthly_spend: 19.96 → -0.01 (negative)`.
 * `no changes (the base row as sampled)` for a row without changes.
 */
export function describeChanges(generated: Pick<GeneratedRow, 'changes'>): string {
  const parts = Object.entries(generated.changes).map(
    ([column, change]) => `${column}: ${formatGeneratedValue(change.from)} → ${formatGeneratedValue(change.value)} (${change.reason})`,
  );
  return parts.length === 0 ? 'no changes (the base row as sampled)' : parts.join('; ');
}

/**
 * A value as a report shows it: strings quoted with invisible characters escaped (`"basic\u00a0"`,
 * `"Jose\u0301"`) and cut when long; numbers as JavaScript prints them (`-0` kept); `(missing)` for
 * {@link MISSING} and `undefined`; objects and arrays as JSON, cut when long.
 */
export function formatGeneratedValue(value: unknown): string {
  if (value === MISSING) return '(missing)';
  switch (typeof value) {
    case 'undefined':
      return '(missing)';
    case 'string':
      return formatString(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return String(value);
    case 'symbol':
    case 'function':
      return String(value);
    case 'object': {
      if (value === null) return 'null';
      const json = stringifyJsonValue(value);
      return json.length <= MAX_SHOWN_JSON ? json : `${json.slice(0, MAX_SHOWN_JSON - 1)}…`;
    }
  }
}

function formatString(value: string): string {
  const shown = value.length <= MAX_SHOWN_STRING ? value : value.slice(0, MAX_SHOWN_STRING - 1);
  const quoted = JSON.stringify(shown).replace(INVISIBLE, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
  return value.length <= MAX_SHOWN_STRING ? quoted : `${quoted.slice(0, -1)}…" (${value.length} chars)`;
}
