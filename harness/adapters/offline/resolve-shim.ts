import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import * as path from 'node:path';
import { prependNodeBins } from '../node-bin-path';
import type { PipelineCommand } from './pipeline-process';

/**
 * A command whose program is a pyenv shim, rewritten to run the interpreter the shim would pick (`pyenv which`, in
 * the command's directory, so `.python-version` files still count), with that version's `bin` first on PATH as
 * `pyenv exec` does. A shim is a shell script that costs 0.3–0.5 s on every start; the harness starts a pipeline
 * process per batch and per isolated row, so this is most of a whole-batch pipeline's start-up. Anything unexpected
 * (no pyenv, not a shim, `pyenv which` fails) leaves the command as it was.
 */
export function resolveInterpreterShim(command: PipelineCommand): PipelineCommand {
  const [program, ...args] = command.command;
  if (program === undefined) return command;
  const pathValue = prependNodeBins(command.cwd, command.env['PATH'] ?? process.env['PATH']);
  const found = findOnPath(program, pathValue, command.cwd);
  if (found === null || path.basename(path.dirname(found)) !== 'shims' || !path.dirname(found).includes(`${path.sep}.pyenv`)) return command;
  try {
    const env = { ...process.env, ...command.env, PATH: pathValue };
    const real = execFileSync('pyenv', ['which', path.basename(found)], { cwd: command.cwd, env, encoding: 'utf8', timeout: 5_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (!path.isAbsolute(real) || real.includes(`${path.sep}shims${path.sep}`)) return command;
    accessSync(real, constants.X_OK);
    return { ...command, command: [real, ...args], env: { ...command.env, PATH: `${path.dirname(real)}${path.delimiter}${pathValue}` } };
  } catch {
    return command;
  }
}

function findOnPath(program: string, pathValue: string, cwd: string): string | null {
  if (program.includes('/')) return null;
  for (const dir of pathValue.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.resolve(cwd, dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}
