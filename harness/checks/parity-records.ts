import { BottomK } from '../core/bottom-k';
import type { RowComparison } from './row-comparison';

/** Most compared rows kept for the field analyses (hints, segments, charts) of one parity run. */
export const ANALYSIS_ROWS = 10_000;

/** One field of one row as the failure memory needs it: whether the two sides differed. */
export interface MemoryCase {
  field: string;
  key: string;
  differs: boolean;
}

/**
 * What parity keeps of its rows besides the statistics, bounded whatever the sample size: a deterministic capped
 * subsample for the analyses, the rows a side failed on, the fields seen, the cases the failure memory needs, and the
 * remembered rows replayed apart.
 */
export interface ParityRecords {
  /**
   * Compared rows of the random sample for hints, segments and charts, in sample order: every one up to
   * {@link ANALYSIS_ROWS}, beyond that the ones whose keys hash lowest (so the same rows whatever the order or the
   * shards they ran in).
   */
  analysisRows: RowComparison[];
  /** Compared rows of the random sample in all (of which `analysisRows` are a subsample). */
  compared: number;
  /** Keys of rows a side did not compute (an error, or not run). */
  failedKeys: ReadonlySet<string>;
  /** Every field name either side returned. */
  fieldsSeen: ReadonlySet<string>;
  /**
   * In row order: every field outcome of a remembered row (so a stored failure that passes again is known to be fixed),
   * and for the other rows the first differing outcomes of each field, at most `memoryPerField` per field (as many new
   * failures as the memory may take).
   */
  memoryCases: MemoryCase[];
  /** Remembered failing rows that are not part of the random sample (compared, but kept out of the statistics). */
  replays: RowComparison[];
  /**
   * Rows of the random sample where some field differs, at most `skewedRows` (the prediction impact's rows): the ones
   * whose keys hash lowest, so the same rows as choosing among all skewed rows.
   */
  skewedRows: RowComparison[];
  /** Rows of the random sample where some field differs, in all. */
  skewed: number;
}

/** Options of {@link ParityRecorder}. */
export interface ParityRecorderOptions {
  /** Keys replayed apart from the random sample. */
  replayed: ReadonlySet<string>;
  /** Keys of every remembered parity failure (in the sample or replayed apart). */
  remembered: ReadonlySet<string>;
  /** Most new failures the memory takes per field. */
  memoryPerField: number;
  /** Most rows kept for the analyses. Default {@link ANALYSIS_ROWS}. */
  analysisRows?: number;
  /** Most skewed rows kept (see {@link ParityRecords.skewedRows}). Default 0. */
  skewedRows?: number;
}

/** Folds parity's row comparisons, one at a time, into {@link ParityRecords}. Pure; memory bounded by its options. */
export class ParityRecorder {
  readonly #options: ParityRecorderOptions;
  readonly #analysis: BottomK<RowComparison>;
  readonly #failedKeys = new Set<string>();
  readonly #fieldsSeen = new Set<string>();
  readonly #memoryCases: MemoryCase[] = [];
  readonly #differing = new Map<string, number>();
  readonly #replays: RowComparison[] = [];
  readonly #skewed: BottomK<RowComparison>;

  constructor(options: ParityRecorderOptions) {
    this.#options = options;
    this.#analysis = new BottomK(options.analysisRows ?? ANALYSIS_ROWS);
    this.#skewed = new BottomK(options.skewedRows ?? 0);
  }

  /** Adds one row (after noise is explained away). */
  add(c: RowComparison): void {
    const { key } = c.row;
    const replay = this.#options.replayed.has(key);
    if (replay) this.#replays.push(c);
    if (c.offline.kind !== 'ok' || c.online.kind !== 'ok') {
      this.#failedKeys.add(key);
      if (c.offline.kind === 'ok') this.#see(c.offline.features);
      if (c.online.kind === 'ok') this.#see(c.online.features);
      return;
    }
    this.#see(c.offline.features);
    this.#see(c.online.features);
    if (!replay) {
      this.#analysis.offer(key, () => c);
      if (c.outcomes.some((o) => o.mismatches.length > 0)) this.#skewed.offer(key, () => c);
    }
    const remembered = this.#options.remembered.has(key);
    for (const o of c.outcomes) {
      const differs = o.mismatches.length > 0;
      if (differs) {
        const seen = this.#differing.get(o.field) ?? 0;
        this.#differing.set(o.field, seen + 1);
        if (remembered || seen < this.#options.memoryPerField) this.#memoryCases.push({ field: o.field, key, differs });
      } else if (remembered) this.#memoryCases.push({ field: o.field, key, differs });
    }
  }

  /** The records of the rows added so far. */
  result(): ParityRecords {
    return {
      analysisRows: this.#analysis.items(),
      compared: this.#analysis.offered,
      failedKeys: this.#failedKeys,
      fieldsSeen: this.#fieldsSeen,
      memoryCases: this.#memoryCases,
      replays: this.#replays,
      skewedRows: this.#skewed.items(),
      skewed: this.#skewed.offered,
    };
  }

  #see(features: object): void {
    for (const field in features) this.#fieldsSeen.add(field);
  }
}
