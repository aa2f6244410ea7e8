import { appendFile } from 'node:fs/promises';
import type { SkewReport } from '../core/report';
import { formatGithubAnnotations } from './format-github';
import { formatMarkdownReport } from './format-markdown';
import type { Reporter } from './reporter';

/** Options of {@link createGithubReporter}. */
export interface GithubReporterOptions {
  /** Where annotations go (GitHub reads them from the step's stdout). */
  out: NodeJS.WritableStream;
  /** The step summary file (`GITHUB_STEP_SUMMARY`), if any: the Markdown report is appended to it. */
  summaryFile?: string | undefined;
}

/**
 * The GitHub Actions reporter: workflow-command annotations for failing fields and inconclusive checks, and the
 * Markdown report appended to the job's step summary.
 */
export function createGithubReporter(options: GithubReporterOptions): Reporter {
  return {
    name: 'github',
    async onEnd(report: SkewReport) {
      for (const line of formatGithubAnnotations(report)) options.out.write(`${line}\n`);
      // The step summary holds up to 1 MiB; one report stays far below, several steps share it.
      if (options.summaryFile) await appendFile(options.summaryFile, `${formatMarkdownReport(report, { maxLength: 200_000 })}\n`);
    },
  };
}
