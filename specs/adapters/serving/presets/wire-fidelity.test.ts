import type { ServingAdapter } from '../../../../harness/adapters/serving';
import type { ServingConfig } from '../../../../harness/config/user-config';
import { createComparePolicy } from '../../../../harness/core/compare-policy';
import { diffFeatures } from '../../../../harness/core/diff';
import { parseJson } from '../../../../harness/core/lossless-json';
import { stringifyJsonValue } from '../../../../harness/core/stringify-json';
import { startTestServer, type TestServer } from '../test-server';
import { adapterRows, presetAdapter } from './preset-harness';

/**
 * Issue 12's acceptance across the presets: an int64 of 9007199254740993 (past 2^53) and a float32 feature go to each
 * protocol's server and come back without a false mismatch — and a real one-unit difference in the int64 is found.
 * Each server reads its request exactly and writes exact digits (as Python's json or a C++ server does), computing
 * `id64` as the input echoed (or, for one row, one less) and `score` as the float32 of the input `x`, widened.
 */
const BIG = 9007199254740993n;
const offlineOf = (x: number, id64: bigint) => ({ id64, score: x });
const rows = adapterRows([
  { id: 1, id64: BIG, x: 0.1 },
  { id: 2, id64: BIG + 10n, x: 2.7 },
  { id: 3, id64: BIG, x: 1 / 3 },
]);
/**
 * Row 3's (x = 1/3) server answer is one less than its input: a real difference, found only when digits are kept. Model
 * servers are not sent the key column (a model takes features, not row ids), so the row is told by its input.
 */
const served = (id64: unknown, x: number) => ({ id64: x === 1 / 3 ? (id64 as bigint) - 1n : id64, score: Math.fround(x) });

type Row = { id64: unknown; x: number };
const send = (res: import('node:http').ServerResponse, body: unknown) => {
  res.setHeader('content-type', 'application/json');
  res.end(stringifyJsonValue(body));
};

/** The four protocols, each answering its own request shape. */
const protocols: Array<{ name: string; serving: (url: string) => ServingConfig; start: () => Promise<TestServer> }> = [
  {
    name: 'kserve-v2',
    serving: (url) => ({ preset: 'kserve-v2', url, kserve: { model: 'm', datatypes: { id64: 'INT64' as const } } }),
    start: () =>
      startTestServer((request, res) => {
        const { inputs } = parseJson(request.body) as { inputs: Array<{ name: string; data: unknown[]; datatype: string }> };
        const column = (name: string) => inputs.find((t) => t.name === name)!.data;
        const [big, xs] = [column('id64'), column('x') as number[]];
        const out = xs.map((x, i) => served(big[i], x));
        send(res, {
          model_name: 'm',
          outputs: [
            { name: 'id64', datatype: 'INT64', shape: [out.length, 1], data: out.map((o) => o.id64) },
            { name: 'score', datatype: 'FP32', shape: [out.length, 1], data: out.map((o) => o.score) },
          ],
        });
      }),
  },
  {
    name: 'tf-serving',
    serving: (url) => ({ preset: 'tf-serving', url, tfServing: { model: 'm' } }),
    start: () =>
      startTestServer((request, res) => {
        const { instances } = parseJson(request.body) as { instances: Row[] };
        send(res, { predictions: instances.map((r) => served(r.id64, r.x)) });
      }),
  },
  {
    name: 'mlflow',
    serving: (url) => ({ preset: 'mlflow', url, mlflow: { format: 'dataframe_split' } }),
    start: () =>
      startTestServer((request, res) => {
        const { dataframe_split: frame } = parseJson(request.body) as { dataframe_split: { columns: string[]; data: unknown[][] } };
        const at = (name: string) => frame.columns.indexOf(name);
        send(res, { predictions: frame.data.map((r) => served(r[at('id64')], r[at('x')] as number)) });
      }),
  },
  {
    name: 'feast',
    serving: (url) => ({ preset: 'feast', url, feast: { features: ['v:id64', 'v:score'] } }),
    start: () =>
      startTestServer((request, res) => {
        const { entities } = parseJson(request.body) as { entities: { id: unknown[] } };
        // The store holds what rows' inputs would give (a feature store serves what was materialised for the key).
        const byId = new Map(rows.map((r) => [String(r.fields['id']), r.fields as unknown as Row]));
        const out = entities.id.map((id) => {
          const r = byId.get(String(id))!;
          return served(r.id64, r.x);
        });
        const column = (values: unknown[]) => ({ values, statuses: values.map(() => 'PRESENT'), event_timestamps: values.map(() => '2024-01-01T00:00:00Z') });
        send(res, { metadata: { feature_names: ['id', 'id64', 'score'] }, results: [column(entities.id), column(out.map((o) => o.id64)), column(out.map((o) => o.score))] });
      }),
  },
];

describe.each(protocols)('$name preset: int64 past 2^53 and float32 on the wire', ({ serving, start }) => {
  let server: TestServer;
  let adapter: ServingAdapter | null = null;
  beforeAll(async () => {
    server = await start();
  });
  afterEach(async () => {
    await adapter?.close();
    adapter = null;
  });
  afterAll(() => server.close());

  it.each([
    ['single rows', undefined],
    ['batches', { size: 2 }],
  ])('keeps every digit and finds only the real difference (%s)', async (_, batch) => {
    adapter = presetAdapter({ ...serving(server.url), ...(batch ? { batch } : {}) });
    const results = await adapter.compute(rows);
    const policy = createComparePolicy({ fields: { score: { float32: true } } });
    const mismatches = results.map((result, i) => {
      expect(result.kind).toBe('ok');
      const features = (result as { features: Record<string, unknown> }).features;
      const row = rows[i]!.fields as unknown as Row;
      // The digits arrived: a bigint, not a double rounded to 9007199254740992.
      expect(typeof features['id64']).toBe('bigint');
      return diffFeatures(rows[i]!.key, offlineOf(row.x, row.id64 as bigint), features, policy).flatMap((o) => o.mismatches);
    });
    expect(mismatches[0]).toEqual([]);
    expect(mismatches[1]).toEqual([]);
    expect(mismatches[2]).toEqual([expect.objectContaining({ field: 'id64', kind: 'value', offline: BIG, online: BIG - 1n, absDiff: 1 })]);
    // Without the float32 policy the widened score is a difference on every row whose x is not a float32.
    const strict = createComparePolicy();
    const scoreDiffers = results.map((r, i) => diffFeatures(rows[i]!.key, offlineOf((rows[i]!.fields as unknown as Row).x, BIG), (r as { features: Record<string, unknown> }).features, strict).some((o) => o.field === 'score' && o.mismatches.length > 0));
    expect(scoreDiffers).toEqual([true, true, true]);
  });
});

describe('tf-serving preset: bare NaN and Infinity tokens', () => {
  it('reads the tokens TensorFlow Serving writes for non-finite floats, in single rows and batches', async () => {
    const server = await startTestServer((request, res) => {
      const { instances } = parseJson(request.body) as { instances: Row[] };
      res.setHeader('content-type', 'application/json');
      // As TF Serving prints them: not JSON, but what its REST API sends.
      res.end(`{"predictions": [${instances.map((r) => (r.x < 1 ? '{"ratio": NaN, "cap": Infinity}' : '{"ratio": 1.5, "cap": -Infinity}')).join(', ')}]}`);
    });
    try {
      for (const batch of [undefined, { size: 3 }]) {
        const adapter = presetAdapter({ preset: 'tf-serving', url: server.url, tfServing: { model: 'm' }, ...(batch ? { batch } : {}) });
        try {
          const results = await adapter.compute(rows);
          expect(results.map((r) => (r as { features: unknown }).features)).toEqual([
            { ratio: NaN, cap: Infinity },
            { ratio: 1.5, cap: -Infinity },
            { ratio: NaN, cap: Infinity },
          ]);
          const diffs = diffFeatures('1', { ratio: NaN, cap: Infinity }, (results[0] as { features: Record<string, unknown> }).features, createComparePolicy());
          expect(diffs.flatMap((o) => o.mismatches)).toEqual([]);
        } finally {
          await adapter.close();
        }
      }
    } finally {
      await server.close();
    }
  });
});
