import { BottomK, mergeBottomK, type BottomKEntry } from '../core/bottom-k';
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
  readonly #replays: Array<{ position: number; comparison: RowComparison }> = [];
  readonly #skewed: BottomK<RowComparison>;
  readonly #memoryPositions: number[] = [];
  #added = 0;

  constructor(options: ParityRecorderOptions) {
    this.#options = options;
    this.#analysis = new BottomK(options.analysisRows ?? ANALYSIS_ROWS);
    this.#skewed = new BottomK(options.skewedRows ?? 0);
  }

  /** Adds one row (after noise is explained away); `position`: its place in the whole sample (default: added order). */
  add(c: RowComparison, position = this.#added): void {
    this.#added++;
    const { key } = c.row;
    const replay = this.#options.replayed.has(key);
    if (replay) this.#replays.push({ position, comparison: c });
    if (c.offline.kind !== 'ok' || c.online.kind !== 'ok') {
      this.#failedKeys.add(key);
      if (c.offline.kind === 'ok') this.#see(c.offline.features);
      if (c.online.kind === 'ok') this.#see(c.online.features);
      return;
    }
    this.#see(c.offline.features);
    this.#see(c.online.features);
    if (!replay) {
      this.#analysis.offer(key, () => c, position);
      if (c.outcomes.some((o) => o.mismatches.length > 0)) this.#skewed.offer(key, () => c, position);
    }
    const remembered = this.#options.remembered.has(key);
    for (const o of c.outcomes) {
      const differs = o.mismatches.length > 0;
      if (differs) {
        const seen = this.#differing.get(o.field) ?? 0;
        this.#differing.set(o.field, seen + 1);
        if (remembered || seen < this.#options.memoryPerField) this.#noteCase({ field: o.field, key, differs }, position);
      } else if (remembered) this.#noteCase({ field: o.field, key, differs }, position);
    }
  }

  /** The records of the rows added so far. */
  result(): ParityRecords {
    return finishParityRecords(this.partial());
  }

  /** The mergeable state so far (see {@link mergeParityRecords}). */
  partial(): ParityRecordsPartial {
    return {
      analysis: this.#analysis.entries(),
      analysisK: this.#options.analysisRows ?? ANALYSIS_ROWS,
      compared: this.#analysis.offered,
      failedKeys: [...this.#failedKeys],
      fieldsSeen: [...this.#fieldsSeen],
      memoryCases: this.#memoryCases.map((c, i) => ({ ...c, position: this.#memoryPositions[i]! })),
      memoryPerField: this.#options.memoryPerField,
      remembered: [...this.#options.remembered],
      replays: [...this.#replays],
      skewedRows: this.#skewed.entries(),
      skewedK: this.#options.skewedRows ?? 0,
      skewed: this.#skewed.offered,
    };
  }

  #noteCase(c: MemoryCase, position: number): void {
    this.#memoryCases.push(c);
    this.#memoryPositions.push(position);
  }

  #see(features: object): void {
    for (const field in features) this.#fieldsSeen.add(field);
  }
}

/** A {@link ParityRecorder}'s state, with each kept row's position in the whole sample: what shards merge. */
export interface ParityRecordsPartial {
  analysis: Array<BottomKEntry<RowComparison>>;
  analysisK: number;
  compared: number;
  failedKeys: string[];
  fieldsSeen: string[];
  memoryCases: Array<MemoryCase & { position: number }>;
  memoryPerField: number;
  remembered: string[];
  replays: Array<{ position: number; comparison: RowComparison }>;
  skewedRows: Array<BottomKEntry<RowComparison>>;
  skewedK: number;
  skewed: number;
}

/** The records of a partial. */
export function finishParityRecords(p: ParityRecordsPartial): ParityRecords {
  return {
    analysisRows: p.analysis.map((e) => e.item),
    compared: p.compared,
    failedKeys: new Set(p.failedKeys),
    fieldsSeen: new Set(p.fieldsSeen),
    memoryCases: p.memoryCases.map(({ position: _position, ...c }) => c),
    replays: p.replays.map((r) => r.comparison),
    skewedRows: p.skewedRows.map((e) => e.item),
    skewed: p.skewed,
  };
}

/**
 * Merges the partials of disjoint sets of rows (shards) into the partial of their union, exactly as one recorder fed
 * every row in position order: bottom-k of the union for the analysis and skewed rows, replays and memory cases in
 * position order (the per-field limit on new failures applied again over the union). Pure.
 */
export function mergeParityRecords(parts: readonly ParityRecordsPartial[]): ParityRecordsPartial {
  const first = parts[0]!;
  const remembered = new Set(first.remembered);
  const differing = new Map<string, number>();
  const memoryCases = parts
    .flatMap((p) => p.memoryCases)
    .sort((a, b) => a.position - b.position)
    .filter((c) => {
      if (!c.differs) return true;
      const seen = differing.get(c.field) ?? 0;
      differing.set(c.field, seen + 1);
      return remembered.has(c.key) || seen < first.memoryPerField;
    });
  return {
    analysis: mergeBottomK(first.analysisK, parts.map((p) => p.analysis)),
    analysisK: first.analysisK,
    compared: parts.reduce((n, p) => n + p.compared, 0),
    failedKeys: [...new Set(parts.flatMap((p) => p.failedKeys))],
    fieldsSeen: [...new Set(parts.flatMap((p) => p.fieldsSeen))],
    memoryCases,
    memoryPerField: first.memoryPerField,
    remembered: first.remembered,
    replays: parts.flatMap((p) => p.replays).sort((a, b) => a.position - b.position),
    skewedRows: mergeBottomK(first.skewedK, parts.map((p) => p.skewedRows)),
    skewedK: first.skewedK,
    skewed: parts.reduce((n, p) => n + p.skewed, 0),
  };
}
