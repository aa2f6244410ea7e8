import { runDeterminismCheck } from '../../checks/determinism';
import type { SessionCheck } from './session-check';

/** determinism: each side asked twice; the noise it measures is what parity later discounts. */
export const determinismCheck: SessionCheck<'determinism'> = {
  name: 'determinism',
  async run(ctx, env) {
    const out = await runDeterminismCheck(ctx, env.config.checks.determinism);
    env.state.noise = out.noise;
    return out.result;
  },
};
