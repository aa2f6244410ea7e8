import type { AnalysisRow } from '../analysis-input';
import { hasOwn } from './field-view';
import { formatRows } from './format-values';
import type { HintDetector } from './hint-detector';
import { explainedShare, roundStrength } from './hint-strength';
import { MIN_EXPLAINED_SHARE, MIN_ROWS } from './hint-thresholds';
import { isSameValue } from './same-value';
import { countDistinct } from './statistics';
import { stringifyJson } from '../../core/stringify-json';

/** A match on a single repeated value (all `0`, all `true`) is weak evidence that two fields are one. */
const CONSTANT_FACTOR = 0.7;

/**
 * `rename`: the field is missing on one side and a field present only on that side holds the same values on
 * (nearly) every row — the feature was renamed. Candidates are the run's offline-only / online-only names, and
 * failing those any field only that side sent on those rows.
 */
export const detectRename: HintDetector = (view) => {
  const total = view.mismatching.length;
  const missingOnline = view.mismatching.filter((row) => hasOwn(row.offline, view.field) && !hasOwn(row.online, view.field));
  const missingOffline = view.mismatching.filter((row) => hasOwn(row.online, view.field) && !hasOwn(row.offline, view.field));
  const [rows, present, absent, named] =
    missingOnline.length >= missingOffline.length
      ? [missingOnline, 'offline', 'online', view.input.onlineOnly] as const
      : [missingOffline, 'online', 'offline', view.input.offlineOnly] as const;
  if (rows.length < MIN_ROWS || rows.length / total < MIN_EXPLAINED_SHARE) return undefined;

  let best: { name: string; equal: number; strength: number; distinct: number } | undefined;
  for (const name of candidates(rows, named, absent, present, view.field)) {
    const matches = rows.filter((row) => hasOwn(row[absent], name) && isSameValue(row[present][view.field], row[absent][name]));
    const distinct = countDistinct(matches.map((row) => stringifyJson(row[present][view.field])));
    const strength = explainedShare(matches.length, total) * (distinct < 2 ? CONSTANT_FACTOR : 1);
    if (matches.length >= MIN_ROWS && matches.length / total >= MIN_EXPLAINED_SHARE && (!best || strength > best.strength)) {
      best = { name, equal: matches.length, strength, distinct };
    }
  }
  if (!best) return undefined;
  return {
    kind: 'rename',
    message: `renamed: ${absent} calls it ${best.name}`,
    evidence:
      `${best.name} (${absent} only) equals ${view.field} (${present} only) on ${formatRows(best.equal, total)}` +
      (best.distinct < 2 ? '; a single repeated value, so weak evidence' : ''),
    strength: roundStrength(best.strength),
  };
};

/** The other side's extra names, then any field it has on these rows that the present side lacks. */
function candidates(
  rows: readonly AnalysisRow[],
  named: readonly string[],
  absent: 'offline' | 'online',
  present: 'offline' | 'online',
  field: string,
): string[] {
  const out = new Set(named.filter((name) => name !== field));
  for (const row of rows) {
    for (const name of Object.keys(row[absent])) if (name !== field && !hasOwn(row[present], name)) out.add(name);
  }
  return [...out];
}
