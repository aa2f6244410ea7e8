import type { ServingAdapter } from '../../../../harness/adapters/serving';
import { createComparePolicy } from '../../../../harness/core/compare-policy';
import { diffFeatures } from '../../../../harness/core/diff';
import { ConfigError } from '../../../../harness/errors/config-error';
import type { TestServer } from '../test-server';
import { startFeastServer, type FeatureView } from './feast-server';
import { adapterRows, presetAdapter, resolveWithServing } from './preset-harness';

const stats: FeatureView = {
  name: 'driver_stats',
  joinKey: 'driver_id',
  maxAgeSeconds: 3600,
  rows: {
    '1001': { conv_rate: { value: 0.5 }, trips: { value: 308 } },
    '1002': { conv_rate: { value: null }, trips: { value: 12 } },
    '1003': { conv_rate: { value: 0.9, ageSeconds: 7200 }, trips: { value: 5 } },
  },
};

const rows = adapterRows([{ id: 1001 }, { id: 1002 }, { id: 1003 }, { id: 4242 }].map(({ id }) => ({ id, driver_id: id, city: 'x' })));

describe('feast preset against a Feast feature server', () => {
  let server: TestServer;
  let adapter: ServingAdapter | null = null;
  beforeAll(async () => {
    server = await startFeastServer(stats, { driver_activity: ['driver_stats:conv_rate', 'driver_stats:trips'] });
  });
  afterEach(async () => {
    await adapter?.close();
    adapter = null;
  });
  afterAll(() => server.close());

  it('maps the column-wise results back to rows, keeping statuses: a stored null is null, NOT_FOUND and OUTSIDE_MAX_AGE are not', async () => {
    adapter = presetAdapter({ preset: 'feast', url: server.url, feast: { features: ['driver_stats:conv_rate', 'driver_stats:trips'], entities: ['driver_id'] }, batch: { size: 4 } });
    const results = await adapter.compute(rows);
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({ features: ['driver_stats:conv_rate', 'driver_stats:trips'], entities: { driver_id: [1001, 1002, 1003, 4242] } });
    const features = results.map((r) => (r.kind === 'ok' ? r.features : r));
    expect(features).toEqual([{ conv_rate: 0.5, trips: 308 }, { conv_rate: null, trips: 12 }, { trips: 5 }, {}]);

    const policy = createComparePolicy({ default: { nullVsMissing: 'equal' } });
    const mismatches = features.flatMap((online, i) => diffFeatures(String(i), { conv_rate: null, trips: (online as { trips?: number }).trips ?? 1 }, online as Record<string, unknown>, policy).flatMap((o) => o.mismatches));
    expect(mismatches.map((m) => [m.key, m.field, m.kind, m.detail])).toEqual([
      ['0', 'conv_rate', 'value', undefined],
      ['2', 'conv_rate', 'missing_online', 'not served: Feast status OUTSIDE_MAX_AGE'],
      ['3', 'conv_rate', 'missing_online', 'not served: Feast status NOT_FOUND'],
      ['3', 'trips', 'missing_online', 'not served: Feast status NOT_FOUND'],
    ]);
  });

  it('asks for a feature service one row at a time, entities defaulting to the source key, full feature names', async () => {
    const byId = await startFeastServer({ ...stats, joinKey: 'id' }, { driver_activity: ['driver_stats:conv_rate', 'driver_stats:trips'] });
    try {
      adapter = presetAdapter({ preset: 'feast', url: `${byId.url}/get-online-features`, feast: { featureService: 'driver_activity', fullFeatureNames: true } });
      const [result] = await adapter.compute(adapterRows([{ id: 1001 }]));
      expect(result).toEqual({ kind: 'ok', features: { driver_stats__conv_rate: 0.5, driver_stats__trips: 308 } });
      expect(JSON.parse(byId.requests.at(-1)!.body)).toEqual({ feature_service: 'driver_activity', entities: { id: [1001] }, full_feature_names: true });
    } finally {
      await byId.close();
    }
  });

  it("gets the server's answer for an entity key the view does not use, and checks its settings", async () => {
    adapter = presetAdapter({ preset: 'feast', url: server.url, feast: { features: ['driver_stats:trips'] } });
    const [result] = await adapter.compute(rows.slice(0, 1));
    expect(result).toMatchObject({ kind: 'error', status: 400, message: expect.stringContaining('Entity key driver_id is required') });
    const problem = (feast: object): string => {
      try {
        resolveWithServing({ preset: 'feast', url: 'http://h', feast } as never);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(problem({ entities: ['id'] })).toMatch(/serving\.feast must set features \(a list of feature references\) or featureService/);
    expect(problem({ features: ['v:a'], featureService: 's' })).toMatch(/serving\.feast must set only one of features, featureService/);
    expect(resolveWithServing({ preset: 'feast', url: 'http://127.0.0.1:${port}', feast: { features: ['v:a'] }, start: { command: ['x'], port: 'auto' } }).start?.readyUrl).toBe('http://127.0.0.1:${port}/health');
  });
});
