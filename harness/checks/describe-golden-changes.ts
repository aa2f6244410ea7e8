import type { GoldenChange } from '../golden/compare-golden';

/** Who changed what, in words, per side: what a reader must review first. */
const SIDE_SUBJECTS: ReadonlyArray<[side: GoldenChange['side'], subject: string, manner: string]> = [
  ['online', 'serving changed', ''],
  ['offline', 'the offline pipeline changed', ''],
  ['both-alike', 'both sides changed', ' alike'],
  ['both-different', 'both sides changed', ' differently'],
];

/**
 * Which side changed what since the golden file, in words:
 * `serving changed tenure_days and sessions_z on 50 rows since the golden file (offline unchanged)`; with more than
 * one side moving, one clause per side (`serving changed a on 3 rows, both sides changed b alike on 9 rows since …`).
 */
export function describeGoldenChanges(changes: readonly GoldenChange[]): string {
  const clauses: string[] = [];
  for (const [side, subject, manner] of SIDE_SUBJECTS) {
    const ofSide = changes.filter((x) => x.side === side);
    if (ofSide.length === 0) continue;
    const rows = new Set(ofSide.map((x) => x.key)).size;
    clauses.push(`${subject} ${listFields([...new Set(ofSide.map((x) => x.field))])}${manner} on ${rows} row${rows === 1 ? '' : 's'}`);
  }
  const sides = new Set(changes.map((x) => x.side));
  const unchanged = sides.size === 1 && sides.has('online') ? ' (offline unchanged)' : sides.size === 1 && sides.has('offline') ? ' (serving unchanged)' : '';
  return `${clauses.join(', ')} since the golden file${unchanged}`;
}

/** `a`, `a and b`, `a, b and c`, `a, b, c and 2 more fields`. */
function listFields(fields: readonly string[]): string {
  if (fields.length === 1) return fields[0]!;
  if (fields.length <= 3) return `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`;
  const more = fields.length - 3;
  return `${fields.slice(0, 3).join(', ')} and ${more} more field${more === 1 ? '' : 's'}`;
}
