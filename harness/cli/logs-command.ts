import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from './command-context';
import { withConfigOptions, type ConfigArgs } from './common-options';
import { REPORTER_NAMES } from './run-command';

/** Arguments of `skew logs`, as parsed by yargs. */
export interface LogsArgs extends ConfigArgs {
  log?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  sample?: string | undefined;
  seed?: string | undefined;
  keys?: string | undefined;
  reporter?: string[] | undefined;
  skipBadRows?: boolean | undefined;
  debug?: boolean | undefined;
}

/**
 * The `skew logs` command for yargs: options and help here; the handler requires `logs-action.ts` when it runs, so
 * `skew --help` never loads the readers, the pipeline adapters or the reporters.
 */
export function logsCommandModule(ctx: CommandContext): CommandModule<object, LogsArgs> {
  return {
    command: 'logs',
    describe: 'Recompute logged serving requests offline and diff with the logged features; covariate and label shift against training',
    builder: (y) =>
      withConfigOptions(y)
        .option('log', { type: 'string', describe: 'Serving log to read (overrides logs.path): JSON Lines, plain or .gz' })
        .option('since', { type: 'string', describe: 'Only requests served at or after this ISO 8601 instant (e.g. 2024-03-01T00:00:00Z)' })
        .option('until', { type: 'string', describe: 'Only requests served before this ISO 8601 instant' })
        .option('sample', { alias: 'n', type: 'string', describe: 'Logged records to check (seeded reservoir), or "all" (default: logs.sample.size, else sample.size)' })
        .option('seed', { alias: 's', type: 'string', describe: 'Sampling seed (an integer)' })
        .option('keys', { type: 'string', describe: 'Only the logged requests of these keys (comma-separated), every one in the window: reproduces rows' })
        .option('reporter', { alias: 'r', type: 'array', string: true, describe: `Reporters: ${REPORTER_NAMES.join(', ')} (repeatable or comma-separated)` })
        .option('skip-bad-rows', { type: 'boolean', describe: 'Skip malformed log records (counted and listed) instead of failing' }) as Argv<LogsArgs>,
    handler: async (args) => {
      // Loaded on use, like every command's work.
      const { runLogsCommand } = require('./logs-action') as typeof import('./logs-action');
      ctx.setExitCode(await runLogsCommand(args, ctx.io, ctx.signal));
    },
  };
}
