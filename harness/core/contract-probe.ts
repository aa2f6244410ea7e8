import type { ContractClause, InputContract } from './input-contract';

/**
 * The kinds of out-of-contract probe, in the order probes are chosen (round-robin over kinds, so a capped set still
 * covers every kind that applies). Each breaks exactly one clause of one column's contract (see {@link PROBE_CLAUSES}).
 */
export const PROBE_KINDS = Object.freeze([
  'missing-column',
  'null-value',
  'number-as-string',
  'text-in-number',
  'number-in-text',
  'boolean-as-string',
  'float-in-integer',
  'malformed-date',
  'empty-string',
  'non-numeric-text',
  'unlisted-value',
] as const);

/** A kind of out-of-contract probe. */
export type ProbeKind = (typeof PROBE_KINDS)[number];

/** The one contract clause each probe kind breaks. */
export const PROBE_CLAUSES: Readonly<Record<ProbeKind, ContractClause>> = Object.freeze({
  'missing-column': 'present',
  'null-value': 'non-null',
  'number-as-string': 'type',
  'text-in-number': 'type',
  'number-in-text': 'type',
  'boolean-as-string': 'type',
  'float-in-integer': 'format',
  'malformed-date': 'format',
  'empty-string': 'format',
  'non-numeric-text': 'format',
  'unlisted-value': 'values',
});

/** Each probe kind in words, for reports. */
export const PROBE_WORDS: Readonly<Record<ProbeKind, string>> = Object.freeze({
  'missing-column': 'a column left out',
  'null-value': 'null in a never-null column',
  'number-as-string': 'a number sent as a string',
  'text-in-number': 'text in a numeric column',
  'number-in-text': 'a number where a string is expected',
  'boolean-as-string': 'a boolean sent as a string',
  'float-in-integer': 'a fraction in an integer column',
  'malformed-date': 'a malformed date',
  'empty-string': 'an empty string where never empty',
  'non-numeric-text': 'words where numbers are written as text',
  'unlisted-value': 'a value outside the allowed values',
});

/**
 * How the two sides together react to a probe. A side rejects a row when the offline pipeline gives a per-row error
 * for it, or serving answers 4xx (not 408 or 429), 500 or a 2xx without features, or the request cannot be built
 * from the row; `error` is infrastructure on either side (a timeout, 503, a network failure), counted as an error
 * and never as a reaction.
 */
export type ProbeReaction = 'both-reject' | 'serving-computes' | 'offline-computes' | 'both-compute-differ' | 'both-compute-alike' | 'error';

/** Reactions in report order: the divergent ones first. */
export const PROBE_REACTIONS: readonly ProbeReaction[] = Object.freeze([
  'serving-computes',
  'offline-computes',
  'both-compute-differ',
  'both-compute-alike',
  'both-reject',
  'error',
]);

/** Each reaction in words, for reports. */
export const REACTION_WORDS: Readonly<Record<ProbeReaction, string>> = Object.freeze({
  'both-reject': 'both reject',
  'serving-computes': 'serving computes what training would reject',
  'offline-computes': 'offline computes what serving rejects',
  'both-compute-differ': 'both compute but differ',
  'both-compute-alike': 'both compute alike',
  error: 'error (infrastructure)',
});

/**
 * Whether the sides react differently: one computes what the other rejects, or both compute different features.
 * These are the input-contract check's warnings (its failures with `fail: true`).
 */
export function isDivergent(reaction: ProbeReaction): boolean {
  return reaction === 'serving-computes' || reaction === 'offline-computes' || reaction === 'both-compute-differ';
}

/** What one side did with a probe row. */
export type SideReaction =
  | { kind: 'computes' }
  | { kind: 'rejects'; message: string; status?: number }
  | { kind: 'error'; message: string };

/** One probe row and how each side reacted to it. */
export interface ProbeOutcome {
  /** Row key (`probe:<kind>:<column>`). */
  key: string;
  /** Probe kind. */
  kind: ProbeKind;
  /** The contract clause it breaks. */
  clause: ContractClause;
  /** The column changed. */
  column: string;
  /** The value sent; absent when the column was left out. */
  value?: unknown;
  /** The change in one line: `plan: "basic" → (missing)`. */
  description: string;
  /** Both sides together. */
  reaction: ProbeReaction;
  /** What the offline pipeline did. */
  offline: SideReaction;
  /** What serving did. */
  online: SideReaction;
  /** Fields that differ when both computed (`both-compute-differ`); empty otherwise. */
  fields: string[];
}

/** What the input-contract check found, for reports. */
export interface InputContractDetails {
  /** Key of the sampled row every probe changes one value of. */
  baseKey: string;
  /** The contract probed (learned and configured). */
  contract: InputContract;
  /** Every probe, in the order chosen. */
  probes: ProbeOutcome[];
  /** Probes the contract allows before the cap (`checks.inputContract.probes`). */
  possible: number;
  /** Whether divergent reactions fail the check (`checks.inputContract.fail`) rather than warn. */
  fail: boolean;
}

/** Probes of one kind that got one reaction, with the columns they changed. */
export interface ProbeGroup {
  kind: ProbeKind;
  reaction: ProbeReaction;
  /** Columns, in probe order. */
  columns: string[];
  /** The probes. */
  probes: ProbeOutcome[];
}

/** Groups probes by kind (in {@link PROBE_KINDS} order) and reaction (in {@link PROBE_REACTIONS} order). Pure. */
export function groupProbes(probes: readonly ProbeOutcome[]): ProbeGroup[] {
  const groups: ProbeGroup[] = [];
  for (const kind of PROBE_KINDS) {
    for (const reaction of PROBE_REACTIONS) {
      const members = probes.filter((p) => p.kind === kind && p.reaction === reaction);
      if (members.length > 0) groups.push({ kind, reaction, columns: members.map((p) => p.column), probes: members });
    }
  }
  return groups;
}

/** How a side reacted, in a few words: `computes`, `rejects (400)`, `rejects`, `error`. */
export function describeSideReaction(reaction: SideReaction): string {
  switch (reaction.kind) {
    case 'computes':
      return 'computes';
    case 'rejects':
      return reaction.status === undefined ? 'rejects' : `rejects (${reaction.status})`;
    case 'error':
      return 'error';
  }
}
