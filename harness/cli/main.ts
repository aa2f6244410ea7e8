import yargs from 'yargs';
import { TOOL_VERSION } from '../version';
import { stopAllLocalServers } from '../adapters/serving';
import { UsageError } from '../errors/usage-error';
import { processIo, type CliIo } from './cli-io';
import { exitCodeForError, formatError } from './exit-code';
import { runCommand, type RunArgs } from './run-command';

/**
 * The `skew` command line. Parses `argv`, runs the command, and resolves to the exit code; never calls
 * `process.exit` itself (the bin script does), so it can be driven in-process.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts > 1) {
      // The user means it: kill local servers' process groups without waiting for graceful teardown.
      void stopAllLocalServers().finally(() => process.exit(130));
      return;
    }
    io.stderr.write('\nskew: interrupted, stopping (Ctrl-C again to force)\n');
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);

  let debug = argv.includes('--debug');
  let exitCode = 0;
  try {
    await yargs([...argv])
      .scriptName('skew')
      .usage('$0 <command> [options]')
      .version(TOOL_VERSION)
      .option('debug', { type: 'boolean', describe: 'Print stack traces for errors', global: true })
      .command<RunArgs>(
        ['run', '$0'],
        'Replay sampled training rows through the offline pipeline and the serving endpoint, and diff the features',
        (y) =>
          y
            .option('config', { alias: 'c', type: 'string', describe: 'Config file (default: skew.config.{ts,js,json} in the working directory)' })
            .option('target', { alias: 't', type: 'string', describe: 'Named target from the config (e.g. staging)' })
            .option('sample', { alias: 'n', type: 'string', describe: 'Rows to sample, or "all"' })
            .option('sample-method', { type: 'string', choices: ['reservoir', 'stratified', 'key-hash', 'all'], describe: 'Sampling method' })
            .option('seed', { alias: 's', type: 'number', describe: 'Sampling seed' })
            .option('checks', { type: 'array', string: true, describe: 'Only these checks: determinism, parity, generated-parity, batch-invariance, label-invariance' })
            .option('keys', { type: 'string', describe: 'Only these row keys (comma-separated): reproduces single rows' })
            .option('reporter', { alias: 'r', type: 'array', string: true, describe: 'Reporters: terminal, json' })
            .option('report-dir', { type: 'string', describe: 'Directory for report files (default: reports/ beside the config)' })
            .option('url', { type: 'string', describe: 'Override serving.url' })
            .option('start', { type: 'boolean', describe: 'Start the local server of serving.start (--no-start to use one already running)' })
            .option('skip-bad-rows', { type: 'boolean', describe: 'Skip malformed source rows (counted and listed) instead of failing' })
            .option('color', { type: 'boolean', describe: 'Force colour on or off (default: on for a TTY unless NO_COLOR)' }),
        async (args) => {
          exitCode = await runCommand(args, io, controller.signal);
        },
      )
      .strictCommands()
      .strictOptions()
      .demandCommand(1)
      .help()
      .alias('help', 'h')
      .wrap(Math.min(110, process.stdout.columns ?? 110))
      .exitProcess(false)
      .fail((message, error) => {
        if (error) throw error;
        throw new UsageError(`${message} (see skew --help)`);
      })
      .parseAsync();
  } catch (error) {
    io.stderr.write(`${formatError(error, debug)}\n`);
    exitCode = exitCodeForError(error);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
  return exitCode;
}

/** Runs the CLI on the real process and exits with its code. */
export function runCli(): void {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runCli();
