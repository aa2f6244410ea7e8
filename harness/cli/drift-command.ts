import type { Argv, CommandModule } from 'yargs';
import type { CliIo } from './cli-io';
import { DRIFT_DEFAULTS, type DriftArgs } from './drift/drift-options';

export type { DriftArgs } from './drift/drift-options';

/** What the `drift` command needs from the CLI that registers it. */
export interface DriftCommandContext {
  /** Streams, working directory and environment. */
  io: CliIo;
  /** Receives the command's exit code (the CLI resolves to it). */
  setExitCode(code: number): void;
  /** Aborts reading (Ctrl-C): the command then exits 130. */
  signal?: AbortSignal | undefined;
}

/**
 * `skew drift` as a yargs 17 command module: options, help and a handler that runs `runDrift` (drift-action.ts) and hands
 * its exit code to `context.setExitCode` (the handler never throws: errors are printed and become exit 2).
 *
 * @example
 * // in main.ts, beside `run`:
 * yargs(argv).command(driftCommand({ io, signal: controller.signal, setExitCode: (code) => { exitCode = code; } }))
 */
export function driftCommand(context: DriftCommandContext): CommandModule<object, DriftArgs> {
  const t = DRIFT_DEFAULTS.thresholds;
  return {
    command: 'drift',
    describe: 'Compare feature distributions of a training/baseline file with a serving log (PSI, Jensen–Shannon, L∞ per column)',
    builder: (y: Argv<object>) =>
      y
        .option('baseline', { alias: 'b', type: 'string', demandOption: true, describe: 'Training / baseline feature file (CSV or JSON Lines)' })
        .option('current', { type: 'string', demandOption: true, describe: 'Serving log / current feature file (CSV or JSON Lines)' })
        .option('format', { type: 'string', choices: ['csv', 'jsonl'], describe: 'Format of both files (default: from the extension; .jsonl/.ndjson are JSON Lines)' })
        .option('key', { type: 'array', string: true, describe: 'Key column(s), left out of the comparison (comma-separated or repeated)' })
        .option('ignore', { type: 'array', string: true, describe: 'Columns left out of the comparison (comma-separated or repeated)' })
        .option('psi', { type: 'number', describe: `Numeric drift when PSI > this (default ${t.psi}; < 0.1 stable, 0.1–0.2 moderate, > 0.2 significant)` })
        .option('js', { type: 'number', describe: `Numeric drift when the Jensen–Shannon divergence (base 2) > this (default ${t.jensenShannon})` })
        .option('linf', { type: 'number', describe: `Categorical drift when the L∞ distance of category shares > this (default ${t.lInfinity})` })
        .option('json', { type: 'string', describe: 'Also write the versioned JSON report to this file (atomically)' })
        .option('sample', { alias: 'n', type: 'string', describe: `Rows sampled per file (seeded reservoir), or "all" (default ${DRIFT_DEFAULTS.sample})` })
        .option('seed', { alias: 's', type: 'number', describe: `Sampling seed (default ${DRIFT_DEFAULTS.seed})` })
        .option('skip-bad-rows', { type: 'boolean', describe: 'Skip malformed records (counted) instead of failing' })
        .option('color', { type: 'boolean', describe: 'Force colour on or off (default: on for a TTY unless NO_COLOR)' }),
    handler: async (args) => {
      // Loaded on use: the readers and the drift statistics are only needed by this command.
      const { runDrift } = require('./drift-action') as typeof import('./drift-action');
      context.setExitCode(await runDrift(args, context.io, context.signal));
    },
  };
}
