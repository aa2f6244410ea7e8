import { createServingAdapter, type ServingCassette, type ServingOptions } from '../../adapters/serving';
import type { CheckContext } from '../../checks/check-context';
import { runInputContractCheck } from '../../checks/input-contract';
import type { CheckResult } from '../../core/check-result';
import type { DataProfile } from '../../core/data-profile';
import type { InputContract } from '../../core/input-contract';
import type { Redactor } from '../../core/row';
import type { SessionCheck } from './session-check';

/** input-contract: out-of-contract probes of a typical row, and how each side reacts. */
export const inputContractCheck: SessionCheck<'input-contract'> = {
  name: 'input-contract',
  run(ctx, env) {
    return runInputContract(ctx, env.profile, {
      check: env.config.checks.inputContract,
      contract: env.contract,
      serving: env.serving,
      redact: env.redact,
      keyColumns: env.config.source.key,
      cassette: env.cassette,
      unavailable: env.online.unavailable,
      reproduce: env.reproduce({ check: 'input-contract' }),
    });
  },
};

/** What the input-contract check needs from the session. */
export interface InputContractRunOptions {
  /** `checks.inputContract`. */
  check: { probes: number; fail: boolean; seed: number };
  /** The run's input contract. */
  contract: InputContract;
  /** The serving options of the run (URL resolved against the local server). */
  serving: ServingOptions;
  /** Hides secrets in messages. */
  redact: Redactor;
  /** `source.key`: no batch carries two rows with the same key (probes keep their base row's key). */
  keyColumns?: readonly string[];
  /** The run's serving cassette, or null. */
  cassette?: ServingCassette | null;
  /** Why the run's serving adapter was declared unavailable, if it was. */
  unavailable: string | null;
  /** The command that reruns the check. */
  reproduce: string;
}

/**
 * Runs the input-contract check with a serving adapter of its own, without a circuit breaker: probes are built to
 * make a strict server refuse them, and one that answers malformed input with 500 would otherwise open the run's
 * breaker after ten probes and make every later check inconclusive. Retries, limits and timeouts are the run's.
 */
export async function runInputContract(ctx: CheckContext, profile: DataProfile, options: InputContractRunOptions): Promise<CheckResult> {
  const online = createServingAdapter({ ...options.serving, maxConsecutiveFailures: 0 }, { redact: options.redact, keyColumns: options.keyColumns, ...(options.cassette ? { cassette: options.cassette } : {}) });
  try {
    return await runInputContractCheck({ ...ctx, online }, profile, {
      ...options.check,
      contract: options.contract,
      servingUnavailable: options.unavailable,
      reproduce: options.reproduce,
    });
  } finally {
    await online.close();
  }
}
