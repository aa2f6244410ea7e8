import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The built CLI (npm test builds before jest runs). */
export const SKEW_BIN = path.resolve(__dirname, '..', '..', 'bin', 'skew.js');

/** What a CLI run printed and how it exited. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `skew` CLI as a subprocess. */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliResult> {
  return runProcess(process.execPath, [SKEW_BIN, ...args], options);
}

/** Runs a command line through a POSIX shell, as a user pastes it; `npx skew` is the built CLI. */
export function runInShell(line: string, cwd: string): Promise<CliResult> {
  return runProcess('sh', ['-c', line.replace(/^npx skew /, `'${process.execPath}' '${SKEW_BIN}' `)], { cwd });
}

function runProcess(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A JSON endpoint on 127.0.0.1 (port 0) answering every POSTed row with `{ features: compute(row) }`. */
export function startFeatureServer<R>(compute: (row: R) => Record<string, unknown>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ features: compute(JSON.parse(body) as R) }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** A temporary model repository: write files into it, remove it at the end. */
export class TempRepo {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'skew-cli-'));

  write(name: string, content: string): string {
    const file = path.join(this.dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  }

  path(name: string): string {
    return path.join(this.dir, name);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
