import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CheckResult } from '../../harness/core/check-result';
import { failureFile, readFailures, writeFailures } from '../../harness/memory/failure-file';
import { rememberMergedFailures } from '../../harness/runner/merge-memory';

const result = (name: string): CheckResult => ({ name, status: 'failed', summary: '', rows: { total: 1, compared: 1, offlineErrors: 0, onlineErrors: 0, notRun: 0 }, fields: [], errors: [] });

describe('the failure memory of a merged run', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'skew-merge-memory-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores new failures, drops and lists as fixed the ones that pass again, and leaves an unchanged file alone', async () => {
    await writeFailures(dir, [
      { check: 'parity', field: 'x', key: 'k1' },
      { check: 'parity', field: 'x', key: 'k2' },
    ]);
    const findings = [
      {
        check: 'parity',
        outcomes: [
          { check: 'parity', field: 'x', key: 'k1', result: 'pass' as const },
          { check: 'parity', field: 'x', key: 'k2', result: 'fail' as const },
          { check: 'parity', field: 'y', key: 'k3', result: 'fail' as const },
        ],
      },
    ];
    const results = await rememberMergedFailures(dir, findings, [result('determinism'), result('parity')], 5);
    expect(results.map((r) => r.fixed ?? [])).toEqual([[], [{ check: 'parity', field: 'x', key: 'k1' }]]);
    expect(await readFailures(dir)).toEqual([
      { check: 'parity', field: 'x', key: 'k2' },
      { check: 'parity', field: 'y', key: 'k3' },
    ]);
    // The same findings again: nothing new, nothing fixed, the file not rewritten.
    const file = failureFile(dir);
    const before = statSync(file).mtimeMs;
    const text = readFileSync(file, 'utf8');
    const again = await rememberMergedFailures(dir, [{ check: 'parity', outcomes: findings[0]!.outcomes.slice(1) }], [result('parity')], 5);
    expect(again[0]!.fixed).toBeUndefined();
    expect([statSync(file).mtimeMs, readFileSync(file, 'utf8')]).toEqual([before, text]);
  });
});
