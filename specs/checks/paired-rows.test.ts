import fc from 'fast-check';
import { pairRows } from '../../harness/checks/paired-rows';
import type { Side, SideResult, SourceRow } from '../../harness/core/row';

/** How a fake side hands over one window's results. */
type Delivery = 'stream' | 'array' | 'mixed' | 'sync' | 'twice';

const rowsOf = (n: number): SourceRow[] => Array.from({ length: n }, (_, i) => ({ key: `r${i}`, line: i + 2, values: { i } }));
const resultOf = (side: Side, key: string): SideResult => ({ kind: 'ok', features: { side, key } });

describe('pairRows', () => {
  it('folds every row once, in row order, with each side’s own result, however and whenever the sides answer', async () => {
    const deliveries: fc.Arbitrary<Delivery> = fc.constantFrom('stream', 'array', 'mixed', 'sync', 'twice');
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(deliveries, { minLength: 1, maxLength: 12 }),
        async (s, n, windowRows, windowsInFlight, plan) => {
          const rows = rowsOf(n);
          let calls = 0;
          let open = 0;
          let mostOpen = 0;
          const compute = async (side: Side, windowOf: readonly SourceRow[], onResult: (i: number, r: SideResult) => void): Promise<readonly SideResult[]> => {
            const delivery = plan[calls++ % plan.length]!;
            open++;
            mostOpen = Math.max(mostOpen, open);
            const results = windowOf.map((row) => resultOf(side, row.key));
            try {
              if (delivery === 'sync') results.forEach((r, i) => onResult(i, r));
              if (delivery === 'array') {
                await s.schedule(Promise.resolve(), `${side} array`);
                return results;
              }
              // Each row answered at a moment of the scheduler's choosing (so in any order).
              const handOver = delivery === 'mixed' ? results.filter((_, i) => i % 2 === 0) : delivery === 'sync' ? [] : results;
              await Promise.all(
                handOver.map(async (r) => {
                  const i = results.indexOf(r);
                  await s.schedule(Promise.resolve(), `${side} ${windowOf[i]!.key}`);
                  onResult(i, r);
                  // A second report of the same row (a different value) must be ignored.
                  if (delivery === 'twice') onResult(i, { kind: 'error', message: 'reported twice' });
                }),
              );
              await s.schedule(Promise.resolve(), `${side} done`);
              return delivery === 'mixed' ? results : [];
            } finally {
              open--;
            }
          };
          const folded: Array<{ key: string; index: number; offline: SideResult; online: SideResult }> = [];
          await s.waitFor(pairRows({ rows, windowRows, windowsInFlight, compute, fold: (row, offline, online, index) => folded.push({ key: row.key, index, offline, online }) }));
          expect(folded.map((f) => f.index)).toEqual(rows.map((_, i) => i));
          expect(folded.map((f) => f.key)).toEqual(rows.map((r) => r.key));
          for (const f of folded) {
            expect(f.offline).toEqual(resultOf('offline', f.key));
            expect(f.online).toEqual(resultOf('online', f.key));
          }
          // Two calls (one per side) per window, never more windows than allowed at once.
          expect(calls).toBe(2 * Math.ceil(n / windowRows));
          expect(mostOpen).toBeLessThanOrEqual(2 * windowsInFlight);
        },
      ),
    );
  });

  it('folds a row as soon as both sides have answered it, before its window ends', async () => {
    const rows = rowsOf(3);
    const events: string[] = [];
    let release!: () => void;
    const last = new Promise<void>((resolve) => (release = resolve));
    const compute = async (side: Side, windowOf: readonly SourceRow[], onResult: (i: number, r: SideResult) => void): Promise<SideResult[]> => {
      onResult(0, resultOf(side, 'r0'));
      onResult(1, resultOf(side, 'r1'));
      await last;
      onResult(2, resultOf(side, 'r2'));
      return [];
    };
    const done = pairRows({ rows, windowRows: 3, windowsInFlight: 2, compute, fold: (row) => events.push(`fold ${row.key}`) });
    await new Promise((resolve) => setImmediate(resolve));
    events.push('row 2 answered');
    release();
    await done;
    expect(events).toEqual(['fold r0', 'fold r1', 'row 2 answered', 'fold r2']);
  });

  it('rejects with the first side’s failure at once, and with an internal error when a row was never answered', async () => {
    const boom = new Error('pipeline crashed');
    const failing = pairRows({
      rows: rowsOf(10),
      windowRows: 4,
      windowsInFlight: 2,
      compute: (side) => (side === 'offline' ? Promise.reject(boom) : new Promise<SideResult[]>(() => undefined)),
      fold: () => undefined,
    });
    await expect(failing).rejects.toBe(boom);

    const forgetful = pairRows({
      rows: rowsOf(3),
      windowRows: 3,
      windowsInFlight: 1,
      compute: async (side, windowOf, onResult) => {
        windowOf.forEach((row, i) => (side === 'offline' || i !== 1) && onResult(i, resultOf(side, row.key)));
        return [];
      },
      fold: () => undefined,
    });
    await expect(forgetful).rejects.toThrow('internal error: no serving result for row r1');
  });

  it('rejects when a fold throws, resolves at once with no rows, and refuses windows of no rows', async () => {
    const folding = pairRows({
      rows: rowsOf(2),
      windowRows: 2,
      windowsInFlight: 1,
      compute: async (side, windowOf) => windowOf.map((row) => resultOf(side, row.key)),
      fold: () => {
        throw new Error('fold bug');
      },
    });
    await expect(folding).rejects.toThrow('fold bug');
    let calls = 0;
    await pairRows({ rows: [], windowRows: 2, windowsInFlight: 2, compute: async () => (calls++, []), fold: () => undefined });
    expect(calls).toBe(0);
    // Windows of no rows would never get through the rows.
    expect(() => pairRows({ rows: rowsOf(3), windowRows: 0, windowsInFlight: 1, compute: async () => [], fold: () => undefined })).toThrow('windowRows must be a positive integer (got 0)');
  });
});
