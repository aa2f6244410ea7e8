import { runDeterminismCheck } from '../../harness/checks/determinism';
import { explainByNoise } from '../../harness/checks/noise-model';
import { runParityCheck } from '../../harness/checks/parity';
import { contextFor, makeRows, moduleDir, servingFor } from './check-fixtures';

const dir = moduleDir();
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
