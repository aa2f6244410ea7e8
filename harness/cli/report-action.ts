import * as path from 'node:path';
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
import { REPORT_FORMATS, type ReportArgs } from './report-command';

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
