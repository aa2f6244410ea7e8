import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { SkewReport } from '../../harness/core/report';
import { runCli, startFeatureServer, TempRepo } from './cli-harness';

/**
 * A pipeline that reads a CSV file and writes a CSV file (`--input in.csv --output out.csv`), as pandas-era batch
 * jobs are written, strict about its input, through the real CLI and a real server: `${input}` / `${output}` in the
 * command, nothing else to adapt.
 */

const BAD_KEYS = ['r0042', 'r0311'];
const CSV = [
  'id,visits,code,label',
  ...Array.from({ length: 400 }, (_, i) => {
    const id = `r${String(i).padStart(4, '0')}`;
    return `${id},${(i * 37) % 50},${BAD_KEYS.includes(id) ? 'n/a' : String(100 + (i % 9))},${i % 2}`;
  }),
].join('\n');

const FILE_PIPELINE = `
import argparse, csv
parser = argparse.ArgumentParser()
parser.add_argument("--input", required=True)
parser.add_argument("--output", required=True)
args = parser.parse_args()
print("loading", args.input)                       # log output on stdout: not the features
with open(args.input, newline="") as f:
    rows = list(csv.DictReader(f))
out = []
for row in rows:
    code = int(row["code"])                        # raises on 'n/a': the whole batch dies
    out.append({"id": row["id"], "visits_x2": int(row["visits"]) * 2, "code_group": code // 3, "is_odd": "True" if int(row["visits"]) % 2 else "False"})
with open(args.output, "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=["id", "visits_x2", "code_group", "is_odd"])
    writer.writeheader()
    writer.writerows(out)
`;

let repo: TempRepo;
let serving: { server: Server; url: string };
beforeEach(async () => {
  repo = new TempRepo();
  repo.write('train.csv', CSV);
  repo.write('features.py', FILE_PIPELINE);
  serving = await startFeatureServer((row: { visits: number; code: number }) => ({ visits_x2: row.visits * 2, code_group: Math.floor(row.code / 3), is_odd: row.visits % 2 === 1 }));
});
afterEach(async () => {
  repo.remove();
  await new Promise((resolve) => serving.server.close(resolve));
});

function writeConfig(offline: string): void {
  repo.write(
    'skew.config.js',
    `module.exports = {
      source: { path: 'train.csv', key: 'id', label: 'label' },
      offline: ${offline},
      serving: { url: ${JSON.stringify(`${serving.url}/features`)} },
      checks: { generatedParity: false, inputContract: false },
    };`,
  );
}

describe('a pipeline that reads and writes files', () => {
  it('is given each batch as ${input} and read back from ${output}; a crashing row is isolated as with stdin', async () => {
    // The pipeline notes where its input file was: the batch files are made, and made in TMPDIR.
    repo.write('features.py', FILE_PIPELINE.replace('print("loading", args.input)', 'print("loading", args.input); open("inputs.log", "a").write(args.input + "\\n")'));
    writeConfig(`{ command: ['python3', 'features.py', '--input', '\${input}', '--output', '\${output}'] }`);
    // A temporary directory of the run's own: other test files write batches to the shared one at the same time.
    mkdirSync(repo.path('tmp'));
    const result = await runCli(['run', '--reporter', 'json', '--report-dir', 'out'], { cwd: repo.dir, env: { TMPDIR: repo.path('tmp') } });
    expect(result.stderr).not.toMatch(/^skew:/m);
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(repo.path('out/skew-report.json'), 'utf8')) as SkewReport;
    const parity = report.checks.find((c) => c.name === 'parity')!;
    // CSV cells are read back as values: 14 → 14, True → true; the echoed id is the key, not compared.
    expect(parity.status).toBe('passed');
    expect(parity.rows).toMatchObject({ total: 400, compared: 398, offlineErrors: 2, onlineErrors: 0 });
    expect(parity.errors.map((e) => e.key).sort()).toEqual(BAD_KEYS);
    expect(parity.errors[0]!.message).toBe("offline command python3 features.py --input ${input} --output ${output} exited with code 1: ValueError: invalid literal for int() with base 10: 'n/a'");
    expect(parity.fields.map((f) => f.field).sort()).toEqual(['code_group', 'is_odd', 'visits_x2']);
    expect(report.sides.offline.processes?.mode).toBe('batch');
    expect(report.checks.every((c) => c.status === 'passed')).toBe(true);
    // Every batch's temporary directory is gone.
    const inputs = readFileSync(repo.path('inputs.log'), 'utf8').trim().split('\n');
    expect(inputs.length).toBeGreaterThan(1);
    for (const input of inputs) expect(input).toMatch(new RegExp(`^${repo.path('tmp')}/skew-batch-\\w+/input\\.csv$`));
    expect(readdirSync(repo.path('tmp'))).toEqual([]);
  });

  it('reads an output file in JSON Lines when offline.files says so, and names a pipeline that writes none', async () => {
    repo.write('jsonl.py', `import csv, json, sys\nrows = list(csv.DictReader(open(sys.argv[1])))\nwith open(sys.argv[2], "w") as f:\n    for r in rows:\n        f.write(json.dumps({"visits_x2": int(r["visits"]) * 2, "code_group": int(r["code"]) // 3 if r["code"] != "n/a" else None, "is_odd": int(r["visits"]) % 2 == 1}) + "\\n")\n`);
    writeConfig(`{ command: ['python3', 'jsonl.py', '\${input}', '\${output}'], files: { output: 'jsonl' } }`);
    const ok = await runCli(['run', '--checks', 'parity', '--reporter', 'json', '--report-dir', 'out'], { cwd: repo.dir });
    expect([ok.code, ok.stderr]).toEqual([0, '']);

    repo.write('silent.py', `import sys\nprint("done")\n`);
    writeConfig(`{ command: ['python3', 'silent.py', '\${input}', '\${output}'] }`);
    const none = await runCli(['run', '--checks', 'parity', '--report-dir', 'out2'], { cwd: repo.dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^skew: offline command python3 silent\.py \$\{input\} \$\{output\} fails on every row it is given \(\d rows tried alone\): it exited 0 without writing its output file \(the \$\{output\} argument\); check offline\.command\n/);
    expect(existsSync(repo.path('out2'))).toBe(false);
  });

  it('refuses offline.files without a placeholder, and mode stream with one (exit 2, the config path)', async () => {
    writeConfig(`{ command: ['python3', 'features.py'], files: { input: 'csv' } }`);
    const files = await runCli(['run'], { cwd: repo.dir });
    expect(files.code).toBe(2);
    expect(files.stderr).toContain('offline.files is set, but offline.command has no ${input} or ${output} argument to put the files in');
    writeConfig(`{ command: ['python3', 'features.py', '--input', '\${input}', '--output', '\${output}'], mode: 'stream' }`);
    const stream = await runCli(['run'], { cwd: repo.dir });
    expect(stream.code).toBe(2);
    expect(stream.stderr).toContain("offline.mode is 'stream', but a pipeline given files");
  });
});
