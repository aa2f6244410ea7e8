import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { readLogSample } from '../../../harness/source/serving-log/read-log-sample';
import { parseLogTime } from '../../../harness/source/serving-log/log-time';
import type { ServingLogOptions } from '../../../harness/source/serving-log/serving-log-options';
import type { SampleOptions } from '../../../harness/source/source-options';
import { TempRepo } from '../../cli/cli-harness';

/** The serving-log reader over real files: fields and dotted paths, the time window before sampling, bad records. */

const repo = new TempRepo();
afterAll(() => repo.remove());

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const record = (i: number) => ({ time: new Date(START + i * DAY).toISOString(), key: `C${i % 7}`, inputs: { x: i }, features: { y: i * 2 } });
const lines = (records: readonly unknown[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
const ALL: SampleOptions = { method: 'all', size: 1, seed: 1, stratifyBy: null };

function options(path: string, overrides: Partial<ServingLogOptions> = {}): ServingLogOptions {
  return {
    path,
    format: 'jsonl',
    fields: { inputs: 'inputs', features: 'features', time: 'time', key: 'key', label: null },
    since: null,
    until: null,
    onBadRow: 'error',
    keys: null,
    ...overrides,
  };
}

describe('readLogSample', () => {
  const file = repo.write('log.jsonl', lines(Array.from({ length: 60 }, (_, i) => record(i))));

  it('reads inputs, features, key and time of every record', async () => {
    const sample = await readLogSample(options(file), ALL);
    expect(sample.recordsRead).toBe(60);
    expect(sample.records[3]).toEqual({ line: 4, key: 'C3', time: START + 3 * DAY, inputs: { x: 3 }, features: { y: 6 }, label: undefined });
  });

  it('filters by the time window before sampling: the whole sample comes from the window', async () => {
    const since = START + 10 * DAY;
    const until = START + 20 * DAY;
    const sample = await readLogSample(options(file, { since, until }), { method: 'reservoir', size: 5, seed: 3, stratifyBy: null });
    expect(sample.recordsInWindow).toBe(10);
    expect(sample.records).toHaveLength(5);
    for (const r of sample.records) expect(r.time >= since && r.time < until).toBe(true);
  });

  it('reads dotted paths into nested records, and a gzip-compressed log', async () => {
    const nested = Array.from({ length: 5 }, (_, i) => ({ request: { at: 1_704_067_200 + i, body: { x: i } }, response: { features: { y: i } }, meta: { id: i }, outcome: i % 2 }));
    const gz = repo.path('nested.jsonl.gz');
    writeFileSync(gz, gzipSync(lines(nested)));
    const sample = await readLogSample(
      options(gz, { fields: { inputs: 'request.body', features: 'response.features', time: 'request.at', key: 'meta.id', label: 'outcome' } }),
      ALL,
    );
    expect(sample.records.map((r) => [r.key, r.time, r.inputs, r.features, r.label])).toEqual(
      nested.map((n, i) => [String(i), (1_704_067_200 + i) * 1000, { x: i }, { y: i }, i % 2]),
    );
  });

  it('keeps only the records of --keys, every one of them', async () => {
    const sample = await readLogSample(options(file, { keys: new Set(['C2']) }), { method: 'reservoir', size: 1, seed: 1, stratifyBy: null });
    expect(sample.records.map((r) => r.inputs['x'])).toEqual([2, 9, 16, 23, 30, 37, 44, 51, 58]);
  });

  it('names the line and the setting of a record without a part, and skips it when asked', async () => {
    const bad = repo.write('bad.jsonl', lines([record(0), { time: 'yesterday', inputs: {}, features: {} }, { ...record(2), features: [1] }]));
    await expect(readLogSample(options(bad), ALL)).rejects.toThrow(
      /bad\.jsonl:2: time field "time" is not an ISO 8601 instant or epoch number \(got "yesterday"\); check logs\.fields\.time$/,
    );
    const skipped = await readLogSample(options(bad, { onBadRow: 'skip' }), ALL);
    expect(skipped.records).toHaveLength(1);
    expect(skipped.badRows.map((b) => b.line)).toEqual([2, 3]);
    expect(skipped.badRows[1]!.message).toBe('features field "features" is not a JSON object');
  });

  it('names logs.path for a log that is not there', async () => {
    await expect(readLogSample(options(repo.path('missing.jsonl')), ALL)).rejects.toThrow(/check logs\.path$/);
  });
});

describe('parseLogTime', () => {
  it('reads an ISO instant, with any offset, as the instant it names', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1971-01-01Z'), max: new Date('2200-01-01Z'), noInvalidDate: true }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (date, offset) => {
        const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
        const sign = offset < 0 ? '-' : '+';
        const zone = `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
        expect(parseLogTime(`${local}${zone}`)).toBe(date.getTime());
        expect(parseLogTime(date.toISOString())).toBe(date.getTime());
      }),
    );
  });

  it('reads epoch seconds and milliseconds, naive texts as UTC, and nothing else', () => {
    expect(parseLogTime(1_709_287_200)).toBe(1_709_287_200_000);
    expect(parseLogTime(1_709_287_200_123)).toBe(1_709_287_200_123);
    expect(parseLogTime('2024-03-01 10:00')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(parseLogTime('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    for (const bad of ['2024-13-01', '2024-03-01T25:00Z', 'now', '', null, true, Number.NaN]) expect(parseLogTime(bad)).toBeNull();
  });
});
