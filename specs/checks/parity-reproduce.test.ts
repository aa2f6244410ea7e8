import { runParityCheck } from '../../harness/checks/parity';
import { contextFor, makeRows, moduleDir, servingFor } from './check-fixtures';

const dir = moduleDir();
afterAll(() => dir.remove());

describe('parity reproduce lines', () => {
  it("gives each failing field a reproduce command naming its own failing rows, never rows where only another field fails", async () => {
    const offline = await dir.write('offline.ts', `export function computeFeatures(rows: any[]) { return rows.map((r) => ({ x2: r.x * 2, plan: r.plan })); }`);
    // x2 differs on r1, r2 (the first rows); plan only on r7, r8, r9.
    const serving = await servingFor((row) => ({
      x2: (row['x'] as number) * 2 + (['r1', 'r2'].includes(row['id'] as string) ? 1 : 0),
      plan: ['r7', 'r8', 'r9'].includes(row['id'] as string) ? 'other' : row['plan'],
    }));
    try {
      const { result } = await runParityCheck(contextFor(makeRows(12), offline, serving.adapter), { reproduce: (keys) => `npx skew run --keys ${keys.join(',')} --checks parity` });
      const byField = Object.fromEntries(result.fields.map((f) => [f.field, f.reproduce]));
      expect(byField).toEqual({ x2: 'npx skew run --keys r1,r2 --checks parity', plan: 'npx skew run --keys r7,r8,r9 --checks parity' });
      expect(result.reproduce).toBe('npx skew run --keys r1,r7,r2 --checks parity');
    } finally {
      await serving.close();
    }
  });
});
