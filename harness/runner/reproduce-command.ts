import * as path from 'node:path';
import type { ResolvedConfig } from '../config/resolved-config';

/** Quotes an argument for a POSIX shell only when it needs it. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that reruns this run exactly: same config, target, seed, sample size and method. With `keys`,
 * only those rows (`--keys`), which is how a single failing row is reproduced; with `generated`, exactly one
 * generated-parity case (the sample fixes the profile the rows are generated from, the seed and path the case);
 * with `check`, only that check.
 */
export function reproduceCommand(
  config: Pick<ResolvedConfig, 'configFile' | 'target' | 'sample'>,
  cwd: string,
  extra: { keys?: readonly string[]; generated?: { seed: number; path: string }; check?: string } = {},
): string {
  const args = ['npx', 'skew', 'run'];
  if (config.configFile) args.push('--config', path.relative(cwd, config.configFile) || config.configFile);
  if (config.target) args.push('--target', config.target);
  if (extra.keys && extra.keys.length > 0) {
    args.push('--keys', extra.keys.join(','));
  } else {
    args.push('--seed', String(config.sample.seed));
    if (config.sample.method === 'all') args.push('--sample', 'all');
    else args.push('--sample', String(config.sample.size), '--sample-method', config.sample.method);
  }
  if (extra.generated) {
    args.push('--checks', 'generated-parity', '--generated-seed', String(extra.generated.seed), '--generated-path', extra.generated.path);
  } else if (extra.check) {
    args.push('--checks', extra.check);
  }
  return args.map(shellQuote).join(' ');
}
