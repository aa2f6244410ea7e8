import { ConfigError } from '../../../../harness/errors/config-error';
import type { ServingAdapter } from '../../../../harness/adapters/serving';
import type { TestServer } from '../test-server';
import { startKserveServer, type KserveModel } from './kserve-v2-server';
import { adapterRows, presetAdapter, resolveWithServing } from './preset-harness';

const churn: KserveModel = {
  name: 'churn',
  version: '3',
  inputs: [
    { name: 'tenure', datatype: 'INT64', shape: [-1, 1] },
    { name: 'spend', datatype: 'FP64', shape: [-1, 1] },
    { name: 'plan', datatype: 'BYTES', shape: [-1, 1] },
    { name: 'active', datatype: 'BOOL', shape: [-1, 1] },
  ],
  outputs: [
    { name: 'score', datatype: 'FP64', shape: [-1, 1] },
    { name: 'plan_upper', datatype: 'BYTES', shape: [-1, 1] },
    { name: 'pair', datatype: 'FP32', shape: [-1, 2] },
  ],
  compute: (row) => ({
    score: (row['tenure'] as number) * 0.5 + (row['active'] ? 1 : 0),
    plan_upper: String(row['plan']).toUpperCase(),
    pair: [row['spend'], -(row['spend'] as number)],
  }),
};

const rows = adapterRows([
  { id: 1, tenure: 10, spend: 1.5, plan: 'basic', active: true },
  { id: 2, tenure: 3, spend: 0.25, plan: 'pro', active: false },
  { id: 3, tenure: 7, spend: 2, plan: 'basic', active: true },
]);

describe('kserve-v2 preset against an Open Inference Protocol server', () => {
  let server: TestServer;
  let adapter: ServingAdapter | null = null;
  beforeAll(async () => {
    server = await startKserveServer(churn);
  });
  afterEach(async () => {
    await adapter?.close();
    adapter = null;
  });
  afterAll(() => server.close());

  const settings = { model: 'churn', version: '3', datatypes: { tenure: 'INT64' as const }, outputs: { score: 'score', plan_upper: 'plan_upper', pair: ['spend_pos', 'spend_neg'] } };

  it('sends one named tensor per column in batches and maps the output tensors back to rows', async () => {
    adapter = presetAdapter({ preset: 'kserve-v2', url: server.url, kserve: settings, batch: { size: 2 } });
    const results = await adapter.compute(rows);
    expect(results).toEqual([
      { kind: 'ok', features: { score: 6, plan_upper: 'BASIC', spend_pos: 1.5, spend_neg: -1.5 } },
      { kind: 'ok', features: { score: 1.5, plan_upper: 'PRO', spend_pos: 0.25, spend_neg: -0.25 } },
      { kind: 'ok', features: { score: 4.5, plan_upper: 'BASIC', spend_pos: 2, spend_neg: -2 } },
    ]);
    const first = JSON.parse(server.requests.at(-2)!.body) as { inputs: Array<{ name: string; shape: number[]; datatype: string; data: unknown[] }> };
    expect(server.requests.at(-2)!.url).toBe('/v2/models/churn/versions/3/infer');
    expect(first.inputs.map((t) => [t.name, t.datatype, t.shape, t.data])).toEqual([
      ['tenure', 'INT64', [2, 1], [10, 3]],
      ['spend', 'FP64', [2, 1], [1.5, 0.25]],
      ['plan', 'BYTES', [2, 1], ['basic', 'pro']],
      ['active', 'BOOL', [2, 1], [true, false]],
    ]);
  });

  it('reads every output by its name when no mapping is given, one row per request', async () => {
    adapter = presetAdapter({ preset: 'kserve-v2', url: `${server.url}/v2/models/churn/infer`, kserve: { model: 'churn', datatypes: { tenure: 'INT64' } }, request: { columns: ['tenure', 'spend', 'plan', 'active'] } });
    const [result] = await adapter.compute(rows.slice(1, 2));
    expect(result).toEqual({ kind: 'ok', features: { score: 1.5, plan_upper: 'PRO', pair: [0.25, -0.25] } });
    expect(server.requests.at(-1)!.url).toBe('/v2/models/churn/infer');
  });

  it("gets the server's 400 for a datatype the model does not declare, and isolates a null to its own row", async () => {
    adapter = presetAdapter({ preset: 'kserve-v2', url: server.url, kserve: { model: 'churn' }, request: { columns: ['tenure', 'spend', 'plan', 'active'] } });
    const [wrongType] = await adapter.compute(rows.slice(0, 1));
    expect(wrongType).toMatchObject({ kind: 'error', status: 400, message: expect.stringContaining("data-type is 'FP64', but model 'churn' expects 'INT64'") });
    await adapter.close();

    adapter = presetAdapter({ preset: 'kserve-v2', url: server.url, kserve: settings, request: { columns: ['tenure', 'spend', 'plan', 'active'] }, batch: { size: 3 } });
    const withNull = [...rows.slice(0, 2), { key: '9', fields: { ...rows[2]!.fields, spend: null } }];
    const results = await adapter.compute(withNull);
    // The null cannot be sent at all: not serving's error, a row never sent (and the others still answered).
    expect(results.map((r) => r.kind)).toEqual(['ok', 'ok', 'skipped']);
    expect(results[2]).toMatchObject({ unsendable: true, reason: expect.stringContaining('column "spend" is null: Open Inference Protocol tensors cannot hold null') });
    expect(adapter.stats?.unsendable).toEqual({ rows: 1, firstReason: expect.stringContaining('column "spend" is null') });
    // The batch holding it was never sent (its body could not be built): not a batch the endpoint failed.
    expect(adapter.stats?.batches).toEqual({ sent: 0, resentRowByRow: 0, firstResendReason: null });
    // The same row again (another check sends it too) is still one row not sent.
    await adapter.compute(withNull);
    expect(adapter.stats?.unsendable?.rows).toBe(1);
  });

  it('stops with a config error naming serving.request when none of the first 20 rows can be sent', async () => {
    adapter = presetAdapter({ preset: 'kserve-v2', url: server.url, kserve: { model: 'churn', datatypes: { tenure: 'INT64' } }, request: { columns: ['tenure', 'spend', 'plan', 'active'] } });
    const allNull = Array.from({ length: 30 }, (_, i) => ({ key: `n${i}`, fields: { ...rows[0]!.fields, spend: null } }));
    const before = server.requests.length;
    const error = (await adapter.compute(allNull).catch((e: unknown) => e)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^serving\.request cannot carry this data: none of the first 20 rows could be made into a request \(.*column "spend" is null: Open Inference Protocol tensors cannot hold null\)/);
    expect(server.requests.length).toBe(before);
  });

  it('sends one [rows, k] tensor of the numeric columns when asked', async () => {
    const matrixModel: KserveModel = {
      name: 'linear',
      inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 2] }],
      outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, 1] }],
      compute: (row) => ({ y: (row['x'] as number[])[0]! + 10 * (row['x'] as number[])[1]! }),
    };
    const matrixServer = await startKserveServer(matrixModel);
    try {
      adapter = presetAdapter({ preset: 'kserve-v2', url: matrixServer.url, kserve: { model: 'linear', inputs: { tensor: 'x', datatype: 'FP32', columns: ['spend', 'tenure'] } }, batch: { size: 8 } });
      const results = await adapter.compute(rows);
      expect(results.map((r) => (r.kind === 'ok' ? r.features['y'] : r))).toEqual([101.5, 30.25, 72]);
      expect(JSON.parse(matrixServer.requests[0]!.body)).toEqual({ inputs: [{ name: 'x', shape: [3, 2], datatype: 'FP32', data: [1.5, 10, 0.25, 3, 2, 7] }] });
    } finally {
      await matrixServer.close();
    }
  });

  it('probes the model ready URL by default and validates its settings with config errors', () => {
    const config = resolveWithServing({ preset: 'kserve-v2', url: 'http://127.0.0.1:${port}', kserve: { model: 'churn' }, start: { command: ['x'], port: 'auto' } });
    expect(config.start?.readyUrl).toBe('http://127.0.0.1:${port}/v2/models/churn/ready');
    expect(config.serving.url).toBe('http://127.0.0.1:${port}/v2/models/churn/infer');
    const problem = (serving: object): string => {
      try {
        resolveWithServing(serving as never);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(problem({ preset: 'kserve-v2', url: 'http://h' })).toMatch(/serving\.kserve is required with serving\.preset "kserve-v2"/);
    expect(problem({ preset: 'kserve-v2', url: 'http://h', kserve: { model: 'm', datatypes: { a: 'FLOAT' } } })).toMatch(/serving\.kserve\.datatypes\.a must be one of "BOOL", .*"FP64" or "BYTES" \(got "FLOAT"/);
    expect(problem({ url: 'http://h', kserve: { model: 'm' } })).toMatch(/serving\.kserve is set, but serving\.preset is "json" \(set serving\.preset: "kserve-v2"/);
    expect(problem({ preset: 'kserve-2', url: 'http://h' })).toMatch(/serving\.preset must be one of "json", "kserve-v2", .* \(got "kserve-2" — did you mean "kserve-v2"\?\)/);
    expect(problem({ preset: 'kserve-v2', url: 'http://h', kserve: { model: 'm' }, response: { path: 'x' } })).toMatch(/serving\.response\.path cannot be used with serving\.preset "kserve-v2"/);
  });
});
