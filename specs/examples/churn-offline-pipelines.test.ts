import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { computeFeatures, FEATURE_NAMES } from '../../examples/churn/pipeline/features';
import { BASE_ROW, differingFields, EDGE_ROWS, isRowError, readTrainingRows } from './churn-rows';
import { sampleGeneratedRows } from './churn-generated-rows';
import { runPythonPipeline, spawnPythonPipeline } from './churn-processes';

const rows = readTrainingRows();

/** Runs the TS module with `EXAMPLE_OFFLINE_BUGS` set for the call only. */
function computeWithBugs(bugs: string, batch: Record<string, unknown>[]): Record<string, unknown>[] {
  const previous = process.env.EXAMPLE_OFFLINE_BUGS;
  process.env.EXAMPLE_OFFLINE_BUGS = bugs;
  try {
    return computeFeatures(batch);
  } finally {
    if (previous === undefined) delete process.env.EXAMPLE_OFFLINE_BUGS;
    else process.env.EXAMPLE_OFFLINE_BUGS = previous;
  }
}

describe('offline pipelines: features.py and features.ts', () => {
  it('agree on every training row, field by field, one output line per input line', async () => {
    const python = await runPythonPipeline(rows);
    const typescript = computeWithBugs('', rows);
    expect(python).toHaveLength(rows.length);
    const disagreements = typescript.flatMap((features, index) =>
      differingFields(features, python[index]!).map((field) => `${rows[index]!.customer_id}.${field}`),
    );
    expect(disagreements).toEqual([]);
    expect(typescript.every((features) => Object.keys(features).join() === FEATURE_NAMES.join())).toBe(true);
  });

  it('agree on edge rows: the same features, or an error on both sides', async () => {
    const python = await runPythonPipeline(EDGE_ROWS);
    const typescript = computeWithBugs('', EDGE_ROWS);
    EDGE_ROWS.forEach((row, index) => {
      const [ts, py] = [typescript[index]!, python[index]!];
      if (isRowError(ts) || isRowError(py)) expect({ row, ts: isRowError(ts), py: isRowError(py) }).toEqual({ row, ts: true, py: true });
      else expect({ row, fields: differingFields(ts, py) }).toEqual({ row, fields: [] });
    });
  });

  it('agree on 2,000 generated rows (unicode, zones, extreme and non-numeric values)', async () => {
    const generated = sampleGeneratedRows(2000);
    const python = await runPythonPipeline(generated);
    const typescript = computeWithBugs('', generated);
    const disagreements = generated.flatMap((row, index) => {
      const [ts, py] = [typescript[index]!, python[index]!];
      if (isRowError(ts) || isRowError(py)) return isRowError(ts) && isRowError(py) ? [] : [{ row, ts, py }];
      return differingFields(ts, py).length === 0 ? [] : [{ row, ts, py }];
    });
    expect(disagreements).toEqual([]);
    expect(typescript.filter(isRowError).length).toBeLessThan(generated.length / 2); // mostly real comparisons
  });

  it('computes the documented features of a crafted row', () => {
    const row = { ...BASE_ROW, plan: ' Premium', country: ' us', monthly_spend: -30, sessions_last_30d: null, support_tickets: 12 };
    expect(computeWithBugs('', [row])[0]).toMatchObject({
      tenure_days: 55,
      days_since_last_login: 1,
      plan_code: 1,
      country: 'US',
      spend_log: 0,
      spend_bucket: -2,
      support_tickets_capped: 10,
      is_weekend_signup: true,
    });
  });

  it('never emits a signed zero (−0 spend gives +0 features)', () => {
    const [features] = computeWithBugs('', [{ ...BASE_ROW, monthly_spend: -0 }]);
    expect(Object.is(features!.spend_log, 0)).toBe(true);
    expect(Object.is(features!.spend_bucket, 0)).toBe(true);
  });
});

describe('features.py protocol', () => {
  it('answers each line before stdin is closed (streams, flushes when input runs dry)', async () => {
    const child = spawnPythonPipeline();
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    child.stdin.write(`${JSON.stringify(rows[0])}\n`);
    const first = await lines.next();
    child.stdin.write(`${JSON.stringify(rows[1])}\n`);
    const second = await lines.next();
    child.stdin.end();
    const [code] = (await once(child, 'close')) as [number];
    expect(code).toBe(0);
    expect(JSON.parse(first.value as string)).toEqual(computeFeatures([rows[0]!])[0]);
    expect(JSON.parse(second.value as string)).toEqual(computeFeatures([rows[1]!])[0]);
  });

  it('reports a row it cannot compute as {"$error"} and carries on', async () => {
    const output = await runPythonPipeline(['not an object', { ...BASE_ROW, signup_date: '2023-02-30' }, BASE_ROW]);
    expect(output).toHaveLength(3);
    expect(output[0]!.$error).toMatch(/JSON object/);
    expect(output[1]!.$error).toMatch(/^signup_date: invalid date/);
    expect(isRowError(output[2]!)).toBe(false);
  });

  it('exits quietly when its reader goes away (broken pipe)', async () => {
    const child = spawnPythonPipeline();
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin.on('error', () => undefined); // the child may be gone before we finish writing
    child.stdin.end(`${JSON.stringify(BASE_ROW)}\n`.repeat(20_000));
    const [code] = (await once(child, 'close')) as [number];
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

describe('EXAMPLE_OFFLINE_BUGS', () => {
  const row = rows[10]!;
  const batchOf = (size: number) => [...rows.slice(0, size - 1), row];

  it('batch: a row alone gets a different sessions_z than the same row in a batch (only that field)', async () => {
    const clean = [computeWithBugs('', [row])[0]!, computeWithBugs('', batchOf(500))[499]!];
    expect(differingFields(clean[0]!, clean[1]!)).toEqual([]);
    const leaky = [computeWithBugs('batch', [row])[0]!, computeWithBugs('batch', batchOf(500))[499]!];
    expect(differingFields(leaky[0]!, leaky[1]!)).toEqual(['sessions_z']);

    const alone = await runPythonPipeline([row], { EXAMPLE_OFFLINE_BUGS: 'batch' });
    const inStream = await runPythonPipeline(batchOf(500), { EXAMPLE_OFFLINE_BUGS: 'batch' });
    expect(differingFields(alone[0]!, inStream[499]!)).toEqual(['sessions_z']);
    expect(alone[0]!.sessions_z).toBe(0); // one row has no spread: (x − x) / 1
  });

  it('label: flipping churned changes a feature only with the bug on', async () => {
    const flipped = [{ ...row, churned: 0 }, { ...row, churned: 1 }];
    const clean = computeWithBugs('', flipped);
    expect(differingFields(clean[0]!, clean[1]!)).toEqual([]);
    const leaky = computeWithBugs('label', flipped);
    expect(differingFields(leaky[0]!, leaky[1]!)).toEqual(['avg_session_minutes']);
    const python = await runPythonPipeline(flipped, { EXAMPLE_OFFLINE_BUGS: 'label' });
    expect(differingFields(python[0]!, python[1]!)).toEqual(['avg_session_minutes']);
    expect(differingFields(python[1]!, leaky[1]!)).toEqual([]);
  });

  it('rejects an unknown bug name instead of running clean', async () => {
    expect(() => computeWithBugs('bach', [row])).toThrow('EXAMPLE_OFFLINE_BUGS: unknown bug "bach"');
    await expect(runPythonPipeline([row], { EXAMPLE_OFFLINE_BUGS: 'bach' })).rejects.toThrow(/unknown bug "bach"/);
  });
});
