import type { CheckResult, CheckRows, CheckWarning, RowError } from '../../core/check-result';
import {
  groupProbes,
  isDivergent,
  PROBE_REACTIONS,
  PROBE_WORDS,
  REACTION_WORDS,
  type InputContractDetails,
  type ProbeOutcome,
  type SideReaction,
} from '../../core/contract-probe';
import type { Side, SideResult } from '../../core/row';
import type { RowEvaluation } from '../generated/evaluate-rows';
import { sideReaction } from './probe-reaction';

/** The check's name. */
export const INPUT_CONTRACT_CHECK = 'input-contract';

/** What {@link contractResult} builds the result from. */
export interface ContractResultInput {
  /** Every probe with its reactions. */
  outcomes: ProbeOutcome[];
  /** Every row evaluated (the base row tried first and the probes), for the row accounting. */
  evaluations: readonly RowEvaluation[];
  /** The details reporters show (probes, contract, base row). */
  details: InputContractDetails;
  /** Row errors kept as examples. */
  examples: number;
  /** The command that reruns the check. */
  reproduce?: string | undefined;
}

/**
 * The input-contract check's result. Divergent reactions (one side computes what the other rejects, or both compute
 * different features) are warnings — the check passes and lists them — or, with `fail`, fail it. Rejections are
 * reactions, not errors; only infrastructure failures count as row errors (against the run's error budget). A run
 * where no probe got an answer from both sides is inconclusive.
 */
export function contractResult(input: ContractResultInput): CheckResult {
  const { outcomes, details } = input;
  const divergent = outcomes.filter((o) => isDivergent(o.reaction));
  const answered = outcomes.filter((o) => o.reaction !== 'error');
  const tally = PROBE_REACTIONS.map((r) => [r, outcomes.filter((o) => o.reaction === r).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${REACTION_WORDS[r]} ${n}`)
    .join(', ');
  const failed = details.fail && divergent.length > 0;
  const status = answered.length === 0 ? 'inconclusive' : failed ? 'failed' : 'passed';
  const probes = `${outcomes.length} out-of-contract probe${outcomes.length === 1 ? '' : 's'} of row ${details.baseKey}`;
  const summary =
    status === 'inconclusive'
      ? `no probe got an answer from both sides (${probes}: ${tally})`
      : failed
        ? `${divergent.length} of ${probes} get different reactions from the two sides: ${tally}`
        : `${probes}: ${tally}${divergent.length > 0 ? ` (${divergent.length} warning${divergent.length === 1 ? '' : 's'}: reported, not failed)` : ''}`;
  const { rows, errors } = accounting(input.evaluations, input.examples);
  const warnings = failed ? [] : warningsOf(divergent);
  return {
    name: INPUT_CONTRACT_CHECK,
    status,
    summary,
    rows,
    fields: [],
    errors,
    compares: 'offline-online',
    ...(warnings.length > 0 ? { warnings } : {}),
    inputContract: details,
    ...(input.reproduce ? { reproduce: input.reproduce } : {}),
  };
}

/** One warning per probe kind × divergent reaction, naming the columns, with the first probe as the example. */
function warningsOf(divergent: readonly ProbeOutcome[]): CheckWarning[] {
  return groupProbes(divergent).map((group) => {
    const first = group.probes[0]!;
    return {
      kind: group.reaction,
      message: `${REACTION_WORDS[group.reaction]}: ${PROBE_WORDS[group.kind]} (${group.columns.join(', ')})`,
      count: group.probes.length,
      keys: group.probes.map((p) => p.key),
      detail: `${first.description} — ${reactionDetail(first)}`,
    };
  });
}

/** What the sides did with one probe, in words: who rejected it and why, or which fields differ. */
function reactionDetail(probe: ProbeOutcome): string {
  const said = (side: string, reaction: SideReaction): string => {
    switch (reaction.kind) {
      case 'rejects':
        return `${side} rejected it (${reaction.message})`;
      case 'error':
        return `${side} failed (${reaction.message})`;
      case 'computes':
        return `${side} computed features`;
    }
  };
  if (probe.offline.kind === 'computes' && probe.online.kind === 'computes') {
    return `both computed features; ${probe.fields.join(', ')} differ${probe.fields.length === 1 ? 's' : ''}`;
  }
  // The side that refused first: it is what the warning is about.
  const offline = said('offline', probe.offline);
  const online = said('serving', probe.online);
  return probe.offline.kind === 'rejects' ? `${offline}; ${online}` : `${online}; ${offline}`;
}

/** Row accounting: rejections are reactions; only infrastructure failures are row errors. */
function accounting(evaluations: readonly RowEvaluation[], examples: number): { rows: CheckRows; errors: RowError[] } {
  const rows: CheckRows = { total: evaluations.length, compared: 0, offlineErrors: 0, onlineErrors: 0, notRun: 0 };
  const errors: RowError[] = [];
  for (const e of evaluations) {
    if (e.offline.kind === 'ok' && e.online.kind === 'ok') rows.compared++;
    // A probe serving's request mapping cannot carry is serving's reaction to it (see sideReaction), not a row not run.
    const notRun = (r: SideResult) => r.kind === 'skipped' && r.unsendable !== true;
    if (notRun(e.offline) || notRun(e.online)) {
      rows.notRun++;
      continue;
    }
    for (const side of ['offline', 'online'] as const satisfies readonly Side[]) {
      const reaction = sideReaction(e[side], side);
      if (reaction.kind !== 'error') continue;
      if (side === 'offline') rows.offlineErrors++;
      else rows.onlineErrors++;
      if (errors.length < Math.max(examples, 5)) errors.push({ key: e.row.key, side, message: reaction.message });
    }
  }
  return { rows, errors };
}
