import { runDeterminismCheck } from '../../harness/checks/determinism';
import { runParityCheck } from '../../harness/checks/parity';
import { describeCheckRows } from '../../harness/core/check-accounting';
import { describeReason } from '../../harness/core/summarize-verdict';
import { createColors } from '../../harness/reporters/colors';
import { formatCheck } from '../../harness/reporters/format-terminal-report';
import { contextFor, makeRows, moduleDir, servingFor } from './check-fixtures';

/** Counts in summaries and accounting lines take the right number: "1 field differs", "2 fields differ", "1 row". */

const dir = moduleDir();
afterAll(() => dir.remove());

const OFFLINE = `export function computeFeatures(rows: any[]) { return rows.map((r) => ({ x2: r.x * 2, plan: r.plan })); }`;
const plain = { colors: createColors(false) };

describe('singular and plural in check summaries', () => {
  it('one differing field of two, on one row of six: "1 of 2 fields differs", "1 of 6 rows differs"', async () => {
    const offline = await dir.write('one-field.ts', OFFLINE);
    const serving = await servingFor((row) => ({ x2: (row['x'] as number) * 2 + (row['id'] === 'r3' ? 1 : 0), plan: row['plan'] }));
    try {
      const { result } = await runParityCheck(contextFor(makeRows(6), offline, serving.adapter));
      expect(result.summary).toBe('1 of 2 fields differs between offline and serving on 6 compared rows');
      const lines = formatCheck(result, plain);
      expect(lines).toContain('  x2: 1 of 6 rows differs');
      expect(lines).toContain('  6 of 6 rows compared');
    } finally {
      await serving.close();
    }
  });

  it('two differing fields: "2 of 2 fields differ"; one row: "1 compared row", "1 of 1 row compared"', async () => {
    const offline = await dir.write('two-fields.ts', OFFLINE);
    const serving = await servingFor((row) => ({ x2: (row['x'] as number) * 2 + 1, plan: `${String(row['plan'])}!` }));
    try {
      const { result } = await runParityCheck(contextFor(makeRows(1), offline, serving.adapter));
      expect(result.summary).toBe('2 of 2 fields differ between offline and serving on 1 compared row');
      const lines = formatCheck(result, plain);
      expect(lines).toContain('  1 of 1 row compared');
      expect(lines).toContain('  x2: 1 of 1 row differs');
    } finally {
      await serving.close();
    }
  });

  it('agreeing checks and accounting lines over one row', async () => {
    const offline = await dir.write('agree.ts', OFFLINE);
    const serving = await servingFor((row) => ({ x2: (row['x'] as number) * 2, plan: row['plan'] }));
    try {
      const ctx = contextFor(makeRows(1), offline, serving.adapter);
      expect((await runParityCheck(ctx)).result.summary).toBe('all 2 fields agree on 1 compared row');
      expect((await runDeterminismCheck(ctx, { rows: 1, allowNoise: [] })).result.summary).toBe('offline and online gave identical features for 1 row asked twice');
    } finally {
      await serving.close();
    }
    expect(describeCheckRows({ total: 1, compared: 0, offlineErrors: 1, onlineErrors: 0, notRun: 0 })).toBe('0 of 1 row compared; errors: 1 offline, 0 online');
    expect(describeReason({ kind: 'too_few_compared', compared: 1, required: 20 })).toBe('only 1 row compared (at least 20 required)');
    expect(describeReason({ kind: 'field_skew', check: 'parity', field: 'x2', mismatched: 1, compared: 1, rate: 1, budget: 0 })).toBe(
      'parity: x2 differs on 1 of 1 row (100%, budget 0%)',
    );
  });
});
