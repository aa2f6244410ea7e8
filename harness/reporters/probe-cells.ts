import { describeSideReaction, type ProbeGroup } from '../core/contract-probe';

/** Columns of a probe group for a table cell: the first `shown`, then how many more (`plan, country, … (+3)`). */
export function probeColumnsCell(group: ProbeGroup, shown = 3): string {
  const names = group.columns.slice(0, shown).join(', ');
  return group.columns.length > shown ? `${names}, … (+${group.columns.length - shown})` : names;
}

/**
 * How one side reacted to a group's probes, for a table cell: `computes`, `rejects (400)`, `rejects (400, 422)`;
 * different kinds of reaction (possible only for `error` groups) are listed apart.
 */
export function sideReactionsCell(group: ProbeGroup, side: 'offline' | 'online'): string {
  const statuses = new Map<string, Set<number>>();
  for (const probe of group.probes) {
    const reaction = probe[side];
    const word = reaction.kind === 'rejects' ? 'rejects' : describeSideReaction(reaction);
    const set = statuses.get(word) ?? new Set<number>();
    if (reaction.kind === 'rejects' && reaction.status !== undefined) set.add(reaction.status);
    statuses.set(word, set);
  }
  return [...statuses].map(([word, codes]) => (codes.size > 0 ? `${word} (${[...codes].sort().join(', ')})` : word)).join(', ');
}
