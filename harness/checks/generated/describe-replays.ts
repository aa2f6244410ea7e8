import type { RowEvaluation } from './evaluate-rows';

/** Remembered generated rows replayed apart from this run's generated rows: how many still fail, and a note saying so. */
export interface ReplaySummary {
  /** Replayed rows that still differ in some field (they keep the check failing). */
  stillFailing: number;
  /** `; N remembered failing rows replayed apart (not in the rates): …`, or empty when nothing was replayed apart. */
  note: string;
}

/**
 * Summarises the remembered rows replayed apart (those this run did not generate itself): they are never in the rates,
 * which describe the generated rows alone, but one that still fails is named, and keeps the check failing.
 */
export function describeReplays(replays: readonly RowEvaluation[]): ReplaySummary {
  if (replays.length === 0) return { stillFailing: 0, note: '' };
  const failing = replays.filter((e) => e.failing.size > 0);
  const unevaluated = replays.filter((e) => e.infraError).length;
  const named = failing.flatMap((e) => [...e.failing.keys()].map((field) => `${field} on ${e.row.key}`));
  const state =
    failing.length === 0
      ? unevaluated === replays.length
        ? 'none could be evaluated'
        : 'all pass now'
      : `${failing.length} still fail${failing.length === 1 ? 's' : ''} (${named.slice(0, 5).join(', ')}${named.length > 5 ? ', …' : ''})`;
  const errors = unevaluated > 0 && unevaluated < replays.length ? `; ${unevaluated} could not be evaluated` : '';
  const rows = `${replays.length} remembered failing generated row${replays.length === 1 ? '' : 's'}`;
  return { stillFailing: failing.length, note: `; ${rows} replayed apart (not in the rates): ${state}${errors}` };
}
