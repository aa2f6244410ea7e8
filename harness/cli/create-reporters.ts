import * as path from 'node:path';
import type { ResolvedReporter } from '../config/resolved-config';
import type { Reporter } from '../reporters/reporter';
import type { CliIo } from './cli-io';

// Each reporter's module is required when it is chosen, not at start-up: a run with the terminal reporter alone
// never loads the HTML template, the JUnit writer or the GitHub annotations.

/** Builds the configured reporters. The terminal reporter lists the files the others write. */
export function createReporters(choices: readonly ResolvedReporter[], io: CliIo, options: { color?: boolean } = {}): Reporter[] {
  const files = choices.filter((c) => typeof c.options['file'] === 'string').map((c) => path.relative(io.cwd, String(c.options['file'])));
  return choices.map((choice): Reporter => {
    const file = String(choice.options['file']);
    switch (choice.name) {
      case 'terminal': {
        const { createTerminalReporter } = require('../reporters/terminal-reporter') as typeof import('../reporters/terminal-reporter');
        return createTerminalReporter({
          out: io.stdout,
          progress: io.stderr,
          files,
          ...(options.color === undefined ? {} : { color: options.color }),
        });
      }
      case 'json': {
        const { createJsonReporter } = require('../reporters/json-reporter') as typeof import('../reporters/json-reporter');
        return createJsonReporter({ file });
      }
      case 'markdown': {
        const { createFileReporter } = require('../reporters/file-reporter') as typeof import('../reporters/file-reporter');
        const { formatMarkdownReport } = require('../reporters/format-markdown') as typeof import('../reporters/format-markdown');
        return createFileReporter('markdown', file, (report) => formatMarkdownReport(report));
      }
      case 'html': {
        const { createHtmlReporter } = require('../reporters/html') as typeof import('../reporters/html');
        return createHtmlReporter({ file });
      }
      case 'junit': {
        const { createFileReporter } = require('../reporters/file-reporter') as typeof import('../reporters/file-reporter');
        const { formatJunitReport } = require('../reporters/format-junit') as typeof import('../reporters/format-junit');
        return createFileReporter('junit', file, formatJunitReport);
      }
      case 'github': {
        const { createGithubReporter } = require('../reporters/github-reporter') as typeof import('../reporters/github-reporter');
        return createGithubReporter({ out: io.stdout, summaryFile: io.env['GITHUB_STEP_SUMMARY'] || undefined });
      }
    }
  });
}
