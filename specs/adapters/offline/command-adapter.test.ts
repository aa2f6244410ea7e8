import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createCommandAdapter } from '../../../harness/adapters/offline/command-adapter';
import { OfflineError } from '../../../harness/errors/offline-error';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'skew-command-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a Python script into the temp dir and returns an adapter running it. */
function python(name: string, source: string, env: Record<string, string> = {}) {
  writeFileSync(path.join(dir, name), source);
  return createCommandAdapter({ command: ['python3', name], cwd: dir, env });
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, fields: { id: i, x: i * 1.5, name: ` n${i} ` } }));

const DOUBLER = `
import json, sys
for line in sys.stdin:
    row = json.loads(line)
    sys.stdout.write(json.dumps({"x2": row["x"] * 2, "name": row["name"].strip()}) + "\\n")
`;

describe('command adapter (a real Python subprocess speaking JSON Lines)', () => {
  it('streams rows through the process and returns one result per row, in order', async () => {
    const adapter = python('double.py', DOUBLER);
    const seen: number[] = [];
    const results = await adapter.compute(rows(5), { onResult: (i) => seen.push(i) });
    expect(results).toEqual(rows(5).map((r) => ({ kind: 'ok', features: { x2: r.fields.x * 2, name: r.fields.name.trim() } })));
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps memory flat and does not deadlock on inputs far larger than the pipe buffers', async () => {
    const adapter = python('double-big.py', DOUBLER);
    const many = rows(50_000);
    const results = await adapter.compute(many);
    expect(results).toHaveLength(50_000);
    expect(results[49_999]).toEqual({ kind: 'ok', features: { x2: 49_999 * 3, name: 'n49999' } });
  });

  it("accepts Python's bare NaN and Infinity tokens as numbers", async () => {
    const adapter = python(
      'nan.py',
      `import json, sys\nfor line in sys.stdin:\n    print(json.dumps({"a": float("nan"), "b": float("inf"), "c": float("-inf"), "s": "NaN Infinity"}))\n`,
    );
    const [result] = await adapter.compute(rows(1));
    expect(result).toEqual({ kind: 'ok', features: { a: NaN, b: Infinity, c: -Infinity, s: 'NaN Infinity' } });
  });

  it('turns {"$error": ...} lines into per-row errors and keeps the other rows', async () => {
    const adapter = python(
      'row-error.py',
      `import json, sys\nfor line in sys.stdin:\n    r = json.loads(line)\n    print(json.dumps({"$error": "bad id"} if r["id"] == 1 else {"id": r["id"]}))\n`,
    );
    const results = await adapter.compute(rows(3));
    expect(results[0]).toEqual({ kind: 'ok', features: { id: 0 } });
    expect(results[1]).toEqual({ kind: 'error', message: 'offline row k1: bad id' });
    expect(results[2]).toEqual({ kind: 'ok', features: { id: 2 } });
  });

  it('fails with the tail of stderr when the process crashes', async () => {
    const adapter = python(
      'crash.py',
      `import json, sys\nfor i, line in enumerate(sys.stdin):\n    if i == 2:\n        raise ValueError("cannot parse signup_date")\n    print(json.dumps({"i": i}), flush=True)\n`,
    );
    const error = await adapter.compute(rows(5)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfflineError);
    expect((error as OfflineError).message).toMatch(/^offline command python3 crash\.py exited with code 1 after 2 of 5 rows\n--- stderr \(last lines\) ---\n/);
    expect((error as OfflineError).stderrTail).toMatch(/ValueError: cannot parse signup_date$/);
  });

  it('fails when the process prints fewer lines than rows', async () => {
    const adapter = python('short.py', `import sys\nfor i, line in enumerate(sys.stdin):\n    if i < 2: print('{}')\n`);
    await expect(adapter.compute(rows(4))).rejects.toThrow('offline command python3 short.py printed 2 lines for 4 rows (one JSON object per input line expected)');
  });

  it('fails on invalid JSON, naming the output line', async () => {
    const adapter = python('junk.py', `import sys\nfor i, line in enumerate(sys.stdin):\n    print('{"ok": 1}' if i == 0 else 'features: 3')\n`);
    await expect(adapter.compute(rows(3))).rejects.toThrow('offline command python3 junk.py printed invalid JSON on output line 2: features: 3');
  });

  it('fails clearly when the command does not exist', async () => {
    const adapter = createCommandAdapter({ command: ['no-such-pipeline-xyz', 'a.py'], cwd: dir, env: {} });
    await expect(adapter.compute(rows(1))).rejects.toThrow(/^offline command no-such-pipeline-xyz a\.py could not be started: no-such-pipeline-xyz not found/);
  });

  it('passes extra environment variables and runs in the configured directory', async () => {
    const adapter = python('env.py', `import json, os, sys\nfor line in sys.stdin:\n    print(json.dumps({"mode": os.environ["MODE"], "cwd": os.getcwd()}))\n`, { MODE: 'strict' });
    const [result] = await adapter.compute(rows(1));
    expect(result).toEqual({ kind: 'ok', features: { mode: 'strict', cwd: dir } });
  });

  it('fails, and stops the process, when it produces no output for longer than its timeout', async () => {
    writeFileSync(path.join(dir, 'stuck.py'), `import sys, time\nsys.stdin.readline()\ntime.sleep(30)\n`);
    const adapter = createCommandAdapter({ command: ['python3', 'stuck.py'], cwd: dir, env: {}, timeoutMs: 300 });
    await expect(adapter.compute(rows(3))).rejects.toThrow(
      'offline command python3 stuck.py produced no output for 300 ms (after 0 of 3 rows); raise offline.timeoutMs if it needs longer',
    );
  });

  it('stops the process when aborted', async () => {
    const adapter = python('slow.py', `import sys, time\nfor line in sys.stdin:\n    time.sleep(10)\n`);
    const controller = new AbortController();
    const pending = adapter.compute(rows(2), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop now')), 100);
    await expect(pending).rejects.toThrow('stop now');
  });
});
