import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createModuleAdapter } from '../../../harness/adapters/offline/module-adapter';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'skew-module-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function moduleFile(name: string, source: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, source);
  return file;
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, fields: { id: i, x: i + 0.5 } }));

describe('module adapter (a real TS/JS module loaded with jiti)', () => {
  it('calls the batch function of a TypeScript module in batches and returns results in order', async () => {
    const file = moduleFile(
      'features.ts',
      `let calls = 0;
       export function computeFeatures(rows: Array<{ id: number; x: number }>): Array<Record<string, unknown>> {
         calls++;
         return rows.map((r) => ({ x_sq: r.x * r.x, batch: rows.length, call: calls }));
       }`,
    );
    const adapter = await createModuleAdapter({ path: file, exportName: null, batchSize: 2 });
    const results = await adapter.compute(rows(5));
    expect(results.map((r) => (r.kind === 'ok' ? r.features : r))).toEqual([
      { x_sq: 0.25, batch: 2, call: 1 },
      { x_sq: 2.25, batch: 2, call: 1 },
      { x_sq: 6.25, batch: 2, call: 2 },
      { x_sq: 12.25, batch: 2, call: 2 },
      { x_sq: 20.25, batch: 1, call: 3 },
    ]);
  });

  it('supports async functions, named exports and ESM default exports', async () => {
    const named = moduleFile('named.mjs', `export async function features(rows) { return rows.map((r) => ({ id: r.id })); }`);
    const byName = await createModuleAdapter({ path: named, exportName: 'features', batchSize: 10 });
    expect(await byName.compute(rows(1))).toEqual([{ kind: 'ok', features: { id: 0 } }]);
    const dflt = moduleFile('default.mjs', `export default (rows) => rows.map(() => ({ d: true }));`);
    const byDefault = await createModuleAdapter({ path: dflt, exportName: null, batchSize: 10 });
    expect(await byDefault.compute(rows(1))).toEqual([{ kind: 'ok', features: { d: true } }]);
  });

  it('isolates a row that throws: the batch is retried row by row', async () => {
    const file = moduleFile(
      'throws.ts',
      `export function computeFeatures(rows: Array<{ id: number }>) {
         return rows.map((r) => { if (r.id === 2) throw new Error('no plan for row'); return { id: r.id }; });
       }`,
    );
    const adapter = await createModuleAdapter({ path: file, exportName: null, batchSize: 10 });
    const results = await adapter.compute(rows(4));
    expect(results.map((r) => r.kind)).toEqual(['ok', 'ok', 'error', 'ok']);
    expect(results[2]).toEqual({ kind: 'error', message: 'offline module throws.ts#computeFeatures threw: no plan for row' });
  });

  it('calls a module broken only when it throws on 3 rows tried alone, and never on rows chosen by key', async () => {
    const file = moduleFile('throws-always.ts', `export function computeFeatures(rows: Array<{ id: number }>) { throw new Error('no plan for ' + rows[0]!.id); }`);
    const few = await createModuleAdapter({ path: file, exportName: null, batchSize: 10 });
    await few.warmUp!(rows(2));
    expect(await few.compute(rows(2))).toEqual([0, 1].map((i) => ({ kind: 'error', message: `offline module throws-always.ts#computeFeatures threw: no plan for ${i}` })));
    const chosen = await createModuleAdapter({ path: file, exportName: null, batchSize: 10, chosenRows: true });
    await chosen.warmUp!(rows(4));
    const sampled = await createModuleAdapter({ path: file, exportName: null, batchSize: 10 });
    await expect(sampled.warmUp!(rows(4))).rejects.toThrow(/^offline module throws-always\.ts#computeFeatures fails on every row it is given \(3 rows tried alone\): threw: no plan for 0$/);
  });

  it('cannot corrupt the sample by mutating its input', async () => {
    const file = moduleFile('mutates.ts', `export function computeFeatures(rows: any[]) { return rows.map((r) => { r.id = -1; return { ok: 1 }; }); }`);
    const adapter = await createModuleAdapter({ path: file, exportName: null, batchSize: 10 });
    const input = rows(2);
    await adapter.compute(input);
    expect(input[0]!.fields.id).toBe(0);
  });

  it('fails clearly on a wrong number of results, a missing export, or a module that does not load', async () => {
    const short = await createModuleAdapter({ path: moduleFile('short.ts', `export const computeFeatures = (rows: unknown[]) => rows.slice(1).map(() => ({}));`), exportName: null, batchSize: 10 });
    await expect(short.compute(rows(3))).rejects.toThrow('offline module short.ts#computeFeatures returned 2 feature objects for 3 rows');
    await expect(createModuleAdapter({ path: moduleFile('none.ts', `export const helper = 1;`), exportName: null, batchSize: 1 })).rejects.toThrow(
      /has no function export "computeFeatures" or "default" \(exports: helper\); check offline\.module$/,
    );
    await expect(createModuleAdapter({ path: path.join(dir, 'missing.ts'), exportName: null, batchSize: 1 })).rejects.toThrow(/missing.ts: file not found; check offline\.module$/);
  });
});
