import type { ContenderRounds, ServingScenario } from './serving-bench';

const LABELS = {
  harness: 'skew-harness serving adapter',
  autocannon: 'reference: autocannon',
  raw: 'reference: raw keep-alive http.request',
  'raw-keep': 'bound: raw, keeping every parsed response',
  undici: 'bound: undici dispatch loop (the adapter\'s transport alone)',
} as const;

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—');
const range = (values: readonly number[], digits = 0): string => `${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)}`;

/**
 * The serving benchmark as Markdown: one table row per contender and scenario (rows/s median and range, CPU per
 * request of the client and of the server, how busy each process was), then the ratios of medians with the range
 * of the per-round ratios (rounds are interleaved, so round i of each contender ran under the same conditions).
 */
export function formatServingBench(scenarios: readonly ServingScenario[], rounds: number): string[] {
  const lines = [
    `## Serving throughput (${rounds} rounds; a fresh process per measurement, contenders interleaved; median (range))`,
    '',
    'Busy: CPU time ÷ wall time of that process during the measurement (1.0 = one core; node serves on one thread).',
    'Pass: each process sends the rows twice after a 200-request warm-up; the first pass is what a run of that many rows',
    'gets from a fresh process (JIT compilation happens during it), the second the same rows once the code is optimized.',
    'Nightly (batches): a fresh process sends the rows 8 times in one pass after the same warm-up — what a large run gets,',
    'the fixed cost of compiling the request path spread over a nightly-sized sample as a real run spreads it.',
    '',
    '| server | requests | concurrency | pass | client | rows/s | client CPU µs/request | client busy | server CPU µs/request | server busy |',
    '|---|---|---:|---|---|---:|---:|---:|---:|---:|',
  ];
  const ratios: string[] = [];
  for (const scenario of scenarios) {
    const shape = scenario.batch ? `batches of ${scenario.batch}` : 'single rows';
    for (const [contender, measured] of Object.entries(scenario.contenders) as Array<[keyof typeof LABELS, ContenderRounds]>) {
      const rps = median(measured.rowsPerSecond);
      const requestsPerSecond = rps / (scenario.batch ?? 1);
      const clientCpu = median(measured.clientCpuUs);
      const serverCpu = median(measured.serverCpuUs);
      lines.push(
        `| ${scenario.server} | ${shape} | ${scenario.concurrency} | ${scenario.pass === 'nightly' ? `nightly (${fmt(scenario.rows)} rows)` : scenario.pass} | ${LABELS[contender]} | ${fmt(rps)} (${range(measured.rowsPerSecond)}) | ${fmt(clientCpu)} | ${fmt((clientCpu * requestsPerSecond) / 1e6, 2)} | ${fmt(serverCpu)} | ${fmt((serverCpu * requestsPerSecond) / 1e6, 2)} |`,
      );
    }
    const harness = scenario.contenders.harness;
    if (!harness) continue;
    for (const reference of ['autocannon', 'raw', 'raw-keep', 'undici'] as const) {
      const measured = scenario.contenders[reference];
      if (!measured) continue;
      const perRound = harness.rowsPerSecond.map((value, i) => value / measured.rowsPerSecond[i]!);
      ratios.push(
        `- ${scenario.server} server, ${shape}, concurrency ${scenario.concurrency}, ${scenario.pass} pass: harness ÷ ${reference} **${fmt(median(harness.rowsPerSecond) / median(measured.rowsPerSecond), 2)}** (per round ${range(perRound, 2)})`,
      );
    }
  }
  return [...lines, '', ...ratios, ''];
}
