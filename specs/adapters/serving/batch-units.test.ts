import fc from 'fast-check';
import { batchStarts } from '../../../harness/adapters/serving/batch-units';
import { createServingAdapter } from '../../../harness/adapters/serving';
import { sendJson, servingOptions, startTestServer } from './test-server';

const rowsOf = (ids: ReadonlyArray<string | null>) => ids.map((id, i) => ({ key: `r${i}`, fields: { id, x: i } }));

describe('batches never carry two rows with the same key', () => {
  it('ends a batch early at a repeated key, never exceeds the size, and keeps every row once, in order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { nil: null }), { maxLength: 60 }), fc.integer({ min: 2, max: 8 }), (ids, size) => {
        const rows = rowsOf(ids);
        const starts = batchStarts(rows, size, ['id']) ?? Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => i * size);
        const batches = starts.map((from, i) => rows.slice(from, starts[i + 1] ?? rows.length));
        expect(batches.flat()).toEqual(rows);
        for (const batch of batches) {
          expect(batch.length).toBeLessThanOrEqual(size);
          const keys = batch.map((r) => r.fields.id).filter((id) => id !== null);
          expect(new Set(keys).size).toBe(keys.length);
        }
      }),
    );
    // No repeated key in any slice: plain slices, no table built.
    expect(batchStarts(rowsOf(['a', 'b', 'c', 'd']), 2, ['id'])).toBeNull();
    expect(batchStarts(rowsOf(['a', 'a']), 2, [])).toBeNull();
  });

  it('an endpoint that answers a batch by id gets no duplicates, so generated copies of a row keep their own features', async () => {
    // Answers { results: [{ id, y }] } in reverse order; the response mapper puts them back by id.
    const server = await startTestServer((req, res) => {
      const { rows } = JSON.parse(req.body) as { rows: Array<{ id: string; x: number }> };
      sendJson(res, 200, { results: rows.map((r) => ({ id: r.id, y: r.x * 10 })).reverse() });
    });
    const byId = (body: unknown, rows: ReadonlyArray<Record<string, unknown>>) => {
      const results = (body as { results: Array<{ id: string; y: number }> }).results;
      return rows.map((row) => ({ y: results.find((r) => r.id === row['id'])!.y }));
    };
    const adapter = createServingAdapter(servingOptions({ url: `${server.url}/one`, batch: { url: `${server.url}/batch`, size: 4, request: (rows) => ({ rows }), response: byId as never } }), { keyColumns: ['id'] });
    try {
      // Rows 1 and 2 are copies of row 0's key with other values (as generated rows are).
      const results = await adapter.compute(rowsOf(['a', 'a', 'a', 'b', 'c']));
      expect(results).toEqual([0, 1, 2, 3, 4].map((x) => ({ kind: 'ok', features: { y: x * 10 } })));
    } finally {
      await adapter.close();
      await server.close();
    }
  });
});
