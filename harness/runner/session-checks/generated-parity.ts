import type { ColumnOverride } from '../../checks/generated';
import { runGeneratedParityCheck } from '../../checks/generated-parity';
import { withFloat64Integers } from '../../core/compare-policy';
import type { SessionCheck } from './session-check';

/** generated-parity: fast-check rows from the profile, plus remembered generated failures replayed apart. */
export const generatedParityCheck: SessionCheck<'generated-parity'> = {
  name: 'generated-parity',
  async run(ctx, env) {
    const { config, state } = env;
    const g = config.checks.generatedParity;
    // Generated rows start from training rows both sides computed: a row parity already counted as an error would
    // otherwise come back, unchanged, as a generated row one side rejects.
    const failedInParity = state.parity?.failedKeys ?? new Set<string>();
    // Integers past 2^53 compare as doubles here unless a field says `exact`: an edge input pushed through arithmetic
    // comes back exact from one language and rounded from another, a difference no training row carries.
    const policy = withFloat64Integers(ctx.policy);
    const bases = { ...ctx, policy, ...(failedInParity.size > 0 ? { rows: ctx.rows.filter((row) => !failedInParity.has(row.key)) } : {}) };
    // Said as it is, not as an empty sample: a dead server answers no generated row, and with every sampled row
    // failed in parity there is no row to change.
    const notRun =
      env.online.unavailable ??
      (ctx.rows.length > 0 && bases.rows.length === 0 ? 'every sampled row failed on a side in parity or was not run: generated rows need a row both sides computed' : null);
    const remembered = env.generatedPath
      ? []
      : env.remembered.filter((f) => f.check === 'generated-parity' && f.row).map((f) => ({ key: f.key, row: f.row! }));
    const out = await runGeneratedParityCheck(bases, env.profile, {
      runs: g.runs,
      seed: g.seed,
      maxShrinks: g.maxShrinks,
      columns: g.columns as Record<string, ColumnOverride>,
      path: env.generatedPath,
      remembered,
      reproduce: (seed, path) => env.reproduce({ generated: { seed, path } }),
      contract: env.contract,
      notRun,
    });
    state.findings.push({
      check: 'generated-parity',
      outcomes: out.outcomes.map((o) => ({ check: 'generated-parity', field: o.field, key: o.key, row: o.row, result: o.failed ? 'fail' : 'pass' })),
    });
    return out.result;
  },
};
