import { lInfinity } from './l-infinity';
import { categoryKey, NULL_CATEGORY } from './scalar-kind';

/** Categories listed in {@link CategoricalComparison.unseen}. */
export const MAX_LISTED_UNSEEN = 5;

/** One category and how often it occurs. */
export interface CategoryCount {
  /** The category as its JSON text (`"basic"`, `true`, `3`), or `null` for missing values. */
  category: string;
  count: number;
}

/** One side's category counts in a {@link CategoricalComparison}. */
export interface CategorySide {
  /** Values given, missing ones included. */
  total: number;
  /** Missing values (null, undefined, NaN): counted as the category `null`. */
  missing: number;
  /** Every category with its count, most frequent first (ties by category). */
  categories: CategoryCount[];
}

/** How the distribution of a categorical feature moved between a reference and a current sample. */
export interface CategoricalComparison {
  kind: 'categorical';
  reference: CategorySide;
  current: CategorySide;
  /** L∞ distance between the two frequency vectors, over the union of categories (null included). */
  lInfinity: number;
  /** The category whose share moved the most (the one behind `lInfinity`; the first in order on a tie); null when no share moved. */
  largestShift: { category: string; reference: number; current: number } | null;
  /** Current categories that never occur in the reference (null excluded): how many, their share, the top few. */
  unseen: { categories: number; share: number; top: CategoryCount[] };
}

/**
 * Compares two samples of a categorical feature (strings, booleans, or mixed scalars) by category share. Each
 * value counts under its JSON text (see `categoryKey`), so a boolean sent as a string is a different category,
 * and missing values form the category `null`.
 *
 * @param reference Reference values (training / offline).
 * @param current Values under test (serving / online).
 */
export function compareCategorical(reference: readonly unknown[], current: readonly unknown[]): CategoricalComparison {
  const ref = countCategories(reference);
  const cur = countCategories(current);
  const distance = lInfinity(ref, cur);

  let largestShift: CategoricalComparison['largestShift'] = null;
  let largest = 0;
  for (const category of [...new Set([...ref.keys(), ...cur.keys()])].sort()) {
    const r = share(ref, category, reference.length);
    const c = share(cur, category, current.length);
    if (Math.abs(r - c) > largest) {
      largest = Math.abs(r - c);
      largestShift = { category, reference: r, current: c };
    }
  }

  const unseen = sortCounts(new Map([...cur].filter(([category]) => category !== NULL_CATEGORY && !ref.has(category))));
  const unseenCount = unseen.reduce((sum, c) => sum + c.count, 0);
  return {
    kind: 'categorical',
    reference: side(ref, reference.length),
    current: side(cur, current.length),
    lInfinity: distance,
    largestShift,
    unseen: { categories: unseen.length, share: current.length === 0 ? 0 : unseenCount / current.length, top: unseen.slice(0, MAX_LISTED_UNSEEN) },
  };
}

function countCategories(values: readonly unknown[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) {
    const key = categoryKey(value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function share(counts: ReadonlyMap<string, number>, category: string, total: number): number {
  return total === 0 ? 0 : (counts.get(category) ?? 0) / total;
}

function side(counts: ReadonlyMap<string, number>, total: number): CategorySide {
  return { total, missing: counts.get(NULL_CATEGORY) ?? 0, categories: sortCounts(counts) };
}

function sortCounts(counts: ReadonlyMap<string, number>): CategoryCount[] {
  return [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
}
