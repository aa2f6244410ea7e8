import type { FieldImpact } from './prediction-impact';

/**
 * Fields ranked by prediction impact first (rank 1 first), then the others in the order given: a reviewer fixes
 * first what changes decisions, and a report without impact keeps its order. Stable and pure; returns a new array.
 */
export function rankedFirst<F extends { impact?: FieldImpact | undefined }>(fields: readonly F[]): F[] {
  const rankOf = (f: F) => f.impact?.rank ?? null;
  const ranked = fields.filter((f) => rankOf(f) !== null).sort((a, b) => rankOf(a)! - rankOf(b)!);
  return [...ranked, ...fields.filter((f) => rankOf(f) === null)];
}

/**
 * The order of a check's field table: fields ranked by impact first, then failing fields, worst rate first, then
 * the others in feature order.
 */
export function orderForReview<F extends { status: 'passed' | 'failed'; rate: number; impact?: FieldImpact | undefined }>(fields: readonly F[]): F[] {
  return rankedFirst([...fields].sort((a, b) => Number(b.status === 'failed') - Number(a.status === 'failed') || (a.status === 'failed' ? b.rate - a.rate : 0)));
}
