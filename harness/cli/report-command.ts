import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from './command-context';

/** Formats `skew report` renders. */
export const REPORT_FORMATS = ['html', 'markdown', 'junit', 'terminal', 'json'] as const;

/** Arguments of `skew report`. */
export interface ReportArgs {
  file?: string;
  format?: string;
  out?: string | undefined;
  color?: boolean | undefined;
}

/** `skew report <report.json> --format html|markdown|junit|terminal|json [--out FILE]`. */
export function reportCommandModule(ctx: CommandContext): CommandModule<object, ReportArgs> {
  return {
    command: 'report <file>',
    describe: 'Re-render a saved JSON report as HTML, Markdown, JUnit XML or terminal text (same output as the live run)',
    builder: (y) =>
      y
        .positional('file', { type: 'string', describe: 'A report.json written by skew run' })
        .option('format', { alias: 'f', choices: REPORT_FORMATS, default: 'markdown', describe: 'Output format' })
        .option('out', { alias: 'o', type: 'string', describe: 'Write to this file (atomically) instead of stdout' })
        .option('color', { type: 'boolean', describe: 'Colour for the terminal format (default: on for a TTY unless NO_COLOR)' }) as Argv<ReportArgs>,
    handler: async (args) => {
      // Loaded on use: the renderers are only needed by this command.
      const { reportCommand } = require('./report-action') as typeof import('./report-action');
      ctx.setExitCode(await reportCommand(args, ctx.io));
    },
  };
}
