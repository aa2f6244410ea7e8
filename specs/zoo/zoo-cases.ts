import { expectedFields, failedFields, runPair } from './run-pair';
import { ZOO_PAIRS } from './zoo-pairs';

/**
 * Registers one jest test per zoo pair of shard `index` of `total` (pairs are split across test files so jest runs
 * them in parallel). Each runs the real CLI at default settings and checks the conclusion against EXPECT.json:
 * the exit code, exactly the expected failing fields per check (plus those allowed), and the offline row errors.
 */
export function describeZooShard(index: number, total: number): void {
  const pairs = ZOO_PAIRS.filter((_, i) => i % total === index);
  describe(`zoo pairs at default settings (${index + 1}/${total})`, () => {
    it.each(pairs.map((pair) => [pair.name, pair] as const))('%s', async (_name, pair) => {
      const run = await runPair(pair);
      expect({ code: run.code, stderr: run.code === 2 ? run.stderr : '' }).toEqual({ code: pair.expect.exit, stderr: '' });
      const report = run.report!;
      const failed = failedFields(report);
      const expected = expectedFields(pair);
      for (const [check, fields] of failed) {
        const allowed = expected.get(check as never)?.allowed ?? new Set<string>();
        expect({ check, unexpected: [...fields].filter((f) => !allowed.has(f)) }).toEqual({ check, unexpected: [] });
      }
      for (const [check, { required }] of expected) {
        const got = failed.get(check) ?? new Set<string>();
        expect({ check, missing: [...required].filter((f) => !got.has(f)) }).toEqual({ check, missing: [] });
      }
      const parity = report.checks.find((c) => c.name === 'parity');
      const offlineErrorKeys = (parity?.errors ?? []).filter((e) => e.side === 'offline').map((e) => e.key).sort();
      expect(offlineErrorKeys).toEqual([...pair.expect.offlineErrorKeys].sort());
    }, 180_000);
  });
}
