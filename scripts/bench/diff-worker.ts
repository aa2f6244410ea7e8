/**
 * One diff-engine measurement in a fresh process (see diff-bench.ts): `engine|check-helpers|hand ROWS PASSES`.
 * Builds the workload (untimed), warms up, then times each pass over all rows (process CPU time). Prints one JSON line: the median
 * pass's fields per second, the fastest and slowest pass, and a checksum of what was found (both contenders must
 * agree on it).
 */
import { makeDiffWorkload, tallyByHand, tallyWithCheckHelpers, tallyWithEngine, type DiffTally } from './diff-workload';

const CONTENDERS: Record<string, (w: ReturnType<typeof makeDiffWorkload>) => DiffTally> = {
  engine: tallyWithEngine,
  'check-helpers': tallyWithCheckHelpers,
  hand: tallyByHand,
};

function main(): Record<string, number> {
  const [mode, rowsArg, passesArg] = process.argv.slice(2) as [string, string?, string?];
  const rows = Number(rowsArg ?? 20_000);
  const passes = Number(passesArg ?? 7);
  const tally = CONTENDERS[mode];
  if (!tally) throw new Error(`unknown mode ${mode}`);
  const workload = makeDiffWorkload(rows);
  const fields = rows * workload.fields.length;
  let result: DiffTally = tally(workload);
  for (let i = 0; i < 2; i++) result = tally(workload);
  const rates: number[] = [];
  for (let i = 0; i < passes; i++) {
    // CPU time (user + system, µs), not wall time: on a shared machine a pass may wait for a core, which says
    // nothing about the code. GC threads' time is included: garbage is part of the cost.
    const started = process.cpuUsage();
    result = tally(workload);
    const used = process.cpuUsage(started);
    rates.push(fields / ((used.user + used.system) / 1e6));
  }
  rates.sort((a, b) => a - b);
  return { fieldsPerSecond: rates[Math.floor(rates.length / 2)]!, min: rates[0]!, max: rates[rates.length - 1]!, checksum: checksum(result) };
}

/** A 32-bit FNV-1a hash of the tally, so the parent can compare the contenders' findings with a number. */
function checksum(tally: DiffTally): number {
  const text = JSON.stringify(Object.keys(tally.mismatched).sort().map((f) => [f, tally.mismatched[f], tally.maxAbsDiff[f]]));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

process.stdout.write(`${JSON.stringify(main())}\n`);
