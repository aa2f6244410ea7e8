import * as path from 'node:path';
import { computeTrendSeries, type TrendInput, type TrendSeries } from '../core/trend-series';
import { UsageError } from '../errors/usage-error';
import { writeFileAtomic } from '../io/write-file-atomic';
import { createColors, shouldColor } from '../reporters/colors';
import { serializeTrendSeries } from '../reporters/format-trend-json';
import { formatTrendMarkdown } from '../reporters/format-trend-markdown';
import { formatTrendTerminal } from '../reporters/format-trend-terminal';
import { renderTrendPage } from '../reporters/html/render-trend-page';
import { readReport } from '../reporters/read-report';
import { TOOL_VERSION } from '../version';
import type { CliIo } from './cli-io';
import { TREND_REPORTERS, type TrendArgs } from './trend-command';

/**
 * Reads every report (a file that is not one stops the command: exit 2, one line naming it), puts them on one time
 * axis and renders the trend; exit 0 (the nights' verdicts are theirs, not this command's). Warnings (reports of
 * different configs) are in the rendered output, and on stderr unless that output is the terminal table.
 */
export async function trendCommand(args: TrendArgs, io: CliIo): Promise<number> {
  const files = args.reports ?? [];
  if (files.length === 0) throw new UsageError('skew trend needs report files: skew trend nights/*/skew-report.json');
  if (args.last !== undefined && (!Number.isInteger(args.last) || args.last < 1)) throw new UsageError(`--last must be a whole number of nights, at least 1 (got ${String(args.last)})`);
  const inputs: TrendInput[] = [];
  for (const file of files) inputs.push({ file, report: await readReport(path.resolve(io.cwd, file)) });
  const series = computeTrendSeries(inputs, args.last !== undefined ? { last: args.last } : {});
  const text = render(series, args, io);
  // The terminal table prints its warnings itself; any other output (a file, JSON on stdout) gets them on stderr too.
  const shownOnTerminal = (args.reporter ?? 'terminal') === 'terminal' && !args.out;
  if (!shownOnTerminal) for (const warning of series.warnings) io.stderr.write(`skew trend: warning: ${warning}\n`);
  if (args.out) await writeFileAtomic(path.resolve(io.cwd, args.out), text);
  else io.stdout.write(text);
  return 0;
}

function render(series: TrendSeries, args: TrendArgs, io: CliIo): string {
  switch (args.reporter ?? 'terminal') {
    case 'terminal':
      return formatTrendTerminal(series, { colors: createColors(args.color ?? (args.out ? false : shouldColor(io.stdout, io.env))) });
    case 'markdown':
      return formatTrendMarkdown(series);
    case 'html':
      return renderTrendPage(series, TOOL_VERSION);
    case 'json':
      return serializeTrendSeries(series, TOOL_VERSION);
    default:
      throw new UsageError(`--reporter must be one of ${TREND_REPORTERS.join(', ')}`);
  }
}
