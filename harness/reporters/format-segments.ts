import type { FieldSegments, Segment, SegmentSplit } from '../core/field-segments';
import { formatRate } from '../core/summarize-verdict';

/** Segments smaller than this are not named as "where it mismatches" (a rate of 2 rows says little). */
const MIN_NAMED_ROWS = 5;

/** What a split groups by, in words: `customer_tz`, `event_at (month)`, `event_at (hour)`. */
export function splitName(split: Pick<SegmentSplit, 'column' | 'basis'>): string {
  switch (split.basis) {
    case 'category':
    case 'quantile':
      return split.column;
    case 'month':
      return `${split.column} (month)`;
    case 'hour':
      return `${split.column} (hour)`;
  }
}

/** Most segments named in one line, however many share the worst rate. */
const MAX_NAMED = 6;

/**
 * The segments with the highest mismatch rates (of at least a few rows), highest first: the worst, up to
 * `count` − 1 more whose rate is at least half the worst's (a 0% runner-up is not "where it mismatches"), and every
 * other segment as bad as the worst (up to {@link MAX_NAMED} in all): four categories at 100% are all named, not two
 * of them beside an "elsewhere" that hides the other two.
 */
export function worstSegments(split: SegmentSplit, count: number): Segment[] {
  const named = split.segments.filter((s) => s.rows >= MIN_NAMED_ROWS);
  const sorted = [...(named.length > 0 ? named : split.segments)].sort((a, b) => b.rate - a.rate || b.rows - a.rows);
  const worst = sorted[0];
  if (!worst) return [];
  const tied = sorted.filter((s) => s.rate === worst.rate && s.rate > 0).length;
  return [worst, ...sorted.slice(1, Math.min(Math.max(count, tied), MAX_NAMED)).filter((s) => s.rate > 0 && s.rate >= worst.rate / 2)];
}

/** One segment: `Europe/Berlin 54% (510 of 951)`. */
export function formatSegment(s: Segment): string {
  return `${s.label} ${formatRate(s.rate)} (${s.mismatched} of ${s.rows})`;
}

/**
 * A split in one line, its worst segments first and the rate of the rest:
 * `customer_tz: Europe/Berlin 54% (510 of 951), America/New_York 12% (98 of 820); elsewhere 0% (0 of 1229)`.
 */
export function formatSplit(split: SegmentSplit, count = 2): string {
  const worst = worstSegments(split, count);
  const rest = split.segments.filter((s) => !worst.includes(s));
  const restRows = rest.reduce((n, s) => n + s.rows, 0);
  const restMismatched = rest.reduce((n, s) => n + s.mismatched, 0);
  const worstRate = worst[0]?.rate ?? 0;
  const alsoWorst = worstRate > 0 ? rest.filter((s) => s.rate === worstRate && s.rows >= MIN_NAMED_ROWS).length : 0;
  const more = alsoWorst > 0 ? ` (${alsoWorst} more at ${formatRate(worstRate)})` : '';
  const elsewhere = restRows > 0 ? `; elsewhere ${formatRate(restMismatched / restRows)} (${restMismatched} of ${restRows})${more}` : '';
  return `${splitName(split)}: ${worst.map(formatSegment).join(', ')}${elsewhere}`;
}

/**
 * A field's segments in one line for the terminal, JUnit and annotations: the best split with its worst segments,
 * then the other columns that also separate. Empty when nothing separates.
 */
export function formatSegmentsLine(segments: FieldSegments | undefined, count = 2): string {
  const [best, ...others] = segments?.splits ?? [];
  if (!best) return '';
  return `${formatSplit(best, count)}${others.length > 0 ? `; also by ${others.map(splitName).join(', ')}` : ''}`;
}

/** Every segment of a split, in its natural order: `Jan 0% (0 of 250) · Feb …`, for Markdown. */
export function formatAllSegments(split: SegmentSplit): string {
  return split.segments.map(formatSegment).join(' · ');
}
