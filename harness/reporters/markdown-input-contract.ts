import type { CheckResult } from '../core/check-result';
import { groupProbes, isDivergent, REACTION_WORDS } from '../core/contract-probe';
import { markdownCell, markdownCode } from './escape-markdown';
import { probeColumnsCell, sideReactionsCell } from './probe-cells';

/**
 * The input-contract check as Markdown: the probed row, and a table with a line per probe kind × reaction (columns,
 * what offline and serving did, the reaction; divergent ones marked). Empty for other checks. Pure.
 */
export function markdownInputContract(check: CheckResult, icon: string): string[] {
  const details = check.inputContract;
  if (!details || details.probes.length === 0) return [];
  const mark = check.status === 'failed' ? '❌' : '⚠️';
  const capped = details.possible > details.probes.length ? ` (of ${details.possible} the contract allows)` : '';
  return [
    `### ${icon} ${check.name}`,
    '',
    `${details.probes.length} probes${capped}, each the typical row ${markdownCode(details.baseKey)} with one value made invalid.`,
    '',
    '| probe | columns | offline | serving | reaction |',
    '|---|---|---|---|---|',
    ...groupProbes(details.probes).map(
      (g) =>
        `| ${g.kind} | ${markdownCell(probeColumnsCell(g, 6))} | ${sideReactionsCell(g, 'offline')} | ${sideReactionsCell(g, 'online')} | ${isDivergent(g.reaction) ? `${mark} ` : ''}${REACTION_WORDS[g.reaction]} |`,
    ),
    '',
  ];
}

/** A check's warnings as a Markdown list, each with its example; empty when it has none. Pure. */
export function markdownWarnings(check: CheckResult): string[] {
  const warnings = check.warnings ?? [];
  if (warnings.length === 0) return [];
  return [
    ...warnings.map((w) => `- ⚠️ **${markdownCell(check.name)}: ${markdownCell(w.message)}**${w.detail ? ` — ${markdownCode(w.detail)}` : ''}${w.reproduce ? ` — reproduce with ${markdownCode(w.reproduce)}` : ''}`),
    '',
    `_Warnings are reported, not failed${check.name === 'input-contract' ? ' (`checks.inputContract.fail: true` fails on them)' : ''}._`,
    '',
  ];
}
