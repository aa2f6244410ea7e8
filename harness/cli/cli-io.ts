/** The streams and environment a CLI invocation uses (replaceable in tests, real process in production). */
export interface CliIo {
  /** Standard input (prompts: `skew golden review` on a TTY). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Standard output. */
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  /** Standard error. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Working directory. */
  cwd: string;
  /** Environment. */
  env: NodeJS.ProcessEnv;
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}
