import type { CheckResult, CheckWarning, Counterexample } from '../../core/check-result';
import { FieldStatsAccumulator, type ExampleRow } from '../../core/field-stats';
import type { Mismatch } from '../../core/mismatch';
import type { SideResult } from '../../core/row';
import { caseOutcomes, type GeneratedCaseOutcome } from './case-outcomes';
import { describeOneSidedRows } from './contract-notes';
import { describeReplays } from './describe-replays';
import { formatCountOf, verbFor } from '../../core/plural';
import type { RowEvaluation } from './evaluate-rows';
import { isUnsendable } from '../../core/row-rejection';

/** What generated-parity found, ready to be judged. */
export interface GeneratedFindings {
  /** Every distinct generated row evaluated (the shrinking's candidates included), in order. */
  evaluations: readonly RowEvaluation[];
  /** Minimal counterexamples, one per failing field shrunk. */
  counterexamples: readonly Counterexample[];
  /** Remembered rows replayed apart from this run's generated rows, under their stored keys. */
  replays: ReadonlyArray<{ key: string; e: RowEvaluation }>;
  /** Rows a side fails on again when tried once more (per-row findings). */
  warnings: readonly CheckWarning[];
  /** Rows one side rejected and the other computed, holding a value training never had (reported, not failed). */
  disagreements: readonly CheckWarning[];
  /** The run's fast-check seed. */
  seed: number;
  /** Examples kept per field. */
  examples: number;
  /** The row of an example, with its base row and changes where known. */
  exampleRowOf: (e: RowEvaluation) => ExampleRow;
  /** The key of a counterexample's row. */
  keyOf: (c: Counterexample) => string;
}

/**
 * generated-parity's result and case outcomes from what it found. Statistics cover every distinct generated row with
 * an outcome: compared fields, and the `(row)` contract when one side rejected it; remembered rows replayed apart are
 * not in them (the rates describe this run's generated rows). Pure.
 */
export function judgeGenerated(found: GeneratedFindings): { result: CheckResult; outcomes: GeneratedCaseOutcome[] } {
  const { evaluations, counterexamples, replays, warnings } = found;
  const stats = new FieldStatsAccumulator(() => 0, found.examples);
  let compared = 0;
  for (const e of evaluations) {
    if (e.infraError || (e.compared.length === 0 && e.failing.size === 0)) continue;
    compared++;
    stats.add(outcomesOf(e), () => found.exampleRowOf(e));
  }
  const fields = stats.result();
  // Rows serving's request mapping could not carry were never compared: not run, whatever the pipeline did with them.
  const unsent = (e: RowEvaluation): boolean => isUnsendable(e.offline) || isUnsendable(e.online);
  const infra = evaluations.filter((e) => e.infraError && !unsent(e));
  const notSent = evaluations.filter((e) => e.infraError && unsent(e)).length;
  const failedFields = fields.filter((f) => f.status === 'failed');
  const outcomes = [
    ...counterexamples.map((c) => ({ field: c.field, key: found.keyOf(c), row: c.row, failed: true })),
    ...replays.flatMap((r) => caseOutcomes(r.e, r.key)),
    ...evaluations.flatMap((e) => caseOutcomes(e, e.row.key)),
  ];
  const replay = describeReplays(replays.map((r) => r.e));
  const warnedKeys = new Set(warnings.flatMap((w) => w.keys));
  const rejectedByBoth = evaluations.filter((e) => !e.infraError && e.offline.kind === 'error' && e.online.kind === 'error').length;
  const bothNote = rejectedByBoth > 0 ? `; ${rejectedByBoth} row${rejectedByBoth === 1 ? '' : 's'} rejected by both sides alike` : '';
  const rowNote = describeOneSidedRows(evaluations);
  const sideNote = warnings.length === 0 ? '' : `; ${warnings.length} generated row${warnings.length === 1 ? ' makes' : 's make'} a side fail (see warnings)`;
  const unseen = found.disagreements.reduce((sum, w) => sum + w.count, 0);
  const unseenNote = unseen === 0 ? '' : `; ${unseen} generated row${unseen === 1 ? ' holding a value training never had is' : 's holding values training never had are'} rejected by one side only (see warnings)`;
  const result: CheckResult = {
    name: 'generated-parity',
    // A remembered failure that still fails keeps the check failing, even when this run's generated rows pass.
    status: failedFields.length > 0 || replay.stillFailing > 0 ? 'failed' : compared === 0 ? 'inconclusive' : 'passed',
    summary:
      (failedFields.length > 0
        ? `${formatCountOf(failedFields.length, 'field')} ${verbFor(failedFields.length, 'differs', 'differ')} on generated rows (${failedFields.map((f) => f.field).join(', ')}); ${formatCountOf(counterexamples.length, 'minimal counterexample')}${bothNote}${rowNote}`
        : compared === 0
          ? 'no generated row could be compared'
          : `all fields agree on ${formatCountOf(compared, 'generated row')} (seed ${found.seed})${bothNote}`) +
      sideNote +
      unseenNote +
      replay.note,
    rows: {
      total: evaluations.length,
      compared,
      offlineErrors: infra.filter((e) => e.offline.kind === 'error').length,
      onlineErrors: infra.filter((e) => e.online.kind === 'error').length,
      notRun: infra.filter((e) => e.offline.kind !== 'error' && e.online.kind !== 'error').length + notSent,
      ...(replays.length > 0 ? { replayed: replays.length } : {}),
    },
    fields,
    // A row a side fails on that is a finding of its own (a warning with its row and replay) is listed there, once.
    errors: infra
      .filter((e) => (e.offline.kind === 'error' || e.online.kind === 'error') && !warnedKeys.has(e.row.key))
      .slice(0, found.examples)
      .map((e) => (e.online.kind === 'error' ? { key: e.row.key, side: 'online' as const, message: e.online.message } : { key: e.row.key, side: 'offline' as const, ...errorOf(e.offline) })),
    counterexamples: [...counterexamples],
    ...(warnings.length + found.disagreements.length > 0 ? { warnings: [...warnings, ...found.disagreements] } : {}),
    ...(counterexamples[0] ? { reproduce: counterexamples[0].reproduce } : {}),
  };
  return { result, outcomes };
}

/** Field outcomes of an evaluation, for the statistics. */
function outcomesOf(e: RowEvaluation): Array<{ field: string; mismatches: Mismatch[] }> {
  const fields = new Set([...e.compared, ...e.failing.keys()]);
  return [...fields].map((field) => ({ field, mismatches: e.failing.has(field) ? [e.failing.get(field)!] : [] }));
}

function errorOf(result: SideResult): { message: string; detail?: string } {
  if (result.kind !== 'error') return { message: result.kind === 'skipped' ? result.reason : 'no error' };
  return result.detail ? { message: result.message, detail: result.detail } : { message: result.message };
}
