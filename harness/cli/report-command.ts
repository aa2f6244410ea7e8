import * as path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { SkewReport } from '../core/report';
import { UsageError } from '../errors/usage-error';
import { writeFileAtomic } from '../io/write-file-atomic';
import { createColors, shouldColor } from '../reporters/colors';
import { formatJunitReport } from '../reporters/format-junit';
import { formatMarkdownReport } from '../reporters/format-markdown';
import { formatTerminalReport } from '../reporters/format-terminal-report';
import { renderHtmlReport } from '../reporters/html';
import { serializeReport } from '../reporters/json-reporter';
import { readReport } from '../reporters/read-report';
import type { CliIo } from './cli-io';
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
    handler: async (args) => ctx.setExitCode(await reportCommand(args, ctx.io)),
  };
}

/** Renders a saved report; exit 0 (the verdict's exit code is the run's, not this command's). */
export async function reportCommand(args: ReportArgs, io: CliIo): Promise<number> {
  if (!args.file) throw new UsageError('skew report needs a report file: skew report reports/skew-report.json --format html');
  const report = await readReport(path.resolve(io.cwd, args.file));
  const text = render(report, args, io);
  if (args.out) await writeFileAtomic(path.resolve(io.cwd, args.out), text);
  else io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}

function render(report: SkewReport, args: ReportArgs, io: CliIo): string {
  switch (args.format ?? 'markdown') {
    case 'html':
      return renderHtmlReport(report);
    case 'markdown':
      return formatMarkdownReport(report);
    case 'junit':
      return formatJunitReport(report);
    case 'json':
      return serializeReport(report);
    case 'terminal':
      return formatTerminalReport(report, { colors: createColors(args.color ?? (args.out ? false : shouldColor(io.stdout, io.env))) });
    default:
      throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  }
}
