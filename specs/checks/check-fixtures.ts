import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FeatureAdapter } from '../../harness/adapters/feature-adapter';
import { createModuleAdapter } from '../../harness/adapters/offline/module-adapter';
import { createServingAdapter } from '../../harness/adapters/serving';
import type { CheckContext } from '../../harness/checks/check-context';
import { resolveConfig } from '../../harness/config/resolve-config';
import { createComparePolicy } from '../../harness/core/compare-policy';
import type { Row, SourceRow } from '../../harness/core/row';

/** Rows with a key, two inputs and a binary label. */
export function makeRows(n: number): SourceRow[] {
  return Array.from({ length: n }, (_, i) => ({ key: `r${i}`, line: i + 2, values: { id: `r${i}`, x: i * 1.5 - 10, plan: ['a', 'b', 'c'][i % 3]!, label: i % 2 } }));
}

/** A temp dir holding offline modules for one spec file. */
export function moduleDir(): { write(name: string, source: string): Promise<FeatureAdapter>; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'skew-checks-'));
  return {
    async write(name, source) {
      const file = path.join(dir, name);
      writeFileSync(file, source);
      return createModuleAdapter({ path: file, exportName: null, batchSize: 1000 });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A real serving endpoint on 127.0.0.1 computing features with `compute`, plus the adapter for it. */
export async function servingFor(compute: (row: Row) => Row): Promise<{ adapter: FeatureAdapter; close(): Promise<void> }> {
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      // A compute that throws is a server crashing on that row: 500.
      let answer: string;
      try {
        answer = JSON.stringify({ features: compute(JSON.parse(body) as Row) });
      } catch (error) {
        res.statusCode = 500;
        answer = JSON.stringify({ error: String(error) });
      }
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/features`;
  const config = resolveConfig({ source: { path: 'x.csv' }, offline: { command: ['x'] }, serving: { url } }, { rootDir: '/', env: {} });
  const adapter = createServingAdapter(config.serving);
  return {
    adapter,
    async close() {
      await adapter.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A check context over real adapters. */
export function contextFor(rows: SourceRow[], offline: FeatureAdapter, online: FeatureAdapter, extra: Partial<CheckContext> = {}): CheckContext {
  return {
    rows,
    offline,
    online,
    offlineComputes: true,
    offlineFields: (row) => row.values,
    onlineFields: (row) => {
      const { label: _label, ...inputs } = row.values;
      return inputs;
    },
    label: 'label',
    policy: createComparePolicy(),
    examples: 3,
    noise: null,
    ...extra,
  };
}
