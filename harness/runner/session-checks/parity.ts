import { analysisInput, withFieldAnalysis } from '../../analysis/analyze-fields';
import { collectParity, finishParity, runParityCheck, type ParityOutput } from '../../checks/parity';
import { ownsKey } from '../../core/shard';
import { patternWarnings } from '../pattern-warnings';
import { memoryFindings } from '../session-results';
import { withPredictionImpact, type ShardImpact } from '../parity-impact';
import type { SessionCheck } from './session-check';
import type { CheckResult } from '../../core/check-result';

/**
 * parity: the random sample and the remembered rows (replayed apart) through both sides; its records feed the failure
 * memory, the hints and segments of skewed fields, their prediction impact (when configured), and later checks.
 * On a shard, only the rows the shard owns (each with its position in the whole sample), and the gathered partial is
 * kept for the shard's blob, with the impact's scored rows (its own lowest-hash skewed rows: the merge chooses again
 * among all shards' and recomputes the numbers).
 */
export const parityCheck: SessionCheck<'parity'> = {
  name: 'parity',
  async run(ctx, env) {
    const { config, pinnedOnly, state, shard } = env;
    const remembered = new Set(env.remembered.filter((f) => f.check === 'parity').map((f) => f.key));
    const options = { replayed: pinnedOnly, remembered, skewedRows: config.impact?.maxRows ?? 0, reproduce: (keys: readonly string[]) => env.reproduce({ keys, check: 'parity' }) };
    let out: ParityOutput;
    if (shard) {
      const positions = new Map(env.sampleRows.map((row, i) => [row.key, i]));
      const rows = env.sampleRows.filter((row) => ownsKey(shard, row.key));
      const { partial, timings } = await collectParity({ ...ctx, rows }, { ...options, positionOf: (key) => positions.get(key)! });
      state.parityPartial = partial;
      out = { ...finishParity(partial, ctx.noise, options), timings };
    } else {
      out = await runParityCheck({ ...ctx, rows: env.sampleRows }, options);
    }
    state.parity = out.records;
    state.parityTimings = out.timings;
    state.findings.push(memoryFindings('parity', out.records.memoryCases, out.result));
    state.warnings.push(...patternWarnings(config, out.records.fieldsSeen), ...echoedKeyWarnings(config.source.key, out.records.fieldsSeen, out.result));
    const analysed = withFieldAnalysis(out.result, analysisInput(out.records.analysisRows, env.plan.columns, env.profile, env.policy));
    const { skewedRows, analysisRows, skewed } = out.records;
    const keep = shard ? (scored: ShardImpact) => (state.shardImpact = scored) : undefined;
    return withPredictionImpact(analysed, skewedRows.length > 0 ? skewedRows : analysisRows, env, skewed, keep);
  },
};

/**
 * One line per key column a side returned that parity never compared: only one side returns it, so it was read as
 * an echoed join key (see `ComparePolicy.keyColumns`) — said, since a key that is also a feature the other side
 * stopped returning would otherwise vanish from the report.
 */
export function echoedKeyWarnings(keys: readonly string[], seen: ReadonlySet<string>, result: CheckResult): string[] {
  return keys
    .filter((key) => seen.has(key) && !result.fields.some((f) => f.field === key))
    .map((key) => `${key} (source.key) is returned by one side only: read as the join key echoed back, not compared`);
}
