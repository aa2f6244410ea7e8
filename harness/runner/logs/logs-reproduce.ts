import * as path from 'node:path';
import type { ResolvedConfig } from '../../config/resolved-config';
import { shellQuote } from '../../core/shell-quote';

/**
 * The command that reruns a `skew logs` run exactly: same config, target, seed, sample and time window — or, with
 * `keys`, the same rows.
 */
export function logsReproduceCommand(config: ResolvedConfig, cwd: string, keys?: readonly string[]): string {
  const args = ['npx', 'skew', 'logs'];
  if (config.configFile) args.push('--config', path.relative(cwd, config.configFile) || config.configFile);
  if (config.target) args.push('--target', config.target);
  const logs = config.logs;
  if (keys && keys.length > 0) args.push('--keys', keys.join(','));
  else if (logs) {
    args.push('--seed', String(logs.sample.seed), '--sample', logs.sample.method === 'all' ? 'all' : String(logs.sample.size));
  }
  if (logs) {
    if (logs.log.since !== null) args.push('--since', new Date(logs.log.since).toISOString());
    if (logs.log.until !== null) args.push('--until', new Date(logs.log.until).toISOString());
  }
  return args.map(shellQuote).join(' ');
}
