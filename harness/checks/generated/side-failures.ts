import type { CheckWarning } from '../../core/check-result';
import type { Row, Side, SideResult } from '../../core/row';
import { isRowRejection, type RowEvaluation } from './evaluate-rows';
import { isUnsendable } from '../../core/row-rejection';
import { stringifyJsonValue } from '../../core/stringify-json';

/** Most rows re-tried to confirm that a side fails on them alone (each may cost a timeout); a row both sides fail on is one. */
export const MAX_CONFIRMED_ROWS = 10;

/** The warning kind of a generated row that makes one side fail (see {@link sideFailureCandidates}). */
export const SIDE_FAILS_ON_ROW = 'side-fails-on-row';

/** A generated row one side failed on as infrastructure would (5xx, reset, timeout) while it answered other rows. */
export interface SideFailure {
  /** The evaluation that failed. */
  evaluation: RowEvaluation;
  /** The side that failed. */
  side: Side;
}

/**
 * Rows that look like they make a side fail on their own: the side failed on the row (a 5xx other than 503, a
 * connection reset, a timeout, a pipeline crash never narrowed to the row is left out) while it answered at least as
 * many other rows as it failed on — a side that is down fails on everything, and is an error of the run, not a
 * finding about rows. In evaluation order, a row both sides fail on once for each side; candidates still to be confirmed by a second try beside a
 * control row the side answers (see {@link isAnswered}).
 */
export function sideFailureCandidates(all: readonly RowEvaluation[]): SideFailure[] {
  // A row serving's request mapping could not carry was never compared: what the other side did with it is no finding.
  const evaluations = all.filter((e) => !isUnsendable(e.offline) && !isUnsendable(e.online));
  const sides = (['offline', 'online'] as const).filter((side) => {
    const failed = evaluations.filter((e) => e.infraError && failsOnItsOwn(e[side])).length;
    const answered = evaluations.filter((e) => isAnswered(e[side], side)).length;
    // A single row (a replayed path) has no others: the control row tried with it on confirmation decides.
    return failed > 0 && (evaluations.length === 1 || answered >= failed);
  });
  // A row both sides fail on is a finding about each of them (a pipeline that rejects it, a server that crashes on
  // it): listed for each side, next to each other.
  const out: SideFailure[] = [];
  const seen = new Set<string>();
  for (const evaluation of evaluations) {
    if (!evaluation.infraError) continue;
    for (const side of sides) {
      const id = `${side}\u0000${evaluation.row.key}`;
      if (failsOnItsOwn(evaluation[side]) && !seen.has(id)) {
        seen.add(id);
        out.push({ evaluation, side });
      }
    }
  }
  return out;
}

/** Whether a side answered a row: features, or a rejection of the row itself (a 4xx, a pipeline's `$error`). */
export function isAnswered(result: SideResult, side: Side): boolean {
  return result.kind === 'ok' || isRowRejection(result, side);
}

/** Whether a side's error could be the row's own doing (not a batch failure, not an overloaded or throttled side). */
function failsOnItsOwn(result: SideResult): boolean {
  if (result.kind !== 'error' || result.scope === 'batch') return false;
  return result.status === undefined || (result.status >= 500 && result.status !== 503);
}

/** What a confirmed side failure says about its row, for {@link sideFailureWarning}. */
export interface SideFailureFinding {
  /** The side that failed. */
  side: Side;
  /** Its error message (the second try's). */
  message: string;
  /** The row's key (`gen:<hash>`). */
  key: string;
  /** The row as sent. */
  row: Row;
  /** How it differs from its base row (`plan: "basic" → "enterprise" (unseen category)`), with the base row's key. */
  description: string;
  /** The command that replays exactly this row. */
  reproduce: string;
}

/**
 * A generated row that makes one side fail, as a warning of generated-parity: not skew (no feature differs), but a
 * row inside the input contract that a side cannot answer — with its contents, its error and the command replaying it.
 */
export function sideFailureWarning(f: SideFailureFinding): CheckWarning {
  const name = f.side === 'online' ? 'serving' : 'the offline pipeline';
  return {
    kind: SIDE_FAILS_ON_ROW,
    message: `${name} fails on generated row ${f.key} (inside the input contract) while it answers other rows: ${f.message}`,
    count: 1,
    keys: [f.key],
    detail: `${f.description}; row ${stringifyJsonValue(f.row)}`,
    row: f.row,
    reproduce: f.reproduce,
  };
}
