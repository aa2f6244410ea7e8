import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { CHURN_DIR } from './churn-rows';

/** Repository root: the example's commands run from here. */
export const REPO_ROOT = join(CHURN_DIR, '..', '..');
/** jiti runs the example's TypeScript entry points directly. */
export const JITI = join(REPO_ROOT, 'node_modules', '.bin', 'jiti');

/** What a finished child process left behind. */
export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command (argv array, no shell) to completion, feeding `input` on stdin. */
export function runProcess(command: string, args: string[], input: string, env: Record<string, string> = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
    child.on('close', (code) => resolve({ code, stdout: text(stdout), stderr: text(stderr) }));
    child.stdin.end(input);
  });
}

/** Spawns the Python pipeline (not waiting for it). */
export function spawnPythonPipeline(env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn('python3', [join(CHURN_DIR, 'pipeline', 'features.py')], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
}

/** Runs the Python pipeline over `rows` (one JSON line each) and parses its output lines. */
export async function runPythonPipeline(rows: unknown[], env: Record<string, string> = {}): Promise<Record<string, unknown>[]> {
  const input = rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  const result = await runProcess('python3', [join(CHURN_DIR, 'pipeline', 'features.py')], input, env);
  if (result.code !== 0) throw new Error(`features.py exited with ${result.code}: ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A serving process started for a test. */
export interface ServingProcess {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The child process (stop it by PID). */
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/** Starts `serving/server.ts` on a free port with `EXAMPLE_BUGS=bugs` and waits for its `listening on` line. */
export function startServing(bugs: string | undefined): Promise<ServingProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
  if (bugs === undefined) delete env.EXAMPLE_BUGS;
  else env.EXAMPLE_BUGS = bugs;
  const child = spawn(JITI, [join(CHURN_DIR, 'serving', 'server.ts')], { cwd: REPO_ROOT, env });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
      if (match) resolve({ url: match[1]!, child, exited });
    });
    child.on('error', reject);
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening: ${stderr}`)));
  });
}

/** A minimal JSON-over-HTTP client on a keep-alive agent (what the harness's axios agent does). */
export function createJsonClient(baseUrl: string): {
  send(method: string, path: string, body?: string): Promise<{ status: number; json: unknown }>;
  close(): void;
} {
  const agent = new Agent({ keepAlive: true });
  return {
    send: (method, path, body) =>
      new Promise((resolve, reject) => {
        const req = request(new URL(path, baseUrl), { method, agent, headers: { 'content-type': 'application/json' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}
