import { ConfigError } from '../../harness/errors/config-error';
import { PROGRESS_EVERY, readSample } from '../../harness/source';
import { uniqueKeys } from '../../harness/source/unique-keys';
import { createTempDir, csvSource, jsonlSource, numberedCsv, rejection, sampling, type TempDir } from './source-fixtures';

let dir: TempDir;
let bigCsv: string;
let smallCsv: string;
const BIG_ROWS = 60_000;
beforeAll(() => {
  dir = createTempDir();
  bigCsv = dir.write('big.csv', numberedCsv(1, BIG_ROWS));
  smallCsv = dir.write('small.csv', numberedCsv(1, 3000));
});
afterAll(() => dir.remove());

describe('readSample', () => {
  it('streams a file much larger than the sample, reporting progress as it goes', async () => {
    const progress: number[] = [];
    const result = await readSample(csvSource(bigCsv, { key: ['id'] }), sampling({ method: 'reservoir', size: 25, seed: 11 }), {
      onProgress: (rowsRead) => progress.push(rowsRead),
    });
    expect(result.rowsRead).toBe(BIG_ROWS);
    expect(result.rows).toHaveLength(25);
    expect(result.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'integer'],
      ['group', 'string'],
      ['value', 'number'],
    ]);
    expect(progress).toEqual([10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 60_000]);
    for (const row of result.rows) expect(row.line).toBe((row.values.id as number) + 1);
  });

  it('the same rows come out of the same file for each method and seed', async () => {
    for (const method of ['reservoir', 'stratified', 'key-hash'] as const) {
      const options = sampling({ method, size: 40, seed: 99, stratifyBy: 'group' });
      const first = await readSample(csvSource(smallCsv), options);
      const second = await readSample(csvSource(smallCsv), options);
      expect(second.rows).toEqual(first.rows);
    }
  });

  it('stops reading when the signal aborts, rejecting with the abort reason', async () => {
    const controller = new AbortController();
    const reason = new Error('user pressed ctrl-c');
    const progress: number[] = [];
    const error = await rejection(
      readSample(csvSource(bigCsv), sampling(), {
        signal: controller.signal,
        onProgress: (rowsRead) => {
          progress.push(rowsRead);
          if (rowsRead === PROGRESS_EVERY) controller.abort(reason);
        },
      }),
    );
    expect(error).toBe(reason);
    // Reading stopped within the chunk being parsed: it never reached the next progress report.
    expect(progress).toEqual([PROGRESS_EVERY]);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(readSample(jsonlSource(dir.path('absent.jsonl')), sampling(), { signal: controller.signal })).rejects.toThrow('too late');
  });

  it('rejects invalid sample options with the config path', async () => {
    const problem = async (overrides: Parameters<typeof sampling>[0]) => {
      const error = await rejection(readSample(csvSource(smallCsv), sampling(overrides)));
      expect(error).toBeInstanceOf(ConfigError);
      return error.message;
    };
    expect(await problem({ method: 'reservoir', size: 0 })).toBe('sample.size must be a positive integer, got 0');
    expect(await problem({ method: 'key-hash', size: 2.5 })).toBe('sample.size must be a positive integer, got 2.5');
    expect(await problem({ method: 'stratified', stratifyBy: null })).toBe('sample.stratifyBy is required when sample.method is "stratified"');
  });
});

describe('uniqueKeys', () => {
  it('suffixes repeats with their occurrence number, in order', () => {
    expect(uniqueKeys(['a', 'b', 'a', 'a', 'b'])).toEqual(['a', 'b', 'a#2', 'a#3', 'b#2']);
  });

  it('never produces a key that is already taken', () => {
    expect(uniqueKeys(['a', 'a', 'a#2'])).toEqual(['a', 'a#3', 'a#2']);
    const keys = uniqueKeys(['x', 'x#2', 'x', 'x', 'x#2']);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
