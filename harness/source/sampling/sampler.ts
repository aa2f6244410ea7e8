/** A record offered for sampling: what every method needs to choose it and to put it back in file order. */
export interface Candidate<R> {
  /** 1-based record number in the file (bad rows included): file order. */
  index: number;
  /** 1-based line where the record starts. */
  line: number;
  /** Row key before de-duplication. */
  key: string;
  /** Stratify column value as text (`null` for null, or when not stratifying). */
  stratum: string | null;
  /** The raw record, kept only while the candidate is in the sample. */
  record: R;
  /** Set on rows returned only because their key was pinned with `always` (not drawn by the sampler). */
  pinnedOnly?: boolean;
}

/** Rows and sampled rows of one stratum (`stratified` only). */
export interface StratumCount {
  /** Admitted rows with this stratify value. */
  rows: number;
  /** Rows of it in the sample. */
  sampled: number;
}

/**
 * Chooses rows while the file streams past: `offer` every admitted record once, in file order, then `take`
 * the sample. Memory is proportional to the sample (to the file for `all`, by definition).
 */
export interface Sampler<R> {
  /** Considers one record. */
  offer(candidate: Candidate<R>): void;
  /** The chosen records, in file order. Call once, after the last `offer`. */
  take(): Array<Candidate<R>>;
  /** Per-stratum counts, keyed by stratum value (`stratified` only; `null` otherwise). Valid after `take`. */
  strata(): Record<string, StratumCount> | null;
}

/** Sorts candidates into file order. */
export function inFileOrder<R>(candidates: Array<Candidate<R>>): Array<Candidate<R>> {
  return candidates.sort((a, b) => a.index - b.index);
}

/** The `all` method: every admitted record. */
export function createAllSampler<R>(): Sampler<R> {
  const all: Array<Candidate<R>> = [];
  return {
    offer: (candidate) => void all.push(candidate),
    take: () => all,
    strata: () => null,
  };
}
