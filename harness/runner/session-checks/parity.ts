import { analysisInput, withFieldAnalysis } from '../../analysis/analyze-fields';
import { runParityCheck } from '../../checks/parity';
import { patternWarnings } from '../pattern-warnings';
import { reproduceCommand } from '../reproduce-command';
import { findingsOf } from '../session-results';
import { withPredictionImpact } from '../parity-impact';
import type { SessionCheck } from './session-check';

/**
 * parity: the random sample and the remembered rows (replayed apart) through both sides; its rows feed the failure
 * memory, the hints and segments of skewed fields, their prediction impact (when configured), and later checks.
 */
export const parityCheck: SessionCheck<'parity'> = {
  name: 'parity',
  async run(ctx, env) {
    const { config, cwd, pinnedOnly, state } = env;
    const out = await runParityCheck(
      { ...ctx, rows: env.sampleRows },
      { replayed: pinnedOnly, reproduce: (keys) => reproduceCommand(config, cwd, { keys, check: 'parity' }) },
    );
    state.parityComparisons = out.comparisons;
    state.parityTimings = out.timings;
    state.findings.push(findingsOf('parity', out.comparisons, out.result));
    state.warnings.push(...patternWarnings(config, out.comparisons));
    const sampled = out.comparisons.filter((c) => !pinnedOnly.has(c.row.key));
    const analysed = withFieldAnalysis(out.result, analysisInput(sampled, env.plan.columns, env.profile, env.policy));
    return withPredictionImpact(analysed, out.comparisons, env);
  },
};
