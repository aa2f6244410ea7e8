import type { CheckResult, GoldenDetails } from '../core/check-result';
import { formatCountOf } from '../core/plural';
import type { Colors } from './colors';
import { formatGoldenChanges } from './format-golden';
import { formatRowErrors } from './format-terminal-report';

/** Options of {@link formatGoldenRecord}. */
export interface GoldenRecordFormatOptions {
  /** Styling. */
  colors: Colors;
  /** Rows shown per changed field and row errors shown. Default 5. */
  examples?: number;
}

/**
 * What `skew golden record` did, for the terminal: recording compares nothing, so its line says what it stored —
 * `golden  ✓ recorded  50 rows in golden/churn.golden.jsonl (50 added, 0 rewritten, 0 removed)` — or proposed, or
 * why it stored nothing; then what changed against the file it replaced and the rows no side could compute. Pure.
 */
export function formatGoldenRecord(check: CheckResult & { golden: GoldenDetails }, options: GoldenRecordFormatOptions): string[] {
  const c = options.colors;
  const shown = options.examples ?? 5;
  const d = check.golden;
  const stored = Math.max(0, check.rows.total - d.incomplete);
  const rows = formatCountOf(stored, 'row');
  const unstored = d.incomplete > 0 ? `${formatCountOf(d.incomplete, 'row')} could not be computed on a side (nothing stored for ${d.incomplete === 1 ? 'it' : 'them'})` : '';
  let line: string;
  if (d.written) {
    const what = `${rows} in ${d.file} (${d.written.added} added, ${d.written.rewritten} rewritten, ${d.written.removed} removed)`;
    line = unstored ? `${c.yellow('? incomplete')}  recorded ${what}; ${unstored}` : `${c.green('✓ recorded')}  ${what}`;
  } else if (d.proposed) {
    const what = `would-be golden file written to ${d.proposed} (${rows}; ${d.file} left as it is)`;
    line = unstored ? `${c.yellow('? incomplete')}  ${what}; ${unstored}` : `${c.green('✓ proposed')}  ${what}`;
  } else if (stored > 0) {
    line = `${unstored ? c.yellow('? incomplete') : c.green('✓ up to date')}  ${d.file} already holds these ${rows}: nothing to write${unstored ? `; ${unstored}` : ''}`;
  } else {
    line = `${c.yellow('? inconclusive')}  nothing recorded: ${unstored || 'the golden row set is empty'}`;
  }
  // A first recording adds every row: the line's count says it, a list of their keys would not add anything.
  const changes = d.written && d.written.added === stored ? { ...d, newKeys: [] } : d;
  return [`${c.bold(check.name)}  ${line}`, ...formatGoldenChanges(changes, c, shown), ...formatRowErrors(check, c, shown)];
}
