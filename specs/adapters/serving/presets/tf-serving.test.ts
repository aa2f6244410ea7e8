import { tmpdir } from 'node:os';
import { startLocalServer, type ServingAdapter } from '../../../../harness/adapters/serving';
import type { TestServer } from '../test-server';
import { adapterRows, presetAdapter, resolveWithServing } from './preset-harness';
import { startTfServingServer, type TfModel } from './tf-serving-server';

const twoOutputs: TfModel = {
  name: 'churn',
  version: 2,
  signature: 'serving_default',
  inputs: { tenure: 'DT_INT64', plan: 'DT_STRING' },
  compute: (row) => ({ score: [(row['tenure'] as number) / 10], plan_len: (row['plan'] as string).length }),
};

const rows = adapterRows([
  { id: 'a', tenure: 10, plan: 'basic' },
  { id: 'b', tenure: 5, plan: 'pro' },
  { id: 'c', tenure: 1, plan: 'enterprise' },
]);

/** A TCP forwarder from env PORT to env TARGET_PORT on 127.0.0.1. */
const FORWARD_JS = `require('net').createServer((c) => { const u = require('net').connect(Number(process.env.TARGET_PORT), '127.0.0.1'); c.pipe(u); u.pipe(c); c.on('error', () => u.destroy()); u.on('error', () => c.destroy()); }).listen(Number(process.env.PORT), '127.0.0.1')`;

describe('tf-serving preset against a TensorFlow Serving REST server', () => {
  let server: TestServer;
  let adapter: ServingAdapter | null = null;
  beforeAll(async () => {
    server = await startTfServingServer(twoOutputs);
  });
  afterEach(async () => {
    await adapter?.close();
    adapter = null;
  });
  afterAll(() => server.close());

  it('sends instances in batches and reads named predictions ([x] rows as scalars)', async () => {
    adapter = presetAdapter({ preset: 'tf-serving', url: server.url, tfServing: { model: 'churn', version: 2, signature: 'serving_default' }, batch: { size: 2 } });
    const results = await adapter.compute(rows);
    expect(results).toEqual([
      { kind: 'ok', features: { score: 1, plan_len: 5 } },
      { kind: 'ok', features: { score: 0.5, plan_len: 3 } },
      { kind: 'ok', features: { score: 0.1, plan_len: 10 } },
    ]);
    expect(server.requests.at(-2)!.url).toBe('/v1/models/churn/versions/2:predict');
    expect(JSON.parse(server.requests.at(-2)!.body)).toEqual({ signature_name: 'serving_default', instances: [{ tenure: 10, plan: 'basic' }, { tenure: 5, plan: 'pro' }] });
  });

  it('sends the columnar format one row at a time and maps outputs to feature names', async () => {
    adapter = presetAdapter({ preset: 'tf-serving', url: server.url, tfServing: { model: 'churn', format: 'inputs', outputs: { score: 'churn_score' } } });
    const [result] = await adapter.compute(rows.slice(1, 2));
    expect(result).toEqual({ kind: 'ok', features: { churn_score: 0.5 } });
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({ inputs: { tenure: [5], plan: ['pro'] } });
  });

  it("names a single unnamed output 'prediction' and gets the server's 400 for a value of the wrong dtype", async () => {
    const single = await startTfServingServer({ ...twoOutputs, name: 'score', compute: (row) => ({ y: (row['tenure'] as number) * 2 }) });
    try {
      adapter = presetAdapter({ preset: 'tf-serving', url: single.url, tfServing: { model: 'score' }, batch: { size: 4 } });
      const odd = { key: 'd', fields: { id: 'd', tenure: 2.5, plan: 'basic' } };
      const results = await adapter.compute([...rows.slice(0, 2), odd]);
      expect(results.slice(0, 2)).toEqual([
        { kind: 'ok', features: { prediction: 20 } },
        { kind: 'ok', features: { prediction: 10 } },
      ]);
      expect(results[2]).toMatchObject({ kind: 'error', status: 400, message: expect.stringContaining('not of expected type: int64') });
    } finally {
      await single.close();
    }
  });

  it('waits for the model status to say AVAILABLE, not just for HTTP 200', async () => {
    const loading = await startTfServingServer({ ...twoOutputs, loadingProbes: 2 });
    try {
      const config = resolveWithServing({
        preset: 'tf-serving',
        url: `http://127.0.0.1:\${port}`,
        tfServing: { model: 'churn' },
        // The started command forwards its port to the fake server (readiness counts only the command's answers).
        start: { command: [process.execPath, '-e', FORWARD_JS], cwd: tmpdir(), port: 'auto', env: { TARGET_PORT: String(loading.port) } },
      });
      expect(config.start!.readyUrl).toBe(`http://127.0.0.1:\${port}/v1/models/churn`);
      const local = await startLocalServer(config.start!);
      await local.stop();
      expect(loading.statusProbes).toBe(3);
    } finally {
      await loading.close();
    }
  });
});
