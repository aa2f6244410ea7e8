import { readFileSync } from 'node:fs';
import { startFeastServer } from '../adapters/serving/presets/feast-server';
import type { TestServer } from '../adapters/serving/test-server';
import { runCli, TempRepo } from './cli-harness';

describe('skew run with serving.preset "feast" against a Feast feature server', () => {
  let repo: TempRepo;
  let server: TestServer;
  beforeAll(async () => {
    server = await startFeastServer({
      name: 'customer_stats',
      joinKey: 'customer_id',
      maxAgeSeconds: 3600,
      rows: {
        '1': { spend_30d: { value: 10.5 } },
        '2': { spend_30d: { value: 3 } },
        '3': { spend_30d: { value: 7, ageSeconds: 9000 } },
      },
    });
    repo = new TempRepo();
    repo.write('train.csv', 'customer_id,spend\n1,10.5\n2,3\n3,7\n4,1\n');
    repo.write('features.mjs', 'export const computeFeatures = (rows) => rows.map((r) => ({ spend_30d: r.spend }));');
    repo.write(
      'skew.config.js',
      `module.exports = {
        source: { path: 'train.csv', key: 'customer_id' },
        sample: { method: 'all' },
        offline: { module: 'features.mjs' },
        serving: { preset: 'feast', url: '${server.url}', feast: { features: ['customer_stats:spend_30d'] }, batch: { size: 10 }, retries: 0 },
        checks: { determinism: false, generatedParity: false, inputContract: false, batchInvariance: false, labelInvariance: false },
        budget: { errorRate: 0 },
        failures: { remember: false },
      };`,
    );
  });
  afterAll(async () => {
    await server.close();
    repo.remove();
  });

  it('compares the online store row by row and reports NOT_FOUND and OUTSIDE_MAX_AGE as missing online, not as nulls', async () => {
    const result = await runCli(['run', '--report-dir', 'out'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(repo.path('out/skew-report.json'), 'utf8')) as {
      checks: Array<{ fields: Array<{ field: string; compared: number; kinds: Record<string, number>; examples: Array<{ key: string; detail?: string }> }> }>;
    };
    const field = report.checks[0]!.fields.find((f) => f.field === 'spend_30d')!;
    expect(field.kinds).toMatchObject({ value: 0, missing_online: 2 });
    expect(field.examples.map((e) => [e.key, e.detail]).sort()).toEqual([
      ['3', 'not served: Feast status OUTSIDE_MAX_AGE'],
      ['4', 'not served: Feast status NOT_FOUND'],
    ]);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ features: ['customer_stats:spend_30d'], entities: { customer_id: [expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number)] } });
  });
});
