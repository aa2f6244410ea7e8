import { runParityCheck } from '../../harness/checks/parity';
import { ParityRecorder } from '../../harness/checks/parity-records';
import { contextFor, makeRows, moduleDir, servingFor } from './check-fixtures';

const dir = moduleDir();
afterAll(() => dir.remove());

describe('parity in windows', () => {
  it('gives the same statistics, examples, errors and records whatever the window size', async () => {
    // x2 differs on every third row, plan on rows 10-19; the offline side fails on row r7, serving on r8.
    const offline = await dir.write(
      'offline.ts',
      `export function computeFeatures(rows: any[]) { return rows.map((r) => { if (r.id === 'r7') throw new Error('bad row r7'); return { x2: r.x * 2, plan: r.plan }; }); }`,
    );
    const serving = await servingFor((row) => {
      const i = Number(String(row['id']).slice(1));
      // No feature vector for r8: an error of that row alone.
      if (i === 8) return null as unknown as Record<string, unknown>;
      return { x2: (row['x'] as number) * 2 + (i % 3 === 0 ? 0.5 : 0), plan: i >= 10 && i < 20 ? 'other' : row['plan'] };
    });
    try {
      const rows = makeRows(47);
      const options = { replayed: new Set(['r45']), remembered: new Set(['r45', 'r4']), skewedRows: 4 };
      const whole = await runParityCheck(contextFor(rows, offline, serving.adapter), options);
      for (const windowRows of [1, 5, 16]) {
        const windowed = await runParityCheck(contextFor(rows, offline, serving.adapter), { ...options, windowRows });
        expect(windowed.result).toEqual(whole.result);
        expect(windowed.records).toEqual(whole.records);
      }
      expect(whole.result.rows).toEqual({ total: 46, compared: 44, offlineErrors: 1, onlineErrors: 1, notRun: 0, replayed: 1 });
      expect([...whole.records.failedKeys].sort()).toEqual(['r7', 'r8']);
      expect(whole.records.replays.map((c) => c.row.key)).toEqual(['r45']);
      expect(whole.records.skewedRows).toHaveLength(4);
      // Every outcome of the remembered rows; of the others, the first 3 (the examples kept) differing ones per field.
      const cases = whole.records.memoryCases;
      expect(cases.filter((c) => c.key === 'r4').map((c) => [c.field, c.differs])).toEqual([['x2', false], ['plan', false]]);
      expect(cases.filter((c) => c.field === 'x2' && c.key !== 'r45' && c.key !== 'r4').map((c) => c.key)).toEqual(['r0', 'r3', 'r6']);
    } finally {
      await serving.close();
    }
  });

  it('keeps a capped subsample of compared rows for the analyses, chosen by key, in sample order', () => {
    const recorder = new ParityRecorder({ replayed: new Set(), remembered: new Set(), memoryPerField: 5, analysisRows: 10 });
    const ok = (x: number) => ({ kind: 'ok' as const, features: { x } });
    for (const row of makeRows(100)) recorder.add({ row, offline: ok(1), online: ok(1), outcomes: [{ field: 'x', mismatches: [] }] });
    const { analysisRows, compared } = recorder.result();
    expect(compared).toBe(100);
    expect(analysisRows).toHaveLength(10);
    const lines = analysisRows.map((c) => c.row.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});
