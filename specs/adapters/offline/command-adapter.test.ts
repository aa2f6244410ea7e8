import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createCommandAdapter } from '../../../harness/adapters/offline/command-adapter';
import { OfflineError } from '../../../harness/errors/offline-error';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'skew-command-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Every adapter keeps a warm spare process: close them all, as a session does.
const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const adapter of opened.splice(0)) await adapter.close();
});

/** Writes a Python script into the temp dir and returns an adapter running it. */
function python(name: string, source: string, env: Record<string, string> = {}) {
  writeFileSync(path.join(dir, name), source);
  const adapter = createCommandAdapter({ command: ['python3', name], cwd: dir, env });
  opened.push(adapter);
  return adapter;
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, fields: { id: i, x: i * 1.5, name: ` n${i} ` } }));

/** Reads the whole batch, then raises on the rows it does not expect: one bad row fails the whole batch. */
const STRICT_WHOLE_BATCH = `
import json, sys
rows = [json.loads(line) for line in sys.stdin]
out = []
for row in rows:
    if row["id"] in (3, 17, 31):
        raise ValueError("bad id %d" % row["id"])
    out.append({"x2": row["x"] * 2})
for o in out:
    print(json.dumps(o))
`;

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

  it('finds the rows a whole-batch pipeline crashes on, each an error with its own stderr, and computes the rest', async () => {
    const adapter = python('whole.py', STRICT_WHOLE_BATCH);
    const results = await adapter.compute(rows(40));
    const errors = results.flatMap((r, i) => (r.kind === 'error' ? [{ i, r }] : []));
    expect(errors.map((e) => e.i)).toEqual([3, 17, 31]);
    for (const { i, r } of errors) {
      expect(r).toMatchObject({ kind: 'error', message: `offline command python3 whole.py exited with code 1: ValueError: bad id ${i}` });
      // The stderr tail is that row's own run: it names only that row.
      expect((r as { detail: string }).detail).toMatch(/^Traceback/);
      expect([...(r as { detail: string }).detail.matchAll(/ValueError: bad id (\d+)/g)].map((m) => Number(m[1]))).toEqual([i]);
    }
    expect(results.filter((r) => r.kind === 'ok')).toHaveLength(37);
    expect(results[4]).toEqual({ kind: 'ok', features: { x2: 12 } });
    expect(adapter.processes.mode).toBe('batch');
    await adapter.close();
  });

  it('keeps the rows a line-by-line pipeline answered before it crashed, and isolates the one it died on', async () => {
    const adapter = python('stream-crash.py', `import json, sys\nfor line in sys.stdin:\n    r = json.loads(line)\n    if r["id"] == 5:\n        raise KeyError("plan")\n    print(json.dumps({"id": r["id"]}), flush=True)\n`);
    const results = await adapter.compute(rows(12));
    expect(adapter.processes.mode).toBe('stream');
    expect(results.map((r) => r.kind)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'error', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(results[5]).toMatchObject({ message: "offline command python3 stream-crash.py exited with code 1: KeyError: 'plan'" });
    // probe (kept as the long-lived worker) + spare + the batch + the rest after the suspect + a new spare
    expect(adapter.processes.started).toBeLessThanOrEqual(6);
    await adapter.close();
  });

  it('distrusts every line of a batch with the wrong line count (a pipeline that drops rows shifts the rest)', async () => {
    const adapter = python('dropna.py', `import json, sys\nrows = [json.loads(l) for l in sys.stdin]\nfor r in rows:\n    if r["id"] % 4 != 1:\n        print(json.dumps({"id": r["id"]}))\n`);
    const results = await adapter.compute(rows(8));
    expect(results.map((r) => (r.kind === 'ok' ? r.features['id'] : 'error'))).toEqual([0, 'error', 2, 3, 4, 'error', 6, 7]);
    expect(results[1]).toMatchObject({ message: 'offline command python3 dropna.py printed 0 lines for 1 rows (one JSON object per input line expected)' });
    await adapter.close();
  });

  it('isolates a row whose output line is not JSON, naming the line', async () => {
    // Where a row's features should be: text that starts like an object but is not JSON (Python's print(dict)).
    const adapter = python('junk.py', `import json, sys\nfor line in sys.stdin:\n    r = json.loads(line)\n    print("{'ok': 1}" if r["id"] == 2 else json.dumps({"ok": 1}))\n`);
    const results = await adapter.compute(rows(4));
    expect(results[2]).toEqual({ kind: 'error', message: `offline command python3 junk.py printed invalid JSON on output line 1: {'ok': 1}` });
    expect(results.filter((r) => r.kind === 'ok')).toHaveLength(3);
    // Plain text between answers stands where a row's features should be: an error too, not log output.
    const text = python('text.py', `import json, sys\nfor line in sys.stdin:\n    r = json.loads(line)\n    print('features: 3' if r["id"] == 2 else json.dumps({"ok": 1}))\n`);
    const again = await text.compute(rows(4));
    expect(again[2]).toEqual({ kind: 'error', message: 'offline command python3 text.py printed invalid JSON on output line 1: features: 3' });
    expect(again.filter((r) => r.kind === 'ok')).toHaveLength(3);
    await adapter.close();
    await text.close();
  });

  it('skips log output printed to stdout before the first answer and after the last (text, a blank line) and counts it', async () => {
    const adapter = python(
      'chatty.py',
      `import json, sys\nprint("Loading vocabulary from vocab.json ...")\nrows = [json.loads(l) for l in sys.stdin]\nprint("WARNING: 2 rows have no city")\nfor r in rows:\n    print(json.dumps({"x2": r["x"] * 2}))\nprint()\nprint(f"processed {len(rows)} rows")\n`,
    );
    const results = await adapter.compute(rows(5));
    expect(results).toEqual(rows(5).map((r) => ({ kind: 'ok', features: { x2: r.fields.x * 2 } })));
    expect(adapter.processes?.skippedStdout).toEqual({ lines: 4, first: 'Loading vocabulary from vocab.json ...' });
    await adapter.close();
  });

  it('never hands a row another row\'s features when a row\'s answer is text instead of JSON (first row included)', async () => {
    // A whole-batch pipeline that "skips" rows it cannot compute with a message on stdout instead of features.
    const adapter = python('skipper.py', `import json, sys\nrows = [json.loads(l) for l in sys.stdin]\nfor r in rows:\n    if r["id"] % 3 == 0:\n        print(f"skipping row {r['id']}: bad id")\n    else:\n        print(json.dumps({"id2": r["id"] * 2}))\n`);
    const seen = new Map<number, unknown>();
    const results = await adapter.compute(rows(7), { onResult: (i, r) => (seen.has(i) ? undefined : seen.set(i, r)) });
    rows(7).forEach((row, i) => {
      const expected = row.fields.id % 3 === 0 ? expect.objectContaining({ kind: 'error' }) : { kind: 'ok', features: { id2: row.fields.id * 2 } };
      expect(results[i]).toEqual(expected);
      // What was handed out as soon as known is right too: no result of a misaligned batch.
      if (seen.has(i)) expect(seen.get(i)).toEqual(expected);
    });
    await adapter.close();
  });

  it('skips the start-up banner of every process of a line-by-line pipeline, also after one crashed', async () => {
    const adapter = python(
      'banner.py',
      `import json, sys\nprint("features 3.2: model loaded", flush=True)\nfor line in sys.stdin:\n    r = json.loads(line)\n    if r["id"] == 4:\n        raise SystemExit("cannot compute row 4")\n    print(json.dumps({"id2": r["id"] * 2}), flush=True)\n`,
    );
    await adapter.warmUp!(rows(3));
    expect(adapter.processes?.mode).toBe('stream');
    const results = await adapter.compute(rows(9));
    rows(9).forEach((row, i) => {
      if (row.fields.id === 4) expect(results[i]).toMatchObject({ kind: 'error' });
      else expect(results[i]).toEqual({ kind: 'ok', features: { id2: row.fields.id * 2 } });
    });
    // Single rows go through the long-lived worker, whose process restarts after row 4 and prints its banner again.
    for (const id of [4, 5, 6]) {
      const [one] = await adapter.compute([{ key: `k${id}`, fields: { id, x: 0, name: '' } }]);
      expect(one).toEqual(id === 4 ? expect.objectContaining({ kind: 'error' }) : { kind: 'ok', features: { id2: id * 2 } });
    }
    await adapter.close();
  });

  it('stops the run when the pipeline fails on every row it is given (an import error)', async () => {
    const adapter = python('import-fails.py', `import json, sys\nimport no_such_module_xyz\n`);
    const error = await adapter.compute(rows(10)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfflineError);
    expect((error as OfflineError).message).toMatch(/^offline command python3 import-fails\.py fails on every row it is given \(3 rows tried alone\): it exited with code 1; check offline\.command\n--- stderr/);
    expect((error as OfflineError).stderrTail).toMatch(/ModuleNotFoundError: No module named 'no_such_module_xyz'$/);
    await adapter.close();
  });

  it('calls a pipeline broken only on 3 distinct rows: one or two rejected rows are those rows\' errors', async () => {
    const rejectsAll = `import json, sys\nrows = [json.loads(l) for l in sys.stdin]\nraise ValueError("no plan for id %d" % rows[0]["id"])\n`;
    const one = python('rejects-one.py', rejectsAll);
    const [alone] = await one.compute(rows(1));
    expect(alone).toMatchObject({ kind: 'error', message: 'offline command python3 rejects-one.py exited with code 1: ValueError: no plan for id 0' });
    expect((alone as { detail: string }).detail).toMatch(/^Traceback/);
    const two = python('rejects-two.py', rejectsAll);
    expect((await two.compute(rows(2))).map((r) => r.kind === 'error' && r.message.replace(/.*: /, ''))).toEqual(['no plan for id 0', 'no plan for id 1']);
    // The same row twice is one row's evidence, not two.
    const same = python('rejects-same.py', rejectsAll);
    const twice = [...rows(2), { ...rows(1)[0]!, key: 'k0-again' }];
    expect((await same.compute(twice)).every((r) => r.kind === 'error')).toBe(true);
    // Three distinct rows, all failing alone before a single answer: broken.
    const three = python('rejects-three.py', rejectsAll);
    await expect(three.compute(rows(3))).rejects.toThrow(/^offline command python3 rejects-three\.py fails on every row it is given \(3 rows tried alone\): it exited with code 1; check offline\.command/);
  });

  it('never calls a pipeline broken for failing on rows chosen by key, only for not starting', async () => {
    writeFileSync(path.join(dir, 'chosen.py'), `import json, sys\nrows = [json.loads(l) for l in sys.stdin]\nraise ValueError("bad id %d" % rows[0]["id"])\n`);
    const adapter = createCommandAdapter({ command: ['python3', 'chosen.py'], cwd: dir, env: {}, chosenRows: true });
    opened.push(adapter);
    const results = await adapter.compute(rows(5));
    expect(results.map((r) => r.kind === 'error' && r.message)).toEqual(rows(5).map((_, i) => `offline command python3 chosen.py exited with code 1: ValueError: bad id ${i}`));
    const missing = createCommandAdapter({ command: ['no-such-pipeline-xyz'], cwd: dir, env: {}, chosenRows: true });
    opened.push(missing);
    await expect(missing.compute(rows(1))).rejects.toThrow(/could not be started/);
  });

  it('proves the pipeline runs in warmUp, before any batch', async () => {
    const adapter = python('import-fails-2.py', `import no_such_module_xyz\n`);
    await expect(adapter.warmUp(rows(4))).rejects.toThrow(/fails on every row it is given/);
    await adapter.close();
  });

  it('tells a pipeline that answers line by line from one that reads its whole input first', async () => {
    const streaming = python('answers.py', `import json, sys\nfor line in sys.stdin:\n    print(json.dumps({"a": 1}), flush=True)\n`);
    const whole = python('reads-all.py', `import json, sys\nrows = sys.stdin.read().splitlines()\nfor r in rows:\n    print(json.dumps({"a": 1}))\n`);
    // Line by line but block-buffered output: its answer only comes at exit, so it is a batch pipeline.
    const buffered = python('buffered.py', `import json, sys\nfor line in sys.stdin:\n    sys.stdout.write(json.dumps({"a": 1}) + "\\n")\n`, { PYTHONUNBUFFERED: '' });
    const slowStart = python('slow-start.py', `import json, sys, time\ntime.sleep(0.6)\nfor line in sys.stdin:\n    print(json.dumps({"a": 1}), flush=True)\n`);
    for (const adapter of [streaming, whole, buffered, slowStart]) await adapter.warmUp(rows(1));
    expect([streaming, whole, buffered, slowStart].map((a) => a.processes.mode)).toEqual(['stream', 'batch', 'batch', 'stream']);
    for (const adapter of [streaming, whole, buffered, slowStart]) {
      expect(await adapter.compute(rows(3))).toEqual(Array(3).fill({ kind: 'ok', features: { a: 1 } }));
      await adapter.close();
    }
  });

  it('serves single rows of a line-by-line pipeline from one long-lived process', async () => {
    const adapter = python('answers-many.py', `import json, os, sys\nfor line in sys.stdin:\n    print(json.dumps({"pid": os.getpid()}), flush=True)\n`);
    const pids = new Set<unknown>();
    for (const row of rows(15)) {
      const [result] = await adapter.compute([row]);
      pids.add(result!.kind === 'ok' ? result!.features['pid'] : result);
    }
    expect(pids.size).toBe(1);
    // The long-lived process, and its warm spares: one, or three when the first answer took over 250 ms (a loaded
    // machine) — never a process per row.
    expect(adapter.processes.started).toBeLessThanOrEqual(4);
    await adapter.close();
  });

  it('fails clearly when the command does not exist', async () => {
    const adapter = createCommandAdapter({ command: ['no-such-pipeline-xyz', 'a.py'], cwd: dir, env: {} });
    opened.push(adapter);
    await expect(adapter.compute(rows(1))).rejects.toThrow(/^offline command no-such-pipeline-xyz a\.py could not be started: no-such-pipeline-xyz not found/);
  });

  it('passes extra environment variables and runs in the configured directory', async () => {
    const adapter = python('env.py', `import json, os, sys\nfor line in sys.stdin:\n    print(json.dumps({"mode": os.environ["MODE"], "cwd": os.getcwd()}))\n`, { MODE: 'strict' });
    const [result] = await adapter.compute(rows(1));
    expect(result).toEqual({ kind: 'ok', features: { mode: 'strict', cwd: dir } });
  });

  it('fails, and stops the process, when it produces no output for longer than its timeout on every row', async () => {
    writeFileSync(path.join(dir, 'stuck.py'), `import sys, time\nsys.stdin.readline()\ntime.sleep(30)\n`);
    const adapter = createCommandAdapter({ command: ['python3', 'stuck.py'], cwd: dir, env: {}, timeoutMs: 300 });
    opened.push(adapter);
    await expect(adapter.compute(rows(3))).rejects.toThrow(
      /^offline command python3 stuck\.py fails on every row it is given \(\d rows tried alone\): it produced no output for 300 ms \(after 0 of 1 rows\); raise offline\.timeoutMs if it needs longer; check offline\.command$/,
    );
    await adapter.close();
  });

  it('stops the process when aborted', async () => {
    const adapter = python('slow.py', `import sys, time\nfor line in sys.stdin:\n    time.sleep(10)\n`);
    const controller = new AbortController();
    const pending = adapter.compute(rows(2), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop now')), 100);
    await expect(pending).rejects.toThrow('stop now');
  });
});

describe('command adapter: isolating dense failures and interpreter shims', () => {
  it('runs every row alone once a sample shows failures are dense, instead of bisecting', async () => {
    const adapter = python('half-bad.py', `import json, sys\nrows = [json.loads(l) for l in sys.stdin]\nfor r in rows:\n    if r["id"] % 2: raise ValueError("odd id")\nfor r in rows:\n    print(json.dumps({"id": r["id"]}))\n`);
    await adapter.warmUp(rows(1));
    const before = adapter.processes.started;
    const results = await adapter.compute(rows(40));
    expect(results.map((r) => r.kind)).toEqual(rows(40).map((_, i) => (i % 2 ? 'error' : 'ok')));
    // One failed batch, then each row alone (+ warm spares): well under what bisecting 20 failures would start.
    expect(adapter.processes.started - before).toBeLessThanOrEqual(1 + 40 + 2);
  });

  it('runs the interpreter a pyenv shim would pick, with its bin first on PATH', async () => {
    const fake = path.join(dir, 'fakehome');
    const shims = path.join(fake, '.pyenv', 'shims');
    const bin = path.join(fake, 'bin');
    mkdirSync(shims, { recursive: true });
    mkdirSync(bin, { recursive: true });
    const realPython = realpathSync(execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim());
    // The shim fails loudly if it is ever run: the adapter must not go through it.
    writeFileSync(path.join(shims, 'python3'), '#!/bin/sh\necho "shim was run" >&2\nexit 97\n');
    writeFileSync(path.join(bin, 'pyenv'), `#!/bin/sh\n[ "$1" = which ] && echo ${realPython}\n`);
    chmodSync(path.join(shims, 'python3'), 0o755);
    chmodSync(path.join(bin, 'pyenv'), 0o755);
    writeFileSync(path.join(dir, 'which.py'), `import json, os, sys\nfor line in sys.stdin:\n    print(json.dumps({"exe": os.path.realpath(sys.executable), "first": os.environ["PATH"].split(os.pathsep)[0]}), flush=True)\n`);
    const adapter = createCommandAdapter({ command: ['python3', 'which.py'], cwd: dir, env: { PATH: `${shims}:${bin}:/usr/bin:/bin` } });
    opened.push(adapter);
    const [result] = await adapter.compute(rows(1));
    expect(result).toEqual({ kind: 'ok', features: { exe: realPython, first: path.dirname(realPython) } });
  });
});

describe('command adapter: rows JSON cannot encode', () => {
  it('makes a row nested deeper than the stack that row\'s error, and computes the others', async () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    const adapter = python('echo-id.py', `import json, sys\nfor line in sys.stdin:\n    print(json.dumps({"id": json.loads(line)["id"]}), flush=True)\n`);
    const input = [...rows(2), { key: 'deep', fields: { id: 9, nested: deep } }];
    const results = await adapter.compute(input);
    expect(results[0]).toEqual({ kind: 'ok', features: { id: 0 } });
    expect(results[1]).toEqual({ kind: 'ok', features: { id: 1 } });
    expect(results[2]).toMatchObject({ kind: 'error', message: expect.stringMatching(/^offline row deep cannot be sent to the pipeline as a JSON line: Maximum call stack size exceeded/) });
  });
});
