import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseGolden, serializeGolden } from '../../harness/golden/golden-format';
import { GOLDEN_FORMAT, GOLDEN_VERSION, type GoldenFile } from '../../harness/golden/golden-record';
import { readGoldenFile, updateGoldenFile } from '../../harness/golden/golden-store';

/**
 * Safety of golden writes against real processes: a writer killed with SIGKILL in the middle of an update, and
 * writers racing each other. The child runs the built harness (npm test builds before jest).
 */
const STORE = path.resolve(__dirname, '..', '..', 'dist', 'harness', 'golden', 'golden-store.js');

const header = { format: GOLDEN_FORMAT, version: GOLDEN_VERSION, harness: 't', suite: 's', compare: {}, redacted: [] } as const;
const fileWith = (tag: string, n: number): GoldenFile => ({
  header: { ...header, redacted: [] },
  records: Array.from({ length: n }, (_, i) => ({ key: `k${String(i).padStart(7, '0')}`, input: { tag, i, pad: 'x'.repeat(200) }, offline: { v: i }, online: { v: i } })),
});

/** A child process that writes `n` records tagged `tag` through updateGoldenFile. */
function writer(file: string, tag: string, n: number) {
  const script = `
    const { updateGoldenFile } = require(${JSON.stringify(STORE)});
    const header = ${JSON.stringify(header)};
    const records = Array.from({ length: ${n} }, (_, i) => ({ key: 'k' + String(i).padStart(7, '0'), input: { tag: ${JSON.stringify(tag)}, i, pad: 'x'.repeat(200) }, offline: { v: i }, online: { v: i } }));
    updateGoldenFile(${JSON.stringify(file)}, () => ({ file: { header, records }, added: ${n}, rewritten: 0, removed: 0 })).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
  `;
  return spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
}

const exited = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'skew-golden-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('golden store safety', () => {
  it('leaves the previous golden file intact when the writer is killed with SIGKILL mid-update', async () => {
    const file = path.join(dir, 'suite.golden.jsonl');
    const before = serializeGolden(fileWith('old', 50));
    writeFileSync(file, before);

    const child = writer(file, 'new', 150_000);
    let killedMidWrite = false;
    // The moment the writer creates its temp file it is writing: kill it there, without warning.
    const watcher = watch(dir, (_event, name) => {
      if (name && name.endsWith('.tmp') && !killedMidWrite) {
        killedMidWrite = true;
        child.kill('SIGKILL');
      }
    });
    const code = await exited(child);
    watcher.close();

    expect(killedMidWrite).toBe(true);
    expect(code).toBeNull();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(parseGolden(readFileSync(file, 'utf8')).records).toHaveLength(50);

    // The next writer takes over the dead writer's lock and removes its temp file.
    await updateGoldenFile(file, () => ({ file: fileWith('next', 3), added: 3, rewritten: 0, removed: 0 }));
    expect((await readGoldenFile(file))!.records).toHaveLength(3);
    expect(readdirSync(dir).sort()).toEqual(['suite.golden.jsonl']);
  });

  it('never interleaves two concurrent writers: the result is one complete version, and no lock is left', async () => {
    const file = path.join(dir, 'suite.golden.jsonl');
    const children = [writer(file, 'one', 20_000), writer(file, 'two', 20_000), writer(file, 'three', 20_000)];
    const codes = await Promise.all(children.map(exited));
    expect(codes).toEqual([0, 0, 0]);
    const golden = parseGolden(readFileSync(file, 'utf8'));
    expect(golden.records).toHaveLength(20_000);
    const tags = new Set(golden.records.map((r) => r.input['tag']));
    expect(tags.size).toBe(1);
    expect(['one', 'two', 'three']).toContain([...tags][0]);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
