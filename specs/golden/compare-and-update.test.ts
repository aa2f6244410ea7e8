import { createComparePolicy } from '../../harness/core/compare-policy';
import { compareGolden } from '../../harness/golden/compare-golden';
import { GOLDEN_FORMAT, GOLDEN_VERSION, type GoldenHeader, type GoldenRecord } from '../../harness/golden/golden-record';
import { applyGoldenAcceptance, applyGoldenMode } from '../../harness/golden/update-golden';

const header: GoldenHeader = { format: GOLDEN_FORMAT, version: GOLDEN_VERSION, harness: 't', suite: 's', compare: {}, redacted: [] };
const policy = createComparePolicy();
const rec = (key: string, offline: Record<string, unknown>, online: Record<string, unknown>, input: Record<string, unknown> = { id: key }): GoldenRecord => ({ key, input, offline, online });

const golden = [rec('a', { x: 1, y: 1 }, { x: 1, y: 1 }), rec('b', { x: 2, y: 2 }, { x: 2, y: 2 }), rec('gone', { x: 0 }, { x: 0 })];
const current = [rec('a', { x: 1.5, y: 1 }, { x: 1, y: 5 }), rec('b', { x: 3, y: 2 }, { x: 3, y: 2.5 }), rec('new', { x: 9 }, { x: 9 })];

describe('compareGolden', () => {
  it('says which side changed, per field and row', () => {
    const c = compareGolden(golden, current, policy, () => true);
    expect(c.changes).toEqual([
      { key: 'a', field: 'x', side: 'offline', offline: { old: 1, new: 1.5 } },
      { key: 'a', field: 'y', side: 'online', online: { old: 1, new: 5 } },
      { key: 'b', field: 'x', side: 'both-alike', offline: { old: 2, new: 3 }, online: { old: 2, new: 3 } },
      { key: 'b', field: 'y', side: 'online', online: { old: 2, new: 2.5 } },
    ]);
    expect(c.newKeys).toEqual(['new']);
    expect(c.obsoleteKeys).toEqual(['gone']);
    expect(c.compared).toBe(2);
  });

  it('calls both sides moving apart both-different, and ignores differences within tolerance', () => {
    const c = compareGolden([rec('a', { x: 1 }, { x: 1 })], [rec('a', { x: 2 }, { x: 3 })], policy, () => true);
    expect(c.changes[0]!.side).toBe('both-different');
    expect(compareGolden([rec('a', { x: 1 }, { x: 1 })], [rec('a', { x: 1 + 1e-12 }, { x: 1 })], policy, () => true).changes).toEqual([]);
  });

  it('reports obsolete records only within the manifest of a partial run', () => {
    const partial = compareGolden(golden, [current[0]!], policy, (key) => key === 'a' || key === 'gone');
    expect(partial.obsoleteKeys).toEqual(['gone']);
    expect(compareGolden(golden, [current[0]!], policy, (key) => key === 'a').obsoleteKeys).toEqual([]);
  });
});

describe('update modes and acceptance', () => {
  const previous = { header, records: golden };
  const c = compareGolden(golden, current, policy, () => true);
  const keys = (u: ReturnType<typeof applyGoldenMode>) => u!.file.records.map((r) => `${r.key}:${JSON.stringify(r.offline)}`);

  it('none writes nothing; missing adds new records only', () => {
    expect(applyGoldenMode(previous, current, c, 'none', header)).toBeNull();
    const missing = applyGoldenMode(previous, current, c, 'missing', header)!;
    expect(missing).toMatchObject({ added: 1, rewritten: 0, removed: 0 });
    expect(keys(missing)).toEqual(['a:{"x":1,"y":1}', 'b:{"x":2,"y":2}', 'gone:{"x":0}', 'new:{"x":9}']);
  });

  it('changed also rewrites changed records; all rewrites everything and drops obsolete records', () => {
    expect(keys(applyGoldenMode(previous, current, c, 'changed', header))).toEqual(['a:{"x":1.5,"y":1}', 'b:{"x":3,"y":2}', 'gone:{"x":0}', 'new:{"x":9}']);
    const all = applyGoldenMode(previous, current, c, 'all', header)!;
    expect(all).toMatchObject({ added: 1, rewritten: 2, removed: 1 });
    expect(keys(all)).toEqual(['a:{"x":1.5,"y":1}', 'b:{"x":3,"y":2}', 'new:{"x":9}']);
  });

  it('accepts by field (on the side that moved), by row, new rows, or all', () => {
    const byField = applyGoldenAcceptance(previous, current, c, { all: false, fields: new Set(['y']), rows: new Set(), newRows: false }, header)!;
    expect(byField.file.records.find((r) => r.key === 'a')).toEqual(rec('a', { x: 1, y: 1 }, { x: 1, y: 5 }));
    expect(byField.file.records.find((r) => r.key === 'b')).toEqual(rec('b', { x: 2, y: 2 }, { x: 2, y: 2.5 }));
    const byRow = applyGoldenAcceptance(previous, current, c, { all: false, fields: new Set(), rows: new Set(['b']), newRows: true }, header)!;
    expect(byRow.file.records.map((r) => r.key)).toEqual(['a', 'b', 'gone', 'new']);
    expect(byRow.file.records.find((r) => r.key === 'b')).toEqual(current[1]);
    expect(byRow.file.records.find((r) => r.key === 'a')).toEqual(golden[0]);
    expect(applyGoldenAcceptance(previous, current, c, { all: false, fields: new Set(['nope']), rows: new Set(), newRows: false }, header)).toBeNull();
  });
});
