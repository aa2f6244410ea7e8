import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServingAdapter } from '../../harness/adapters/serving';
import { resolveInputContract } from '../../harness/checks/contract/resolve-contract';
import { runInputContractCheck, type InputContractCheckOptions } from '../../harness/checks/input-contract';
import { resolveConfig } from '../../harness/config/resolve-config';
import type { FeatureAdapter } from '../../harness/adapters/feature-adapter';
import type { ColumnInfo, Row, SourceRow } from '../../harness/core/row';
import { profileRows } from '../../harness/profile/profile-rows';
import { contextFor, moduleDir } from './check-fixtures';

/**
 * The input-contract check against a real offline module and a real HTTP server on 127.0.0.1: strict and lenient
 * pairs, and how each reaction is reported.
 */

const rows: SourceRow[] = Array.from({ length: 30 }, (_, i) => ({
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
const options = (over: Partial<InputContractCheckOptions> = {}): InputContractCheckOptions => ({ probes: 40, fail: false, seed: 1, reproduce: 'npx skew run --checks input-contract', ...over });

/** Rejects (`$error`) any row whose plan is not a non-empty string or whose amount is not an integer. */
const STRICT_OFFLINE = `export function computeFeatures(rows: any[]) {
  return rows.map((r) => {
    if (typeof r.plan !== 'string' || r.plan === '') return { $error: 'plan: expected a non-empty string' };
    if (!Number.isInteger(r.amount)) return { $error: 'amount: expected an integer' };
    return { plan_len: r.plan.length, amount_x2: r.amount * 2 };
  });
}`;
const isValid = (row: Row) => typeof row['plan'] === 'string' && row['plan'] !== '' && Number.isInteger(row['amount']);
const features = (row: Row) => ({ plan_len: String(row['plan']).length, amount_x2: (row['amount'] as number) * 2 });

/** A real server answering each row with `[status, features]` (`features` null: a 200 with an error in the body). */
async function serve(answer: (row: Row) => [number, Row | null], request?: (row: Row) => unknown): Promise<{ adapter: FeatureAdapter; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const [status, out] = answer(JSON.parse(body) as Row);
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(status === 200 && out !== null ? { features: out } : { error: 'bad input' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/features`;
  const serving = { url, retries: 0, ...(request ? { request } : {}) };
  const config = resolveConfig({ source: { path: 'x.csv' }, offline: { command: ['x'] }, serving }, { rootDir: '/', env: {} });
  const adapter = createServingAdapter({ ...config.serving, maxConsecutiveFailures: 0 });
  return { adapter, close: async () => { await adapter.close(); await new Promise((resolve) => server.close(resolve)); } };
}

const dir = moduleDir();
afterAll(() => dir.remove());

async function run(answer: (row: Row) => [number, Row | null], over: Partial<InputContractCheckOptions> = {}, offlineSource = STRICT_OFFLINE, request?: (row: Row) => unknown) {
  const offline = await dir.write(`p${Math.random().toString(36).slice(2)}.ts`, offlineSource);
  const serving = await serve(answer, request);
  try {
    return await runInputContractCheck(contextFor(rows, offline, serving.adapter), profile, options(over));
  } finally {
    await serving.close();
  }
}

describe('input-contract', () => {
  it('passes a strict pair without warnings: every probe rejected by both (400 online, $error offline)', async () => {
    const result = await run((row) => (isValid(row) ? [200, features(row)] : [400, {}]));
    expect(result.status).toBe('passed');
    expect(result.warnings).toBeUndefined();
    const probes = result.inputContract!.probes;
    expect(probes.length).toBeGreaterThanOrEqual(8);
    expect(probes.every((p) => p.reaction === 'both-reject')).toBe(true);
    expect(probes.map((p) => p.kind)).toEqual(expect.arrayContaining(['missing-column', 'null-value', 'number-as-string', 'text-in-number', 'float-in-integer', 'empty-string', 'number-in-text']));
    expect(probes.find((p) => p.key === 'probe:missing-column:amount')!.online).toEqual({ kind: 'rejects', message: expect.stringMatching(/HTTP 400/), status: 400 });
    expect(result.summary).toMatch(/^\d+ out-of-contract probes of row u\d+: both reject \d+$/);
    // Rejections are reactions, not errors: nothing counts against the error budget.
    expect(result.rows).toMatchObject({ offlineErrors: 0, onlineErrors: 0, notRun: 0 });
    expect(result.reproduce).toBe('npx skew run --checks input-contract');
  });

  it('warns, and still passes, when serving computes what training would reject', async () => {
    const result = await run((row) => [200, { plan_len: String(row['plan'] ?? '').length, amount_x2: Number(row['amount'] ?? 0) * 2 }]);
    expect(result.status).toBe('passed');
    expect(result.summary).toMatch(/serving computes what training would reject \d+.*\(\d+ warnings: reported, not failed\)$/);
    const missing = result.warnings!.find((w) => w.message.startsWith('serving computes what training would reject: a column left out'))!;
    expect(missing).toMatchObject({ kind: 'serving-computes', count: 2, keys: expect.arrayContaining(['probe:missing-column:plan', 'probe:missing-column:amount']) });
    expect(missing.message).toMatch(/^serving computes what training would reject: a column left out \((amount, plan|plan, amount)\)$/);
    expect(missing.detail).toMatch(/ → \(missing\) — offline rejected it \(offline row probe:missing-column:\w+: \w+: expected .*\); serving computed features$/);
  });

  it('fails on divergent reactions with fail: true', async () => {
    const result = await run((row) => [200, { plan_len: String(row['plan'] ?? '').length, amount_x2: Number(row['amount'] ?? 0) * 2 }], { fail: true });
    expect(result.status).toBe('failed');
    expect(result.warnings).toBeUndefined();
    expect(result.summary).toMatch(/^\d+ of \d+ out-of-contract probes of row u\d+ get different reactions from the two sides: /);
  });

  it('reports offline computing what serving rejects, and both computing different features', async () => {
    const lenientOffline = `export function computeFeatures(rows: any[]) {
      return rows.map((r) => ({ plan_len: String(r.plan ?? '').length, amount_x2: Number(r.amount ?? 0) * 2 }));
    }`;
    const result = await run((row) => {
      if (!Object.hasOwn(row, 'plan') || !Object.hasOwn(row, 'amount')) return [422, {}];
      return [200, { plan_len: String(row['plan'] ?? '').length, amount_x2: Number(row['amount'] ?? -1) * 2 + (typeof row['amount'] === 'string' ? 1 : 0) }];
    }, {}, lenientOffline);
    const byKey = new Map(result.inputContract!.probes.map((p) => [p.key, p]));
    expect(byKey.get('probe:missing-column:plan')).toMatchObject({ reaction: 'offline-computes', online: { kind: 'rejects', status: 422 } });
    expect(byKey.get('probe:number-as-string:amount')).toMatchObject({ reaction: 'both-compute-differ', fields: ['amount_x2'] });
    expect(byKey.get('probe:null-value:plan')).toMatchObject({ reaction: 'both-compute-alike', fields: [] });
    expect(result.status).toBe('passed');
  });

  it('counts a 500 on a probe as serving rejecting it, and a 503 as infrastructure (an error, never a reaction)', async () => {
    const crashes = await run((row) => (isValid(row) ? [200, features(row)] : [500, {}]));
    expect(crashes.inputContract!.probes.every((p) => p.reaction === 'both-reject')).toBe(true);
    const unavailable = await run((row) => (isValid(row) ? [200, features(row)] : [503, {}]));
    expect(unavailable.status).toBe('inconclusive');
    expect(unavailable.summary).toMatch(/^no probe got an answer from both sides/);
    expect(unavailable.rows.onlineErrors).toBe(unavailable.inputContract!.probes.length);
    expect(unavailable.errors[0]).toMatchObject({ side: 'online', message: expect.stringMatching(/503/) });
  });

  it('counts a 200 without features, and a request mapper throwing on the row, as serving refusing it', async () => {
    const inBody = await run((row) => (isValid(row) ? [200, features(row)] : [200, null]));
    expect(inBody.inputContract!.probes.every((p) => p.reaction === 'both-reject')).toBe(true);
    // A mapper written for valid rows: it reads plan as a string, and the server itself is lenient.
    const mapper = (row: Row) => ({ ...row, plan: (row['plan'] as string).toLowerCase() });
    const lenient = (row: Row): [number, Row] => [200, { plan_len: String(row['plan'] ?? '').length, amount_x2: Number(row['amount'] ?? 0) * 2 }];
    const mapped = await run(lenient, {}, STRICT_OFFLINE, mapper);
    expect(mapped.inputContract!.probes.find((p) => p.key === 'probe:missing-column:plan')).toMatchObject({
      reaction: 'both-reject',
      online: { kind: 'rejects', message: expect.stringMatching(/^Could not build the request body for POST .*: .*toLowerCase/) },
    });
    expect(mapped.rows.onlineErrors).toBe(0);
  });

  it('is skipped for precomputed feature columns, and inconclusive when no typical row is valid or computed by both sides', async () => {
    const offline = await dir.write('any.ts', STRICT_OFFLINE);
    const serving = await serve(() => [400, {}]);
    try {
      const ctx = contextFor(rows, offline, serving.adapter);
      expect((await runInputContractCheck({ ...ctx, offlineComputes: false }, profile, options())).status).toBe('skipped');
      const result = await runInputContractCheck(ctx, profile, options());
      expect(result.status).toBe('inconclusive');
      expect(result.summary).toMatch(/^none of the 3 most typical sampled rows is computed by both sides, so a probe's reaction would say nothing; row u\d+: HTTP 400/);
      // A configured contract no sampled row fits: the message names the clause to look at.
      const contract = resolveInputContract(rows, profile, { amount: { values: [-1] } });
      expect((await runInputContractCheck(ctx, profile, options({ contract }))).summary).toBe(
        'no sampled row satisfies the input contract (row u0: amount breaks its values clause; see source.contract): probes need a valid row to change',
      );
    } finally {
      await serving.close();
    }
  });
});
