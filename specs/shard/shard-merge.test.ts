import fc from 'fast-check';
import { mergeParityPartials, type ParityPartial } from '../../harness/checks/parity';
import { finishParityRecords, ParityRecorder } from '../../harness/checks/parity-records';
import type { RowComparison } from '../../harness/checks/row-comparison';
import { finishRowSummary, RowSummaryAccumulator } from '../../harness/checks/summarize-rows';
import { ownsKey, shardOfKey, shardShare } from '../../harness/core/shard';

const FIELDS = ['a', 'b', 'c', 'd'];

/** A random row comparison: both sides ok with some fields differing, or an error / skip on a side. */
const comparison = (key: string): fc.Arbitrary<RowComparison> =>
  fc
    .record({
      side: fc.constantFrom('ok', 'ok', 'ok', 'offline-error', 'online-error', 'skipped'),
      fields: fc.subarray(FIELDS, { minLength: 1 }),
      differs: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      diff: fc.double({ min: 0, max: 100, noNaN: true }),
    })
    .map(({ side, fields, differs, diff }) => {
      const row = { key, line: 1, values: { x: key.length } };
      const ok = { kind: 'ok' as const, features: Object.fromEntries(fields.map((f) => [f, 1])) };
      const offline = side === 'offline-error' ? { kind: 'error' as const, message: `offline ${key}` } : ok;
      const online = side === 'online-error' ? { kind: 'error' as const, message: `online ${key}` } : side === 'skipped' ? { kind: 'skipped' as const, reason: 'stop' } : ok;
      const outcomes =
        offline.kind === 'ok' && online.kind === 'ok'
          ? fields.map((field, i) => ({ field, mismatches: differs[i] ? [{ key, field, path: field, kind: 'value' as const, offline: 1, online: 1 + diff, absDiff: diff, relDiff: diff / (1 + diff) }] : [] }))
          : [];
      return { row, offline, online, outcomes };
    });

const rows: fc.Arbitrary<RowComparison[]> = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 60 })
  .chain((keys) => fc.tuple(...keys.map(comparison)));

/** Gathers rows as parity does (positions given: a shard's rows keep their place in the whole sample). */
function gather(all: ReadonlyArray<{ c: RowComparison; position: number }>, options: { remembered: Set<string>; replayed: Set<string> }): ParityPartial {
  const summary = new RowSummaryAccumulator(() => 0.1, 3);
  const recorder = new ParityRecorder({ ...options, memoryPerField: 2, analysisRows: 7, skewedRows: 4 });
  for (const { c, position } of all) {
    recorder.add(c, position);
    if (!options.replayed.has(c.row.key)) summary.add(c, position);
  }
  return { summary: summary.partial(), explained: {}, records: recorder.partial() };
}

const comparable = (p: ParityPartial) => {
  const records = finishParityRecords(p.records);
  return { summary: finishRowSummary(p.summary), records: { ...records, failedKeys: [...records.failedKeys].sort(), fieldsSeen: [...records.fieldsSeen].sort() } };
};

describe('sharding: rows split by key, merged exactly', () => {
  it('puts every row in exactly one shard of n', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 50 }), fc.integer({ min: 1, max: 9 }), (keys, total) => {
        for (const key of keys) {
          const owners = Array.from({ length: total }, (_, index) => index).filter((index) => ownsKey({ index, total }, key));
          expect(owners).toEqual([shardOfKey(key, total)]);
        }
      }),
    );
  });

  it('merge(shards) = whole: field stats, examples and errors by position, bottom-k rows, memory cases, replays', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.integer(), (comparisons, total, byHash, salt) => {
        const keys = comparisons.map((c) => c.row.key);
        const remembered = new Set(keys.filter((_, i) => (i + salt) % 5 === 0));
        const replayed = new Set([...remembered].filter((_, i) => i % 2 === 0));
        const options = { remembered, replayed };
        const indexed = comparisons.map((c, position) => ({ c, position }));
        // The harness's split, and an arbitrary one: the merge must not depend on which rows went where.
        const shardOf = (key: string, i: number) => (byHash ? shardOfKey(key, total) : Math.abs(salt + i * 7919) % total);
        const parts = Array.from({ length: total }, (_, s) => gather(indexed.filter(({ c }, i) => shardOf(c.row.key, i) === s), options));
        expect(comparable(mergeParityPartials(parts))).toEqual(comparable(gather(indexed, options)));
      }),
      { numRuns: 150 },
    );
  });

  it('divides rate and concurrency as totals', () => {
    expect(shardShare({ index: 0, total: 4 }, { ratePerSecond: 200, concurrency: 16 })).toEqual({ ratePerSecond: 50, concurrency: 4 });
    expect(shardShare({ index: 3, total: 4 }, { ratePerSecond: null, concurrency: 2 })).toEqual({ ratePerSecond: null, concurrency: 1 });
  });
});
