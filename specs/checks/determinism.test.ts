import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FeatureAdapter } from '../../harness/adapters/feature-adapter';
import { createServingAdapter } from '../../harness/adapters/serving';
import { runDeterminismCheck } from '../../harness/checks/determinism';
import { resolveConfig } from '../../harness/config/resolve-config';
import { explainByNoise } from '../../harness/checks/noise-model';
import { runParityCheck } from '../../harness/checks/parity';
import { contextFor, makeRows, moduleDir, servingFor } from './check-fixtures';

const dir = moduleDir();

/** A serving adapter for a port nothing listens on (taken, then released), without retries: every request is refused. */
async function deadServing(): Promise<FeatureAdapter> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  const config = resolveConfig({ source: { path: 'x.csv' }, offline: { command: ['x'] }, serving: { url: `http://127.0.0.1:${port}/features`, retries: 0 } }, { rootDir: '/', env: {} });
  return createServingAdapter(config.serving);
}
afterAll(() => dir.remove());

const OFFLINE = `export function computeFeatures(rows: any[]) { return rows.map((r) => ({ x2: r.x * 2, plan: r.plan })); }`;

describe('determinism and noise cancellation', () => {
  it('passes when both sides answer the same twice', async () => {
    const offline = await dir.write('offline.ts', OFFLINE);
    const serving = await servingFor((row) => ({ x2: (row['x'] as number) * 2, plan: row['plan'] }));
    try {
      const { result, noise } = await runDeterminismCheck(contextFor(makeRows(12), offline, serving.adapter), { rows: 10, allowNoise: [] });
      expect(result).toMatchObject({ name: 'determinism', status: 'passed', fields: [], rows: { total: 20, compared: 20 } });
      expect(noise.size).toBe(0);
    } finally {
      await serving.close();
    }
  });

  it('fails on a jittery server, and parity then does not report the jitter as skew', async () => {
    const offline = await dir.write('offline2.ts', OFFLINE);
    let calls = 0;
    // Deterministic "randomness" so the test cannot flake: alternating noise of ±0.001·k.
    const serving = await servingFor((row) => ({ x2: (row['x'] as number) * 2 + (((calls++ % 7) - 3) * 1e-3) / 3, plan: row['plan'] }));
    try {
      const rows = makeRows(40);
      const ctx = contextFor(rows, offline, serving.adapter);
      const { result, noise } = await runDeterminismCheck(ctx, { rows: 20, allowNoise: [] });
      expect(result.status).toBe('failed');
      expect(result.fields).toEqual([expect.objectContaining({ field: 'x2', side: 'online', status: 'failed' })]);
      expect(result.summary).toMatch(/^a field is nondeterministic: online x2 \(/);
      expect(noise.get('x2')!.maxAbsDiff).toBeGreaterThan(0);

      const parity = await runParityCheck({ ...ctx, noise });
      expect(parity.result.status).toBe('passed');
      const x2 = parity.result.fields.find((f) => f.field === 'x2')!;
      expect(x2.status).toBe('passed');
      expect(x2.noise!.explained).toBeGreaterThan(0);

      const withoutNoise = await runParityCheck(ctx);
      expect(withoutNoise.result.fields.find((f) => f.field === 'x2')!.status).toBe('failed');
    } finally {
      await serving.close();
    }
  });

  it('counts each side and row once when serving is down (compared + errors + not run = total) and says what each side did', async () => {
    const offline = await dir.write('offline4.ts', OFFLINE);
    const online = await deadServing();
    try {
      const { result } = await runDeterminismCheck(contextFor(makeRows(30), offline, online), { rows: 30, allowNoise: [] });
      const r = result.rows;
      expect(result.status).toBe('inconclusive');
      expect(r).toMatchObject({ total: 60, compared: 30, offlineErrors: 0 });
      expect(r.compared + r.offlineErrors + r.onlineErrors + r.notRun).toBe(r.total);
      // Ten consecutive failures open the breaker: some rows failed (both asks: one failed row), the rest were not run.
      expect(r.onlineErrors).toBeGreaterThanOrEqual(5);
      expect(r.notRun).toBeGreaterThan(0);
      expect(result.summary).toBe(
        `no row could be asked twice on the online side (${r.onlineErrors} rows failed, ${r.notRun} not run); offline gave identical features for 30 rows asked twice`,
      );
      // A row whose two asks failed alike is listed once.
      const listed = result.errors.map((e) => `${e.side} ${e.key} ${e.message}`);
      expect(new Set(listed).size).toBe(listed.length);
    } finally {
      await online.close();
    }
  });

  it('does not let noise hide a difference far beyond it', () => {
    const noise = new Map([['x', { rate: 0.5, rows: 20, maxAbsDiff: 0.01 }]]);
    const mismatch = (absDiff: number) => [{ field: 'x', mismatches: [{ key: 'k', field: 'x', path: 'x', kind: 'value' as const, offline: 0, online: absDiff, absDiff }] }];
    expect(explainByNoise(mismatch(0.015), noise)).toEqual({ outcomes: [{ field: 'x', mismatches: [] }], explained: ['x'] });
    expect(explainByNoise(mismatch(0.5), noise).explained).toEqual([]);
  });

  it('reports allowed noise without failing', async () => {
    const offline = await dir.write('offline3.ts', OFFLINE);
    // Each row's second answer differs from its first (the two passes run at once, so count per row).
    const asked = new Set<unknown>();
    const serving = await servingFor((row) => {
      const again = asked.has(row['id']);
      asked.add(row['id']);
      return { x2: (row['x'] as number) * 2 + (again ? 1e-4 : 0), plan: row['plan'] };
    });
    try {
      const { result } = await runDeterminismCheck(contextFor(makeRows(10), offline, serving.adapter), { rows: 10, allowNoise: ['x2'] });
      expect(result.status).toBe('passed');
      expect(result.fields).toEqual([expect.objectContaining({ field: 'x2', status: 'passed', mismatched: 10 })]);
      expect(result.summary).toMatch(/\(allowed\); parity counts/);
    } finally {
      await serving.close();
    }
  });
});
