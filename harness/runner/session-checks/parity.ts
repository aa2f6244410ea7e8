import { analysisInput, withFieldAnalysis } from '../../analysis/analyze-fields';
import { runParityCheck } from '../../checks/parity';
import { patternWarnings } from '../pattern-warnings';
import { reproduceCommand } from '../reproduce-command';
import { memoryFindings } from '../session-results';
import { withPredictionImpact } from '../parity-impact';
import type { SessionCheck } from './session-check';

/**
 * parity: the random sample and the remembered rows (replayed apart) through both sides; its records feed the failure
 * memory, the hints and segments of skewed fields, their prediction impact (when configured), and later checks.
 */
export const parityCheck: SessionCheck<'parity'> = {
  name: 'parity',
  async run(ctx, env) {
    const { config, cwd, pinnedOnly, state } = env;
    const remembered = new Set(env.remembered.filter((f) => f.check === 'parity').map((f) => f.key));
    const out = await runParityCheck(
      { ...ctx, rows: env.sampleRows },
      { replayed: pinnedOnly, remembered, skewedRows: config.impact?.maxRows ?? 0, reproduce: (keys) => reproduceCommand(config, cwd, { keys, check: 'parity' }) },
    );
    state.parity = out.records;
    state.parityTimings = out.timings;
    state.findings.push(memoryFindings('parity', out.records.memoryCases, out.result));
    state.warnings.push(...patternWarnings(config, out.records.fieldsSeen));
    const analysed = withFieldAnalysis(out.result, analysisInput(out.records.analysisRows, env.plan.columns, env.profile, env.policy));
    const { skewedRows, analysisRows, skewed } = out.records;
    return withPredictionImpact(analysed, skewedRows.length > 0 ? skewedRows : analysisRows, env, skewed);
  },
};
