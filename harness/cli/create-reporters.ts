import * as path from 'node:path';
import type { ResolvedReporter } from '../config/resolved-config';
import { createJsonReporter } from '../reporters/json-reporter';
import type { Reporter } from '../reporters/reporter';
import { createTerminalReporter } from '../reporters/terminal-reporter';
import type { CliIo } from './cli-io';

/** Builds the configured reporters. The terminal reporter lists the files the others write. */
export function createReporters(choices: readonly ResolvedReporter[], io: CliIo, options: { color?: boolean } = {}): Reporter[] {
  const files = choices.filter((c) => c.name === 'json').map((c) => path.relative(io.cwd, String(c.options['file'])));
  return choices.map((choice): Reporter => {
    switch (choice.name) {
      case 'terminal':
        return createTerminalReporter({
          out: io.stdout,
          progress: io.stderr,
          files,
          ...(options.color === undefined ? {} : { color: options.color }),
        });
      case 'json':
        return createJsonReporter({ file: String(choice.options['file']) });
    }
  });
}
