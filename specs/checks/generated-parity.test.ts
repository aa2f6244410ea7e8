import { runGeneratedParityCheck, type GeneratedParityOptions } from '../../harness/checks/generated-parity';
import { runParityCheck } from '../../harness/checks/parity';
import type { ColumnInfo, Row, SourceRow } from '../../harness/core/row';
import { profileRows } from '../../harness/profile/profile-rows';
import { contextFor, moduleDir, servingFor } from './check-fixtures';

/** Training rows: every plan in the vocabulary, amounts never negative. */
const rows: SourceRow[] = Array.from({ length: 60 }, (_, i) => ({
  key: `u${i}`,
  line: i + 2,
  values: { id: `u${i}`, plan: ['basic', 'pro', 'team'][i % 3]!, amount: 10 + ((i * 7) % 50), label: i % 2 },
}));
const columns: ColumnInfo[] = [
  { name: 'id', type: 'string', typeSource: 'inferred', role: 'key' },
  { name: 'plan', type: 'string', typeSource: 'inferred', role: 'input' },
  { name: 'amount', type: 'integer', typeSource: 'inferred', role: 'input' },
  { name: 'label', type: 'integer', typeSource: 'inferred', role: 'label' },
];
const profile = profileRows(rows, columns);

const OFFLINE = `const VOCAB = ['basic', 'pro', 'team'];
export function computeFeatures(rows: any[]) {
  return rows.map((r) => ({ plan_code: VOCAB.indexOf(r.plan ?? ''), amount_bucket: Math.floor((r.amount ?? 0) / 10) }));
}`;

/** Serving maps an unseen plan to 0 instead of -1: invisible on training rows. */
const buggyServing = (row: Row) => {
  const code = ['basic', 'pro', 'team'].indexOf((row['plan'] as string | null) ?? '');
  return { plan_code: code === -1 ? 0 : code, amount_bucket: Math.floor(((row['amount'] as number | null) ?? 0) / 10) };
};
const cleanServing = (row: Row) => ({
  plan_code: ['basic', 'pro', 'team'].indexOf((row['plan'] as string | null) ?? ''),
  amount_bucket: Math.floor(((row['amount'] as number | null) ?? 0) / 10),
});

const options = (over: Partial<GeneratedParityOptions> = {}): GeneratedParityOptions => ({
  runs: 150,
  seed: 42,
  maxShrinks: 200,
  columns: {},
  path: null,
  remembered: [],
  reproduce: (seed, path) => `replay ${seed} ${path}`,
  ...over,
});

const dir = moduleDir();
afterAll(() => dir.remove());

describe('generated-parity', () => {
  it('finds a skew that training rows cannot show, shrunk to one changed column on the most typical row', async () => {
    const offline = await dir.write('features.ts', OFFLINE);
    const serving = await servingFor(buggyServing);
    try {
      const ctx = contextFor(rows, offline, serving.adapter);
      expect((await runParityCheck(ctx)).result.status).toBe('passed');

      const { result } = await runGeneratedParityCheck(ctx, profile, options());
      expect(result.status).toBe('failed');
      expect(result.fields.find((f) => f.field === 'plan_code')!.status).toBe('failed');
      expect(result.fields.find((f) => f.field === 'amount_bucket')!.status).toBe('passed');
      expect(result.summary).toMatch(/^1 field differs on generated rows \(plan_code\); 1 minimal counterexample/);
      const [x] = result.counterexamples!;
      expect(x).toMatchObject({ field: 'plan_code', seed: 42, mismatch: { kind: 'value', offline: -1, online: 0 } });
      expect(x!.changes).toHaveLength(1);
      expect(x!.changes[0]!.column).toBe('plan');
      expect(x!.reproduce).toBe(`replay 42 ${x!.path}`);
      expect(x!.description).toMatch(/^plan: "(basic|pro|team)" → /);
    } finally {
      await serving.close();
    }
  });

  it('replays exactly the same counterexample from its seed and path', async () => {
    const offline = await dir.write('features2.ts', OFFLINE);
    const serving = await servingFor(buggyServing);
    try {
      const ctx = contextFor(rows, offline, serving.adapter);
      const first = (await runGeneratedParityCheck(ctx, profile, options({ seed: 7 }))).result.counterexamples![0]!;
      const replay = await runGeneratedParityCheck(ctx, profile, options({ seed: 7, path: first.path }));
      expect(replay.result.rows.total).toBe(1);
      expect(replay.result.counterexamples![0]).toMatchObject({ field: 'plan_code', row: first.row, changes: first.changes, path: first.path });
    } finally {
      await serving.close();
    }
  });

  it('passes two sides that agree on every generated row', async () => {
    const offline = await dir.write('features3.ts', OFFLINE);
    const serving = await servingFor(cleanServing);
    try {
      const { result, outcomes } = await runGeneratedParityCheck(contextFor(rows, offline, serving.adapter), profile, options());
      expect(result).toMatchObject({ status: 'passed', counterexamples: [] });
      expect(result.rows.compared).toBeGreaterThan(100);
      // Generated rows can repeat; each distinct row is one case, counted once in the rates.
      const distinct = new Set(outcomes.map((o) => o.key));
      expect(distinct.size).toBe(result.rows.compared);
      expect(outcomes.every((o) => !o.failed)).toBe(true);
    } finally {
      await serving.close();
    }
  });

  it('counts a valid row that one side rejects and the other computes as a failure of the (row) contract, and says so', async () => {
    // Amounts from 10 to 19 are in the training data: a pipeline refusing them disagrees with serving on valid input
    // like the rows it was trained on.
    const offline = await dir.write('strict.ts', `export function computeFeatures(rows: any[]) {
      return rows.map((r) => (r.amount >= 20 ? { a: r.amount } : { $error: 'amount must be at least 20' }));
    }`);
    const serving = await servingFor((row) => ({ a: row['amount'] as number }));
    try {
      const { result } = await runGeneratedParityCheck(contextFor(rows, offline, serving.adapter), profile, options());
      expect(result.status).toBe('failed');
      expect(result.fields.find((f) => f.field === '(row)')).toMatchObject({ status: 'failed' });
      const x = result.counterexamples!.find((c) => c.field === '(row)')!;
      expect(x.mismatch.kind).toBe('error');
      expect(x.mismatch.detail).toMatch(/^offline rejected the row \(offline row gen:\w+: amount must be at least 20\); serving computed features$/);
      expect(x.changes).toEqual([{ column: 'amount', from: expect.any(Number), to: expect.any(Number), reason: expect.any(String) }]);
      expect(x.changes[0]!.to).toBeGreaterThanOrEqual(10);
      expect(x.changes[0]!.to).toBeLessThan(20);
      expect(result.summary).toMatch(/\. \(row\): \d+ generated rows? (are|is) inside the input contract \(valid input\), yet one side rejected (them|it) while the other computed features \(offline rejected \d+\)/);
    } finally {
      await serving.close();
    }
  });

  it('reports a row one side rejects for a value training never had as a warning, not a failure', async () => {
    // Training amounts are 10 to 59: a pipeline that refuses negatives and a server that computes them react
    // differently to input the model never saw, which is no skew in the features.
    const offline = await dir.write('no-negatives.ts', `export function computeFeatures(rows: any[]) {
      return rows.map((r) => (r.amount >= 0 ? { a: r.amount } : { $error: 'amount must not be negative' }));
    }`);
    const serving = await servingFor((row) => ({ a: row['amount'] as number }));
    try {
      const ctx = contextFor(rows, offline, serving.adapter);
      const { result, outcomes } = await runGeneratedParityCheck(ctx, profile, options());
      expect(result.status).toBe('passed');
      expect(result.fields.find((f) => f.field === '(row)')).toBeUndefined();
      expect(outcomes.every((o) => !o.failed)).toBe(true);
      const warning = result.warnings!.find((w) => w.kind === 'one-side-rejects-unseen-input')!;
      expect(warning.message).toMatch(/^the offline pipeline rejects \d+ generated rows? that serving computes, each holding a value training never had \(first: (plan = "[^"]*" \(not among its 3 training values\), )?amount = -[\d.e+]+ \(training: 10 … 59\)\)/);
      expect(warning.count).toBe(warning.keys.length);
      expect((warning.row as Row)['amount']).toBeLessThan(0);
      expect(result.summary).toMatch(/; \d+ generated rows? holding values? training never had (is|are) rejected by one side only \(see warnings\)$/);
      // Its reproduce line replays that very row.
      const path = /^replay 42 (\S+)$/.exec(warning.reproduce!)![1]!;
      const replay = await runGeneratedParityCheck(ctx, profile, options({ path }));
      expect(replay.result.warnings!.find((w) => w.kind === 'one-side-rejects-unseen-input')!.row).toEqual(warning.row);
    } finally {
      await serving.close();
    }
  });

  it('names each side a generated row makes fail: a pipeline that rejects it and a server that crashes on it', async () => {
    const offline = await dir.write('rejects-negatives.ts', `export function computeFeatures(rows: any[]) {
      return rows.map((r) => (r.amount >= 0 ? { a: r.amount } : { $error: 'amount must not be negative' }));
    }`);
    const serving = await servingFor((row) => {
      if ((row['amount'] as number) < 0) throw new Error('negative amount');
      return { a: row['amount'] as number };
    });
    try {
      const { result } = await runGeneratedParityCheck(contextFor(rows, offline, serving.adapter), profile, options());
      const failing = (result.warnings ?? []).filter((w) => w.kind === "side-fails-on-row");
      const servingCrashes = failing.filter((w) => w.message.startsWith('serving fails on generated row'));
      expect(servingCrashes.length).toBeGreaterThan(0);
      for (const w of servingCrashes) {
        expect(w.message).toMatch(/HTTP 500/);
        expect((w.row as Row)['amount']).toBeLessThan(0);
        // The same row's rejection by the pipeline is listed too.
        expect(failing.some((o) => o !== w && o.keys[0] === w.keys[0] && o.message.startsWith('the offline pipeline fails'))).toBe(true);
      }
    } finally {
      await serving.close();
    }
  });

  it('generates only rows inside the input contract: no column left out, no null, no fraction where training has none', async () => {
    const seen: Row[] = [];
    const offline = await dir.write('records.ts', `export function computeFeatures(rows: any[]) {
      return rows.map((r) => ({ ok: 1 }));
    }`);
    const serving = await servingFor((row) => {
      seen.push(row);
      return { ok: 1 };
    });
    try {
      const { result } = await runGeneratedParityCheck(contextFor(rows, offline, serving.adapter), profile, options());
      expect(result.status).toBe('passed');
      expect(seen.length).toBeGreaterThan(100);
      for (const row of seen) {
        expect(typeof row['plan']).toBe('string');
        expect(Number.isInteger(row['amount'])).toBe(true);
      }
      // Still skew-prone inside the contract: unseen plans, negative and huge amounts.
      expect(seen.some((r) => !['basic', 'pro', 'team'].includes(r['plan'] as string))).toBe(true);
      expect(seen.some((r) => (r['amount'] as number) < 0)).toBe(true);
      expect(seen.some((r) => (r['amount'] as number) >= 2 ** 53)).toBe(true);
    } finally {
      await serving.close();
    }
  });
});
