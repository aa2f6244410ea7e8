import * as path from 'node:path';
import { UsageError } from '../../errors/usage-error';
import { formatFromPath } from '../../source/source-format';
import type { DriftThresholds } from '../../core/drift-report';

/** Arguments of `skew drift`, as yargs parses them (every one optional here; checked by {@link resolveDriftOptions}). */
export interface DriftArgs {
  /** Training / baseline feature file (CSV or JSON Lines). */
  baseline?: string | undefined;
  /** Serving log / current feature file. */
  current?: string | undefined;
  /** Format of both files; default from each file's extension. */
  format?: string | undefined;
  /** Key columns, left out of the comparison (repeatable or comma-separated). */
  key?: string[] | undefined;
  /** Columns left out of the comparison (repeatable or comma-separated). */
  ignore?: string[] | undefined;
  /** PSI threshold (default 0.2). */
  psi?: number | undefined;
  /** Jensen–Shannon threshold (default 0.1). */
  js?: number | undefined;
  /** L∞ threshold (default 0.1). */
  linf?: number | undefined;
  /** Write the JSON report here. */
  json?: string | undefined;
  /** Rows sampled per file, or `all` (default 100000). */
  sample?: string | number | undefined;
  /** Sampling seed (default 1). */
  seed?: number | undefined;
  /** Skip malformed records instead of failing. */
  skipBadRows?: boolean | undefined;
  /** Force colour on or off. */
  color?: boolean | undefined;
  /** Stack traces for errors. */
  debug?: boolean | undefined;
}

/** Defaults of `skew drift`, in one place. */
export const DRIFT_DEFAULTS = Object.freeze({
  thresholds: Object.freeze({ psi: 0.2, jensenShannon: 0.1, lInfinity: 0.1 } satisfies DriftThresholds),
  sample: 100_000,
  seed: 1,
});

/** One file to read. */
export interface DriftFileOptions {
  /** As given on the command line (for output). */
  given: string;
  /** Absolute path. */
  path: string;
  format: 'csv' | 'jsonl';
}

/** `skew drift` arguments, checked, with defaults applied and paths resolved. */
export interface DriftOptions {
  baseline: DriftFileOptions;
  current: DriftFileOptions;
  /** Columns left out (keys first, then ignored), without duplicates. */
  exclude: string[];
  thresholds: DriftThresholds;
  sample: { method: 'reservoir' | 'all'; size: number | null; seed: number };
  /** Absolute path of the JSON report, or null for none. */
  json: string | null;
  onBadRow: 'error' | 'skip';
}

/**
 * Checks `skew drift` arguments and applies the defaults ({@link DRIFT_DEFAULTS}); relative paths are resolved
 * against `cwd`. Throws a {@link UsageError} naming the argument for anything wrong.
 */
export function resolveDriftOptions(args: DriftArgs, cwd: string): DriftOptions {
  const format = args.format === undefined ? undefined : checkFormat(args.format);
  return {
    baseline: fileOptions('--baseline', args.baseline, format, cwd),
    current: fileOptions('--current', args.current, format, cwd),
    exclude: [...new Set([...names(args.key), ...names(args.ignore)])],
    thresholds: {
      psi: threshold('--psi', args.psi, DRIFT_DEFAULTS.thresholds.psi, Infinity),
      jensenShannon: threshold('--js', args.js, DRIFT_DEFAULTS.thresholds.jensenShannon, 1),
      lInfinity: threshold('--linf', args.linf, DRIFT_DEFAULTS.thresholds.lInfinity, 1),
    },
    sample: sampleOptions(args.sample, args.seed),
    json: args.json === undefined ? null : path.resolve(cwd, nonEmpty('--json', args.json)),
    onBadRow: args.skipBadRows ? 'skip' : 'error',
  };
}

function fileOptions(flag: string, given: string | undefined, format: 'csv' | 'jsonl' | undefined, cwd: string): DriftFileOptions {
  if (given === undefined) throw new UsageError(`${flag} FILE is required (skew drift --baseline train.csv --current serving.jsonl)`);
  nonEmpty(flag, given);
  // The same rule as source.format in the config, so a file reads the same way in `skew run` and `skew drift`.
  return { given, path: path.resolve(cwd, given), format: format ?? formatFromPath(given) };
}

function checkFormat(format: string): 'csv' | 'jsonl' {
  if (format === 'csv' || format === 'jsonl') return format;
  throw new UsageError(`--format must be csv or jsonl (got ${JSON.stringify(format)})`);
}

function names(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
}

function threshold(flag: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    const range = max === Infinity ? 'a number ≥ 0' : `a number from 0 to ${max}`;
    throw new UsageError(`${flag} must be ${range} (got ${JSON.stringify(value)})`);
  }
  return value;
}

function sampleOptions(sample: string | number | undefined, seed: number | undefined): DriftOptions['sample'] {
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new UsageError(`--seed must be an integer (got ${seed})`);
  const resolvedSeed = seed ?? DRIFT_DEFAULTS.seed;
  if (sample === undefined) return { method: 'reservoir', size: DRIFT_DEFAULTS.sample, seed: resolvedSeed };
  if (sample === 'all') return { method: 'all', size: null, seed: resolvedSeed };
  const size = typeof sample === 'number' ? sample : /^\s*\d+\s*$/.test(sample) ? Number(sample) : NaN;
  if (!Number.isSafeInteger(size) || size <= 0) throw new UsageError(`--sample must be a positive integer or "all" (got ${JSON.stringify(sample)})`);
  return { method: 'reservoir', size, seed: resolvedSeed };
}

function nonEmpty(flag: string, value: string): string {
  if (value.trim() === '') throw new UsageError(`${flag} must not be empty`);
  return value;
}
