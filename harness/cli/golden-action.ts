import * as path from 'node:path';
import { loadConfig } from '../config/load-config';
import type { ResolvedConfig } from '../config/resolved-config';
import type { CheckResult } from '../core/check-result';
import { ConfigError } from '../errors/config-error';
import { UsageError } from '../errors/usage-error';
import type { GoldenAcceptance, GoldenMode } from '../golden/update-golden';
import { createColors, shouldColor, type Colors } from '../reporters/colors';
import { formatCheck } from '../reporters/format-terminal-report';
import { formatGoldenRecord } from '../reporters/format-golden-record';
import { openSkewSession, type SkewSession } from '../runner/skew-session';
import type { CliIo } from './cli-io';
import type { GoldenArgs } from './golden-command';
import { withRedactedErrors } from './redact-errors';
import { parseAcceptance, reviewGolden } from './golden-review';
import { goldenWriteOptions } from './run-command';

/** Runs one golden action and returns its exit code: 0 clean or written, 1 changes found (check / review left some). */
export async function goldenCommand(args: GoldenArgs, io: CliIo, signal: AbortSignal): Promise<number> {
  const action = args.action as 'record' | 'check' | 'review';
  if (args.accept && action !== 'review') throw new UsageError('--accept is only for skew golden review');
  const acceptance = args.accept ? parseAcceptance(args.accept) : null;
  const config = await loadConfig({
    file: args.config,
    cwd: io.cwd,
    target: args.target ?? null,
    env: io.env,
    overrides: args.reportDir ? { report: { dir: path.resolve(io.cwd, args.reportDir) } } : {},
  });
  if (!config.golden.enabled) throw new ConfigError('golden', 'is not configured: add golden: { rows: 50 } to the config to keep golden files');
  const write = action === 'record' ? goldenWriteOptions({ updateGolden: 'all', propose: args.propose, writeOnCi: args.writeOnCi }, io.env) : { mode: 'none' as const, propose: action === 'check' && (args.propose ?? false) };
  const colors = createColors(args.color ?? shouldColor(io.stdout, io.env));
  return withRedactedErrors(config.secrets, () => runGoldenAction(action, config, acceptance, write, colors, args, io, signal));
}

async function runGoldenAction(
  action: 'record' | 'check' | 'review',
  config: ResolvedConfig,
  acceptance: GoldenAcceptance | null,
  write: { mode: GoldenMode; propose: boolean },
  colors: Colors,
  args: GoldenArgs,
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const session = await openSkewSession(config, {
    signal,
    keys: [],
    cwd: io.cwd,
    golden: write,
    // As in skew run: the local server's own output live only with --debug (it is in an error's tail when it fails).
    ...(args.debug ? { log: (line: string) => io.stderr.write(`${line}\n`) } : {}),
  });
  try {
    const result = await session.runCheck('golden');
    if (action === 'review') return await reviewGolden(session, config, acceptance, args, io, colors);
    // Recording compares nothing: its line says what it stored, not that a comparison passed.
    const lines = action === 'record' && result.golden ? formatGoldenRecord({ ...result, golden: result.golden }, { colors, examples: 5 }) : formatCheck(result, { colors, examples: 5 });
    io.stdout.write(`${lines.join('\n')}\n`);
    // Recording succeeded once the file (or the proposal) is written, whatever it replaced.
    if (action === 'record' && (result.golden?.written || result.golden?.proposed)) return result.status === 'inconclusive' ? 3 : 0;
    return exitCodeOf(result, session);
  } finally {
    await session.close();
  }
}

/** 1 when something changed; 3 when it passed but some rows could not be computed (nothing proven for them); else 0. */
function exitCodeOf(result: CheckResult, session: SkewSession): number {
  if (result.status === 'failed') return 1;
  const errors = result.rows.offlineErrors + result.rows.onlineErrors;
  if (errors > 0 || session.online.unavailable || (result.rows.compared === 0 && (result.golden?.newKeys.length ?? 0) === 0)) return 3;
  return 0;
}

/** The config's golden file, for messages. */
export function goldenFileOf(config: ResolvedConfig, cwd: string): string {
  return path.relative(cwd, config.golden.file) || config.golden.file;
}
