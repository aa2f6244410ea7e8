import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from './command-context';

/** Formats `skew trend` renders. */
export const TREND_REPORTERS = ['terminal', 'markdown', 'html', 'json'] as const;

/** Arguments of `skew trend`. */
export interface TrendArgs {
  reports?: string[];
  last?: number | undefined;
  reporter?: string;
  out?: string | undefined;
  color?: boolean | undefined;
}

/** `skew trend REPORT… [--last N] [--reporter terminal|markdown|html|json] [--out FILE]`. */
export function trendCommandModule(ctx: CommandContext): CommandModule<object, TrendArgs> {
  return {
    command: 'trend <reports..>',
    describe: "Each field's mismatch rate over nightly reports (oldest first): new, resolved, worse, better as of the latest",
    builder: (y) =>
      y
        .positional('reports', { type: 'string', array: true, describe: 'report.json files of skew run or skew merge (any order: sorted by run.startedAt)' })
        .option('last', { type: 'number', describe: 'Only the last N nights' })
        .option('reporter', { alias: 'r', choices: TREND_REPORTERS, default: 'terminal', describe: 'Output format' })
        .option('out', { alias: 'o', type: 'string', describe: 'Write to this file (atomically) instead of stdout' })
        .option('color', { type: 'boolean', describe: 'Colour for the terminal format (default: on for a TTY unless NO_COLOR)' }) as Argv<TrendArgs>,
    handler: async (args) => {
      // Loaded on use: the report reader and renderers are only needed by this command.
      const { trendCommand } = require('./trend-action') as typeof import('./trend-action');
      ctx.setExitCode(await trendCommand(args, ctx.io));
    },
  };
}
