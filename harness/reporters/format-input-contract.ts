import type { CheckResult } from '../core/check-result';
import { groupProbes, isDivergent, PROBE_WORDS, REACTION_WORDS, type InputContractDetails } from '../core/contract-probe';
import type { Colors } from './colors';
import { formatTable } from './format-table';
import { probeColumnsCell, sideReactionsCell } from './probe-cells';

/**
 * The input-contract check for the terminal: which row was probed and how many probes, then a table with a line per
 * probe kind × reaction (the columns probed, what offline and serving did, the reaction), divergent reactions
 * first in red (failed) or yellow (warnings). Pure.
 */
export function formatInputContract(check: CheckResult, details: InputContractDetails, c: Colors): string[] {
  const r = check.rows;
  const errors = r.offlineErrors + r.onlineErrors > 0 ? c.yellow(`; errors: ${r.offlineErrors} offline, ${r.onlineErrors} online`) : '';
  const capped = details.possible > details.probes.length ? ` (of ${details.possible} the contract allows)` : '';
  const out = [c.dim(`  ${details.probes.length} probes${capped}, each the typical row ${details.baseKey} with one value made invalid`) + errors];
  const groups = groupProbes(details.probes);
  if (groups.length === 0) return out;
  const paint = (divergent: boolean) => (text: string) => (divergent ? (check.status === 'failed' ? c.red(text) : c.yellow(text)) : text);
  out.push(
    '',
    ...formatTable(
      ['probe', 'columns', 'offline', 'serving', 'reaction'],
      groups.map((g) => {
        const p = paint(isDivergent(g.reaction));
        return [g.kind, probeColumnsCell(g), sideReactionsCell(g, 'offline'), sideReactionsCell(g, 'online'), p(REACTION_WORDS[g.reaction])];
      }),
      ['left', 'left', 'left', 'left', 'left'],
    ),
  );
  if (check.status === 'failed') {
    for (const g of groups.filter((x) => isDivergent(x.reaction))) {
      const first = g.probes[0]!;
      const fields = first.fields.length > 0 ? `; fields differ: ${first.fields.join(', ')}` : '';
      out.push('', `  ${c.red(`${REACTION_WORDS[g.reaction]}: ${PROBE_WORDS[g.kind]}`)} (${g.columns.join(', ')})`, c.dim(`    e.g. ${first.description}${fields}`));
    }
  }
  return out;
}
