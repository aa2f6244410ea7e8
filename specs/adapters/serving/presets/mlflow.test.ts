import type { ServingAdapter } from '../../../../harness/adapters/serving';
import type { TestServer } from '../test-server';
import { startMlflowServer } from './mlflow-server';
import { adapterRows, presetAdapter, resolveWithServing } from './preset-harness';

const rows = adapterRows([
  { id: 1, amount: 12.5, country: 'DE' },
  { id: 2, amount: 3, country: 'FR' },
  { id: 3, amount: 0.5, country: 'DE' },
]);

describe('mlflow preset against an MLflow scoring server', () => {
  let scalar: TestServer;
  let frame: TestServer;
  let adapter: ServingAdapter | null = null;
  beforeAll(async () => {
    scalar = await startMlflowServer({ signature: { amount: 'double', country: 'string' }, predict: (r) => (r['amount'] as number) * 2 });
    frame = await startMlflowServer({
      signature: { amount: 'double', country: 'string' },
      predict: (r) => ({ amount_log: Math.log1p(r['amount'] as number), is_de: r['country'] === 'DE' }),
    });
  });
  afterEach(async () => {
    await adapter?.close();
    adapter = null;
  });
  afterAll(async () => {
    await scalar.close();
    await frame.close();
  });

  it('sends dataframe_split batches and reads one prediction per row', async () => {
    adapter = presetAdapter({ preset: 'mlflow', url: scalar.url, batch: { size: 2 } });
    const results = await adapter.compute(rows);
    expect(results).toEqual([25, 6, 1].map((prediction) => ({ kind: 'ok', features: { prediction } })));
    expect(JSON.parse(scalar.requests[0]!.body)).toEqual({ dataframe_split: { columns: ['amount', 'country'], data: [[12.5, 'DE'], [3, 'FR']] } });
    expect(scalar.requests[0]!.url).toBe('/invocations');
  });

  it('sends dataframe_records one row at a time and reads a DataFrame output as features', async () => {
    adapter = presetAdapter({ preset: 'mlflow', url: `${frame.url}/invocations`, mlflow: { format: 'dataframe_records', outputs: { amount_log: 'amount_log' } } });
    const [result] = await adapter.compute(rows.slice(2));
    expect(result).toEqual({ kind: 'ok', features: { amount_log: Math.log1p(0.5) } });
    expect(JSON.parse(frame.requests.at(-1)!.body)).toEqual({ dataframe_records: [{ amount: 0.5, country: 'DE' }] });
  });

  it("gets the scoring server's 400 for a column the signature lacks, isolated to that row", async () => {
    adapter = presetAdapter({ preset: 'mlflow', url: scalar.url, batch: { size: 3 } });
    const odd = { key: '4', fields: { id: 4, amount: 'lots', country: 'IT' } };
    const results = await adapter.compute([rows[0]!, odd, rows[1]!]);
    expect(results.map((r) => r.kind)).toEqual(['ok', 'error', 'ok']);
    expect(results[1]).toMatchObject({ status: 400, message: expect.stringContaining('Incompatible input types for column amount') });
  });

  it('probes /ping by default', () => {
    expect(resolveWithServing({ preset: 'mlflow', url: 'http://127.0.0.1:${port}/', start: { command: ['x'], port: 'auto' } }).start?.readyUrl).toBe('http://127.0.0.1:${port}/ping');
  });
});
