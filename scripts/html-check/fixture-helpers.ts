/**
 * Builders for the fixture report: field statistics computed the way the harness computes them (rate, Wilson
 * interval, status from the budget), histograms, and a seeded random source, so the fixture is realistic and the
 * same on every run (a stable screenshot).
 */
import type { FieldAnalysis, Histogram } from '../../harness/core/field-analysis';
import type { FieldStats } from '../../harness/core/field-stats';
import type { Mismatch, MismatchKind } from '../../harness/core/mismatch';
import { wilsonInterval } from '../../harness/core/wilson';

/** A seeded uniform random source in [0, 1) (mulberry32): the fixture must not change between runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a fixture field states; the rest (rate, interval, status, kinds, max diffs) is derived. */
export interface FieldSpec {
  field: string;
  compared: number;
  mismatched: number;
  budget?: number;
  kinds?: Partial<Record<MismatchKind, number>>;
  examples?: Mismatch[];
  side?: FieldStats['side'];
  noise?: FieldStats['noise'];
  analysis?: FieldAnalysis;
}

/** Field statistics as the accumulator would produce them. */
export function fieldStats(spec: FieldSpec): FieldStats {
  const rate = spec.compared === 0 ? 0 : spec.mismatched / spec.compared;
  const budget = spec.budget ?? 0;
  const examples = spec.examples ?? [];
  const diffs = examples.map((m) => m.absDiff).filter((d): d is number => d !== undefined && Number.isFinite(d));
  const rels = examples.map((m) => m.relDiff).filter((d): d is number => d !== undefined && Number.isFinite(d));
  const stats: FieldStats = {
    field: spec.field,
    compared: spec.compared,
    mismatched: spec.mismatched,
    rate,
    interval: wilsonInterval(spec.mismatched, spec.compared),
    budget,
    status: rate > budget ? 'failed' : 'passed',
    kinds: { value: 0, type: 0, missing_online: 0, missing_offline: 0, error: 0, ...(spec.mismatched > 0 ? (spec.kinds ?? { value: spec.mismatched }) : {}) },
    maxAbsDiff: diffs.length > 0 ? Math.max(...diffs) : null,
    maxRelDiff: rels.length > 0 ? Math.max(...rels) : null,
    examples,
  };
  if (spec.side) stats.side = spec.side;
  if (spec.noise) stats.noise = spec.noise;
  if (spec.analysis) stats.analysis = spec.analysis;
  return stats;
}

/** A numeric value mismatch with its differences, as the diff engine records it. */
export function valueMismatch(key: string, field: string, offline: number, online: number): Mismatch {
  const absDiff = Math.abs(offline - online);
  const scale = Math.max(Math.abs(offline), Math.abs(online));
  return { key, field, path: field, kind: 'value', offline, online, absDiff, relDiff: scale === 0 ? 0 : absDiff / scale };
}

/** Equal-width histogram of `values` in `bins` bins (the last bin closed). */
export function histogramOf(values: readonly number[], bins: number): Histogram {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const width = hi === lo ? 1 : (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (hi === lo ? lo - 0.5 + i / bins : lo + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    const i = hi === lo ? Math.floor(bins / 2) : Math.min(bins - 1, Math.floor((v - lo) / width));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return { edges, counts };
}
