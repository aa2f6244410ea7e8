import * as path from 'node:path';
import type { ResolvedReporter } from '../config/resolved-config';
import { createFileReporter } from '../reporters/file-reporter';
import { formatJunitReport } from '../reporters/format-junit';
import { formatMarkdownReport } from '../reporters/format-markdown';
import { createGithubReporter } from '../reporters/github-reporter';
import { createHtmlReporter } from '../reporters/html';
import { createJsonReporter } from '../reporters/json-reporter';
import type { Reporter } from '../reporters/reporter';
import { createTerminalReporter } from '../reporters/terminal-reporter';
import type { CliIo } from './cli-io';

/** Builds the configured reporters. The terminal reporter lists the files the others write. */
export function createReporters(choices: readonly ResolvedReporter[], io: CliIo, options: { color?: boolean } = {}): Reporter[] {
  const files = choices.filter((c) => typeof c.options['file'] === 'string').map((c) => path.relative(io.cwd, String(c.options['file'])));
  return choices.map((choice): Reporter => {
    const file = String(choice.options['file']);
    switch (choice.name) {
      case 'terminal':
        return createTerminalReporter({
          out: io.stdout,
          progress: io.stderr,
          files,
          ...(options.color === undefined ? {} : { color: options.color }),
        });
      case 'json':
        return createJsonReporter({ file });
      case 'markdown':
        return createFileReporter('markdown', file, (report) => formatMarkdownReport(report));
      case 'html':
        return createHtmlReporter({ file });
      case 'junit':
        return createFileReporter('junit', file, formatJunitReport);
      case 'github':
        return createGithubReporter({ out: io.stdout, summaryFile: io.env['GITHUB_STEP_SUMMARY'] || undefined });
    }
  });
}
