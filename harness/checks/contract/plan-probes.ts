import type { DataProfile } from '../../core/data-profile';
import { PROBE_CLAUSES, PROBE_KINDS, type ProbeKind } from '../../core/contract-probe';
import type { ContractClause, InputContract } from '../../core/input-contract';
import { createRandom } from '../../core/random';
import type { Row } from '../../core/row';
import { formatGeneratedValue } from '../generated/describe-change';
import { MISSING } from '../generated/missing';
import { probeValue } from './probe-values';

/** One out-of-contract probe row: the base row with exactly one value changed. */
export interface ProbeRow {
  /** Row key: `probe:<kind>:<column>`. */
  key: string;
  kind: ProbeKind;
  /** The one clause the row breaks. */
  clause: ContractClause;
  /** The column changed. */
  column: string;
  /** The value put there ({@link MISSING}: the column was left out). */
  value: unknown;
  /** The row to send. */
  row: Row;
  /** The change in one line: `plan: "basic" → (missing)`. */
  description: string;
}

/** The probes chosen, and how many the contract allows before the cap. */
export interface ProbePlan {
  probes: ProbeRow[];
  possible: number;
}

/** Options of {@link planProbes}. */
export interface PlanProbesOptions {
  /** Most probe rows. */
  max: number;
  /** Seed of the column order within each kind. */
  seed: number;
}

/**
 * The out-of-contract probe rows of a contract, each `base` with one probe applied: a probe per kind × input column
 * it applies to (see `probeValue`). Over `max`, probes are taken round-robin over the kinds — every kind that
 * applies once before any twice — and within a kind in a seeded order of columns, so a capped set stays varied and
 * the same seed gives the same set. Deterministic; rows are copies of `base`.
 *
 * @example
 * planProbes(contract, profile, typicalRow, { max: 40, seed: 7 }).probes[0];
 * // { key: 'probe:missing-column:plan', kind: 'missing-column', clause: 'present', column: 'plan', … }
 */
export function planProbes(contract: InputContract, profile: DataProfile, base: Row, options: PlanProbesOptions): ProbePlan {
  const random = createRandom(options.seed);
  const byKind = PROBE_KINDS.map((kind) => {
    const columns = contract.columns.flatMap((column) => {
      const probe = probeValue(kind, column, profile.columns.find((c) => c.name === column.name), base[column.name]);
      return probe === null ? [] : [{ column: column.name, value: probe.value }];
    });
    // Fisher–Yates with the seeded source: which columns a capped run probes does not depend on source order alone.
    for (let i = columns.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [columns[i], columns[j]] = [columns[j]!, columns[i]!];
    }
    return { kind, columns };
  });
  const possible = byKind.reduce((n, k) => n + k.columns.length, 0);
  const probes: ProbeRow[] = [];
  for (let round = 0; probes.length < Math.min(options.max, possible); round++) {
    for (const { kind, columns } of byKind) {
      const pick = columns[round];
      if (pick !== undefined && probes.length < options.max) probes.push(probeRow(kind, pick.column, pick.value, base));
    }
  }
  return { probes, possible };
}

function probeRow(kind: ProbeKind, column: string, value: unknown, base: Row): ProbeRow {
  const row: Row = structuredClone(base);
  const from = Object.hasOwn(base, column) ? base[column] : MISSING;
  if (value === MISSING) delete row[column];
  else row[column] = value;
  return {
    key: `probe:${kind}:${column}`,
    kind,
    clause: PROBE_CLAUSES[kind],
    column,
    value,
    row,
    description: `${column}: ${formatGeneratedValue(from)} → ${formatGeneratedValue(value)}`,
  };
}
