import yargs from 'yargs';
import { TOOL_VERSION } from '../version';
import { UsageError } from '../errors/usage-error';
import { processIo, type CliIo } from './cli-io';
import { findArgumentProblem, type ArgumentSpec } from './argument-problem';
import { exitCodeForError, formatError } from './exit-code';
import { EXIT_CODES } from '../core/verdict';
import type { CommandContext } from './command-context';
import { driftCommand } from './drift-command';
import { reportCommandModule } from './report-command';
import { goldenCommandModule } from './golden-command';
import { initCommandModule } from './init-command';
import { logsCommandModule } from './logs-command';
import { mergeCommandModule } from './merge-command';
import { runCommandModule } from './run-command';
import { trendCommandModule } from './trend-command';

/**
 * The `skew` command line. Parses `argv`, runs the command, and resolves to the exit code; never calls
 * `process.exit` itself (the bin script does), so it can be driven in-process.
 *
 * Start-up: only yargs and the command definitions load here; each command's handler requires its own modules
 * when it runs, so `skew --help` (and a command's bad-argument error) costs little more than yargs itself.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts++;
    if (interrupts > 1) {
      // The user means it: kill local servers' process groups without waiting for graceful teardown. Required here,
      // not at the top: the serving adapter (axios and its dependencies) is not loaded by commands that never use it.
      const { stopAllLocalServers } = require('../adapters/serving/server-cleanup') as typeof import('../adapters/serving/server-cleanup');
      void stopAllLocalServers().finally(() => process.exit(130));
      return;
    }
    // The run's one line about it (a progress line on a terminal is ended first); the run then stops with exit 130.
    const again = signal === 'SIGINT' ? 'Ctrl-C again' : `${signal} again`;
    io.stderr.write(`${io.stderr.isTTY ? '\n' : ''}skew: interrupted by ${signal}: stopping (${again} to force)\n`);
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A closed terminal or a dropped SSH session: stop as for Ctrl-C, local servers included.
  process.on('SIGHUP', onSignal);

  const debug = argv.includes('--debug');
  let exitCode = 0;
  const context: CommandContext = { io, signal: controller.signal, setExitCode: (code) => (exitCode = code) };
  try {
    await yargs([...argv])
      .scriptName('skew')
      .usage('$0 <command> [options]')
      .version(TOOL_VERSION)
      .option('debug', { type: 'boolean', describe: 'Print stack traces for errors', global: true })
      // Before yargs' own validation, whose messages take two lines or name an option twice: one line of ours.
      .middleware(((args: Record<string, unknown>, y: YargsOptionsSource) => {
        const problem = findArgumentProblem(args, argumentSpec(y), argv, commandOf(args));
        if (problem !== undefined) throw new UsageError(problem);
      }) as never, true)
      .command(runCommandModule(context))
      .command(goldenCommandModule(context))
      .command(driftCommand(context))
      .command(logsCommandModule(context))
      .command(reportCommandModule(context))
      .command(trendCommandModule(context))
      .command(initCommandModule(context))
      .command(mergeCommandModule(context))
      .strictCommands()
      .strictOptions()
      .demandCommand(1)
      .help()
      .alias('help', 'h')
      .wrap(Math.min(110, process.stdout.columns ?? 110))
      .exitProcess(false)
      .fail((message, error) => {
        if (error) throw error;
        throw new UsageError(describeYargsFailure(message, argv));
      })
      .parseAsync();
  } catch (error) {
    exitCode = exitCodeForError(error);
    // An interruption was announced when the signal came: one line is enough.
    if (!(interrupts > 0 && exitCode === EXIT_CODES.interrupted) || debug) io.stderr.write(`${formatError(error, debug)}\n`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
  return exitCode;
}

/** The part of the yargs instance a middleware receives that says which options the command has. */
interface YargsOptionsSource {
  getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]>; choices: Record<string, unknown[]>; demandedOptions: Record<string, unknown> };
}

function argumentSpec(y: YargsOptionsSource): ArgumentSpec {
  const options = y.getOptions();
  return { names: Object.keys(options.key), aliases: options.alias, choices: options.choices, required: Object.keys(options.demandedOptions) };
}

/**
 * One line for a failure yargs found itself (options and choices are checked by {@link findArgumentProblem} first):
 * a command given without its argument (`skew golden`), or anything else yargs says, on one line.
 */
function describeYargsFailure(message: string, argv: readonly string[]): string {
  const command = argv.find((arg) => !arg.startsWith('-'));
  const help = `see skew ${command ? `${command} ` : ''}--help`;
  if (command && /^Not enough non-option arguments/.test(message)) return `${command}: an argument is missing (${help})`;
  return `${message.replace(/\s*\n\s*/g, '; ')} (${help})`;
}

function commandOf(args: Record<string, unknown>): string | undefined {
  const first = Array.isArray(args['_']) ? (args['_'] as unknown[])[0] : undefined;
  return typeof first === 'string' ? first : undefined;
}

/** Runs the CLI on the real process and exits with its code. */
export function runCli(): void {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runCli();
