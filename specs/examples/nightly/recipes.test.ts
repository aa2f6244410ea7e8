import { validateWorkflow } from '@action-validator/core';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parse, parseAllDocuments } from 'yaml';
import { runCli, TempRepo } from '../../cli/cli-harness';

const NIGHTLY = path.resolve(__dirname, '../../../examples/nightly');
const read = (name: string) => readFileSync(path.join(NIGHTLY, name), 'utf8');
const KUBERNETES = readdirSync(path.join(NIGHTLY, 'kubernetes')).filter((f) => f.endsWith('.yaml')).map((f) => path.join('kubernetes', f));
const FAKE_SKEW = path.join(__dirname, 'fake-skew.js');

/**
 * Flags the sharding work adds (`skew run --shard`, `--reporter blob`, `skew merge DIR --reporter --report-dir`),
 * not in this build's `--help` yet. Every other flag a recipe uses must be in the built CLI's help.
 */
const PENDING = { run: { flags: ['shard'], reporters: ['blob'] }, merge: { flags: ['reporter', 'report-dir'] } };

describe('examples/nightly: the GitHub Actions workflow', () => {
  const text = read('github-actions.yml');
  const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, { needs?: string; if?: string; strategy?: { matrix: { shard: number[] } }; env?: Record<string, string>; steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> }> };

  it("is valid against SchemaStore's github-workflow schema", () => {
    expect(validateWorkflow(text)).toEqual({ actionType: 'workflow', errors: [] });
    // The validator can fail: the same workflow with a job that lost its runs-on is rejected.
    expect(validateWorkflow(text.replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest')).errors.length).toBeGreaterThan(0);
  });

  it('runs nightly and on demand: 4 shards uploading blobs, a merge that always runs, downloads them and fails on skew', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const { shard, merge } = workflow.jobs;
    expect(shard!.strategy!.matrix.shard).toEqual([1, 2, 3, 4]);
    expect(shard!.env).toEqual({ CHURN_SERVING_URL: '${{ secrets.CHURN_SERVING_URL }}', CHURN_SERVING_TOKEN: '${{ secrets.CHURN_SERVING_TOKEN }}' });
    expect(shard!.steps.some((s) => s.run?.includes('npx skew run --target staging --shard ${{ matrix.shard }}/4 --reporter blob'))).toBe(true);
    expect(shard!.steps.find((s) => s.uses === 'actions/upload-artifact@v4')).toMatchObject({ if: 'always()', with: { path: 'reports/blob-*.json' } });
    expect(merge).toMatchObject({ needs: 'shard', if: 'always()' });
    expect(merge!.steps.find((s) => s.uses === 'actions/download-artifact@v4')?.with).toMatchObject({ pattern: 'skew-blob-*', 'merge-multiple': true });
    const runs = merge!.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('gh run download');
    expect(runs).toContain('npx skew merge reports/ --reporter json,markdown,html,junit,github');
    expect(runs).toContain('skew trend baseline/skew-report.json reports/skew-report.json --reporter markdown >> "$GITHUB_STEP_SUMMARY"');
    expect(merge!.steps[merge!.steps.length - 1]!.run).toBe('exit "${{ steps.merge.outputs.code || 2 }}"');
  });
});

describe('examples/nightly/kubernetes', () => {
  it("validates every manifest against Kubernetes' OpenAPI schemas (kubernetes-models)", async () => {
    const repo = new TempRepo();
    try {
      const broken = repo.write('broken.yaml', read('kubernetes/shards-job.yaml').replace('completions: 4', "completions: 'four'"));
      const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, 'validate-kubernetes.mjs'), ...KUBERNETES, broken], { cwd: NIGHTLY });
      const results = stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; kind: string; name: string; error: string | null });
      expect(results.filter((r) => r.file !== broken)).toEqual([
        { file: 'kubernetes/merge-job.yaml', kind: 'Job', name: 'skew-merge', error: null },
        { file: 'kubernetes/pvc.yaml', kind: 'PersistentVolumeClaim', name: 'skew-reports', error: null },
        { file: 'kubernetes/shards-job.yaml', kind: 'Job', name: 'skew-shards', error: null },
      ]);
      expect(results.find((r) => r.file === broken)?.error).toMatch(/completions must be integer/);
    } finally {
      repo.remove();
    }
  });

  it('runs the shards as an Indexed Job of 4 on the shared volume, and the merge on the same volume', () => {
    const shards = parseAllDocuments(read('kubernetes/shards-job.yaml'))[0]!.toJS() as { spec: Record<string, unknown> & { template: { spec: { containers: Array<{ args: string[]; volumeMounts: unknown[] }>; volumes: unknown[] } } } };
    expect(shards.spec).toMatchObject({ completionMode: 'Indexed', completions: 4, parallelism: 4 });
    const container = shards.spec.template.spec.containers[0]!;
    expect(container.args.join('\n')).toContain('npx skew run --target staging --shard "$((JOB_COMPLETION_INDEX + 1))/4" --reporter blob');
    expect(container.volumeMounts).toEqual([{ name: 'reports', mountPath: '/reports' }]);
    expect(shards.spec.template.spec.volumes).toEqual([{ name: 'reports', persistentVolumeClaim: { claimName: 'skew-reports' } }]);
    expect(read('kubernetes/merge-job.yaml')).toContain('claimName: skew-reports');
    expect(read('kubernetes/README.md')).toContain('kubectl wait --for=condition=complete job/skew-shards');
  });
});

describe('examples/nightly/run-shards.sh', () => {
  const script = path.join(NIGHTLY, 'run-shards.sh');

  /** Runs the script with the fake skew; resolves with its exit code and output. */
  const runScript = (cwd: string, args: string[], env: Record<string, string>) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('sh', [script, ...args], { cwd, env: { ...process.env, SKEW: FAKE_SKEW, SKEW_RUN_ID: 'night', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });

  it('is valid POSIX shell', () => {
    expect(spawnSync('sh', ['-n', script]).status).toBe(0);
  });

  it('runs n shards in parallel, merges their blobs, and exits with the merge exit code', async () => {
    const repo = new TempRepo();
    try {
      const { code, stderr } = await runScript(repo.dir, ['3', '--', '--target', 'staging'], { FAKE_EXIT_2: '1', FAKE_MERGE_EXIT: '1' });
      expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
      const blobs = ['blob-night-1of3.json', 'blob-night-2of3.json', 'blob-night-3of3.json'];
      for (const blob of blobs) {
        const written = JSON.parse(readFileSync(repo.path(`reports/${blob}`), 'utf8')) as { sawStarted: number; args: string[] };
        // Each shard saw all three started before it finished: they ran side by side.
        expect(written.sawStarted).toBe(3);
        expect(written.args).toEqual(expect.arrayContaining(['--reporter', 'blob', '--target', 'staging']));
      }
      expect(JSON.parse(readFileSync(repo.path('reports/merged.json'), 'utf8'))).toMatchObject({ blobs, args: ['merge', 'reports', '--report-dir', 'reports', '--reporter', 'terminal,json,html'] });
    } finally {
      repo.remove();
    }
  });

  it('names a shard that could not run, still merges, and exits with the merge code', async () => {
    const repo = new TempRepo();
    try {
      const { code, stderr } = await runScript(repo.dir, ['2'], { FAKE_EXIT_2: '2', FAKE_MERGE_EXIT: '3' });
      expect(code).toBe(3);
      expect(stderr).toContain('run-shards.sh: shard 2/2 exited with 2 (see reports/shard-2.log)');
      expect(stderr).toContain('run-shards.sh: failed shards: 2');
      expect(existsSync(repo.path('reports/merged.json'))).toBe(true);
    } finally {
      repo.remove();
    }
  });

  it('stops every shard on Ctrl-C and exits 130 without merging', async () => {
    const repo = new TempRepo();
    try {
      const child = spawn('sh', [script, '2'], { cwd: repo.dir, env: { ...process.env, SKEW: FAKE_SKEW, SKEW_RUN_ID: 'night', FAKE_HANG: '1' }, stdio: 'ignore' });
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      const pids = await new Promise<number[]>((resolve) => {
        const poll = () => {
          const files = existsSync(repo.path('reports')) ? readdirSync(repo.path('reports')).filter((f) => f.startsWith('started-')) : [];
          if (files.length === 2) resolve(files.map((f) => Number(readFileSync(repo.path(`reports/${f}`), 'utf8'))));
          else setTimeout(poll, 20);
        };
        poll();
      });
      child.kill('SIGINT');
      expect(await closed).toBe(130);
      const alive = (pid: number) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      expect(pids.filter(alive)).toEqual([]);
      expect(existsSync(repo.path('reports/merged.json'))).toBe(false);
    } finally {
      repo.remove();
    }
  });
});

describe('examples/nightly: every skew command the recipes run', () => {
  const sources = ['github-actions.yml', 'run-shards.sh', 'kubernetes/README.md', ...KUBERNETES].map((name) => ({ name, text: read(name) }));
  const invocations = sources.flatMap(({ name, text }) =>
    [...text.matchAll(/(?:npx skew|\$skew)\s+(run|merge|trend)\b([^\n]*)/g)].map((m) => ({ name, command: m[1] as 'run' | 'merge' | 'trend', rest: m[2]! })),
  );

  it('uses only flags and reporters the CLI has, or the sharding work adds', async () => {
    const repo = new TempRepo();
    try {
      const [runHelp, trendHelp] = await Promise.all([runCli(['run', '--help'], { cwd: repo.dir }), runCli(['trend', '--help'], { cwd: repo.dir })]);
      const flagsOf = (help: string) => new Set([...help.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]!));
      const runReporters = /Reporters: ([a-z, ]+)/.exec(runHelp.stdout.replace(/\s+/g, ' '))![1]!.trim().split(/,\s*/);
      const allowed = {
        run: { flags: new Set([...flagsOf(runHelp.stdout), ...PENDING.run.flags]), reporters: new Set([...runReporters, ...PENDING.run.reporters]) },
        merge: { flags: new Set(PENDING.merge.flags), reporters: new Set(runReporters) },
        trend: { flags: flagsOf(trendHelp.stdout), reporters: new Set(['terminal', 'markdown', 'html', 'json']) },
      };
      expect(new Set(sources.filter((s) => invocations.some((i) => i.name === s.name)).map((s) => s.name))).toEqual(new Set(['github-actions.yml', 'run-shards.sh', 'kubernetes/shards-job.yaml', 'kubernetes/merge-job.yaml']));
      const problems: string[] = [];
      for (const { name, command, rest } of invocations) {
        for (const [, flag] of rest.matchAll(/(?:^|\s)--([a-z][a-z-]*)/g)) if (!allowed[command].flags.has(flag!)) problems.push(`${name}: skew ${command} --${flag}`);
        for (const [, , value] of rest.matchAll(/--reporter\s+("?)([^\s"]+)\1/g)) {
          const names = (/:-([^}]*)\}/.exec(value!)?.[1] ?? value!).split(',');
          for (const reporter of names) if (!allowed[command].reporters.has(reporter)) problems.push(`${name}: skew ${command} --reporter ${reporter}`);
        }
      }
      expect(problems).toEqual([]);
      expect(invocations.length).toBeGreaterThanOrEqual(8);
    } finally {
      repo.remove();
    }
  });
});
