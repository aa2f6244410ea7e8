import type { CheckResult } from '../core/check-result';
import type { ProbeOutcome } from '../core/contract-probe';
import type { DataProfile } from '../core/data-profile';
import type { InputContract } from '../core/input-contract';
import type { SourceRow } from '../core/row';
import { canonicalJson } from '../golden/canonical-json';
import { satisfiesContract } from '../profile/contract-violations';
import { learnInputContract } from '../profile/learn-contract';
import type { CheckContext } from './check-context';
import { contractResult, INPUT_CONTRACT_CHECK } from './contract/contract-result';
import { planProbes, type ProbeRow } from './contract/plan-probes';
import { probeReaction, sideReaction } from './contract/probe-reaction';
import { chooseBaseRows } from './generated/choose-base-rows';
import { describeNoBaseRow } from './generated/contract-notes';
import { evaluateRows, type RowEvaluation } from './generated/evaluate-rows';
import { MISSING } from './generated/missing';
import { skippedCheck } from './skipped-check';

/** Options of the input-contract check. */
export interface InputContractCheckOptions {
  /** Most probe rows. */
  probes: number;
  /** Fail on divergent reactions instead of warning. */
  fail: boolean;
  /** Seed of the choice of probes when there are more than `probes`. */
  seed: number;
  /** The contract to probe. Default: learned from the sampled rows (see `learnInputContract`). */
  contract?: InputContract | undefined;
  /** Why serving was declared unavailable earlier in the run, if it was: then nothing is sent. */
  servingUnavailable?: string | null | undefined;
  /** The command that reruns the check. */
  reproduce?: string | undefined;
}

/** Typical rows tried as the base of the probes, until one that both sides compute. */
const BASE_CANDIDATES = 3;

/**
 * input-contract: out-of-contract probe rows — the most typical sampled row that both sides compute, with exactly
 * one value changed to break one clause of the input contract (a column left out, null where training never has
 * one, a number sent as a string, a malformed date…) — through both sides, reporting per probe how each reacts:
 * both reject (fine), one computes what the other rejects, both compute but differ, both compute alike. Fields that
 * already differ on the base row (skew the parity checks report) do not count as a probe's difference. Such rows are
 * outside what the pipelines were built to accept, so divergent reactions are warnings (see `contractResult`), not
 * skew. Rows go through the same evaluation as generated-parity (`evaluateRows`), so a pipeline's per-row errors are
 * reactions to the row they belong to.
 */
export async function runInputContractCheck(ctx: CheckContext, profile: DataProfile, options: InputContractCheckOptions): Promise<CheckResult> {
  if (!ctx.offlineComputes) return skippedCheck(INPUT_CONTRACT_CHECK, 'offline features are precomputed columns: there is no pipeline to probe');
  if (options.servingUnavailable) return inconclusive(`not run: ${options.servingUnavailable}`);
  const contract = options.contract ?? learnInputContract(ctx.rows, profile);
  const candidates = chooseBaseRows(ctx.rows.filter((row) => satisfiesContract(contract, row.values)), profile, BASE_CANDIDATES);
  if (candidates.length === 0) return inconclusive(`${describeNoBaseRow(ctx.rows, contract)}: probes need a valid row to change`);

  const controls = await evaluateRows(ctx, candidates.map((values) => ({ key: keyOf(ctx.rows, values), line: 0, values })), ctx.policy);
  // Best a row the sides agree on; else one both compute, whose differences (skew the parity checks report) are
  // then not laid at the probes' door.
  const computed = controls.filter((e) => e.offline.kind === 'ok' && e.online.kind === 'ok');
  const base = computed.find((e) => e.failing.size === 0) ?? computed[0];
  if (base === undefined) {
    const first = controls[0]!;
    const said = first.offline.kind === 'ok' ? first.online : first.offline;
    const why = said.kind === 'ok' ? '' : `; row ${first.row.key}: ${said.kind === 'error' ? said.message : said.reason}`;
    return inconclusive(`none of the ${controls.length} most typical sampled rows is computed by both sides, so a probe's reaction would say nothing${why}`);
  }

  const plan = planProbes(contract, profile, base.row.values, { max: options.probes, seed: options.seed });
  if (plan.probes.length === 0) {
    return skippedCheck(INPUT_CONTRACT_CHECK, 'the input contract leaves nothing to probe: every input column may be absent or null and takes any value');
  }
  const evaluations = await evaluateRows(ctx, plan.probes.map((p) => ({ key: p.key, line: 0, values: p.row })), ctx.policy);
  const outcomes = plan.probes.map((probe, i) => outcomeOf(probe, evaluations[i]!, new Set(base.failing.keys())));
  return contractResult({
    outcomes,
    evaluations: [...controls, ...evaluations],
    details: { baseKey: base.row.key, contract, probes: outcomes, possible: plan.possible, fail: options.fail },
    examples: ctx.examples,
    reproduce: options.reproduce,
  });
}

/** A probe's outcome; `known` are the fields that already differ on the base row, not counted against the probe. */
function outcomeOf(probe: ProbeRow, evaluation: RowEvaluation, known: ReadonlySet<string>): ProbeOutcome {
  const offline = sideReaction(evaluation.offline, 'offline');
  const online = sideReaction(evaluation.online, 'online');
  const both = evaluation.offline.kind === 'ok' && evaluation.online.kind === 'ok';
  const fields = both ? [...evaluation.failing.keys()].filter((field) => !known.has(field)) : [];
  return {
    key: probe.key,
    kind: probe.kind,
    clause: probe.clause,
    column: probe.column,
    ...(probe.value === MISSING ? {} : { value: probe.value }),
    description: probe.description,
    reaction: probeReaction(offline, online, fields),
    offline,
    online,
    fields,
  };
}

/** The sample key of a base row (base rows are copies of sampled rows' values). */
function keyOf(rows: readonly SourceRow[], values: SourceRow['values']): string {
  const text = canonicalJson(values);
  return rows.find((row) => canonicalJson(row.values) === text)?.key ?? '?';
}

function inconclusive(summary: string): CheckResult {
  return { ...skippedCheck(INPUT_CONTRACT_CHECK, summary), status: 'inconclusive' };
}
