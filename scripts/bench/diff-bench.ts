import * as path from 'node:path';
import { measureInChild } from './measure-child';

/** One contender's fields per second over the rounds. */
export interface RateSummary {
  /** Median over rounds of each process's median pass. */
  median: number;
  /** Slowest and fastest round. */
  min: number;
  max: number;
}

/** The diff engine against a hand-written loop on the same rows, each round a fresh process per contender. */
export interface DiffBenchResult {
  rows: number;
  fieldsPerRow: number;
  rounds: number;
  /** `diffFeatures` into a `FieldStatsAccumulator`, row by row. */
  engine: RateSummary;
  /** `compareResults` (every comparison kept) then `summarizeRows`: what the checks run today. */
  checkHelpers: RateSummary;
  /** The reference: a loop written for these fields and tolerances. */
  hand: RateSummary;
  /** Per round, engine ÷ hand (the ratio of the two processes of that round). */
  ratios: number[];
}

const worker = path.join(__dirname, 'diff-worker.js');

/**
 * Runs the diff contenders interleaved (engine, check helpers, hand loop; `rounds` times), each in a fresh
 * process that builds the same churn-like rows (~3% with a planted skew), warms up and times 7 passes. Fails if
 * the contenders disagree on what they found (mismatching rows and largest difference per field).
 */
export async function benchDiff(rows = 20_000, rounds = 5): Promise<DiffBenchResult> {
  const rates = { engine: [] as number[], 'check-helpers': [] as number[], hand: [] as number[] };
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const found: Record<string, number> = {};
    for (const mode of ['engine', 'check-helpers', 'hand'] as const) {
      const m = await measureInChild(worker, [mode, String(rows), '7']);
      rates[mode].push(m.result['fieldsPerSecond']!);
      found[mode] = m.result['checksum']!;
    }
    if (found['engine'] !== found['hand'] || found['check-helpers'] !== found['hand']) {
      throw new Error(`diff bench: the contenders disagree on what they found (${JSON.stringify(found)})`);
    }
    ratios.push(rates.engine[round]! / rates.hand[round]!);
  }
  return { rows, fieldsPerRow: 10, rounds, engine: summarize(rates.engine), checkHelpers: summarize(rates['check-helpers']), hand: summarize(rates.hand), ratios };
}

/** Median, min and max of some rates. */
export function summarize(values: readonly number[]): RateSummary {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** The Markdown section BENCHMARKS.md records. */
export function formatDiffBench(r: DiffBenchResult): string[] {
  const m = (n: number) => `${(n / 1e6).toFixed(1)}M`;
  const row = (name: string, s: RateSummary) => `| ${name} | ${m(s.median)} | ${m(s.min)}–${m(s.max)} | ${(s.median / r.hand.median).toFixed(2)} |`;
  const sortedRatios = [...r.ratios].sort((a, b) => a - b);
  return [
    `## Diff engine vs a hand-written loop (${r.rows.toLocaleString('en-US')} rows × ${r.fieldsPerRow} fields, ${r.rounds} rounds)`,
    '',
    '| contender | fields/s (median) | range over rounds | ÷ hand loop |',
    '|---|---:|---:|---:|',
    row('reference: hand-written loop (same fields, same tolerances)', r.hand),
    row('skew-harness diffFeatures → FieldStatsAccumulator (row by row)', r.engine),
    row('skew-harness compareResults → summarizeRows (all rows kept)', r.checkHelpers),
    '',
    `- engine ÷ hand loop: **${(r.engine.median / r.hand.median).toFixed(2)}** (per-round ratios ${sortedRatios[0]!.toFixed(2)}–${sortedRatios[sortedRatios.length - 1]!.toFixed(2)})`,
    '',
  ];
}

if (require.main === module) {
  void benchDiff(Number(process.env['BENCH_DIFF_ROWS'] ?? 20_000), Number(process.env['BENCH_ROUNDS'] ?? 5)).then((r) => process.stdout.write(`${formatDiffBench(r).join('\n')}\n`));
}
