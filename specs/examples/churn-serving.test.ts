import { computeFeatures } from '../../examples/churn/pipeline/features';
import { DEFAULT_ONLINE_BUGS, parseOnlineBugs } from '../../examples/churn/serving/online-bugs';
import { BASE_ROW, differingFields, EDGE_ROWS, isRowError, readTrainingRows, withoutLabel } from './churn-rows';
import { sampleGeneratedRows } from './churn-generated-rows';
import { createJsonClient, startServing, type ServingProcess } from './churn-processes';

const DAY_MS = 86_400_000;
const rows = readTrainingRows();
const offline = computeFeatures(rows);

type Client = ReturnType<typeof createJsonClient>;
const variants = ['none', 'clock', 'nulls', 'vocab,rounding', 'jitter'] as const;
const servers = new Map<string, ServingProcess>();
const clients = new Map<string, Client>();

beforeAll(async () => {
  const started = await Promise.allSettled(variants.map((bugs) => startServing(bugs)));
  started.forEach((result, index) => {
    if (result.status === 'fulfilled') {
      servers.set(variants[index]!, result.value);
      clients.set(variants[index]!, createJsonClient(result.value.url));
    }
  });
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
});

afterAll(async () => {
  for (const client of clients.values()) client.close();
  for (const server of servers.values()) if (server.child.exitCode === null) process.kill(server.child.pid!, 'SIGTERM');
  await Promise.all([...servers.values()].map((server) => server.exited));
});

const client = (bugs: string): Client => clients.get(bugs)!;

/** Online features of `batch` (label stripped, as the harness sends rows). */
async function serve(bugs: string, batch: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const response = await client(bugs).send('POST', '/features/batch', JSON.stringify({ rows: batch.map(withoutLabel) }));
  expect(response.status).toBe(200);
  return (response.json as { features: Record<string, unknown>[] }).features;
}

/** `customer_id.field` for every field where serving and the TS pipeline disagree. */
function disagreements(online: Record<string, unknown>[], expected = offline, keys = rows): string[] {
  expect(online).toHaveLength(expected.length);
  return online.flatMap((features, index) =>
    differingFields(expected[index]!, features).map((field) => `${keys[index]!.customer_id}.${field}`),
  );
}

describe('serving endpoint contract', () => {
  it('answers /healthz, rejects invalid JSON with 400, unknown routes with 404 — all with JSON bodies', async () => {
    await expect(client('none').send('GET', '/healthz')).resolves.toEqual({ status: 200, json: { ok: true } });
    const invalid = await client('none').send('POST', '/features', '{"plan": ');
    expect(invalid.status).toBe(400);
    expect((invalid.json as { error: string }).error).toMatch(/invalid JSON/);
    expect((await client('none').send('POST', '/features/batch', '{"row": []}')).status).toBe(400);
    expect((await client('none').send('GET', '/nope')).status).toBe(404);
    expect((await client('none').send('GET', '/features')).status).toBe(405);
  });

  it('serves one row on /features the same as in a batch, and a bad row as 422', async () => {
    const single = await client('none').send('POST', '/features', JSON.stringify(withoutLabel(rows[5]!)));
    expect(single).toEqual({ status: 200, json: { features: offline[5] } });
    const bad = await client('none').send('POST', '/features', JSON.stringify({ ...BASE_ROW, signup_date: 'soon' }));
    expect(bad.status).toBe(422);
    expect((bad.json as { error: string }).error).toMatch(/^signup_date: /);
  });

  it('marks an invalid row of a batch with {"$error"} and serves the rest', async () => {
    const online = await serve('none', [BASE_ROW, { ...BASE_ROW, monthly_spend: 'lots' }, BASE_ROW]);
    expect(online.map(isRowError)).toEqual([false, true, false]);
  });

  it('defaults to clock,nulls,vocab,rounding; "none" switches every bug off; typos are rejected', () => {
    expect([...parseOnlineBugs(undefined)]).toEqual(DEFAULT_ONLINE_BUGS);
    expect(parseOnlineBugs('none').size).toBe(0);
    expect(() => parseOnlineBugs('clock,nul')).toThrow('EXAMPLE_BUGS: unknown bug "nul"');
  });
});

describe('EXAMPLE_BUGS', () => {
  it('none: agrees with the offline pipeline on every training row and every edge row', async () => {
    expect(disagreements(await serve('none', rows))).toEqual([]);
    const online = await serve('none', EDGE_ROWS);
    const expected = computeFeatures(EDGE_ROWS);
    EDGE_ROWS.forEach((row, index) => {
      const [off, on] = [expected[index]!, online[index]!];
      if (isRowError(off) || isRowError(on)) {
        expect({ row, off: isRowError(off), on: isRowError(on) }).toEqual({ row, off: true, on: true });
      } else {
        expect({ row, fields: differingFields(off, on) }).toEqual({ row, fields: [] });
      }
    });
  });

  it('none: agrees with the offline pipeline on 2,000 generated rows (errors on the same rows)', async () => {
    const generated = sampleGeneratedRows(2000);
    const [expected, online] = [computeFeatures(generated), await serve('none', generated)];
    const disagreeing = generated.filter((_, index) => {
      const [off, on] = [expected[index]!, online[index]!];
      if (isRowError(off) || isRowError(on)) return isRowError(off) !== isRowError(on);
      return differingFields(off, on).length > 0;
    });
    expect(disagreeing).toEqual([]);
  });

  it('clock: only tenure_days differs, on every row, by exactly the age of the row', async () => {
    const before = Date.now();
    const online = await serve('clock', rows);
    const after = Date.now();
    expect(disagreements(online).every((entry) => entry.endsWith('.tenure_days'))).toBe(true);
    const notTheRowAge = rows.filter((row, index) => {
      const reference = Date.parse(String(row.reference_date));
      const shift = (online[index]!.tenure_days as number) - (offline[index]!.tenure_days as number);
      const [youngest, oldest] = [Math.floor((before - reference) / DAY_MS), Math.floor((after - reference) / DAY_MS)];
      return !(shift > 0 && shift >= youngest && shift <= oldest);
    });
    expect(notTheRowAge).toEqual([]);
  });

  it('nulls: only sessions_z differs, and exactly on the rows with null sessions', async () => {
    const expected = rows.filter((row) => row.sessions_last_30d === null).map((row) => `${row.customer_id}.sessions_z`);
    expect(expected.length).toBeGreaterThan(100);
    expect(disagreements(await serve('nulls', rows))).toEqual(expected);
  });

  it('vocab and rounding: invisible on training rows, visible on an unseen plan and on a refund', async () => {
    expect(disagreements(await serve('vocab,rounding', rows))).toEqual([]);
    const crafted = [
      { ...BASE_ROW, customer_id: 'unseen-plan', plan: 'enterprise' },
      { ...BASE_ROW, customer_id: 'refund', monthly_spend: -30 },
    ];
    const expected = computeFeatures(crafted);
    expect(expected.map((features) => [features.plan_code, features.spend_bucket])).toEqual([[-1, 1], [2, -2]]);
    const online = await serve('vocab,rounding', crafted);
    expect(disagreements(online, expected, crafted)).toEqual(['unseen-plan.plan_code', 'refund.spend_bucket']);
    expect(disagreements(await serve('none', crafted), expected, crafted)).toEqual([]);
  });

  it('jitter: avg_session_minutes changes from call to call by at most 1e-3; nothing else does', async () => {
    const sample = rows.slice(0, 50);
    const [first, second] = [await serve('jitter', sample), await serve('jitter', sample)];
    const changed = disagreements(second, first, sample);
    expect(changed.length).toBeGreaterThan(40);
    expect(changed.every((entry) => entry.endsWith('.avg_session_minutes'))).toBe(true);
    first.forEach((features, index) => {
      const noise = (features.avg_session_minutes as number) - (offline[index]!.avg_session_minutes as number);
      expect(Math.abs(noise)).toBeLessThanOrEqual(1e-3);
    });
  });
});

describe('serving shutdown', () => {
  it('exits 0 on SIGTERM while a keep-alive connection is open', async () => {
    const server = servers.get('none')!;
    await client('none').send('GET', '/healthz'); // leaves an idle keep-alive socket behind
    process.kill(server.child.pid!, 'SIGTERM');
    await expect(server.exited).resolves.toBe(0);
  });
});
