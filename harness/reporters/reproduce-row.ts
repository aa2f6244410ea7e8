import { shellQuote } from '../core/shell-quote';

/**
 * The run's reproduce command narrowed to one row key: sampling options dropped (`--keys` picks the row), every other
 * option kept (`--checks`, `--url`, …), the key shell-quoted when it needs to be. Shared by the terminal and HTML
 * reports, so both print the same command.
 */
export function reproduceRow(reproduce: string, key: string): string {
  const base = reproduce.replace(/ --seed \S+| --sample \S+| --sample-method \S+/g, '');
  return `${base} --keys ${shellQuote(key)}`;
}
